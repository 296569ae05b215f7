"""Batch privacy check for privacy officers.

python -m carai.privacy [FILE ...]          JSON Lines {"id", "text"} in (stdin or files),
                                            one line {"id", "spans", "verdict"} out each
python -m carai.privacy --text [FILE ...]   plain text in, the pseudonymised text out
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from carai.privacy.engine import get_engine


def _inputs(files: list[str]) -> Iterator[tuple[str, TextIO]]:
    if not files:
        yield "-", sys.stdin
        return
    for name in files:
        with Path(name).open(encoding="utf-8") as handle:
            yield name, handle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m carai.privacy",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", help="input files (default: standard input)")
    parser.add_argument("--text", action="store_true", help="plain text in, pseudonymised out")
    parser.add_argument("--cache-dir", type=Path, help="where deduce keeps its lookup cache")
    args = parser.parse_args(argv)
    engine = get_engine(cache_dir=args.cache_dir)
    problems = 0
    for name, handle in _inputs(args.files):
        if args.text:
            sys.stdout.write(engine.analyse(handle.read()).pseudonymised)
            continue
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                print(
                    f"{name}:{number}: skipped, not a JSON object with a text ({exc})",
                    file=sys.stderr,
                )
                problems += 1
                continue
            result = engine.analyse(text)
            out = {"id": item.get("id"), **result.as_json()}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
