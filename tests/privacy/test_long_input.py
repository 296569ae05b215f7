"""A long run of names must not make deduce's context step grow without bound: it grew every
name by one word per pass, in a recursion as deep as the run was long (minutes and gigabytes
for 20,000 characters of names). The engine runs that step with at most ``_CONTEXT_PASSES``
passes; on real text that changes nothing (test_quick_lookups compares the whole processor
tree with deduce's own ``deidentify`` on every development text)."""

from __future__ import annotations

from typing import Any

import pytest

from carai.privacy import PrivacyEngine
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
