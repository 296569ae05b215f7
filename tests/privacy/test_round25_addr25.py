"""Round 25 (addr25): street boundaries and abbreviations, and lower-case places.

All sentences are made up (fictional people, streets and numbers). A lower-case "de" before
a street that deduce's list also holds without it stays out ("op de Hoogstraat 12"), "'t"
before a street without a common street word opens its name ("op 't Vonder 9"), a
lower-case title before the particles of a street ("burg. van Heemstraweg 23"), "pl." and
"pln." for "plein"; an article and a frequent word after "naar" or "in" ("naar het hof") is
no place. The probes of this round that already passed are kept too, so that they stay.
"""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

ADDRESSES = [
    # the article stays out when the street is listed without it
    ("Hij woont op de Hoogstraat 12 I.", ["Hoogstraat 12 I"]),
    ("Ze woont op de Lindenhof 14 zw.", ["Lindenhof 14 zw"]),
    ("woont sinds mei aan de Zandstraat 3", ["Zandstraat 3"]),
    ("Hij woont aan de Hoogstraat 12.", ["Hoogstraat 12"]),
    # ... and stays in for a street named after a surname with "de"
    ("Oom woont op de Ruyterweg 5.", ["de Ruyterweg 5"]),
    # "'t" before a street without a common street word
    ("Cliënt woont op 't Vonder 9.", ["'t Vonder 9"]),
    ("Woont op 't Hoenderveld 4.", ["'t Hoenderveld 4"]),
    ("Woont in 't Kerkplein 4", ["Kerkplein 4"]),
    # a lower-case title before the particles
    ("Zus woont in de burg. van Heemstraweg 23.", ["burg. van Heemstraweg 23"]),
    ("Ze woont aan de dr. van der Hoevenlaan 3", ["dr. van der Hoevenlaan 3"]),
    ("ze woont op de van heemskerckstraat 5", ["van heemskerckstraat 5"]),
    # "pl." and "pln." for "plein"
    ("Thuis: Stationspl. 9", ["Stationspl. 9"]),
    ("Thuis: Marktpl. 9 in Venlo", ["Marktpl. 9"]),
    ("ze woont op het raadhuispl 3", ["raadhuispl 3"]),
    ("Adres: Wilhelminapln 4", ["Wilhelminapln 4"]),
    # probes that passed already: titles, saints, ranks, particles, abbreviations, tails
    (
        "Mevrouw woont aan de Burgemeester de Withstraat 14 in Zwolle.",
        ["Burgemeester de Withstraat 14"],
    ),
    ("Adres: Dr. Schaepmanlaan 3b, 7511 KL Enschede.", ["Dr. Schaepmanlaan 3b"]),
    ("Cliënt verhuist naar de Pater Damiaanstraat 22-2.", ["Pater Damiaanstraat 22-2"]),
    ("Hij woont aan de Kapelaan Koppesstraat 8 hs.", ["Kapelaan Koppesstraat 8 hs"]),
    ("Bezoek op Sint Janstraat 41 bis te Breda.", ["Sint Janstraat 41 bis"]),
    ("Nieuw adres Generaal Foulkesweg 112 A.", ["Generaal Foulkesweg 112 A"]),
    ("Zoon woont Prof. Kamerlingh Onneslaan 7 boven.", ["Prof. Kamerlingh Onneslaan 7 boven"]),
    ("Adres: Ter Haarstraat 5, Almelo.", ["Ter Haarstraat 5"]),
    ("adres is kerkstr. 12", ["kerkstr. 12"]),
    ("Woont op Molenln. 4 in Ede.", ["Molenln. 4"]),
    ("ik woon op de kerkweg 12", ["kerkweg 12"]),
    ("ze woont nu aan het Marktplein, nummer 7", ["Marktplein, nummer 7"]),
    ("we zitten op de dorpsstraat 3a hoor", ["dorpsstraat 3a"]),
    ("Adres: Hoofdweg 12-14", ["Hoofdweg 12-14"]),
    ("Hij woont t.o. Kerkplein 4.", ["Kerkplein 4"]),
    ("Post naar Postbus 1234, 8000 AB Zwolle.", ["Postbus 1234"]),
    ("Mevr. woont op de Tsjerkepaad 3 in Burgum.", ["Tsjerkepaad 3"]),
    ("Cliënt woont aan de Dijk 4 in Hoorn.", ["Dijk 4"]),
    ("Ze woont aan het Erf 12.", ["Erf 12"]),
    ("Woont op de Wal 21.", ["Wal 21"]),
    ("Woont in de Generaal Winkelmanstraat 3-II.", ["Generaal Winkelmanstraat 3-II"]),
    ("Vader woont aan de Mgr. Nolensplein 2.", ["Mgr. Nolensplein 2"]),
    ("Ze woont aan de Prins Hendrikkade 120 3hg.", ["Prins Hendrikkade 120 3hg"]),
    ("Woont op de 2e Jacob van Campenstraat 67-1.", ["2e Jacob van Campenstraat 67-1"]),
    ("afspraak op de kapelweg 7, hengelo", ["kapelweg 7"]),
    (
        "Cliënt woont in de Luitenant Generaal van Heutszlaan 2.",
        ["Luitenant Generaal van Heutszlaan 2"],
    ),
    ("Woont op Zeeburgerdijk 12 A-112.", ["Zeeburgerdijk 12 A-112"]),
    ("Hij woont Tsjerkestrjitte 14, Jirnsum", ["Tsjerkestrjitte 14"]),
    ("Adres: Past. Jacobsstraat 2", ["Past. Jacobsstraat 2"]),
    ("Adres: Kard. de Jongweg 100", ["Kard. de Jongweg 100"]),
    # look-alikes: short street words without a number, an abbreviation that is no street
    ("Ik ben gisteren langs de dijk gefietst.", []),
    ("De kade was glad.", []),
    ("Het erf van de boerderij is groot.", []),
    ("Hij zat op de wal te vissen.", []),
    ("Pas op de dijk bij nummer 4.", []),
    ("We hebben 3 appl. 4 gegeten", []),
]


@pytest.mark.parametrize(("text", "addresses"), ADDRESSES)
def test_addresses(engine: PrivacyEngine, text: str, addresses: list[str]) -> None:
    assert labelled(engine, text, "adres") == addresses


PLACES = [
    ("hij gaat naar het hof", []),
    ("hij is naar het veld gelopen", []),
    ("We liepen door de laan naar het hof.", []),
    # a lower-case place with an article that is no frequent word stays one
    ("ze woont in het bildt", ["het bildt"]),
    ("ze woont in den helder", ["den helder"]),
    ("ze woont op de julianastraat 4b in tilburg", ["tilburg"]),
]


@pytest.mark.parametrize(("text", "places"), PLACES)
def test_places(engine: PrivacyEngine, text: str, places: list[str]) -> None:
    assert labelled(engine, text, "plaats") == places
