"""Round 14c: addresses and places. Streets without a house number that deduce's street
list knows, the place after a house number (two words, after "achter", the first word of a
longer place), a capitalised word after a postcode in capitals, and places that deduce's
Dutch list does not hold, by their cue ("familie in ...", "komt uit ..."). Made-up text;
every name, street and person here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("hij fietst elke dag naar de bakker op de hoofdweg", "hoofdweg"),
        ("die vrijwilliger zit op de oranje nassaulaan, vlakbij", "oranje nassaulaan"),
        ("ik ben toch in de buurt van de Paterswoldseweg, zal ik gaan?", "Paterswoldseweg"),
        ("zij woont aan de mooie dorpsstraat achter de kerk", "dorpsstraat"),
    ],
)
def test_a_listed_street_without_a_house_number(
    engine: PrivacyEngine, text: str, street: str
) -> None:
    assert street in labelled(engine, text, "adres")


@pytest.mark.parametrize(
    "text",
    [
        "ze loopt op de gang heen en weer, de kade is glad",  # a street word alone
        "we stonden lang in de file op de snelweg",  # no street in the list
        "hij zat op de bank in de huiskamer",
    ],
)
def test_no_street_in_ordinary_words(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "adres") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("adres Zwaluwstraat 90-2 den haag, bel twee keer", "den haag"),
        ("dhr Pieter Veldkamp, Dorpsstraat 3, Ouderkerk\nbenauwd vannacht", "Ouderkerk"),
        ("ze woont lijsterstraat 8 achter zaandam, bel achterom", "zaandam"),
        ("verhuist naar de Witte Singel 95-1, 2311 BN Leiden. Vader blijft.", "Leiden"),
    ],
)
def test_the_place_of_an_address(engine: PrivacyEngine, text: str, place: str) -> None:
    assert place in labelled(engine, text, "plaats")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("nieuwe cliënt, komt uit Aleppo, sinds 2019 in NL", "Aleppo"),
        ("vraagt of hij mee mag naar familie in Lviv; mentor bespreekt", "Lviv"),
        ("Eerdere detox in Wrocław (2019). Motivatie wisselend.", "Wrocław"),
        ("wil terug naar Poznań, contact loopt via kantoor", "Poznań"),
        ("Kleinzoon belde vanuit Paramaribo via videobellen.", "Paramaribo"),
        ("Betrokkene is geboren 2 april 1998 te Paramaribo.", "Paramaribo"),
        ("dochter woont in Antwerpen en kan niet dagelijks komen", "Antwerpen"),  # a surname too
        ("verlof naar moeder in Rotterdam-Zuid goed verlopen", "Rotterdam-Zuid"),  # a district
    ],
)
def test_a_place_no_list_knows_after_a_cue(engine: PrivacyEngine, text: str, place: str) -> None:
    assert place in labelled(engine, text, "plaats")


@pytest.mark.parametrize(
    "text",
    [
        "De link staat in Outlook. Wie geen laptop heeft, belt even.",  # a program
        "Ik heb het net in ChatGPT gevraagd.",  # capitals inside
        "PTSS-klachten na de vlucht uit Syrië, nachtmerries.",  # a country
        "Zorgen over familie in Eritrea, weinig contact.",
        "sinds 2022 in Nederland na vlucht uit Oekraïne",
        "Partus 19/11 in Flevomed, spontaan verlopen.",  # a stay
        "Voorraad in de koelkast: 2850 IE Lantus, vandaag 18 IE gespoten.",  # a dose
        "ging na school naar Jurick om te spelen",  # "naar" a person
        "daarna gaat hij terug naar Jansen voor de sleutel",  # a surname after "naar"
    ],
)
def test_no_place_for_programs_countries_stays_and_doses(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "plaats") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("mw Ruijs (79jr), de Ruyterstraat 5, sleutel bij de buren", "de Ruyterstraat 5"),
        ("graag bezorgen op de Ruyterweg 110 om 10 uur", "de Ruyterweg 110"),
        ("adres van Speijkstraat 90-2, tweede bel", "van Speijkstraat 90-2"),
        ("adres: vd Helststraat 3-hs, bellen", "vd Helststraat 3-hs"),
        ("woont op de v.d. Helststraat 3 sinds mei", "v.d. Helststraat 3"),
        ("ze woont op de Lange Nieuwstraat 3 hoog, lift is stuk", "Lange Nieuwstraat 3 hoog"),
    ],
)
def test_an_address_grows_over_particles_and_floors(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    result = engine.analyse(text)
    assert address in [s.text for s in result.spans if s.label == "adres"]
    for word in address.split():
        if len(word) > 3:
            assert word not in result.pseudonymised


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("we spraken af op de Lijnbaan 4-6 bij de ingang", "Lijnbaan 4-6"),  # "de" no part
        ("verhuist op de Kerkstraat 4 naar boven", "Kerkstraat 4"),
    ],
)
def test_an_article_before_a_street_stays_outside(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    assert labelled(engine, text, "adres") == [address]
