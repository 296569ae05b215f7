"""Round 23 (addr23): addresses and record numbers in more shapes.

All sentences are made up (fictional people, streets and numbers): a speaker label with a
time ("Tom Bakker 09:14:") is no street and number, a person's name and "van de" before a
street ("mw Jansen van de Kerkstraat nr. 12", "Sanne Jansen van de Kerkstraat 12"), a
lower-case "laan van" of several words, a street joined to a name by a hyphen
("Wiersma-erf"), a Caribbean street after "kaya", the short label "Opnr." and a list of
record numbers with whom each is of in brackets; and their near misses.
"""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

ADDRESSES = [
    # a title, a surname, "van de" and a street: the particles are the person's
    ("bezoek bij mw Hendriks van de Lindelaan nr. 7 gedaan", ["Lindelaan nr. 7"]),
    ("Gisteren Femke Verhoef van de Dorpsstraat 31 gesproken.", ["Dorpsstraat 31"]),
    (
        "Vandaag bij Gerrit de Boer van het Stationsplein nummer 2 geweest.",
        ["Stationsplein nummer 2"],
    ),
    # lower-case "laan van" and more words
    (
        "Mark: laan van de zeven provincien 88 in leiden, 2e bel",
        ["laan van de zeven provincien 88"],
    ),
    # a street joined to a name by a hyphen
    ("de nieuwe bewoner op de Brouwer-erf is gisteren gekomen", ["Brouwer-erf"]),
    ("Mw. woont Kuipers-laan 14 in Assen.", ["Kuipers-laan 14"]),
    # a Caribbean street
    ("ik sta bij mw rosalia, kaya palu di lechi 17, niemand doet open", ["kaya palu di lechi 17"]),
    ("Adres: Kaya Gobernador N. Debrot 41, Kralendijk", ["Kaya Gobernador N. Debrot 41"]),
]


@pytest.mark.parametrize(("text", "addresses"), ADDRESSES)
def test_addresses(engine: PrivacyEngine, text: str, addresses: list[str]) -> None:
    assert labelled(engine, text, "adres") == addresses


NAMES_BEFORE_STREETS = [
    ("bezoek bij mw Hendriks van de Lindelaan nr. 7 gedaan", ["Hendriks"]),
    ("Gisteren Femke Verhoef van de Dorpsstraat 31 gesproken.", ["Femke Verhoef"]),
]


@pytest.mark.parametrize(("text", "names"), NAMES_BEFORE_STREETS)
def test_names_before_their_street(engine: PrivacyEngine, text: str, names: list[str]) -> None:
    assert labelled(engine, text, "naam") == names


def test_speaker_label_with_a_time_is_a_name_no_address(engine: PrivacyEngine) -> None:
    text = "Tom Bakker 09:14: ik ben bij mw binnen\nEva 09:20: top"
    assert labelled(engine, text, "adres") == []
    assert "Tom Bakker" in labelled(engine, text, "naam")


NO_ADDRESSES = [
    # a count or an age after a hyphenated word or "kaya"
    "Kaya Bakker 84 jaar, woont zelfstandig",
    "Kaya Smit 3 keer gebeld",
    # a first name and particles before a street word name a street after a person
    "Mw. is verhuisd naar de Willem van de Veldestraat 12.",
    # no street word after the hyphen, or a street word inside a longer word
    "Noord-Zuidlijn, Oost-West, de Jansen-de Vries",
    "een na-weg-gesprek",
    # a time after a street word is no house number
    "Tom Bakker 10:30 kwam binnen",
    # "laan van" and a word of a clause
    "we lopen over de laan van meerdervoort rond 3 uur",
]


@pytest.mark.parametrize("text", NO_ADDRESSES)
def test_no_address_in_near_misses(engine: PrivacyEngine, text: str) -> None:
    found = labelled(engine, text, "adres")
    if "Veldestraat" in text:
        assert found == ["Willem van de Veldestraat 12"]
    else:
        assert found == []


