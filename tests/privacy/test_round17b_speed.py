"""Round 17b (speedinst): cheaper institution and place rules with the same spans.

- Six scans open with the class of their first character and check the character before
  it after that (``[A-ZÀ-Þ](?<![\\w-].)`` for ``(?<![\\w-])[A-ZÀ-Þ]``): every match the same as
  the pattern written with the look-behind first (kept here), on hand-made edge cases, on
  every text of the tuning sets and on random text.
- ``_place_candidates`` asks the place list first of each capitalised word: the same places.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from carai.privacy import PrivacyEngine, patterns
from carai.privacy import engine as engine_module
from carai.privacy.engine import _DASH_BEFORE, _LOWER_WORD_AFTER, _starts_sentence

SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "privacy"
TUNING = ("dev", "variants", "clean")

# The patterns as main wrote them before round 17b.
_KINDS = r"(?:(?:Zorgv|V)erzeker(?:ingen|ing|aars|aar)|Basisschool|Lyceum|Gymnasium)"
OLD = {
    "NAME_BEFORE_GGZ": re.compile(r"(?<![\w-])([A-ZÀ-Þ][a-zà-ÿ][\w'-]+[ ]GGZ)(?![\w-])"),
    "NAME_BEFORE_CHECKED_KIND": re.compile(
        r"(?<![\w-])((?:[A-ZÀ-Þ][\w'-]+[ ]){1,2}" + _KINDS + r")(?![\w-]|[ ][A-ZÀ-Þ])"
    ),
    "HOUSE_BEFORE_DEPARTMENT": re.compile(
        r"(?<![\w-])((?:De|Het|'t)[ ][A-ZÀ-Þ][a-zà-ÿ'-]+(?:[ ][A-ZÀ-Þ][a-zà-ÿ'-]+)?)"
        r"[ ]afd(?:eling|\.)?(?![\w])"
    ),
    "HOUSE_AFTER_DEPARTMENT": re.compile(
        r"(?<![\w-])(?i:afd(?:eling|\.)?)[ ][^\n,]{1,25},[ ]"
        r"((?:De|Het|'t)[ ][A-ZÀ-Þ][a-zà-ÿ'-]+(?:[ ][A-ZÀ-Þ][a-zà-ÿ'-]+)?)(?=[ ]*(?:[,./]|\n|$))"
    ),
    "_CAPITALISED": re.compile(r"(?<![\w'-])[A-Z][a-zà-ÿ]{2,}(?![\w'-])"),
    "LISTED_INSTITUTION_WORDS": re.compile(
        r"(?<![\w'-])([A-ZÀ-Þ][\w'-]*\w)(?![\w'-])(?:(?=[ ]([A-ZÀ-Þ][\w'-]*\w)(?![\w'-])))?"
    ),
}


def tuning_texts() -> Iterator[str]:
    for path in sorted(SETS.glob("*.jsonl")):
        if "holdout" in path.name or not path.name.startswith(TUNING):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]


def _found(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _same(name: str, text: str) -> bool:
    new = getattr(engine_module if name.startswith("_") else patterns, name)
    return _found(OLD[name], text) == _found(new, text)


EDGE_CASES = [
    "Lichtbaken GGZ, Duinzicht GGZ en x-Duinzicht GGZ; d'Amsterdam GGZ",
    "Abc GGZ\nDe Wingerd afd 3, Het Baken afdeling 2 en 't Anker afd. 4",
    "-De Wingerd afd 3; xHet Baken afd; _De Zon afd; 'De Zon afd; De Zon afd1",
    "afdeling Gesloten 1, De Wingerd. Afd. Open 2, Het Baken/ xafd 3, De Zon.",
    "Dalmeerse Zorgverzekering, ZorgVast Verzekeringen, Al-Noor Basisschool",
    "het Dalmeers Lyceum Noord; -Stedelijk Gymnasium; Een Twee Drie Verzekeraars",
    "Tactus. OLVG en Zilveren Kruis; O'Neill Kliniek; x'Ab Cd; _Ab; 1Ab; é Ab",
    "A B\nC",
    "",
    "GGZ",
    "Ab GGZ",
]


@pytest.mark.parametrize("name", sorted(OLD))
def test_class_first_same_matches_on_edge_cases(name: str) -> None:
    for text in EDGE_CASES:
        assert _same(name, text), text
        assert _same(name, text[1:]), text


@pytest.mark.parametrize("name", sorted(OLD))
def test_class_first_same_matches_on_tuning_texts(name: str) -> None:
    count = 0
    for text in tuning_texts():
        assert _same(name, text), text[:80]
        count += 1
    assert count > 1000


@pytest.mark.parametrize("name", sorted(OLD))
def test_class_first_same_matches_on_random_text(name: str) -> None:
    words = [
        "De", "Het", "'t", "afd", "afd.", "Afdeling", "GGZ", "Zorgverzekering", "Lyceum",
        "Ab", "Cde", "x", "O'", "-", "_", "1", "é", "É", "\n", ",", ", ", " ", "  ", ".", "İ",
    ]  # fmt: skip
    rng = random.Random(17)
    for _ in range(5000):
        text = "".join(rng.choice(words) + rng.choice(["", " "]) for _ in range(rng.randint(0, 12)))
        assert _same(name, text), text


def _known_places_before(engine: PrivacyEngine, text: str) -> list[tuple[int, int]]:
    """The loop of ``_place_candidates`` over capitalised words as main wrote it."""
    found = []
    for m in OLD["_CAPITALISED"].finditer(text):
        name = m.group(0)
        if name.lower() in engine._common or _starts_sentence(text, m.start()):
            continue
        if _DASH_BEFORE.search(text, max(0, m.start() - 4), m.start()) and (
            _LOWER_WORD_AFTER.match(text, m.end())
        ):
            continue
        if engine._after_word_of_address(text, m.start()):
            continue
        if engine._is_place(name):
            found.append(m.span())
    return found


def test_known_places_same_on_tuning_texts(engine: PrivacyEngine) -> None:
    """The place list asked first: the same capitalised places, on every tuning text."""
    texts = [*EDGE_CASES, "Zij woont in Bergen. Rondvraag - Bergen was er. Geachte heer Epe,"]
    for text in [*texts, *tuning_texts()]:
        now = [
            (c.start, c.end)
            for c in engine._place_candidates(text)
            if c.reason == "bekende plaatsnaam"
        ]
        assert now == _known_places_before(engine, text), text[:80]
