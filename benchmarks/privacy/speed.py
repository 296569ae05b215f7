"""Speed and memory of the privacy check: our engine against deduce alone, in one run.

    python -m benchmarks.privacy.speed [--rounds 200] [--cpu]

Prints load time and peak memory, then per text length (300, 1,000, 5,000 characters) the
median and p95 time per text and the throughput, for both. The target: ours at most 1.3x
deduce's time. ``--cpu`` times with the process's CPU time (``time.process_time``) instead of
the wall clock: on a busy machine, waiting for a core then counts for neither detector.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.privacy.common import Detector, deduce_alone, load_set, loaded_engine, ours

SENTENCES = [
    "Mevrouw J. de Vries (84) woont te Zwolle aan de Lindelaan 4, 8011 AB.",
    "Vanochtend onrustig, at weinig. Metformine 500 mg 2dd gegeven om 08:00.",
    "Dochter Anouk belde via 06-12345678 over het bezoek van 12 maart.",
    "Wond aan het linkeronderbeen verzorgd, geen tekenen van infectie.",
    "Overleg met huisartsenpraktijk De Linde, BSN 123.456.782 nagevraagd.",
    "Ziekte van Parkinson bekend; valrisico besproken in het team.",
]


def texts_of(length: int, pool: list[str]) -> list[str]:
    """Texts of about ``length`` characters, cut at a word, from the pool in turn."""
    out, index = [], 0
    for _ in range(20):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < length:
            parts.append(pool[index % len(pool)])
            index += 1
        out.append(" ".join(parts)[:length].rsplit(" ", 1)[0])
    return out


def timings(
    detectors: dict[str, Detector],
    texts: list[str],
    rounds: int,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, list[float]]:
    """Seconds per text for each detector, taking turns on the same text, so that other
    work on the machine slows both alike instead of whichever happens to run then."""
    for text in texts[:3]:
        for detect in detectors.values():
            detect(text)  # warm
    seconds: dict[str, list[float]] = {name: [] for name in detectors}
    for number in range(rounds):
        text = texts[number % len(texts)]
        order = list(detectors.items())
        if number % 2:
            order.reverse()
        for name, detect in order:
            start = clock()
            detect(text)
            seconds[name].append(clock() - start)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of wall clock")
    args = parser.parse_args()
    dev = Path(__file__).with_name("dev_set.jsonl")
    pool = [item["text"] for item in load_set(dev)] if dev.exists() else SENTENCES
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    engine, load = loaded_engine()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"load {load:.1f} s; peak memory {peak / 1024:.0f} MB (+{(peak - before) / 1024:.0f} MB)")
    print("both detectors share this one deduce instance; ours adds regexes and lookups only")
    print("clock: " + ("CPU time of this process" if args.cpu else "wall clock"))
    print(f"{'length':>6} {'engine':<7} {'median ms':>9} {'p95 ms':>7} {'chars/s':>9}")
    for length in (300, 1000, 5000):
        texts = texts_of(length, pool)
        rows = {}
        measured = timings(
            {"deduce": deduce_alone(engine), "ours": ours(engine)},
            texts,
            args.rounds,
            time.process_time if args.cpu else time.perf_counter,
        )
        chars = sum(len(texts[i % len(texts)]) for i in range(args.rounds))
        for name, seconds in measured.items():
            median = statistics.median(seconds)
            p95 = statistics.quantiles(seconds, n=20)[18]
            rows[name] = median
            print(
                f"{length:>6} {name:<7} {median * 1000:9.2f} {p95 * 1000:7.2f} "
                f"{chars / sum(seconds):9.0f}"
            )
        print(
            f"{length:>6} ours/deduce median: {rows['ours'] / rows['deduce']:.2f}x (target ≤ 1.3x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
