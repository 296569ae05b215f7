"""Two versions of the privacy engine in one process, timed in turns on the same texts.

    python -m benchmarks.privacy.ab BASE [--rounds 10]

BASE is a git revision ("main", a commit). Its ``carai/privacy/engine.py`` and
``patterns.py`` are read with ``git show`` and loaded under other module names beside the
engine of the working tree. For each text length (300, 1,000, 5,000 characters) both engines
and deduce alone take turns on each text (``speed.timings``), timed in CPU time. On a busy or
noisy machine this shows a change of a few per cent that two separate runs of
``benchmarks.privacy.speed`` cannot: whatever slows the machine slows both alike.

Prints per length the median milliseconds of each, here/base, and each against deduce alone,
and how many of the texts got other spans (0 for a change that only makes the engine faster).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

from benchmarks.privacy.common import deduce_alone, load_set, ours
from benchmarks.privacy.speed import SENTENCES, texts_of, timings
from carai.privacy.engine import PrivacyEngine

ROOT = Path(__file__).resolve().parents[2]


def _source_at(revision: str, path: str) -> str:
    # git of this repository, a revision the developer names: no input from elsewhere
    shown = subprocess.run(  # noqa: S603
        ["git", "show", f"{revision}:{path}"],  # noqa: S607
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return shown.stdout


def base_engine_class(revision: str) -> type[PrivacyEngine]:
    """The ``PrivacyEngine`` of ``revision``, loaded as ``carai.privacy.engine_base`` with its
    own ``patterns`` module (``carai.privacy.patterns_base``)."""
    patterns = types.ModuleType("carai.privacy.patterns_base")
    patterns.__file__ = str(ROOT / "carai/privacy/patterns.py")
    sys.modules[patterns.__name__] = patterns
    code = compile(_source_at(revision, "carai/privacy/patterns.py"), "patterns_base", "exec")
    exec(code, patterns.__dict__)  # noqa: S102 (the project's own source at a revision)
    source = _source_at(revision, "carai/privacy/engine.py")
    for old, new in (
        (
            "from carai.privacy import patterns\n",
            "import carai.privacy.patterns_base as patterns\n",
        ),
        ("from carai.privacy.patterns import ", "from carai.privacy.patterns_base import "),
    ):
        if old not in source:
            raise SystemExit(f"{revision}: engine.py does not import its patterns as expected")
        source = source.replace(old, new)
    engine = types.ModuleType("carai.privacy.engine_base")
    engine.__file__ = str(ROOT / "carai/privacy/engine.py")
    sys.modules[engine.__name__] = engine
    exec(compile(source, "engine_base", "exec"), engine.__dict__)  # noqa: S102
    cls: type[PrivacyEngine] = engine.PrivacyEngine
    return cls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="git revision to compare the working tree with")
    parser.add_argument("--rounds", type=int, default=10, help="rounds over the 20 texts")
    args = parser.parse_args(argv)
    dev = Path(__file__).with_name("dev_set.jsonl")
    pool = [item["text"] for item in load_set(dev)] if dev.exists() else SENTENCES
    started = time.perf_counter()
    here = PrivacyEngine()
    base = base_engine_class(args.base)()
    print(f"both engines loaded in {time.perf_counter() - started:.1f} s; base {args.base}")
    print("clock: CPU time of this process; median ms a text")
    for length, rounds in ((300, args.rounds * 4), (1000, args.rounds), (5000, args.rounds)):
        texts = texts_of(length, pool)
        other = sum(
            [(s.start, s.end, s.label) for s in here.spans(t)]
            != [(s.start, s.end, s.label) for s in base.spans(t)]
            for t in texts
        )
        measured = timings(
            {"base": ours(base), "here": ours(here), "deduce": deduce_alone(here)},
            texts,
            rounds * len(texts),
            time.process_time,
        )
        ms = {name: statistics.median(seconds) * 1000 for name, seconds in measured.items()}
        print(
            f"{length:>5}: base {ms['base']:.3f}  here {ms['here']:.3f}  deduce {ms['deduce']:.3f}"
            f"  | here/base {ms['here'] / ms['base']:.3f}  base/deduce "
            f"{ms['base'] / ms['deduce']:.2f}x  here/deduce {ms['here'] / ms['deduce']:.2f}x"
            f"  | {other} of {len(texts)} texts with other spans"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
