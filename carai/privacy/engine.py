"""The Dutch privacy check: deduce plus our own detectors and corrections. No Django here.

Load it once per process with :func:`get_engine` (about 10 s and 1 GB once deduce's lookup
cache exists; the first build takes a minute or two). The cache lives in a writable folder
of our choosing, never in site-packages: ``CARAI_DEDUCE_CACHE`` or ``~/.cache/carai/deduce``.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import re
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carai.privacy import patterns
from carai.privacy.patterns import LOOKUP, PATTERN, Candidate

LABELS = (
    "naam",
    "datum",
    "leeftijd",
    "adres",
    "postcode",
    "plaats",
    "instelling",
    "bsn",
    "telefoon",
    "email",
    "nummer",
    "iban",
    "agb",
    "url",
    "kenteken",
)
NO_PERSONAL_DATA = "no_personal_data"
PERSONAL_DATA = "personal_data"
SPECIAL_CATEGORY = "special_category"

_DEDUCE_LABELS = {
    "persoon": "naam",
    "patient": "naam",
    "locatie": "adres",
    "datum": "datum",
    "leeftijd": "leeftijd",
    "telefoonnummer": "telefoon",
    "emailadres": "email",
    "url": "url",
    "bsn": "bsn",
    "id": "nummer",
    "ziekenhuis": "instelling",
    "zorginstelling": "instelling",
}
_TITLES = re.compile(
    r"^(?:(?:mevrouw|meneer|mevr\.?|mw\.?|mr\.?|dhr\.?|de heer|dokter|dr\.?|drs\.?|ir\.?|"
    r"prof\.?|zuster|broeder|cliënt|client|patiënt|patient)\s+)+",
    re.IGNORECASE,
)
# deduce steps whose work ours does anyway, so we skip them: its redactor (we write our own
# placeholders) and its age, phone, e-mail, BSN/identifier and URL annotators (patterns.py
# finds all of those, and more). Skipping them changes no figure in benchmarks/privacy.
_DEDUCE_SKIPPED = frozenset(
    {"redactor", "ages", "phone_numbers", "email_addresses", "identifiers", "urls"}
)
_TE_PLACE = re.compile(r"^te\s+", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
_POSTCODE_ONLY = re.compile(r"^[1-9]\d{3}\s?[A-Z]{2}$")
_CAPITALISED = re.compile(r"(?<![\w'-])[A-Z][a-zà-ÿ]{2,}(?![\w'-])")
_NEXT_CAPITALISED = re.compile(r"[ ]([A-Z][a-zà-ÿ'-]{1,})(?!\w)")
_WORD = re.compile(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str
    reason: str


@dataclass
class Result:
    text: str
    spans: list[Span]
    pseudonymised: str
    verdict: str

    def as_json(self) -> dict[str, Any]:
        return {
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in self.spans],
            "verdict": self.verdict,
        }


def default_cache_dir() -> Path:
    configured = os.environ.get("CARAI_DEDUCE_CACHE")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "carai" / "deduce"


def _import_deduce() -> Any:
    """Import deduce without letting its ``logging.basicConfig`` take over our logging."""
    root = logging.getLogger()
    guard = None
    if not root.handlers:
        guard = logging.NullHandler()
        root.addHandler(guard)  # basicConfig does nothing when the root has a handler
    level = root.level
    try:
        import deduce
    finally:
        if guard is not None:
            root.removeHandler(guard)
        root.setLevel(level)
    return deduce


class PrivacyEngine:
    """Finds identifiers in Dutch text. Thread-safe for reading once built."""

    def __init__(self, *, cache_dir: Path | None = None, use_deduce: bool = True) -> None:
        self.deduce: Any = None
        if use_deduce:
            deduce = _import_deduce()
            cache = cache_dir or default_cache_dir()
            cache.mkdir(parents=True, exist_ok=True)
            self.deduce = deduce.Deduce(cache_path=cache)
            structs = self.deduce.lookup_structs
            self._first_names = structs["first_name"]
            self._surnames = structs["surname"]
            # Plain sets: much faster to ask than deduce's lookup objects.
            self._common = (
                frozenset(w.lower() for w in structs["common_word"].items())
                | frozenset(w.lower() for w in structs["stop_word"].items())
                | patterns.NOT_NAMES
            )
            self._whitelist = frozenset(w.lower() for w in structs["whitelist"].items())
            self._places = structs["placename"]
            self._medical = frozenset(w.lower() for w in structs["medical_term"].items())
            self._diseases = structs["eponymous_disease"]

    # -- detection ------------------------------------------------------------------------

    def _deduce_candidates(self, text: str) -> list[Candidate]:
        if self.deduce is None:
            return []
        document = self.deduce.deidentify(text, disabled=set(_DEDUCE_SKIPPED))
        found = []
        for annotation in document.annotations:
            label = _DEDUCE_LABELS.get(annotation.tag)
            if label is None:
                continue
            start, end = annotation.start_char, annotation.end_char
            piece = text[start:end]
            reason = "herkend aan vaste lijsten met namen, plaatsen en patronen"
            if label == "naam":
                place = _TE_PLACE.match(piece)
                if place is not None:  # deduce reads "te Maastricht" as a person
                    start += place.end()
                    label, reason = "plaats", "plaatsnaam na 'te'"
                else:
                    title = _TITLES.match(piece)
                    if title is not None:
                        start += title.end()
                if self._is_disease(text[start:end]):
                    continue  # "Parkinson", "Alzheimer": a disease, not a person
                if label == "naam":
                    end = self._extend_surname(text, end)
            elif label == "adres":
                if _POSTCODE_ONLY.match(piece):
                    letters = piece[-2:]
                    if patterns.postcode_is_dose(text, start, letters):
                        continue  # "2850 IE" insulin
                    label, reason = "postcode", "Nederlandse postcode"
                elif not _HAS_DIGIT.search(piece):
                    label = "plaats"
            if end > start:
                found.append(Candidate(start, end, label, reason, LOOKUP))
        return found

    def _extend_surname(self, text: str, end: int) -> int:
        """ "Wilhelmina Testpersoon": deduce knows the first name, not the rare surname."""
        following = _NEXT_CAPITALISED.match(text, end)
        if following is None:
            return end
        word = following.group(1)
        if word.lower() in self._common or _in_trie(self._places, [word]):
            return end
        if self._is_disease(word):
            return end
        return following.end(1)

    def _is_disease(self, piece: str) -> bool:
        word = piece.strip()
        return bool(word) and (
            _in_trie(self._diseases, word.split()) or word.lower() in self._medical
        )

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one engine per process
    def _is_first_name(self, word: str) -> bool:
        return _in_trie(self._first_names, [word.capitalize()])

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one engine per process
    def _is_surname(self, word: str) -> bool:
        return _in_trie(self._surnames, [word.capitalize()])

    def _lowercase_name_candidates(self, text: str) -> list[Candidate]:
        """ "pieter jansen": a known first name followed by a known surname, in lower case."""
        if self.deduce is None:
            return []
        found = []
        words = list(_WORD.finditer(text))
        for first, second in itertools.pairwise(words):
            a, b = first.group(0), second.group(0)
            if text[first.end() : second.start()] != " ":
                continue
            if not (a.islower() and b.islower()):
                continue  # capitalised names are deduce's job
            if (
                a not in self._common
                and b not in self._common
                and a not in self._whitelist
                and b not in self._whitelist
                and self._is_first_name(a)
                and self._is_surname(b)
            ):
                found.append(
                    Candidate(
                        first.start(), second.end(), "naam", "voornaam en achternaam", PATTERN
                    )
                )
        return found

    def _titled_name_candidates(self, text: str) -> list[Candidate]:
        """ "dhr jansen", "mw van der linden", "zoon pieter", "sanne: ..." in a chat."""
        if self.deduce is None:
            return []
        found = []
        for m in patterns.TITLE_NAME.finditer(text):
            words = m.group(1).lower().split()
            if words[0] in self._common and len(words) == 1:
                continue
            last = words[-1]
            if m.group(1).split()[-1].islower() and not (
                self._is_surname(last) or self._is_first_name(last)
            ):
                continue  # "dhr. meet zelf": a verb, not a name
            if last not in self._common and not _in_trie(self._diseases, [last.capitalize()]):
                end = self._extend_surname(text, m.end(1))
                found.append(Candidate(m.start(1), end, "naam", "naam na 'dhr'/'mw'", PATTERN))
        for m in patterns.RELATION_NAME.finditer(text):
            word = m.group(1)
            if word not in self._common and self._is_first_name(word):
                found.append(Candidate(m.start(1), m.end(1), "naam", "voornaam na 'zoon'", PATTERN))
        for m in patterns.SPEAKER.finditer(text):
            word = m.group(1)
            if word.lower() not in self._common and self._is_first_name(word.lower()):
                found.append(
                    Candidate(m.start(1), m.end(1), "naam", "naam van wie schrijft", PATTERN)
                )
        return found

    def _place_candidates(self, text: str) -> list[Candidate]:
        """Capitalised words after "te", "in", "uit", "naar" that are Dutch place names."""
        if self.deduce is None:
            return []
        found = []
        for m in re.finditer(
            r"\b(?:te|in|uit|naar|bij|woont in)\s+([A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)?)", text
        ):
            name = m.group(1)
            if _in_trie(self._places, re.split(r"([ -])", name)[::2]) or _in_trie(
                self._places, [name]
            ):
                found.append(Candidate(m.start(1), m.end(1), "plaats", "plaatsnaam", PATTERN))
        # Any other known place name, capitalised, where no sentence starts.
        for m in _CAPITALISED.finditer(text):
            name = m.group(0)
            if name.lower() in self._common or _starts_sentence(text, m.start()):
                continue
            if _in_trie(self._places, [name]):
                found.append(Candidate(m.start(), m.end(), "plaats", "bekende plaatsnaam", LOOKUP))
        return found

    def spans(self, text: str) -> list[Span]:
        candidates: list[Candidate] = []
        candidates.extend(patterns.find_numbers(text))
        candidates.extend(patterns.find_postcodes(text))
        candidates.extend(patterns.find_addresses(text))
        candidates.extend(patterns.find_ages(text))
        candidates.extend(patterns.find_dates(text))
        candidates.extend(patterns.find_institutions(text))
        candidates.extend(self._lowercase_name_candidates(text))
        candidates.extend(self._titled_name_candidates(text))
        candidates.extend(self._place_candidates(text))
        candidates.extend(self._deduce_candidates(text))
        first = _resolve(text, candidates)
        # A value found once is personal everywhere: "Jansen" in the next sentence too.
        labels = {span.text: span.label for span in first if len(span.text) >= 2}
        covered = {(span.start, span.end) for span in first}
        extra = [
            Candidate(
                start,
                start + len(value),
                label,
                "staat al eerder in de tekst als persoonsgegeven",
                0,
            )
            for value, label in labels.items()
            for start in _word_occurrences(text, value)
            if (start, start + len(value)) not in covered
        ]
        if not extra:
            return first
        # The extras rank below every other candidate, so resolving them all again would keep
        # exactly ``first`` and then fill free places with extras: do just that second part.
        return _resolve(text, extra, kept=first)

    # -- output ---------------------------------------------------------------------------

    def analyse(self, text: str) -> Result:
        found = self.spans(text)
        pseudonymised = pseudonymise(text, found)
        if not found:
            verdict = NO_PERSONAL_DATA
        elif patterns.has_health_terms(text):
            verdict = SPECIAL_CATEGORY
        else:
            verdict = PERSONAL_DATA
        return Result(
            text=text,
            spans=found,
            pseudonymised=pseudonymised,
            verdict=verdict,
        )


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence (so its capital says nothing)."""
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in ".!?:\n"


