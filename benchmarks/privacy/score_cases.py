"""Score the privacy engine on the dossiers of the practice cases (content/cases/).

    python -m benchmarks.privacy.score_cases

The cases were written and annotated by other writers than the development set and were
not looked at while tuning the detectors, so this is a second, more honest measurement.
Every occurrence of a listed identifier counts as a gold span.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from benchmarks.privacy import score
from carai.practice.content import read_cases
from carai.privacy import PrivacyEngine

ROOT = Path(__file__).resolve().parents[2]


def gold_items(language: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for case in read_cases(ROOT / "content"):
        if case.language != language:
            continue
        spans: list[tuple[int, int, str]] = []
        for identifier in case.identifiers:
            start = case.dossier.find(identifier.text)
            while start != -1:
                spans.append((start, start + len(identifier.text), identifier.label))
                start = case.dossier.find(identifier.text, start + 1)
        spans.sort(key=lambda s: (s[0], -s[1]))
        kept: list[dict[str, Any]] = []
        last_end = -1
        for start, end, label in spans:  # drop spans inside a longer one ("Anouk" in "Anouk B.")
            if start >= last_end:
                kept.append({"start": start, "end": end, "label": label})
                last_end = end
        items.append({"id": case.key, "text": case.dossier, "spans": kept})
    return items


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "nl"
    score.report(gold_items(language), name=f"case dossiers ({language})", engine=PrivacyEngine())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
