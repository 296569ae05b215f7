"""Small helpers the privacy engine's tests share."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.privacy.common import load_set
from carai.privacy import PrivacyEngine, patterns


def labelled(engine: PrivacyEngine, text: str, label: str) -> list[str]:
    """The texts of the spans the engine gives this label."""
    return [s.text for s in engine.analyse(text).spans if s.label == label]


SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "privacy"


def set_texts(*, per_set: int | None = None, held_out: bool = False) -> list[str]:
    """The texts of the sets in benchmarks/privacy, for tests that compare two ways of working.

    Without ``held_out`` only the tuning sets (no "holdout" in the file name); with
    ``per_set`` only the first texts of each set. Such tests may run the engine on held-out
    texts (the output is compared, never shown) but must never be tuned on them.
    """
    texts: list[str] = []
    for path in sorted(SETS.glob("*.jsonl")):
        if "holdout" in path.name and not held_out:
            continue
        texts.extend(item["text"] for item in load_set(path)[:per_set])
    return texts


def tuning_texts(per_set: int | None = None) -> list[str]:
    """The texts of the tuning sets, the first ``per_set`` of each when given."""
    return set_texts(per_set=per_set)


def as_gated(scan: object) -> patterns.Gated:
    """A module-level scan that ``patterns.gated`` made (its name keeps the type of the
    ``re.compile`` it was first bound to, so mypy needs the check said out loud)."""
    assert isinstance(scan, patterns.Gated)
    return scan


def ungated(scan: patterns.Gated) -> re.Pattern[str]:
    """The pattern a Gated scan was made from, scanned over the whole text as before."""
    gate = "(?=" + scan.first + ")(?:"
    assert scan.plain.pattern.startswith(gate)
    return re.compile(scan.plain.pattern.removeprefix(gate).removesuffix(")"), scan.flags)