def _word_occurrences(text: str, value: str) -> list[int]:
    """Where ``value`` stands in ``text`` as a word of its own (str.find: no regex to build)."""
    found = []
    start = text.find(value)
    while start != -1:
        end = start + len(value)
        before_ok = start == 0 or (not text[start - 1].isalnum() and text[start - 1] != "_")
        after_ok = end == len(text) or (not text[end].isalnum() and text[end] != "_")
        if before_ok and after_ok:
            found.append(start)
        start = text.find(value, start + 1)
    return found


def _in_trie(trie: Any, tokens: list[str]) -> bool:
    """Whether the tokens are one whole entry of a deduce lookup trie."""
    return bool(tokens) and trie.longest_matching_prefix(tokens) == tokens


def _resolve(text: str, candidates: list[Candidate], *, kept: Sequence[Span] = ()) -> list[Span]:
    """Keep the strongest, then longest, of overlapping candidates; trim spaces. Spans in
    ``kept`` were chosen before and stay."""
    chosen: list[tuple[int, int, str, str]] = [(s.start, s.end, s.label, s.reason) for s in kept]
    taken = bytearray(len(text) + 1)
    for span in kept:
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    ordered = sorted(candidates, key=lambda c: (-c.priority, c.start - c.end, c.start))
    for candidate in ordered:
        start, end = candidate.start, candidate.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or 1 in taken[start:end]:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, candidate.label, candidate.reason))
    chosen.sort()
    return [
        Span(start, end, label, text[start:end], reason) for start, end, label, reason in chosen
    ]


def _normal(value: str) -> str:
    return re.sub(r"[\s.\-()+]", "", value).lower()


def pseudonymise(text: str, spans: list[Span]) -> str:
    """Replace each span by ``[LABEL-n]``; the same value gets the same placeholder."""
    numbers: dict[str, int] = defaultdict(int)
    by_value: dict[tuple[str, str], str] = {}
    out: list[str] = []
    position = 0
    for span in spans:
        key = (span.label, _normal(span.text))
        if key not in by_value:
            numbers[span.label] += 1
            by_value[key] = f"[{span.label.upper()}-{numbers[span.label]}]"
        out.append(text[position : span.start])
        out.append(by_value[key])
        position = span.end
    out.append(text[position:])
    return "".join(out)


_engine: PrivacyEngine | None = None
_lock = threading.Lock()


def get_engine(*, cache_dir: Path | None = None) -> PrivacyEngine:
    """The one engine of this process (built on first call; call it at start-up)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = PrivacyEngine(cache_dir=cache_dir)
    return _engine
