"""Round 17e (speedpost): cheaper ages, dates and steps after the candidates, same spans.

- Cheap looks before two whole-text scans (``_ORDINAL_NUMBER`` before AGE_ORDINAL,
  ``_NUMBER_THEN_VERB`` before AGE_CLAUSE): every match holds what the look asks for.
- A cheap look before ROLE_LETTER in ``_false_friend_name`` (``_LONE_CAPITAL``), as above.
- ``_matches_at_words``: the scans for months alone, AGE_BETWEEN_COMMAS and AGE_LABEL
  matched only where a word they open with stands.
- ``_matches_at_words`` with units: DATE_WORDS, AGE_WORDS and AGE_TURNS matched only at a
  word or at a number before a unit ("12 maart", "84 jaar", "91 geworden");
  ``_has_month``: ANY_MONTH by ``in`` on the lower-case text.
- ``_openings_as_spaces`` gives the string ``str.translate`` gave.
- ``_long_words_opening_with`` gives the long words ``_misspelt_repeats`` took from
  ``_LONG_WORD.findall``.
- The scans made fast by ``gated`` here are checked with every other one in test_gated.py.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carai.privacy import patterns
from carai.privacy.engine import _LONE_CAPITAL, _LONG_WORD, _long_words_opening_with
from tests.privacy.helpers import tuning_texts as _tuning_texts

DATE_WORDS: Any = patterns.DATE_WORDS  # a Gated scan (the name first holds its pattern)
DATE_ARGS = (patterns._MONTH_OPENINGS, patterns._MONTH_OPENINGS, 5)
TRANSLATE = str.maketrans("\n\t(\"'", "     ")


TEXTS = _tuning_texts()
HAND_MADE = [
    "",
    "sinds haar 16e is ze stil; op zijn 3de; de 90e verjaardag; 12ste levensjaar",
    "dat ze 100 wordt, omdat hij 17 is, die 21 is geworden, als opa 80 zal worden",
    "dat ze 100\nWORDT, omdat hij 17\tIs; die 8 gaat worden; die 9 geworden is",
    "\u0130s 80, \u0131s 7, wordt \u017finds 3, 4 \u212aeer, dat ze 5 \u0130S",
    "Hij (\"Jan\")\twoont\nhier 'zegt' ze; she is 45; he's 3yo",
    "bewoner A zegt; bewoner B. ook; Begeleider  C, zorgverlener D-e, arts E's, mw. F.\n"
    "Kowalczyk Kowalzyk kowalzyk Kow_alczyk _Kowalzyk Kowalzyk2 \u00c9lodie \u00c9lodi",
]
# Texts of a few characters that the looks and the scans care about, made at random.
PIECES = [
    *"0123456789 \n\tedstawzgiIEDSTWZG,.()'\"",
    *("wordt", "werd", "is", "was", "zal", "gaat", "geworden", "ste", "de", "e", "zijn "),
    *("haar ", "sinds ", "op ", "levensjaar", "verjaardag", "worden", "dat ze ", "die "),
    *("\u0130", "\u0131", "\u017f", "\u212a", "\u00e9"),
    *("bewoner ", "arts  ", "A", "B", "Z", ".", "-", "'"),
]
SMALL_TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _look_is_needed(look: re.Pattern[str], scan: Any, text: str) -> None:
    """Every match of the scan's pattern holds a hit of the look; no hit, no match."""
    matches = list(getattr(scan, "plain", scan).finditer(text))
    for m in matches:
        assert look.search(m.group(0)), (scan.pattern[:40], m.group(0))
    if look.search(text) is None:
        assert matches == []


