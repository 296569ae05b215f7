"""Round 17c (speednames): cheaper name rules with the same spans.

Each shortcut finds the same matches as the scan it replaces: on hand-made edge cases, on
every text of the tuning sets (no held-out set) and on random text built from the
characters that matter.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator

import pytest

from carai.privacy import engine, patterns
from tests.privacy.helpers import tuning_texts as _tuning_texts


def _random_texts(alphabet: str, count: int = 3000, seed: int = 17) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))


def _spans(matches: Iterator[re.Match[str]] | list[re.Match[str]]) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups(), m.regs) for m in matches]


# the line-anchored scans, each with the starts it is tried at
_FROM_STARTS: list[tuple[re.Pattern[str], Callable[[str], list[int]]]] = [
    (engine._NAME_UNDER_CLOSING, engine._line_starts),
    (engine._NAME_AFTER_PERSON_LABEL, engine._line_starts),
    (engine._LOWER_NAME_UNDER_CLOSING, engine._line_starts),
    (engine._SPEAKER_LABEL, engine._line_starts),
    (engine._SPEAKER_TIME_LINE, engine._line_starts),
    (
        engine._PERSON_LABEL_LINE,
        lambda text: [0, *(m.end() for m in engine._LINE_OR_CLAUSE_END.finditer(text))],
    ),
    (patterns.SPEAKER, engine._speaker_starts),
]

_EDGE_TEXTS = [
    "",
    "\n",
    "Groeten,\nJan de Vries\n",
    "Met vriendelijke groet,\n\n  Anna Bakker, verpleegkundige",
    "groetjes,\nlieke",
    "Cliënt: Jevgeni Bondarenko (34)\nAan: Veilig Thuis",
    "Noa: hoi\nmarloes 14:03: ja\n[Signal] tamara: oke\n",
    "Kasia 23:48\nhoi\nJeroen Visser 10:05\nja\nKasia 23:49\nok",
    "Gesprek gehad. Melder: Oksana Kovalenko, geb. 1990; Aanvrager: P. de Wit, A.B.",
    "tekst  \n  Jan: ja\n\n\nPiet: nee\r\n Els:\tnou",
    "a\u2028b  Sanne (leefgroep): ok\u00a0\u00a0Kees: ja",
    "Naam cliënt: Fatima El Amrani\nnaam: x",
]


@pytest.mark.parametrize("text", _EDGE_TEXTS)
def test_scans_from_starts_same_matches(text: str) -> None:
    for pattern, starts in _FROM_STARTS:
        expected = _spans(pattern.finditer(text))
        assert _spans(engine._matches_from(pattern, text, starts(text))) == expected


def test_scans_from_starts_same_matches_on_tuning_texts() -> None:
    checked = 0
    for text in _tuning_texts():
        for pattern, starts in _FROM_STARTS:
            expected = _spans(pattern.finditer(text))
            assert _spans(engine._matches_from(pattern, text, starts(text))) == expected, (
                pattern.pattern[:40],
                text[:80],
            )
            checked += bool(expected)
    assert checked > 500


def test_scans_from_starts_same_matches_on_random_text() -> None:
    alphabet = "Jan de:. ;\n\t  \u00a0groeten,Cliënt14:03[]()k-"
    for text in _random_texts(alphabet):
        for pattern, starts in _FROM_STARTS:
            expected = _spans(pattern.finditer(text))
            assert _spans(engine._matches_from(pattern, text, starts(text))) == expected


def test_foreign_letter_characters_are_the_pattern_s() -> None:
    """Every character _FOREIGN_LETTER can match is in _FOREIGN_LETTER_CHARACTER."""
    for code in range(0x30000):
        character = chr(code)
        if engine._FOREIGN_LETTER.search("b" + character + "b"):
            assert engine._FOREIGN_LETTER_CHARACTER.fullmatch(character), hex(code)


@pytest.mark.parametrize(
    "text", ["", "Wójcik", "vóór", "reünie", "Gülsüm", "ayşe", "coördinator", "o\u0308", "İ"]
)
def test_has_foreign_letter(text: str) -> None:
    assert engine._has_foreign_letter(text) is (engine._FOREIGN_LETTER.search(text) is not None)


def test_has_foreign_letter_on_tuning_and_random_texts() -> None:
    for text in [*_tuning_texts(), *_random_texts("aeoübröÖóÓcçs İ")]:
        assert engine._has_foreign_letter(text) is (engine._FOREIGN_LETTER.search(text) is not None)


def test_white_space_of_str_and_re_agree() -> None:
    """_left_word splits words as str does; the particles of _P are apart by ``\\s``."""
    for code in range(0x30000):
        character = chr(code)
        assert character.isspace() is bool(re.fullmatch(r"\s", character)), hex(code)


def test_particle_pieces_are_the_particles_words() -> None:
    """Every word of up to four characters that _P matches whole (any case) is a piece, and
    every particle of two words is two pieces."""
    particle = re.compile(engine._P)
    letters = sorted({c for piece in engine._PARTICLE_PIECES for c in piece.upper() + piece})
    words = [""]
    for _ in range(4):
        words = [w + c for w in words for c in letters]
        for word in words:
            if particle.fullmatch(word):
                assert word.lower() in engine._PARTICLE_PIECES, word
    for two in ["van der", "van den", "van de", "van het", "van 't", "in 't", "op den", "uit de"]:
        assert particle.fullmatch(two)
        assert set(two.split()) <= engine._PARTICLE_PIECES


@pytest.mark.parametrize(
    "window",
    [
        "zie (Jan) de ",
        "met Jan van der ",
        "met Jan VAN DER ",
        "met Jan do\u017f ",  # the long s: "s" ignoring case
        "met Jan v.d. \n",
        "de van ",
        "van ",
        " \n ",
        "Jan\u00a0van ",
        "bij 't ",
        "O\u2019Brien ",
    ],
)
def test_left_word_same_match(window: str) -> None:
    old, new = engine._LEFT_WORD.search(window), engine._left_word(window)
    assert (old is None) is (new is None)
    if old is not None and new is not None:
        assert (old.span(), old.groups()) == (new.span(), new.groups())


def test_left_word_same_match_on_random_text() -> None:
    for text in _random_texts("Jan de vdr.'t \n\u00a0(A)\u017fo-", count=20000):
        old, new = engine._LEFT_WORD.search(text), engine._left_word(text)
        assert (old is None) is (new is None), text
        if old is not None and new is not None:
            assert (old.span(), old.groups()) == (new.span(), new.groups()), text


def test_room_after_cue() -> None:
    for text in [
        *_tuning_texts(),
        "",
        "kamer 3",
        "Jan uit kamer 3",
        "Jan uit kamer3, Piet van kamer 12",
        "uit kamer 3",
        "Els vankamer 3",
        "Kees uit Kamer 3",
    ]:
        expected = engine._NAME_BEFORE_ROOM.search(text) is not None
        assert engine._room_after_cue(text) or not expected, text


def _windows() -> Iterator[str]:
    """The 40 characters before every capital after a space in the tuning sets."""
    for text in _tuning_texts():
        for at in range(1, len(text)):
            if text[at].isupper() and text[at - 1] in " \n":
                yield text[max(0, at - 40) : at]


def _same_match(old: re.Match[str] | None, new: re.Match[str] | None) -> bool:
    if old is None or new is None:
        return old is new
    return (old.span(), old.groups()) == (new.span(), new.groups())


@pytest.mark.parametrize(
    "window",
    ["A.B. van der ", "J.van ", "J. v.d. ", "P. VAN ", "A. do\u017f ", "A. de\n", "A. ", "de ", ""],
)
def test_left_initials_particles_same_match(window: str) -> None:
    old = engine._LEFT_INITIALS_PARTICLES.search(window)
    assert _same_match(old, engine._left_initials_particles(window))


def test_left_windows_same_match_on_tuning_and_random_text() -> None:
    checked = 0
    for window in [*_windows(), *_random_texts("A.B van der'tJ \n\u017f", count=20000)]:
        old = engine._LEFT_INITIALS_PARTICLES.search(window)
        assert _same_match(old, engine._left_initials_particles(window)), window
        assert _same_match(engine._LEFT_WORD.search(window), engine._left_word(window)), window
        checked += old is not None
    assert checked > 10


_GATES = [
    (engine._SPEAKER_TIME_LINE, engine._TIME_AT_LINE_END),
    (engine._INITIALS_AFTER_PERSON, engine._TWO_INITIALS),
    (patterns.INITIALS_ALONE, engine._TWO_INITIALS),
    (engine._FIRST_NAME_BEFORE_AGE, engine._AGE_BETWEEN_COMMAS),
    (engine._TITLE_INITIALS_NAME, engine._CAPITAL_INITIAL),
    (engine._INITIALS_NICK_SURNAME, engine._INITIAL_BRACKET),
    (engine._INITIAL_AND_NAME, engine._INITIAL_EN_INITIAL),
]


@pytest.mark.parametrize(
    "text",
    [
        "cliënt A.B. kwam",
        "zie A.\nB. daar",
        "dhr. A. B.C. Jansen",
        "mevrouw de Vries, Anna, 84 jaar.",
        "dhr. Jansen, Piet, 7;",
        "mw. É. van Dam",
        "F. (Fred) Baars",
        "F.  (Fred) Baars",
        "Ouders (M. en J. van Beers)",
        "Kasia 23:48\nhoi\nJeroen Visser 10:05 \t\nja",
        "Kasia 9.48",
    ],
)
def test_gated_scans_hold_their_piece(text: str) -> None:
    for scan, piece in _GATES:
        if any(True for _ in scan.finditer(text)):
            assert piece.search(text), (scan.pattern[:40], text)


def test_gated_scans_hold_their_piece_on_tuning_texts() -> None:
    found = 0
    for text in _tuning_texts():
        for scan, piece in _GATES:
            matches = list(scan.finditer(text))
            found += len(matches)
            if matches:
                assert piece.search(text), (scan.pattern[:40], text[:80])
    assert found > 20


def test_line_or_clause_ends() -> None:
    """_LINE_OR_CLAUSE_END ends where "\\n", ". " or "; " end, in order."""
    plain = re.compile(r"\n|[.;][ ]")
    for text in [*_tuning_texts(), *_random_texts(".; \n;a.\r", count=5000)]:
        expected = [m.end() for m in plain.finditer(text)]
        assert [m.end() for m in engine._LINE_OR_CLAUSE_END.finditer(text)] == expected
