"""Addresses, postcodes, places and organisations as chats and quick notes write them:
shortened street words, lower-case postcodes and places, shortened kinds of institution and
an organisation's name after a cue of a stay. Made-up text; every name, street and
organisation here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("- dhr Kramer kerkstr 14: ogen gedruppeld", "kerkstr 14"),
        ("mw Pauwels, de molenstr 3, graag bellen", "de molenstr 3"),
        ("zij woont op de dorpsstr 8 in het oude huis", "dorpsstr 8"),
        ("clt verhuisd naar koningin julianastr 12a", "koningin julianastr 12a"),
        ("sleutel ligt bij Populierln 21", "Populierln 21"),
        ("nieuw adres: Veenwg. 140", "Veenwg. 140"),
    ],
)
def test_a_street_with_a_shortened_street_word(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    assert address in labelled(engine, text, "adres")


@pytest.mark.parametrize(
    "text",
    [
        "kamer 12 om 14.30, daarna 3 str 4 keer herhalen",  # "str" alone is no street
        "ln 2 is ongeveer 0,69",  # a logarithm
        "Het kost 20 euro, zij betaalt 5 per week.",  # amounts
        "Ze zit in de huiskamer en gaat om 4 uur naar de wc.",
    ],
)
def test_no_street_without_a_street_word_joined_to_a_name(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "adres") == []


def test_a_lower_case_postcode_and_place_after_a_shortened_street(engine: PrivacyEngine) -> None:
    text = "bezoek mw Pauwels, de molenstr 3, 2345ab (heerhugowaard) - 1x daags"
    assert labelled(engine, text, "postcode") == ["2345ab"]
    assert labelled(engine, text, "plaats") == ["heerhugowaard"]


def test_no_place_after_a_postcode_that_is_a_common_word(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Tuinstraat 4, 1234 ab en dan rechtsaf", "plaats") == []


def test_a_lower_case_place_before_a_verb(engine: PrivacyEngine) -> None:
    text = "ik moet om 14u bij mw Postma in drachten zijn"
    assert labelled(engine, text, "plaats") == ["drachten"]


def test_no_place_from_an_ordinary_phrase_after_in(engine: PrivacyEngine) -> None:
    text = "we zitten in de huiskamer en gaan straks naar de wc, daarna in bad"
    assert labelled(engine, text, "plaats") == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("morgen controle in zgh zuid om 10.30", "zgh zuid"),
        ("mw Smit opgenomen in vph de horst ivm val", "vph de horst"),
        ("dhr Brouwer ligt in zkh Waterland", "zkh Waterland"),
        ("hij gaat volgende week naar huize sint anna", "huize sint anna"),
    ],
)
def test_a_shortened_kind_of_institution_and_its_name(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "koffie ten huize van de familie",  # "ten huize van": at someone's home
        "naar het zgh voor controle, terug om 3 uur",
        "mw gaat morgen naar het vph",
    ],
)
def test_no_organisation_from_a_shortened_kind_alone(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


def test_a_name_stops_before_a_shortened_kind_of_institution(engine: PrivacyEngine) -> None:
    result = engine.analyse("dhr de wit van zgh noord belt terug")
    assert [(s.text, s.label) for s in result.spans] == [
        ("de wit", "naam"),
        ("zgh noord", "instelling"),
    ]


def test_a_lower_case_name_still_grows_over_particles(engine: PrivacyEngine) -> None:
    assert labelled(engine, "mw de vries van dam belt terug", "naam") == ["de vries van dam"]


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("ze wil naar de dagbesteding bij de Kroon, op di en do", "de Kroon"),
        ("hij staat op de wachtlijst voor De Zilverberk", "De Zilverberk"),
        ("mw is opgenomen in de Esdoornhoeve sinds maandag", "de Esdoornhoeve"),
        ("de rekening van het Zonnewiel staat nog open", "het Zonnewiel"),
    ],
)
def test_an_organisation_after_a_cue_of_a_stay(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "ik heb gebeld met de Vries over de afspraak",  # a person after "gebeld met"
        "ze loopt stage in De Bilt",  # a place
        "hij ligt in het Ziekenhuis",  # no name after the kind
    ],
)
def test_no_organisation_after_a_cue_of_a_stay_for_a_person_or_place(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "instelling") == []


def test_no_article_before_an_organisation_with_a_kind_word(engine: PrivacyEngine) -> None:
    text = "mw is opgenomen in het Beekdal Ziekenhuis"
    assert labelled(engine, text, "instelling") == ["Beekdal Ziekenhuis"]
