"""Does a change of the privacy engine keep its output identical? Record, then compare.

    python -m benchmarks.privacy.same_spans record [--file var/privacy_same_spans.json]
    python -m benchmarks.privacy.same_spans compare [--file var/privacy_same_spans.json]

``record`` runs ``PrivacyEngine.spans()`` on every text of every set in benchmarks/privacy
(the development sets, the clean texts and the held-out sets), on the speed benchmark's
joined texts (300, 1,000 and 5,000 characters), and on a few hundred texts generated anew
from the tuning halves of variants.py and variants3.py (the same seeds, more texts than the
sets hold), and writes what it found to a JSON file (in var/, which git ignores).
``compare`` runs the engine again and prints, per set, how many texts now give other spans.

For a development or generated text the record holds the spans, and ``compare`` shows the
text's id with the spans lost and gained. For a held-out set (a "holdout" in its name) the
record holds only a SHA-256 digest of each text's spans, and ``compare`` prints only the
count of texts that differ: a held-out text is never shown, not even its spans.

Exit status of ``compare``: 0 when every text gives the same spans, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.privacy import variants, variants3
from benchmarks.privacy.common import load_set
from benchmarks.privacy.speed import texts_of
from carai.privacy import PrivacyEngine

HERE = Path(__file__).parent
DEFAULT_FILE = Path("var/privacy_same_spans.json")
GENERATED = 300  # per generator; the sets hold the first 60 of each


def _sets() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(set name, [(text id, text)]) for every set, the speed texts and generated texts."""
    for path in sorted(HERE.glob("*.jsonl")):
        items = load_set(path)
        yield path.name, [(str(item.get("id", n)), item["text"]) for n, item in enumerate(items)]
    pool = [item["text"] for item in load_set(HERE / "dev_set.jsonl")]
    for length in (300, 1000, 5000):
        yield f"speed-{length}", [(str(n), t) for n, t in enumerate(texts_of(length, pool))]
    generated = {
        "generated-variants": variants.build(0, GENERATED),
        "generated-variants2": variants.build_ages_addresses(GENERATED),
        "generated-variants3": variants3.build(0, GENERATED),
    }
    for name, items in generated.items():
        yield name, [(item["id"], item["text"]) for item in items]


def _held_out(name: str) -> bool:
    return "holdout" in name


def _digest(spans: list[list[object]]) -> str:
    return hashlib.sha256(json.dumps(spans).encode()).hexdigest()


def _run(engine: PrivacyEngine) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for name, texts in _sets():
        found: dict[str, object] = {}
        for text_id, text in texts:
            spans = [[s.start, s.end, s.label] for s in engine.spans(text)]
            found[text_id] = _digest(spans) if _held_out(name) else spans
        out[name] = found
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["record", "compare"])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    args = parser.parse_args(argv)
    engine = PrivacyEngine()
    started = time.perf_counter()
    now = _run(engine)
    seconds = time.perf_counter() - started
    if args.action == "record":
        args.file.parent.mkdir(parents=True, exist_ok=True)
        args.file.write_text(json.dumps(now), encoding="utf-8")
        total = sum(len(found) for found in now.values())
        print(f"recorded {total} texts of {len(now)} sets in {args.file} ({seconds:.0f} s)")
        return 0
    before = json.loads(args.file.read_text(encoding="utf-8"))
    differing = 0
    for name, found in now.items():
        old = before.get(name, {})
        changed = [text_id for text_id in found if old.get(text_id) != found[text_id]]
        changed += [text_id for text_id in old if text_id not in found]
        differing += len(changed)
        print(f"{name:<32} {len(found):>4} texts, {len(changed)} differ")
        if _held_out(name):
            continue  # only the count: a held-out text is never shown
        for text_id in changed:
            was: list[object] = old.get(text_id, [])
            is_now: Any = found.get(text_id, [])
            lost = [s for s in was if s not in is_now]
            gained = [s for s in is_now if s not in was]
            print(f"    {text_id}: lost {lost} gained {gained}")
    print(f"{differing} texts differ in all ({seconds:.0f} s)")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
