"""Build an annotated privacy set (JSON Lines) from a marked-up source text.

    python -m benchmarks.privacy.build_set benchmarks/privacy/sources/holdout.txt OUT.jsonl

The source is easier to write and review than offsets. Lines starting with "#" before the
first text are comments. "=== ID KIND" starts a text; "[[label:value]]" marks one
identifier, which the output holds as a span ``{"start", "end", "label"}`` over ``value``.
Leading and trailing blank lines of a text are dropped. The output has the format that
``check_dataset.py`` checks.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

MARK = re.compile(r"\[\[([a-z]+):(.+?)\]\]", re.DOTALL)
HEADER = re.compile(r"^=== (\S+) (\S+)\s*$")


def parse_marked(body: str) -> tuple[str, list[dict[str, Any]]]:
    """The plain text and its spans from a body with ``[[label:value]]`` marks."""
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    position = 0
    length = 0
    for match in MARK.finditer(body):
        plain = body[position : match.start()]
        out.append(plain)
        length += len(plain)
        value = match.group(2)
        spans.append({"start": length, "end": length + len(value), "label": match.group(1)})
        out.append(value)
        length += len(value)
        position = match.end()
    out.append(body[position:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unbalanced mark in: {text[:80]!r}")
    return text, spans


def parse_source(source: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    current: tuple[str, str] | None = None
    lines: list[str] = []

    def flush() -> None:
        if current is None:
            return
        text, spans = parse_marked("\n".join(lines).strip("\n"))
        items.append({"id": current[0], "kind": current[1], "text": text, "spans": spans})

    for line in source.splitlines():
        header = HEADER.match(line)
        if header:
            flush()
            current = (header.group(1), header.group(2))
            lines = []
        elif current is not None:
            lines.append(line)
    flush()
    return items


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    items = parse_source(Path(argv[1]).read_text(encoding="utf-8"))
    with Path(argv[2]).open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} texts written to {argv[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
