"""Round 23 (lead): what the page says of a phone number. Every number here is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine


@pytest.mark.parametrize(
    ("text", "number", "reason"),
    [
        ("zus in Polen: +48 512 345 678", "+48 512 345 678", "buitenlands telefoonnummer"),
        ("broer, 0032 470 12 34 56", "0032 470 12 34 56", "buitenlands telefoonnummer"),
        ("oom op Curaçao +599 9 461 2345", "+599 9 461 2345", "buitenlands telefoonnummer"),
        ("dochter +31 6 1234 5678", "+31 6 1234 5678", "Nederlands telefoonnummer"),
        ("dochter (+31) 6 4123 7788", "(+31) 6 4123 7788", "Nederlands telefoonnummer"),
        ("dochter 0031 6 1234 5678", "0031 6 1234 5678", "Nederlands telefoonnummer"),
        ("bel 06-12345678", "06-12345678", "Nederlands telefoonnummer"),
        ("tel. (020) 5551234", "(020) 5551234", "Nederlands telefoonnummer"),
    ],
)
def test_a_foreign_country_code_makes_a_foreign_number(
    engine: PrivacyEngine, text: str, number: str, reason: str
) -> None:
    phones = [(s.text, s.reason) for s in engine.spans(text) if s.label == "telefoon"]
    assert phones == [(number, reason)]


def _dates(engine: PrivacyEngine, text: str) -> list[str]:
    return [s.text for s in engine.spans(text) if s.label == "datum"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # "febr" is a short month, as "feb" is
        ("Depot is 3 febr gegeven.", ["3 febr"]),
        ("opgenomen op 3 febr. 2024", ["3 febr. 2024"]),
        ("last van jeuk sinds febr", ["febr"]),
        # a form's birth-date label before a year alone
        ("Naam: Dawit Tesfay\nGeboortedatum: 1997\n", ["1997"]),
        ("geb.jaar 1961", ["1961"]),
        ("Geboortejaar: 1961", ["1961"]),
        # a month in Roman numerals between the day and the year
        ("geb.dat. 14-IX-1985 | dossier 2024-08812", ["14-IX-1985"]),
        ("opgenomen op 3.XI.24", ["3.XI.24"]),
        ("geb. 1/IV/98", ["1/IV/98"]),
    ],
)
def test_dates_of_more_shapes(engine: PrivacyEngine, text: str, dates: list[str]) -> None:
    assert _dates(engine, text) == dates


@pytest.mark.parametrize(
    "text",
    [
        "Verband 10-X-20 cm aangelegd.",  # a size, not a date
        "Volgens Wet 1997 mag dat.",  # a law's year, no label of a birth
        "Datum: 1997 is het jaar van de wet.",  # 'Datum' alone is no birth-date label
        "Het team ging in de zomer op de feb-fiets.",
    ],
)
def test_no_date_in_these(engine: PrivacyEngine, text: str) -> None:
    assert _dates(engine, text) == []


def test_a_number_that_no_country_code_can_start_is_no_phone_number(
    engine: PrivacyEngine,
) -> None:
    """After +1 (North America) the area code starts with 2 to 9: "0011-884-392" after a
    customer-number label is that number, not a phone number to the United States."""
    text = "De huurder krijgt een brief met klantnr. 0011-884-392."
    assert [(s.label, s.text) for s in engine.spans(text)] == [("nummer", "0011-884-392")]
    us = "oom in Boston: +1 212 555 0147 of 001 416 555 0199"
    assert [s.text for s in engine.spans(us) if s.label == "telefoon"] == [
        "+1 212 555 0147",
        "001 416 555 0199",
    ]


def test_the_value_of_a_score_in_brackets_is_no_age(engine: PrivacyEngine) -> None:
    text = "De jongere heeft een verhoogde SDQ-score (22) en een diagnose ADHD."
    assert [s for s in engine.spans(text) if s.label == "leeftijd"] == []
    person = "Mw Bakker (87) heeft een verhoogde valscore."
    assert [s.text for s in engine.spans(person) if s.label == "leeftijd"] == ["87"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("mw vandaag erg verward, dacht dat het 1985 was en zocht haar man", ["1985"]),
        ("Hij denkt dat het nog 1974 is.", ["1974"]),
        ("Het 2019-rapport is klaar.", []),
        ("We lezen het 1985 rapport nog eens.", []),
    ],
)
def test_the_year_someone_believes_it_is(
    engine: PrivacyEngine, text: str, dates: list[str]
) -> None:
    assert _dates(engine, text) == dates


@pytest.mark.parametrize(
    ("text", "name", "reason"),
    [
        ("4. Oleksandr Kovalenko, Wuiteweg 128", "Oleksandr Kovalenko", "Oekraïense"),
        ("From: Oksana Melnyk <o.m@example.org>", "Oksana Melnyk", "Oekraïense"),
        ("Gesprek met Dmytro Bondarenko.", "Dmytro Bondarenko", "Oekraïense"),
        ("Olena Kravchuk kwam op het spreekuur.", "Olena Kravchuk", "Oekraïense"),
        ("Afspraak met Agnieszka Kowalczyk.", "Agnieszka Kowalczyk", "Poolse"),
    ],
)
def test_names_of_a_ukrainian_shape(
    engine: PrivacyEngine, text: str, name: str, reason: str
) -> None:
    names = [s for s in engine.spans(text) if s.label == "naam"]
    assert [s.text for s in names] == [name]
    assert reason in names[0].reason


def test_no_name_in_ordinary_words_of_those_endings(engine: PrivacyEngine) -> None:
    text = "Het gebruik van de tillift is druk besproken; Stuk voor stuk gaat het goed."
    assert [s for s in engine.spans(text) if s.label == "naam"] == []
