"""Round 21 (addr21): whole addresses and record numbers in new text. The article of a street
that deduce's street list holds with it ("op de Kolk 14" -> "de Kolk 14"); an adjective that
opens a street name ("Nieuwe Buren 17a"); a floor after a comma ("13, 4e verdieping");
"Laan van de" with two words after it ("Laan van de Helende Handen 1"); a postcode whose
letters are also a unit after "Postbus" ("8600 CC"); a street of several lower-case words
that the street list knows ("op achter de hoven 3"); a chat message that is only the number
another message asked for. Made-up text; every name here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

# Conventions the tuning sets disagree on (see the reasons): not taken in round 21.
_ARTICLE = pytest.mark.xfail(
    reason="dev25 and inst26 keep the article, older sets leave it out (dev7 h7-049)",
    strict=True,
)
_FLOOR = pytest.mark.xfail(
    reason="inst26 keeps a floor after a comma, dev12 leaves it out: left to the lead", strict=True
)

ADDRESS_CASES = [
    # the article of a listed street without a street word of its own
    pytest.param("Ik woon op de Kolk 14, kom maar langs.", ["de Kolk 14"], marks=_ARTICLE),
    pytest.param(
        "Bas: ben om drie uur vanaf de Tuinen 22 vertrokken", ["de Tuinen 22"], marks=_ARTICLE
    ),
    pytest.param("Mevrouw Jansen woont aan de Vaart 31 in Assen.", ["de Vaart 31"], marks=_ARTICLE),
    pytest.param(
        "De bewoner van de Boomgaard 17 belde vanochtend.", ["de Boomgaard 17"], marks=_ARTICLE
    ),
    pytest.param("Hij is verhuisd naar de Markt 5 in Oldenzaal.", ["de Markt 5"], marks=_ARTICLE),
    ("Zij woont op de Kerkstraat 8 in Zwolle.", ["Kerkstraat 8"]),
    # an adjective that opens a street name
    ("mevrouw Bouma, wonend Nieuwe Buren 17a, 8711 HC Workum", ["Nieuwe Buren 17a"]),
    ("Het kantoor zit op Oude Delft 112 in Delft.", ["Oude Delft 112"]),
    ("cliënt woont Kleine Berg 21, 5611 JT Eindhoven", ["Kleine Berg 21"]),
    ("Adres: Lange Voorhout 9, Den Haag", ["Lange Voorhout 9"]),
    # a floor after a comma
    pytest.param(
        "Nieuw adres: Burgemeester Roelenweg 13, 4e verdieping, Zwolle",
        ["Burgemeester Roelenweg 13, 4e verdieping"],
        marks=_FLOOR,
    ),
    pytest.param(
        "Zij woont Stationsweg 8, 2e etage, in Leiden.", ["Stationsweg 8, 2e etage"], marks=_FLOOR
    ),
    # "Laan van de" and two words
    (
        "Van: Ziekenhuis Amstelveld, Laan van de Helende Handen 1, Amsterdam",
        ["Laan van de Helende Handen 1"],
    ),
    # round 23 (addr23): up to two lower-case words more, no word of a clause
    ("Tom: laan van de twaalf ambachten 412 in amstelveen.", ["laan van de twaalf ambachten 412"]),
    ("Kantoor: Laan van Nieuw Oost-Indië 12, Den Haag", ["Laan van Nieuw Oost-Indië 12"]),
    # a street of several lower-case words that the street list knows
    ("Bas: wie pakt 7-15 op achter de hoven 3?", ["achter de hoven 3"]),
    ("zit nu op achter de molen 7, kom je?", ["achter de molen 7"]),
]


@pytest.mark.parametrize(("text", "addresses"), ADDRESS_CASES)
def test_whole_addresses(engine: PrivacyEngine, text: str, addresses: list[str]) -> None:
    assert labelled(engine, text, "adres") == addresses


@pytest.mark.parametrize(
    "text",
    [
        "We lopen 3 keer per dag een rondje.",
        "Kerkstraat 4, 2e keer dat we er waren.",
        "ik zit in de tuin 2 uur te lezen",
    ],
)
def test_no_new_address_where_none_is_meant(engine: PrivacyEngine, text: str) -> None:
    found = labelled(engine, text, "adres")
    assert all(not a.startswith("de ") and "keer" not in a for a in found)
    assert "tuin" not in " ".join(found)


@pytest.mark.parametrize(
    ("text", "postcodes"),
    [
        ("Gemeente Súdwest-Fryslân, Postbus 2147, 8600 CC Sneek", ["8600 CC"]),
        ("Postbus 90, 1000 MG Amsterdam", ["1000 MG"]),
        ("Insuline 2850 IE per week.", []),
        ("Paracetamol 1000 MG drie keer per dag.", []),
    ],
)
def test_postcode_with_unit_letters_after_a_post_box(
    engine: PrivacyEngine, text: str, postcodes: list[str]
) -> None:
    assert labelled(engine, text, "postcode") == postcodes


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Joris: wat is zijn clientnr ook alweer?\nMirthe: 5530214\nJoris: thx", ["5530214"]),
        ("Kim 09:12\nwelk dossiernummer had hij?\nSanne 09:13\n88123456", ["88123456"]),
        ("Kim: hoeveel stappen vandaag?\nSanne: 5530", []),
        ("Kim: hoeveel ml heeft ze gedronken?\nSanne: 1500000", []),
    ],
)
def test_a_chat_answer_that_is_only_the_asked_number(
    engine: PrivacyEngine, text: str, numbers: list[str]
) -> None:
    assert labelled(engine, text, "nummer") == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("De CIZ-indicatie 2025-0041287 is afgegeven.", ["2025-0041287"]),
        ("Indicatiebesluit 250411873 geldt tot 1 maart.", ["250411873"]),
        ("De zorgtoewijzing 88123401 is ontvangen.", ["88123401"]),
        ("Vecozo-declaratie 2025-883412 is afgekeurd.", ["2025-883412"]),
        ("Machtiging 2025A0198 van de zorgverzekeraar is verlopen.", ["2025A0198"]),
        ("Machtigingsnummer 2025A0198", ["2025A0198"]),
        ("haar cliëntnummer was 5512338", ["5512338"]),
        ("Het dossiernummer is 7781203.", ["7781203"]),
        ("De indicatie 2024-2025 loopt af.", []),
        ("Indicatie voor 3 dagdelen per week.", []),
        ("Het besluit van 12-03-2025 is bekend.", []),
        ("De declaratie van 125,50 euro is betaald.", []),
        ("Indicatie: 12 uur per week", []),
    ],
)
def test_record_numbers_after_care_labels(
    engine: PrivacyEngine, text: str, numbers: list[str]
) -> None:
    assert labelled(engine, text, "nummer") == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Relatienummer: 4.412.883", ["4.412.883"]),
        ("Ons kenmerk: 25.0412.JV", ["25.0412.JV"]),
        ("Zaaknr. 2025.00412.WMO, zie bijlage.", ["2025.00412.WMO"]),
        ("Kenmerk 2025.0412. Daarna volgt het besluit.", ["2025.0412"]),
        ("Het bedrag van 1.250.000 euro is hoog.", []),
    ],
)
def test_dotted_record_numbers_whole(engine: PrivacyEngine, text: str, numbers: list[str]) -> None:
    assert labelled(engine, text, "nummer") == numbers


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        (
            "Voor dhr. Appelman (Dorpsstraat 1-hoek, Ouderkerk) is het geregeld.",
            ["Dorpsstraat 1-hoek"],
        ),
        ("Zij woont Bosweg 2-boven in Lochem.", ["Bosweg 2-boven"]),
        ("Praktijk: J.P. Coenstraat 14, Leiden", ["J.P. Coenstraat 14"]),
        ("Zij woont op de A.F. Philipsweg 44.", ["A.F. Philipsweg 44"]),
        ("dhr. J. Bakker, Kerkstraat 4", ["Kerkstraat 4"]),
        ("Patiënt: mw. K. Smit Hoofdstraat 3, Ede", ["Hoofdstraat 3"]),
    ],
)
def test_house_tails_and_initials_of_a_street(
    engine: PrivacyEngine, text: str, addresses: list[str]
) -> None:
    assert labelled(engine, text, "adres") == addresses


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Betreft: mw. J. Jansen, 4412987\n\nGeachte collega,", ["4412987"]),
        ("Naam: A. Smit - 7781203", ["7781203"]),
        ("Cliënt: Mohamed El Amrani / 4412987", ["4412987"]),
        ("Betreft: 4412987 / H. Jansen", ["4412987"]),
        ("Naam: Jan Smit, 0612345678", []),
        ("Betreft: offerte voor 1250000 euro", []),
    ],
)
def test_a_number_item_on_a_line_about_a_person(
    engine: PrivacyEngine, text: str, numbers: list[str]
) -> None:
    assert labelled(engine, text, "nummer") == numbers
