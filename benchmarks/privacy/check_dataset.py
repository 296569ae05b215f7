"""Validate the hand-annotated privacy development set (``dev_set.jsonl``).

Usage: ``python benchmarks/privacy/check_dataset.py [path/to/set.jsonl]``

Every text in the set is fictional. One JSON object per line:
``{"id", "kind", "text", "spans": [{"start", "end", "label"}]}``; offsets are Python string
indices into ``text`` (end exclusive), sorted and non-overlapping.

Annotation conventions:
- naam: titles and forms of address ("mevrouw", "dhr.", "dr.") stay outside the span;
  initials and tussenvoegsels are inside ("J. de Vries").
- datum: the date itself, without a weekday ("vrijdag 22 maart" -> "22 maart"); a month alone
  is a (partial) date; a range is two spans ("3 t/m 10 oktober" -> "3", "10 oktober").
- leeftijd: "62 jaar", "62-jarige", "79jr" whole; a bare number ("(62)", "wordt 95") is
  only the digits.
- plaats: only the place ("woont te Maastricht" -> "Maastricht").
- instelling: the named institution including its type word ("Huisartsenpraktijk De Linde").
- Nothing is nested: an e-mail address or URL containing a name is one email/url span.
- Hard negatives stay unlabelled: eponymous diseases (Parkinson, Crohn), medication and doses
  ("2850 IE", "1/2 tablet"), lab values, scores ("7/10"), times ("10.05 uur"), weekdays,
  room numbers, durations ("sinds 2 jaar") and generic roles ("de huisarts").

Checks: JSON shape, unique ids, known kinds and labels, text length, spans within bounds,
sorted, non-overlapping, not empty or whitespace-padded, BSN 11-test, IBAN mod-97, and no
spans in texts of kind "geen-identificatie". Prints counts per label and per kind; exits 1
on any problem.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

LABELS = (
    "naam", "datum", "leeftijd", "adres", "postcode", "plaats", "instelling", "bsn",
    "telefoon", "email", "nummer", "iban", "agb", "url", "kenteken",
)  # fmt: skip
KINDS = (
    "rapportage", "overdracht", "ontslagbrief", "verwijsbrief", "email", "chat", "incident",
    "notitie", "verslag", "geen-identificatie",
)  # fmt: skip
MIN_CHARS, MAX_CHARS = 150, 1200
DEFAULT_PATH = Path(__file__).with_name("dev_set.jsonl")


def bsn_valid(value: str) -> bool:
    """Dutch 11-test on the digits left after removing dots and spaces."""
    digits = re.sub(r"[. ]", "", value)
    if not re.fullmatch(r"\d{9}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def iban_valid(value: str) -> bool:
    """ISO 13616 mod-97 check on the IBAN without spaces."""
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def check_record(rec: object, seen_ids: set[str]) -> list[str]:
    if not isinstance(rec, dict):
        return ["not a JSON object"]
    problems: list[str] = []
    if set(rec) != {"id", "kind", "text", "spans"}:
        problems.append(f"unexpected keys {sorted(rec)}")
    rid, kind, text, spans = rec.get("id"), rec.get("kind"), rec.get("text"), rec.get("spans")
    if not isinstance(rid, str) or not rid:
        problems.append("missing id")
    elif rid in seen_ids:
        problems.append(f"duplicate id {rid}")
    else:
        seen_ids.add(rid)
    if kind not in KINDS:
        problems.append(f"unknown kind {kind!r}")
    if not isinstance(text, str):
        return [*problems, "text is not a string"]
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        problems.append(f"text length {len(text)} outside {MIN_CHARS}-{MAX_CHARS}")
    if not isinstance(spans, list):
        return [*problems, "spans is not a list"]
    if kind == "geen-identificatie" and spans:
        problems.append("kind geen-identificatie must have no spans")
    previous_end = 0
    for span in spans:
        if not isinstance(span, dict) or set(span) != {"start", "end", "label"}:
            problems.append(f"malformed span {span!r}")
            continue
        start, end, label = span["start"], span["end"], span["label"]
        where = f"span {start}-{end} {label}"
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: out of bounds or empty")
            continue
        if start < previous_end:
            problems.append(f"{where}: unsorted or overlaps the previous span")
        previous_end = max(previous_end, end)
        value = text[start:end]
        if label not in LABELS:
            problems.append(f"{where}: unknown label")
        if not value.strip() or value != value.strip():
            problems.append(f"{where}: empty or whitespace-padded {value!r}")
        if label == "bsn" and not bsn_valid(value):
            problems.append(f"{where}: {value!r} fails the 11-test")
        if label == "iban" and not iban_valid(value):
            problems.append(f"{where}: {value!r} fails mod-97")
    problems += unmarked_repeats(text, spans)
    return problems


COMMON_WORDS = {"meer", "bos", "wit", "groot", "klein", "koning", "prins", "zwart", "bakker"}
PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "el", "al", "op", "in", "la"}


def unmarked_repeats(text: str, spans: list[object]) -> list[str]:
    """An identifier marked once must be marked wherever it stands again: the whole value for
    every label, and for a name each word of it ("Sven" after "Sven de Kort")."""
    good = [
        s for s in spans
        if isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
    ]  # fmt: skip
    marked = bytearray(len(text) + 1)
    for span in good:
        marked[span["start"] : span["end"]] = b"\x01" * (span["end"] - span["start"])
    values = set()
    for span in good:
        value = text[span["start"] : span["end"]]
        values.add(value)
        if span.get("label") == "naam":
            values.update(
                word for word in re.findall(r"[^\W\d_][\w'-]+", value)
                if len(word) >= 3 and word.lower() not in PARTICLES and word[0].isupper()
            )  # fmt: skip
    problems = []
    for value in sorted(values):
        for match in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text):
            if value.lower() in COMMON_WORDS and re.search(r"(^|[.!?]\s+)$", text[: match.start()]):
                continue  # "Meer informatie ..." after "Van der Meer"
            if not any(marked[match.start() : match.end()]):
                problems.append(f"{value!r} at {match.start()} is not marked")
    return problems


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    labels: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    seen_ids: set[str] = set()
    failures = 0
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"line {lineno}: invalid JSON: {exc}")
                failures += 1
                continue
            problems = check_record(rec, seen_ids)
            rid = rec.get("id") if isinstance(rec, dict) else "?"
            for problem in problems:
                print(f"line {lineno} ({rid}): {problem}")
            failures += len(problems)
            if isinstance(rec, dict):
                kinds[str(rec.get("kind"))] += 1
                for span in rec.get("spans") or []:
                    if isinstance(span, dict):
                        labels[str(span.get("label"))] += 1
    print(f"{sum(kinds.values())} texts, {sum(labels.values())} spans in {path}")
    print("per label:")
    for label in LABELS:
        print(f"  {label:<12} {labels[label]:>4}")
    print("per kind:")
    for kind in KINDS:
        print(f"  {kind:<20} {kinds[kind]:>4}")
    if failures:
        print(f"FAILED: {failures} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