@pytest.mark.parametrize(
    ("look", "scan"),
    [
        (patterns._ORDINAL_NUMBER, patterns.AGE_ORDINAL),
        (patterns._NUMBER_THEN_VERB, patterns.AGE_CLAUSE),
        (_LONE_CAPITAL, patterns.ROLE_LETTER),
    ],
)
def test_cheap_looks_before_age_scans(look: re.Pattern[str], scan: Any) -> None:
    hits = 0
    for text in TEXTS + HAND_MADE:
        _look_is_needed(look, scan, text)
        hits += sum(1 for _ in getattr(scan, "plain", scan).finditer(text))
    assert hits > 0  # the sets do hold such ages


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SMALL_TEXT)
def test_cheap_looks_on_random_text(text: str) -> None:
    _look_is_needed(patterns._ORDINAL_NUMBER, patterns.AGE_ORDINAL, text)
    _look_is_needed(patterns._NUMBER_THEN_VERB, patterns.AGE_CLAUSE, text)
    _look_is_needed(_LONE_CAPITAL, patterns.ROLE_LETTER, text)


def test_new_fast_scans_are_gated() -> None:
    """So test_gated.py checks them as it checks every scan."""
    for scan in (
        patterns._AGE_ON_A_DAY_SCAN,
        patterns.JAN_AFTER_TIME_WORD,
        patterns.AGE_J,
        patterns.AGE_ANSWER,
        patterns.AGE_AFTER_DIE,
    ):
        assert isinstance(scan, patterns.Gated)


def test_openings_as_spaces_is_translate() -> None:
    for text in TEXTS + HAND_MADE:
        lowered = text.lower()
        assert patterns._openings_as_spaces(lowered) == lowered.translate(TRANSLATE)


@given(SMALL_TEXT)
def test_openings_as_spaces_on_random_text(text: str) -> None:
    assert patterns._openings_as_spaces(text) == text.translate(TRANSLATE)


def _old_long_words(text: str, starts: set[str]) -> list[str]:
    return [word for word in dict.fromkeys(_LONG_WORD.findall(text)) if word[:3] in starts]


def test_long_words_opening_with_on_tuning_text() -> None:
    """With the starts of the text's own capitalised long words, and of some lower-case."""
    for text in TEXTS + HAND_MADE:
        words = _LONG_WORD.findall(text)
        for starts in (
            {w[:3] for w in words if w[:1].isupper() and w.isalpha()},
            {w[:3] for w in words[::7] if w.isalpha()},
            {"Kow", "aaa"},
            set(),
        ):
            assert _long_words_opening_with(text, starts) == _old_long_words(text, starts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from(list("aAbB_1 -.\u00e9\u00c9\n")), max_size=60),
    st.sets(st.text(alphabet=st.sampled_from(list("aAbB\u00e9\u00c9")), min_size=3, max_size=3)),
)
def test_long_words_opening_with_on_random_text(text: str, starts: set[str]) -> None:
    assert _long_words_opening_with(text, starts) == _old_long_words(text, starts)


# The scans matched by _matches_at_words: words that open a match, units after a number
# that may open one, and how far before the white space before a unit it may start.
SCANS = [
    (DATE_WORDS, *DATE_ARGS),
    (patterns.AGE_WORDS, (), patterns._AGE_UNITS, 6),
    (patterns.AGE_TURNS, patterns._AGE_VERBS, ("geworden",), 3),
    (patterns.AGE_MONTHS, (), ("mnd", "maand", "weken", "wk"), 4),
]
MADE_TEXTS = [
    "In MAART en april, sinds Sept. en sept en september; eind feb-maart; Mei Ling; mei.",
    "mevrouw, inmiddels 93, wil; Opa, 92, woont; cliënte, nu 80, en ZE, 91, ook; zee, 9,",
    "Leeftijd: 84; lft. 7 mnd; AGE=3; aged 5; dagen 4; leeftijden 7",
    "\u0130n ma\u0130rt, \u017fept, \u212aom; LEEFT\u0130JD: 80; apr\u0131l",
    "novnov nov nov. -nov dec-",
    "op 21 maart, 3de  mei, 1e\tjuni 2024, 12ste\nSept. '24, maart 2024, Dec '19, 7 MEI",
    "14 t/m 17 juli; 22en 23 okt; 2024-03-01; 3 Mar; jansen 12 janssen; 9 mrtx; 1 jan.",
    "\u00a012\u00a0maart \u2003 8\u2002april; x12 mei; 123 mei; 0012 mei; \u0130 4 mei",
    "marktdag 3 maart; meisje 4 mei; decubitus 5 dec; sepsis 6 sep; may 7 may",
    "84 jaar, 84jaar, 84  jaar oud, 7,5 jaar; 61-jarige, 61\u2013jarig, 3 jarige; 84jr. 5-jr",
    "12 j. oud; 9 years old; 30-years-old; 4 yrs; 4yr; 1/2 jaar; 2/84 jaar; 1234 jaar; 45 JAAR",
    "hij is 84; WORDT 90; was ruim 80; ben 1 van de 3; 91 geworden; 100  geworden; 9 geworden",
    "Is\u00a085; is\n12 mei 80; \u0130s 80; 85\u2003geworden; x91 geworden; ben 40 ben 41",
    "(14 mnd), 14mnd., 2,5 maand, 3 maanden oud, 8  weken, 5 WKN, 6 wk. 123 mnd, a1 wk, 1.5mnd",
]


