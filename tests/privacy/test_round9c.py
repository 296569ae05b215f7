"""Round 9c: words that only look like identifiers, and 0800/0900 numbers. For each rule a
text where the word is no identifier (nothing may be marked) and one where the same kind of
word is one (it must still be found). Every name, street, number and organisation here is
made up; none is copied from a benchmark set."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


def spans(engine: PrivacyEngine, text: str) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in engine.analyse(text).spans]


@pytest.mark.parametrize(
    "text",
    [
        # a placeholder letter after a role: an anonymous list or incident
        "MDO-lijst.\nCliënt K: valt vaak, rollator besproken.\nCliënt M: slaapt slecht.",
        "Medicatiefout: patiënt P kreeg de tabletten van patiënt Q. Gemeld bij de apotheker.",
        # a language, where an interpreter or a language is meant
        "Gesprek gevoerd met tolk Somalisch via de telefoon.",
        "Moeder spreekt alleen Engels, vader verstaat redelijk Nederlands.",
        "Folder meegegeven in het Arabisch en Engels.",
        # a common word that a list also knows as a first name, opening a sentence
        "Winter is voor hem een zware tijd. Wolf en schaap gezien op de kinderboerderij.",
        # an agenda item ending in -ing (a noun that deduce's surname list also holds)
        "Teamoverleg\n1. Scholing AED in de grote zaal, aanmelden bij de teamleider.",
        "Agenda\n- Scholing 'werken met de tillift' toegelicht\n2. Evaluatie",
        # a score before 'was' and a number
        "Na de val was de EMV 14. Barthel is 12, vorige keer 15.",
        # units of insulin before the drug
        "Om 17 uur 8 E Insulatard gespoten, glucose daarna 7,2.",
        # a role word after a form of address at the end of a sentence
        "Dit is besproken met mw. Casemanager dementie komt volgende week langs.",
        # a ward named after a tree, a dose with a range, a kind of care as a team
        "Afdeling De Berk heeft twee bedden vrij.",
        "Dosering 2-3 dd 1 tablet bij pijn.",
        "Met vriendelijke groet,\nTeam Wijkverpleging",
    ],
)
def test_no_identifier_in_these_texts(engine: PrivacyEngine, text: str) -> None:
    assert spans(engine, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an initial with a dot after a role stays a person
        ("Cliënt T. (dossier gesloten) is gisteren verhuisd.", "T."),
        # a bare letter after a form of address stays a person
        ("dhr B belde over de afspraak van morgen", "B"),
        # a surname that is a language, after a form of address or as a whole name
        ("Gesprek met mw. Engels over de thuiszorg.", "Engels"),
        ("Tolk was Frans Olthof, hij vertaalde goed.", "Frans Olthof"),
        # the interpreter's name after the language
        ("Aanwezig: moeder, tolk Koerdisch Rojda Ahmadi (telefonisch).", "Rojda Ahmadi"),
        # a first name that is no common word, opening a sentence
        ("Gerbrand is vanochtend gevallen in de badkamer.", "Gerbrand"),
        # a surname ending in -ing in a handover list, before a colon
        ("Overdracht\n- Koning: bloeddruk gemeten, 135/80.", "Koning"),
    ],
)
def test_names_of_the_same_kinds_stay_found(engine: PrivacyEngine, text: str, name: str) -> None:
    assert name in labelled(engine, text, "naam")


def test_an_age_after_a_person_word_stays_an_age(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Sinds de verhuizing was hij 91 en woonde alleen.", "leeftijd") == [
        "91"
    ]


def test_the_place_after_a_profession_is_a_place(engine: PrivacyEngine) -> None:
    text = "Verwezen door dr. P. Wiersema, huisarts te Apeldoorn."
    assert "Apeldoorn" in labelled(engine, text, "plaats")
    assert "P. Wiersema" in labelled(engine, text, "naam")
    assert not any("Apeldoorn" in name for name in labelled(engine, text, "naam"))


def test_a_label_in_capitals_before_a_number_is_no_name(engine: PrivacyEngine) -> None:
    text = "Verwijzer: K.L. Dijkhof, huisarts   AGB: 01045672"
    assert labelled(engine, text, "naam") == ["K.L. Dijkhof"]
    assert labelled(engine, text, "agb") == ["01045672"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("De storingsdienst is bereikbaar op 0900-1122 334.", "0900-1122 334"),
        ("Bel de apotheek via 0900 9876 of kijk op de website.", "0900 9876"),
        ("Gratis hulplijn: 0800-0113, dag en nacht.", "0800-0113"),
    ],
)
def test_service_numbers_are_phone_numbers(engine: PrivacyEngine, text: str, number: str) -> None:
    assert labelled(engine, text, "telefoon") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "In 0900 uur zit geen 0800 meter.",  # words after it: no digits of a number
        "Bestelnummer 10800-1234 is geleverd.",  # inside a longer number
    ],
)
def test_no_service_number_in_other_digits(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "telefoon") == []


def test_a_street_keeps_its_number_and_a_name_before_it_stays(engine: PrivacyEngine) -> None:
    text = "Afspraken.\nThuisbezoek Pastoor Brouwerlaan 17: niemand deed open."
    assert labelled(engine, text, "adres") == ["Pastoor Brouwerlaan 17"]
    text = "Mevrouw Stegeman woont aan de Laan van Borgel 14-2."
    assert labelled(engine, text, "adres") == ["Laan van Borgel 14-2"]
    assert labelled(engine, text, "naam") == ["Stegeman"]  # and not "aan"
    assert labelled(engine, "Lotte Keizer woont aan de Esdoornweg 31.", "naam") == ["Lotte Keizer"]


def test_a_date_and_a_place_of_the_same_shapes_stay(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Opname op 2-3, ontslag volgt.", "datum") == ["2-3"]
    assert "Zwolle" in labelled(engine, "Zij woont in Zwolle bij haar dochter.", "plaats")
