"""Recall and precision per category: our engine against deduce alone.

    python -m benchmarks.privacy.score [benchmarks/privacy/dev_set.jsonl]

A found span counts as a hit when it has the gold span's label and overlaps it; each found
span is used for one gold span at most. Prints one table per engine and the targets.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.privacy.common import Detector, deduce_alone, load_set, ours
from carai.privacy import LABELS, PrivacyEngine

TARGETS = {
    **dict.fromkeys(["bsn", "telefoon", "email", "iban", "nummer", "adres", "postcode"], 0.98),
    "naam": 0.95,
    "datum": 0.90,
    "leeftijd": 0.90,
}


def score(
    items: list[dict[str, Any]], detect: Detector
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    gold_n: Counter[str] = Counter()
    found_n: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for item in items:
        gold = [(s["start"], s["end"], s["label"]) for s in item["spans"]]
        found = detect(item["text"])
        used: set[int] = set()
        for label in {g[2] for g in gold}:
            gold_n[label] += 0
        for start, end, label in gold:
            gold_n[label] += 1
            for index, (f_start, f_end, f_label) in enumerate(found):
                if index not in used and f_label == label and f_start < end and start < f_end:
                    used.add(index)
                    hits[label] += 1
                    break
        for _start, _end, label in found:
            found_n[label] += 1
    return gold_n, found_n, hits


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def show(value: float | None) -> str:
    return "     -" if value is None else f"{value:6.3f}"


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("dev_set.jsonl")
    report(load_set(path), name=path.name)
    return 0


def report(items: list[dict[str, Any]], *, name: str) -> None:
    """Score both detectors on ``items`` (the dev-set format) and print the table."""
    started = time.perf_counter()
    engine = PrivacyEngine()
    print(f"{name}: {len(items)} texts; engine loaded in {time.perf_counter() - started:.1f} s")
    results = {
        name: score(items, make(engine))
        for name, make in [("ours", ours), ("deduce", deduce_alone)]
    }
    print(
        f"{'category':<11} {'gold':>5} | {'recall':>6} {'prec.':>6} (ours) "
        f"| {'recall':>6} {'prec.':>6} (deduce) | target"
    )
    failures = []
    for label in LABELS:
        gold = results["ours"][0][label]
        cells = []
        for name in ("ours", "deduce"):
            g, f, h = results[name]
            cells.append((ratio(h[label], g[label]), ratio(h[label], f[label])))
        (r_ours, p_ours), (r_ded, p_ded) = cells
        target = TARGETS.get(label)
        note = f"≥{target:.2f}" if target else ""
        if target and r_ours is not None and r_ours < target:
            failures.append(f"{label}: recall {r_ours:.3f} < {target}")
        if r_ours is not None and r_ded is not None and r_ours < r_ded:
            failures.append(f"{label}: recall below deduce")
        if p_ours is not None and p_ded is not None and p_ours < p_ded:
            failures.append(f"{label}: precision below deduce")
        print(
            f"{label:<11} {gold:>5} | {show(r_ours)} {show(p_ours)}        "
            f"| {show(r_ded)} {show(p_ded)}          | {note}"
        )
    for name in ("ours", "deduce"):
        g, f, h = results[name]
        print(
            f"all ({name}): recall {sum(h.values()) / max(sum(g.values()), 1):.3f}, "
            f"precision {sum(h.values()) / max(sum(f.values()), 1):.3f}"
        )
    print("targets missed:" if failures else "all targets met", *failures, sep="\n  ")


if __name__ == "__main__":
    raise SystemExit(main())