RECORD_NUMBERS = [
    ("Opnr. 9912, afdeling B3", ["9912"]),
    ("opn.nr. 20250413 staat op het polsbandje", ["20250413"]),
    (
        "Dossiernummers: 4471823 (Joost de Wit), 5530194 (Henk Mulder) en 6612348 (Ria)",
        ["4471823", "5530194", "6612348"],
    ),
]


@pytest.mark.parametrize(("text", "numbers"), RECORD_NUMBERS)
def test_record_numbers(engine: PrivacyEngine, text: str, numbers: list[str]) -> None:
    assert labelled(engine, text, "nummer") == numbers


NO_RECORD_NUMBERS = [
    "hij woont op nr 12 en zij op nummer 14",
    "Kamer 12 (Joost de Wit), 5530194 stappen gezet",
    "Ze heeft 3 kinderen (Jan, Piet en Ria), 1250000 euro spaargeld",
]


@pytest.mark.parametrize("text", NO_RECORD_NUMBERS)
def test_no_record_number_in_near_misses(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "nummer") == []


MORE_RECORD_NUMBERS = [
    # ten digits after "00" are too few for a number abroad
    ("De brief gaat met relatienr. 0012-553-817 naar de huurder.", ["0012-553-817"]),
    # capitals and grouped digits
    ("verzekerd bij Zilveren Kruis (ZK 204 118 635)", ["ZK 204 118 635"]),
]


@pytest.mark.parametrize(("text", "numbers"), MORE_RECORD_NUMBERS)
def test_more_record_numbers(engine: PrivacyEngine, text: str, numbers: list[str]) -> None:
    assert labelled(engine, text, "nummer") == numbers


def test_a_number_abroad_stays_a_phone_number(engine: PrivacyEngine) -> None:
    text = "dochter woont in Londen, bel 0044 20 7946 0321"
    assert labelled(engine, text, "telefoon") == ["0044 20 7946 0321"]
    assert labelled(engine, text, "nummer") == []


@pytest.mark.parametrize(
    "text", ["RR 120 80 72, pols 88", "NEN 7510 2017 12 is de norm", "Hb 8 4 5 gemeten"]
)
def test_no_grouped_code_in_measures(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "nummer") == []


def test_a_date_with_a_roman_month_is_a_date(engine: PrivacyEngine) -> None:
    text = "Naam: R. Doekhie | geb.dat. 22-VII-1979 | dossier KL-2023-4471"
    assert labelled(engine, text, "datum") == ["22-VII-1979"]
    assert labelled(engine, text, "nummer") == ["KL-2023-4471"]


AGES_AFTER_BIRTH_DATES = [
    ("Geboortedatum: 03-11-1946 (78)", ["78"]),
    ("Geb: 9 okt '41 (dus 83)", ["83"]),
    ("geb. 14-02-1939 (inmiddels 86)", ["inmiddels 86"]),
]


@pytest.mark.parametrize(("text", "ages"), AGES_AFTER_BIRTH_DATES)
def test_ages_after_a_date_of_birth(engine: PrivacyEngine, text: str, ages: list[str]) -> None:
    assert labelled(engine, text, "leeftijd") == ages


@pytest.mark.parametrize(
    "text",
    [
        "geboren in 1950 (3 kinderen)",
        "Geboortedatum 12-03-1950 (zie bijlage 2)",
        "Opname 12-03-2024 (72) op afdeling 3",
        "De jongere heeft een verhoogde SDQ-score (22) en een diagnose ADHD.",
    ],
)
def test_no_age_after_other_dates(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "leeftijd") == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("zijn clientnummer bij de gemeente is 44718230", ["44718230"]),
        ("Het dossiernr van haar bij ons is 5530917.", ["5530917"]),
        # not after a label of a house, a room or a phone, nor after two other words
        ("Het huisnummer van de woning is 12345", []),
        ("Het kamernummer van haar is op de gang 12345", []),
        ("Het aantal dossiers in de regio is 12000", []),
        ("Het cliëntnummer staat in de brief, hij betaalde 125000 euro", []),
    ],
)
def test_a_number_label_a_few_small_words_back(
    engine: PrivacyEngine, text: str, numbers: list[str]
) -> None:
    assert labelled(engine, text, "nummer") == numbers
