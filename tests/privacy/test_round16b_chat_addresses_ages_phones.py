"""Round 16b: chats and notes. An age corrected right after it is given, the rest of a second
phone number after "of", and a street in lower case after the label "adres". Every sentence
here is written for this round; every name, street and number is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


# -- an age corrected right after it is given ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mw Brink is 91 jaar... nee sorry, 92, ze was vorige week jarig.", "92"),
        ("dhr is 76, nee, ik bedoel 77.", "77"),
        ("ze is 83, eh nee 84 jaar", "84"),
        ("Opa is 88 jaar oud, ja, sorry, 89 geworden in mei.", "89"),
    ],
)
def test_corrected_age_is_an_age(engine: PrivacyEngine, text: str, age: str) -> None:
    assert age in " ".join(labelled(engine, text, "leeftijd")), text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ze is 84 jaar, nee sorry, 3 keer gevallen deze maand.", "3"),
        ("Hij is 70. Nee, hij wil 2 dagen per week naar de dagbesteding.", "2"),
        ("mw is 80, nee sorry, 12 uur komt de wijkzuster", "12"),
        ("Hij is 90, nee 5 mg is genoeg.", "5"),
    ],
)
def test_number_after_a_correction_without_age_end_stays_out(
    engine: PrivacyEngine, text: str, number: str
) -> None:
    assert number not in labelled(engine, text, "leeftijd"), text


# -- the rest of a second phone number after "of" ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("zoon bereikbaar op 06-41237788 of 41237799", "41237799"),
        ("bel 0698765432 of 98765433.", "98765433"),
        ("praktijk: 050-3124567 of 3124568", "3124568"),
        ("tel (0513) 612345 / 612346", "612346"),
        ("dochter: 06-22334455 of 2233 4466", "2233 4466"),
    ],
)
def test_second_phone_number_rest_is_a_phone(engine: PrivacyEngine, text: str, rest: str) -> None:
    assert rest in labelled(engine, text, "telefoon"), text


@pytest.mark.parametrize(
    "text",
    [
        "bel 06-41237788 of 2 keer per dag appen",
        "bel 06-41237788 of om 12 uur langs",
        "tel 06-41237788 of 4123779 (een cijfer te weinig)",
        "tel 050-3124567 of 31245689",
    ],
)
def test_other_numbers_after_a_phone_stay_out(engine: PrivacyEngine, text: str) -> None:
    assert len(labelled(engine, text, "telefoon")) == 1, text


# -- streets: in lower case after the label "adres"; listed, after "vd" or around "richting" --
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("nieuw adres is beukhorst 17", "beukhorst 17"),
        ("adres: korte singel 4, daarna rechts", "korte singel 4"),
        ("woonadres: oude haven 21b.", "oude haven 21b"),
        ("mw staat bij de bushalte vd julianalaan", "julianalaan"),
        ("hij fietste weer richting stationsweg", "stationsweg"),
        ("ze dwaalt soms af, dorpsstraat richting de molen", "dorpsstraat"),
    ],
)
def test_street_in_chat_is_an_address(engine: PrivacyEngine, text: str, address: str) -> None:
    assert address in labelled(engine, text, "adres"), text


@pytest.mark.parametrize(
    "text",
    [
        "adres is kamer 12.",
        "het adres is afdeling 3.",
        "zijn adres is 12",
        "adres is nog niet bekend, kamer 4",
        "Ze rijdt op de snelweg richting het ziekenhuis.",
        "hij loopt richting de uitgang",
        "we gaan de goede weg richting herstel op",
    ],
)
def test_rooms_wards_and_ways_stay_out(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "adres") == [], text
