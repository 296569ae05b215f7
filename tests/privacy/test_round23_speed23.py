"""Round 23 (speed23): whole-text scans that a plain scan entered at every position, now
entered only where a match can open; the same matches as before.

All sentences here are made up (fictional people, places and numbers).
"""

from __future__ import annotations

import re

import pytest

from carai.privacy import engine, patterns
from tests.privacy.helpers import as_gated, tuning_texts, ungated

# _GAP_BEFORE_NUMBER_WORD as it was before round 23: zero-width, entered at every position.
_GAP_BEFORE_NUMBER_WORD_BEFORE = re.compile(
    r"(?<=[^\W\d_])(?=(?:[ ]|,[ ]|[ ]op[ ])" + patterns.HOUSE_NUMBER_WORD + r"[ ]?\d)"
)

GAP_TEXTS = [
    "",
    "Kerkstraat nr. 12, Lindelaan nummer 4 en Dorpsweg, nummer 7; Molenweg op nr 3",
    "Hoofdstraat huisnummer 18a, Markt huisnr. 2, Brink t/o 220, Laan tegenover 5",
    "KERKSTRAAT NR 12, Dorpsweg No. 9, Molenweg NUMMER 4, Esch Op nr 2, Esch OP nr 2",
    "straat  nr 4, straat,nr 4, straat , nr 4, 12 nr 4, _ nr 4, é nr 4, straat nr x",
    "\u0130 nr 4 \u0131 nr 4 \u212a nr 4 \u017f nr 4: the case traps",
    "nr 4 at the start, zijn nummer is nog onbekend, de nummers 1 tot 3",
]


def test_gap_before_number_word_opens_with_its_space_or_comma() -> None:
    assert patterns._GAP_BEFORE_NUMBER_WORD.pattern.startswith("[ ,]")


@pytest.mark.parametrize("text", GAP_TEXTS)
def test_gap_before_number_word_finds_the_same_gaps(text: str) -> None:
    want = [m.start() for m in _GAP_BEFORE_NUMBER_WORD_BEFORE.finditer(text)]
    assert [m.start() for m in patterns._GAP_BEFORE_NUMBER_WORD.finditer(text)] == want


def test_gap_before_number_word_finds_gaps_and_leaves_clean_text() -> None:
    # after "Kerkstraat", "Lindelaan", "Dorpsweg" (before its comma), "Molenweg" and "op"
    found = [m.start() for m in patterns._GAP_BEFORE_NUMBER_WORD.finditer(GAP_TEXTS[1])]
    assert found == [10, 28, 49, 69, 72]
    clean = "Zij belt morgen terug over het nummer van de apotheek."
    assert list(patterns._GAP_BEFORE_NUMBER_WORD.finditer(clean)) == []


def test_gap_before_number_word_on_every_tuning_text() -> None:
    for text in tuning_texts():
        want = [m.start() for m in _GAP_BEFORE_NUMBER_WORD_BEFORE.finditer(text)]
        assert [m.start() for m in patterns._GAP_BEFORE_NUMBER_WORD.finditer(text)] == want


# Each scan gated in this round, a text where it matches (the group found) and a clean text
# where it must find nothing.
GATED = {
    "NUMBER_BEFORE_STREET": (
        patterns.NUMBER_BEFORE_STREET,
        "Zij woont op nummer 14 van de Lindelaan, sinds mei.",
        "14 van de Lindelaan",
        "Het nummer van de huisarts staat op de kaart.",
    ),
    "LONE_STREET_WORD": (
        patterns.LONE_STREET_WORD,
        "moet ik naar markt 12 bij mw de Graaf?",
        "markt 12",
        "op de markt 2 uur rondgelopen.",
    ),
    "DWELLING_NAME": (
        patterns.DWELLING_NAME,
        "Ze woont nu op boerderij 'De Hesselink' met haar zoon.",
        "De Hesselink",
        "Ze werkt graag op de boerderij met de dieren.",
    ),
    "ROLE_LETTER": (
        patterns.ROLE_LETTER,
        "Vandaag sprak bewoner B met de arts over de nacht.",
        "B",
        "Vandaag sprak de bewoner met de arts over de nacht.",
    ),
    "_SUBJECT_OF_PERSON_VERB": (
        engine._SUBJECT_OF_PERSON_VERB,
        "Vanochtend onrustig. Anouk belde om tien uur.",
        "Anouk",
        "Vanochtend onrustig, belde om tien uur de dienst.",
    ),
    "_AFTER_SPEAKING": (
        engine._AFTER_SPEAKING,
        "Na het eten vroeg Sanne om een deken.",
        "Sanne",
        "Na het eten vroeg ze om een deken.",
    ),
}

CASE_TRAPS = [
    "",
    "NUMMER 14 VAN DE LINDELAAN, Nummer 14 Van De Lindelaan, nr. 3 in het Kerkpad",
    "\u0130 \u0131 \u212a \u017f: naar Markt 12, Woont op brink 4. BOERDERIJ 'De Es'",
    "ANOUK BELDE. Zegt Anouk. zegt anouk. Vroeg Piet-Jan, vroeg Pi\u0130t",
    "BEWONER A en Cliënt B, co\u0130rdinator C; dochter K. en zoon \u212a, mantelzorger D-",
]


@pytest.mark.parametrize("name", sorted(GATED))
def test_scan_is_gated_and_matches_where_it_should(name: str) -> None:
    scan, found, group, clean = GATED[name]
    gated = as_gated(scan)
    assert [m.group(1) for m in gated.finditer(found)] == [group]
    assert list(gated.finditer(clean)) == []
    assert gated.search(clean) is None


@pytest.mark.parametrize("name", sorted(GATED))
def test_gated_scan_matches_as_the_plain_pattern(name: str) -> None:
    scan, found, _, clean = GATED[name]
    gated = as_gated(scan)
    plain = ungated(gated)
    for text in [found, clean, *CASE_TRAPS, *tuning_texts()]:
        want = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in gated.finditer(text)] == want, text
