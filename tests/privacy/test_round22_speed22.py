"""Round 22 (speed22): faster steps of ``PrivacyEngine.spans()`` with the same output.

All sentences here are made up (fictional people, places and numbers).
"""

from __future__ import annotations

import pytest

from carai.privacy import engine, patterns
from tests.privacy.helpers import as_gated, tuning_texts, ungated

# ROLE_NAME as it was before round 22: the plain pattern, scanned over the whole text.
_GATE = "(?=(?i:[a-z]))(?:"
_ROLE_NAME_PLAIN = ungated(as_gated(patterns.ROLE_NAME))

ROLE_TEXTS = [
    "",
    "dochter Marleen belde, zoon Pieter niet; begeleider Rutger",
    "Cliënt R. (15) en cl. de Wit, pt Jansen, mw. van der Berg, dhr.Kok",
    "DOCHTER MARLEEN; Dochter marleen; dochterMarleen; oud-dochter Anna",
    "\u0130 \u0131 \u017fo Jan \u212aapper Henk: \u017fchoonzoon Bram",  # the case traps
    "coördinator Sanne, zorgcoördinator Fleur, diëtist Lotte, consultatie co Bas",
    "so Anouk (arts), sodium, cl-test, Mw Ali, mwJan",
]


def test_role_name_is_found_from_its_leads() -> None:
    scan = as_gated(patterns.ROLE_NAME)
    assert scan.lead_limit > patterns._MAX_PIECES
    assert scan.leads is not None
    assert len(scan.leads) > patterns._MAX_PIECES
    assert scan.plain.pattern.startswith(_GATE)
    assert scan._lead_set <= patterns._TRIGGERS._pieces


def test_role_name_matches_as_the_plain_pattern() -> None:
    for text in [*ROLE_TEXTS, *tuning_texts()]:
        want = [(m.span(), m.groups()) for m in _ROLE_NAME_PLAIN.finditer(text)]
        assert [(m.span(), m.groups()) for m in patterns.ROLE_NAME.finditer(text)] == want, text


NUMBER_WORD_TEXTS = [
    "zij is tweeëntwintig, hij vierentwintig jaar; TWINTIG jaar, Honderd",
    "een twee drie, eenentwintig, eenëntwintig; thirty-two-year-old, twenty-nine years",
    "\u017fix years old, \u017fe\u212aen, elf \u0130 \u0131; tweeën, tientallen, zestig-jarig",
    "stenen, weten, zestien-, -zes, dertig_twee, ten, Ten, six-pack, one",
]


def test_age_number_word_is_found_from_its_leads() -> None:
    scan = patterns.AGE_NUMBER_WORD
    assert scan.leads is not None
    assert "twee" in scan.leads
    assert "tweeëntwintig" not in scan.leads  # a longer word that starts with a lead
    assert scan._lead_set <= patterns._TRIGGERS._pieces
    plain = ungated(scan)
    for text in [*NUMBER_WORD_TEXTS, *tuning_texts()]:
        want = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in scan.finditer(text)] == want, text


def test_person_verb_is_found_from_its_leads() -> None:
    scan = engine._PERSON_VERB
    assert isinstance(scan, patterns.Gated)
    assert scan.leads is not None
    assert "belde" in scan.leads
    plain = ungated(scan)
    texts = [
        "Lisse belde vanochtend; zei Stein. Huilt, BELDE, terugbelde, belde-",
        "\u017fliep \u212a zegt: vroeg, vroegtijdig, riep",
        "geen werkwoord hier",
    ]
    for text in [*texts, *tuning_texts()]:
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in (0, 5, 30):
            want = plain.search(text, pos)
            got = scan.search(text, pos)
            assert (got and got.span()) == (want and want.span()), text


LEAD_SCANS = {
    "patterns.AGB": patterns.AGB,
    "patterns.AGB_DASHED": patterns.AGB_DASHED,
    "patterns.ADDRESS_MISTYPED_STREET": patterns.ADDRESS_MISTYPED_STREET,
    "engine._PLACE_AFTER_CUE": engine._PLACE_AFTER_CUE,
    "engine._ENGLISH_CUE": engine._ENGLISH_CUE,
}
LEAD_TEXTS = [
    "AGB-code 01-054321, agb 12345678, AGBcode: 12 34 56 78, Agb (01-054321), tagb 12345678",
    "woont op kerkstaat 14, OP Dorpstrat 3, naar de Molenstraaat 2b; bij hoofdstaat 12",
    "Zij woont in Zwolle, komt uit Apeldoorn, vanuit Assen naar Deventer te Ede in Den Haag",
    "the patient and her son, thank you; With you, please. theory, bandage, youth",
    "\u017fo \u212a \u0130 \u0131: \u017ftraat, in \u017fneek, a\u0261b, AGB 1234\u00a05678",
]


@pytest.mark.parametrize("name", sorted(LEAD_SCANS))
def test_scans_found_from_their_leads(name: str) -> None:
    scan = LEAD_SCANS[name]
    assert isinstance(scan, patterns.Gated)
    assert scan.leads is not None
    plain = ungated(scan)
    for text in [*LEAD_TEXTS, *tuning_texts()]:
        want = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in scan.finditer(text)] == want, text
        hit, plain_hit = scan.search(text), plain.search(text)
        assert (hit and hit.span()) == (plain_hit and plain_hit.span()), text


FIELD_TEXTS = [
    "Werkgever: Coolblue\nVerhuurder: Woonbron\n  - School: De Wereldwijzer\n\u2022 Kdv: Kids",
    "32 uur, werkgever: Coolblue; (werkgever: Jumbo). Apotheek: De Gaper. Bso:Kids Garden",
    "\tKinderopvang:\tKids Garden, dagbesteding : Het Anker\n*Zorgaanbieder: Zorg Plus",
    "\u017fchool: Het Lyceum, \u212adv: Kids, Contactpersoon school: Ivo Bakkum",
    "geen veld hier: Coolblue",
]


def test_organisation_field_as_the_plain_pattern() -> None:
    scan = as_gated(patterns.ORGANISATION_FIELD)
    assert scan.lead is not None
    assert scan._pieces is not None
    plain = ungated(scan)
    for text in [*FIELD_TEXTS, *tuning_texts()]:
        want = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in scan.finditer(text)] == want, text


CLASS_SCANS = {
    "patterns.KIND_COMPOUND_BEFORE_NAME": patterns.KIND_COMPOUND_BEFORE_NAME,
    "patterns.DIGITS_LETTERS_DIGITS": patterns.DIGITS_LETTERS_DIGITS,
    "engine._POLISH_WORD": engine._POLISH_WORD,
}
CLASS_TEXTS = [
    "Kindertherapie De Vlinder, Biljartclub De Keu, Formulierenbrigade Maas & Heuvel",
    "Thuiswerk Jansen 3, klusdienst Bakker, Ééntherapie Zon, kindertherapie de Vlinder",
    "dossier 12AB3456, 1234XY56; 12AB3456.7, x12AB3456, 123ABCD456",
    "met Dorota Kowalczyk, Grzegorz Mazur, Szymański, Brzeziński-Nowak, Wiśniewska",
    "\u017fzymon \u212aowalczyk, \u0130ski, Übertherapie De Zon",
]


@pytest.mark.parametrize("name", sorted(CLASS_SCANS))
def test_scans_entered_at_their_first_character(name: str) -> None:
    scan = CLASS_SCANS[name]
    assert isinstance(scan, patterns.Gated)
    assert scan.lead is not None
    plain = ungated(scan)
    for text in [*CLASS_TEXTS, *tuning_texts()]:
        want = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in scan.finditer(text)] == want, text