def _spans(found: Any) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in found]


def _same_matches(scan: Any, words: Any, units: Any, reach: int, text: str) -> int:
    expected = _spans(scan.plain.finditer(text))
    found = patterns._matches_at_words(scan, text, words, units, reach)
    assert _spans(found) == expected, text[:80]
    assert patterns._has_month(text) == (patterns.ANY_MONTH.search(text) is not None)
    return len(expected)


@pytest.mark.parametrize(("scan", "words", "units", "reach"), SCANS)
def test_matches_at_words_on_tuning_text(
    scan: Any, words: tuple[str, ...], units: tuple[str, ...], reach: int
) -> None:
    hits = 0
    for text in TEXTS + HAND_MADE + MADE_TEXTS:
        hits += _same_matches(scan, words, units, reach, text)
        if not units and patterns.lower_text(text) is not None:  # else the scan itself runs
            for m in scan.plain.finditer(text):  # the words open every match
                assert m.group(0).lower().startswith(words), m.group(0)
    assert hits > 0


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                *"aAeEmMsSzZdDjJyY .,-:/'\n\t\u00a0\u20130123456789\u0130\u0131\u017f\u212a\u00eb",
                *("maart", "mei", "MEI", "sep", "sept", "t", "ze", "Ze", "mw.", "opa", ", "),
                *("inmiddels ", "nu ", "leeftijd", "lft.", "age", "jaar", "cli\u00ebnt", "jan"),
                *("Mar", "march", "dec", "okt", "ste", "de", "t/m", "en", "2024", "'24", "12"),
                *("jarig", "jarige", "jr", "j.", "year", "years", "yrs", "oud", "old", "is"),
                *("IS", "wordt", "was", "ben", "geworden", "ruim ", "84", "120", "mnd", "wk."),
                *("maand", "maanden", "weken", "wkn", "(", ")"),
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_matches_at_words_on_random_text(text: str) -> None:
    for scan, words, units, reach in SCANS:
        _same_matches(scan, words, units, reach, text)


def test_month_openings_open_every_month() -> None:
    months = patterns.MONTHS[3:-1].split("|")
    assert len(months) == 34  # "febr" since round 23, "oct" since round 25
    assert all(month.startswith(patterns._MONTH_OPENINGS) for month in months)
    # ANY_MONTH is the sixteen pieces, each of which it matches whole
    pieces = set(patterns._ANY_MONTH_PIECES)
    assert len(pieces) == 16
    assert all(patterns.ANY_MONTH.fullmatch(piece) for piece in pieces)
    spelled = "jan feb maart mrt mar may apr mei jun jul aug sep okt oct nov dec".split()  # noqa: SIM905
    assert pieces == set(spelled)
