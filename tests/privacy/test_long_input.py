"""A long run of names must not make deduce's context step grow without bound: it grew every
name by one word per pass, in a recursion as deep as the run was long (minutes and gigabytes
for 20,000 characters of names). The engine runs that step with at most ``_CONTEXT_PASSES``
passes; on real text that changes nothing (test_quick_lookups compares the whole processor
tree with deduce's own ``deidentify`` on every development text)."""

from __future__ import annotations

from typing import Any

import pytest

from carai.privacy import PrivacyEngine
from carai.privacy import engine as engine_module
from carai.privacy.engine import _CONTEXT_PASSES


def _context_steps(group: Any) -> list[Any]:
    from docdeid.process.doc_processor import DocProcessorGroup

    found = []
    for _name, processor in group:
        if isinstance(processor, DocProcessorGroup):
            found += _context_steps(processor)
        elif hasattr(processor, "_apply_context_pattern"):
            found.append(processor)
    return found


def test_a_long_run_of_names_takes_a_bounded_number_of_passes(
    engine: PrivacyEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = _context_steps(engine._processors)
    assert steps, "deduce's context step is gone from the engine's processors"
    calls = 0
    for step in steps:
        original = step._apply_context_pattern

        def counted(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(step, "_apply_context_pattern", counted)
    text = "Jan Piet Klaas Bakker " * 60  # 240 names in a row, no punctuation
    spans = engine.spans(text)
    patterns_per_pass = sum(len(step.pattern) for step in steps)
    # Unbounded, the step made one pass per word of the run (about 240).
    assert _CONTEXT_PASSES <= 30
    assert 0 < calls <= 30 * patterns_per_pass
    assert [(s.start, s.end, s.label) for s in spans] == [(0, len(text) - 1, "naam")]


# -- Round 11b: the context step's total growth is bounded too -----------------------------


def _count_context_calls(engine: PrivacyEngine, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the context step's pattern applications (one per pattern per pass)."""
    calls = [0]
    for step in _context_steps(engine._processors):
        original = step._apply_context_pattern

        def counted(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            calls[0] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(step, "_apply_context_pattern", counted)
    return calls


def test_a_run_of_names_of_20000_characters_grows_in_a_few_passes(
    engine: PrivacyEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every name in a run of names grows on every pass, so the growth budget (twice the
    names plus 100) ends the step after three passes instead of 25."""
    calls = _count_context_calls(engine, monkeypatch)
    patterns_per_pass = sum(len(step.pattern) for step in _context_steps(engine._processors))
    text = "Jan Piet Klaas Bakker " * 909  # 19,998 characters
    spans = engine.spans(text)
    assert 0 < calls[0] <= 3 * patterns_per_pass
    # still one name over the whole run: the names cut short overlap and are joined
    assert [(s.start, s.end, s.label) for s in spans] == [(0, len(text) - 1, "naam")]


# Made up: every name, street and number is invented. Names that grow over several passes
# (initials, first names, particles, a double surname) in ordinary text.
_GROWING_NAMES = [
    "Dhr. J.P.K. van der Berg-de Vries belde over mevrouw A. B. C. ter Laan-Bosman.",
    "Cliënt Willemijn Annabel Theodora van den Hoogenband woont aan de Kerkstraat 4.",
    "Overleg met Klaas Piet Jan de Groot en Fenna Jozefien van 't Hoff-Zuidema.",
    "Mw. E.M.J. Verbrugge-van der Linden (84), dochter Sanne van der Linden belt.",
]


@pytest.mark.parametrize("text", _GROWING_NAMES)
def test_the_growth_budget_changes_nothing_on_ordinary_text(
    engine: PrivacyEngine, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    bounded = [(s.start, s.end, s.label) for s in engine.spans(text)]
    monkeypatch.setattr(engine_module, "_CONTEXT_GROWTH", (10**9, 0))
    unbounded = [(s.start, s.end, s.label) for s in engine.spans(text)]
    assert bounded == unbounded
    assert any(label == "naam" for _s, _e, label in bounded)


def test_the_growth_budget_can_stop_the_step(
    engine: PrivacyEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other side: with no budget at all the step stops after its first pass, so the
    budget is what lets the names above grow in full."""
    calls = _count_context_calls(engine, monkeypatch)
    text = _GROWING_NAMES[0]
    engine.spans(text)
    budgeted = calls[0]
    monkeypatch.setattr(engine_module, "_CONTEXT_GROWTH", (0, -1))
    calls[0] = 0
    engine.spans(text)
    assert calls[0] < budgeted
