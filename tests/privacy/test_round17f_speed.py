"""Round 17f (speed300d): fixed costs of deduce's kept steps on a short text.

- ``_steps_to_run`` lists the processors that docdeid's ``DocProcessorGroup.process`` runs
  with our ``disabled`` names, in the same order: on the engine's own tree, on a hand-made
  tree (a disabled group, a disabled step inside a group, something that is no processor),
  and ``_deduce_document`` gives the same annotations as the group's own walk.
- The context step reads each context pattern once (``_context_parts``): the same
  candidates with the parts read anew for every text, the parts stay as read, and the
  kept answer per tag is deduce's test of the tag's first or last part.
"""

from __future__ import annotations

from typing import Any

import pytest

from carai.privacy import PrivacyEngine
from carai.privacy.engine import _DEDUCE_SKIPPED, _document_class, _steps_to_run
from tests.privacy.helpers import tuning_texts as _tuning_texts


def _leaves(group: Any) -> list[Any]:
    from docdeid.process.doc_processor import DocProcessorGroup

    found = []
    for _, processor in group:
        if isinstance(processor, DocProcessorGroup):
            found += _leaves(processor)
        else:
            found.append(processor)
    return found


def _run_order(group: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The processors docdeid's own walk runs (ids, in order), each replaced by a recorder."""
    ran: list[int] = []

    def recorder(processor: Any) -> Any:
        return lambda doc, **kwargs: ran.append(id(processor))

    with monkeypatch.context() as patch:
        for processor in _leaves(group):
            patch.setattr(processor, "process", recorder(processor))
        group.process(_document_class()("Jan"), disabled=_DEDUCE_SKIPPED)
    return ran


def test_steps_of_the_engine_as_docdeid_runs_them(
    engine: PrivacyEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = _run_order(engine._processors, monkeypatch)
    assert ran == [id(step) for step in engine._steps]
    assert len(ran) < len(_leaves(engine._processors))  # some are skipped


class _Step:
    """A docdeid processor that does nothing."""

    def process(self, doc: Any, **kwargs: Any) -> None:
        pass


class _NotAStep:
    """Has a ``process`` but is no ``DocProcessor``: docdeid's group passes it over."""

    def process(self, doc: Any, **kwargs: Any) -> None:
        pass


def test_steps_of_a_made_tree_as_docdeid_runs_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from docdeid.process.doc_processor import DocProcessor, DocProcessorGroup

    DocProcessor.register(_Step)
    step: Any = _Step
    not_a_step: Any = _NotAStep()
    inner = DocProcessorGroup()
    inner.add_processor("first", step())
    inner.add_processor("dates", step())  # a skipped name inside a group
    inner.add_processor("last", step())
    skipped = DocProcessorGroup()
    skipped.add_processor("kept_name", step())  # under a skipped group: not run
    tree = DocProcessorGroup()
    tree.add_processor("one", step())
    tree.add_processor("inner", inner)
    tree.add_processor("urls", skipped)
    tree.add_processor("nothing", not_a_step)  # no processor: docdeid passes it over
    tree.add_processor("two", step())
    ran = _run_order(tree, monkeypatch)
    assert ran == [id(step) for step in _steps_to_run(tree, _DEDUCE_SKIPPED)]
    assert len(ran) == 4


def _annotations(document: Any) -> list[tuple[Any, ...]]:
    return sorted((a.start_char, a.end_char, a.tag, a.text) for a in document.annotations)


def test_the_same_annotations_as_the_group_walk(engine: PrivacyEngine) -> None:
    for text in _tuning_texts(25):
        walked = _document_class()(text, tokenizers=engine._tokenizers)
        engine._processors.process(walked, disabled=_DEDUCE_SKIPPED)
        assert _annotations(engine._deduce_document(text)) == _annotations(walked)


def _context_steps(engine: PrivacyEngine) -> list[Any]:
    return [step for step in engine._steps if hasattr(step, "_contexts")]


def test_context_parts_read_once_give_the_same_candidates(engine: PrivacyEngine) -> None:
    steps = _context_steps(engine)
    assert steps
    texts = _tuning_texts(25)

    def candidates(text: str) -> list[tuple[Any, ...]]:
        return [(c.start, c.end, c.label, c.reason) for c in engine._deduce_candidates(text)]

    kept = [candidates(text) for text in texts]
    fresh = []
    for text in texts:
        for step in steps:
            step._contexts.clear()
        fresh.append(candidates(text))
    assert fresh == kept
    for step in steps:
        for context_pattern, parts in step._contexts.values():
            if parts is not None:
                assert parts[2] == set(context_pattern.get("skip", []))
                assert parts[4] is context_pattern["pattern"]
                right = context_pattern["direction"] == "right"
                for tag, taken in parts[8].items():
                    side = tag.split("+")[-1] if right else tag.split("+")[0]
                    assert taken == (side in context_pattern["pre_tag"])
