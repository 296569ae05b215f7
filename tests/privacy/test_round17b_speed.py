"""Round 17b (speedinst): cheaper institution and place rules with the same spans.

- Six scans open with the class of their first character and check the character before
  it after that (``[A-ZÀ-Þ](?<![\\w-].)`` for ``(?<![\\w-])[A-ZÀ-Þ]``): every match the same as
  the pattern written with the look-behind first (kept here), on hand-made edge cases, on
  every text of the tuning sets and on random text.
- ``_place_candidates`` asks the place list first of each capitalised word: the same places.
- The twelve institution scans that open with a word are matched only where one of their
  opening strings (read from the parsed pattern) stands: every match holds one at its
  start, the one scan for them all gives the longest at each place, and the matches are
  those of each scan's own finditer, on edge cases, the tuning texts and random text.
"""

from __future__ import annotations

import random
import re

import pytest

from carai.privacy import PrivacyEngine, patterns
from carai.privacy import engine as engine_module
from carai.privacy.engine import (
    _ANY_OPENING,
    _DASH_BEFORE,
    _KIND_COMPOUND,
    _LOWER_WORD_AFTER,
    _OPENING_SCANS,
    _OPENINGS,
    _article_before,
    _OpeningStarts,
    _plain,
    _starts_sentence,
)
from tests.privacy.helpers import tuning_texts

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
        if _article_before(text, m.start()) and not engine._is_place("De " + name):
            continue  # round 18d: "op de Linde", "meneer de Boer": no town
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


OPENING_CASES = [
    "Zij werkt bij Amaris. Opgenomen in Vincent, begeleider Welvaart. Team Wonen:",
    "casemanager bij Levenskunst. dagbesteding bij de Kroon en logeerhuis De Zon",
    "Schoolmaatschappelijk werker Kompaan; maatschappelijk werker Kompaan.",
    "naar apotheek de linde; zorgcoördinator Zorgkracht. ZORGCOÖRDINATOR Xyz.",
    "in De Hoeve, via het Baken, werkzaam bij Schoonwerk en huurachterstand bij Woonhaven.",
    "tolk via Tolkpunt Plus. vervoer via Rolmobiel. TEAMLEIDER Jan. team\nWonen.",
    "Veluwezorg De Hoeve, x-Thuiszorg Het Baken, zorggroep De Zon; ThuisZorg Abc, Zorg\tAb",
    "Forensisch Psychiatrisch Centrum De Kreekrug; Fysio- en Ergotherapie Noord; Agrarisch X",
    "Hervormde Gemeente Ede, Montessorischool De Boog, Hoorcollege Anatomie, OBS De Vlieger",
    "Sociaal Domein Hoorn, UMC Veluwe, MBO College Oostrand, Kinderhospice De Egel, wmo-loket X",
    "Jongerenloket Noord, Lyceum De Spar; x-Jongerenloket Noord; umc anna; Oogpoli Abc",
    "Klantenservice Zorgverzekeraar Noordpolder; Kredietbank Salland; Woonservice Tiel",
    "werk-team Noord. xteam Noord. Teamleider Noord. begeleider\u212a Abc. İn De Hoeve",
    "",
]


@pytest.mark.parametrize("index", range(len(_OPENING_SCANS)))
def test_every_match_opens_with_an_opening_string(index: int) -> None:
    scan, openings = _OPENING_SCANS[index], tuple(_OPENINGS[index])
    for text in [*OPENING_CASES, *tuning_texts()]:
        lowered = patterns.lower_text(text)
        if lowered is None:
            continue  # "İn De Hoeve": _OpeningStarts scans the whole text
        for m in scan.finditer(text):
            if scan in _OPENING_SCANS[-3:] and _KIND_COMPOUND.match(text, m.start()):
                continue  # "Veluwezorg De Hoeve": found from the compound
            assert lowered.startswith(openings, m.start()), (m.group(0), text[:80])


def test_any_opening_takes_the_longest() -> None:
    """Every opening string found whole: so any other one at that place is a start of it."""
    for string in set().union(*_OPENINGS):
        m = _ANY_OPENING.match(string)
        assert m is not None
        assert m.group(1) == string
        m = _ANY_OPENING.match(string + "xyz")
        assert m is not None
        assert m.group(1) == string


def test_lower_case_is_what_ignoring_case_matches() -> None:
    """Beyond the four characters of patterns.lower_text (which then gives None), a
    character that a letter of an opening string matches ignoring case is that letter in
    lower case."""
    traps = "\u0130\u0131\u212a\u017f"
    letters = {c for s in set().union(*_OPENINGS) for c in s}
    every = "".join(chr(code) for code in range(0x110000) if chr(code) not in traps)
    for letter in letters:
        for char in re.findall("(?i:" + re.escape(letter) + ")", every):
            assert char.lower() == letter, (letter, char)
    assert all(patterns.lower_text("a" + trap) is None for trap in traps)


def test_no_character_becomes_a_word_character_in_lower_case() -> None:
    """_ANY_OPENING asks "(?<!\\w)" of the text in lower case, the scans of the text."""
    word = re.compile(r"\w")
    for code in range(0x110000):
        char = chr(code)
        if not word.match(char):
            assert not word.match(char.lower()[:1]), hex(code)


def test_kind_compound_endings() -> None:
    """The endings that _KIND_COMPOUND checks are those of the patterns' own lists."""
    for ending in ("zorg", "ziekenhuis", "college", "service", "apotheek", "isch", "maatje"):
        assert _KIND_COMPOUND.fullmatch("X" + ending), ending
    assert _KIND_COMPOUND.match("Fysio- en ") is not None
    assert _KIND_COMPOUND.match("Zorg ") is None  # "Z" + "org": no ending "zorg"


def _same_opening_matches(text: str) -> bool:
    starts = _OpeningStarts(text)
    for scan in _OPENING_SCANS:
        old = [(m.span(), m.groups()) for m in scan.finditer(text)]
        if old != [(m.span(), m.groups()) for m in starts.finditer(scan)]:
            return False
        if old != [(m.span(), m.groups()) for m in _plain(scan).finditer(text)]:
            return False
    return True


def test_opening_starts_same_matches() -> None:
    for text in OPENING_CASES:
        assert _same_opening_matches(text), text
    count = 0
    for text in tuning_texts():
        assert _same_opening_matches(text), text[:80]
        count += 1
    assert count > 1000


def test_opening_starts_same_matches_on_random_text() -> None:
    words = [
        "werkt", "bij", "in", "De", "de", "Hoeve", "team", "Team", "begeleider", "apotheek",
        "linde", "opgenomen", "via", "tolk", "Abc", "van", "\n", ".", ",", "  ", "-", "x",
        "İ", "stage", "huur", "noord", "ziekenhuis", "'t", "Plus",
    ]  # fmt: skip
    rng = random.Random(172)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", ""]) for _ in range(12))
        assert _same_opening_matches(text), text
