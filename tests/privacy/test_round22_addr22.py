"""Round 22 (addr22): addresses, record numbers and ages in the shapes care workers write.

All sentences are made up (fictional people, streets and numbers), written before the rules
of this round: a word between a street and its house number ("Kerkstraat nr. 12", "t/o
220"), a flat's number after a house letter ("14a-2"), a floor joined by a hyphen
("330-2hg"), a street after a word of a visit ("Huisbezoek Pater Damiaan 2-6"), lower-case
compass streets ("noordeinde 45 b"), a second person's age ("mw is 84 en dhr 86"), a child's
first name and "van 9", an age asked in a chat about a named child, a list of ages after
"kinderen:", a record label before a number of a phone's shape (reverted at the merge), a
label with a bracketed qualifier ("Registratienummer (BIG):"), and their near misses (doses,
times, counts, rooms, durations, scores, versions).
"""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

ADDRESSES = [
    # a word that says a house number follows
    ("Mw. woont Kerkstraat nr. 12 in Ede.", ["Kerkstraat nr. 12"]),
    ("woont Molenweg nummer 4", ["Molenweg nummer 4"]),
    ("Adres Pieter de Hooghlaan t/o 14, Delft.", ["Pieter de Hooghlaan t/o 14"]),
    ("ambulance naar Kerkweg tegenover 31", ["Kerkweg tegenover 31"]),
    ("dhr woont nu op de lindelaan nr 7", ["lindelaan nr 7"]),
    # house numbers of more shapes
    ("adres klopt niet, is hoofdstraat 14a-2", ["hoofdstraat 14a-2"]),
    ("Mw. woont Schiekade 8c-01 in Rotterdam.", ["Schiekade 8c-01"]),
    ("woont Jan van Galenstraat 330-2hg", ["Jan van Galenstraat 330-2hg"]),
    ("Dhr. woont Vondelstraat 14 hs.", ["Vondelstraat 14 hs"]),
    ("Adres: Nieuwe Binnenweg 12-3, Rotterdam", ["Nieuwe Binnenweg 12-3"]),
    ("Mw. woont Zaagmolenkade 112 III", ["Zaagmolenkade 112 III"]),
    ("Mw. woont Kerkstraat 12 bis in Utrecht.", ["Kerkstraat 12 bis"]),
    ("Het pand Dorpsstraat 12 t/m 16 wordt gesloopt.", ["Dorpsstraat 12 t/m 16"]),
    ("Adres: Marnixstraat 300-III", ["Marnixstraat 300-III"]),
    # a title, saint or profession and no street word, after a word of a visit
    ("Huisbezoek Pater Damiaan 2-6, bel aan bij de zijdeur.", ["Pater Damiaan 2-6"]),
    ("Huisbezoek Burgemeester Visser 14, bel aan.", ["Burgemeester Visser 14"]),
    ("huisbezoek burgemeester visser 14", ["burgemeester visser 14"]),
    ("Mw. woont sinds kort op Burgemeester Visser 14 in Dokkum.", ["Burgemeester Visser 14"]),
    # lower-case compass streets in chats
    ("mw woont noordeinde 45 b", ["noordeinde 45 b"]),
    ("rij nu naar het oosteinde 3", ["oosteinde 3"]),
    # particles, Frisian and Limburg streets, two lines
    ("Adres: van Ostadestraat 112 III, Amsterdam", ["van Ostadestraat 112 III"]),
    ("Heit woont aan de Tsjerkestrjitte 3 yn Warkum.", ["Tsjerkestrjitte 3"]),
    ("Adres cliënt: Op de Bies 12, 6367 AB Voerendaal", ["Op de Bies 12"]),
    ("Dhr. P. de Wit\nHoofdstraat 12\n8441 AB Heerenveen", ["Hoofdstraat 12"]),
    ("Aan: mw. S. Kok\nIt Heechhout 5\n8601 AA Sneek", ["It Heechhout 5"]),
    ("zit op van speijkstraat 40-2", ["van speijkstraat 40-2"]),
]


@pytest.mark.parametrize(("text", "addresses"), ADDRESSES)
def test_addresses(engine: PrivacyEngine, text: str, addresses: list[str]) -> None:
    assert labelled(engine, text, "adres") == addresses


@pytest.mark.parametrize(
    "text",
    [
        "Pagina 12 t/m 16 van het zorgplan.",
        "Medicatie: Oxazepam 10 mg, 2 x per dag.",
        "Dokter Jansen 2x gebeld, geen gehoor",
        "Sint Maarten 11 november met lampionnen gelopen",
        "Visite Sint Jozef 3 om 10 uur.",
        "bezoek koningin beatrix 1980 op tv",
        "in het weekeinde 2 keer gevallen",
        "na het weekeinde 3 cliënten erbij",
        "levenseinde 2 gesprekken gevoerd",
        "Nummer 5 van de lijst is afgevinkt.",
        "Kamer nummer 12 is vrij.",
        "Cliënt kreeg 12-3 een nieuwe rolstoel.",
        "Kamer 112 III is vrij",
    ],
)
def test_no_address_in_near_misses(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "adres") == []


_PHONE_SHAPED = (
    "reverted at round 22's merge: a record label before a number of a phone's shape found a"
    " record number on a blind set and turned a phone number into one on the same set"
)
RECORD_NUMBERS = [
    # round 23 (addr23): ten digits after "00" are too few for a number abroad, so no phone
    ("Patiëntnr 0012345678 (ZGT)", ["0012345678"]),
    pytest.param(
        "Cliëntnummer 0612345678",
        ["0612345678"],
        marks=pytest.mark.xfail(strict=True, reason=_PHONE_SHAPED),
    ),
    ("Registratienummer (BIG): 29012345601", ["29012345601"]),
    ("Patiëntnummer (ZGT): 4482910", ["4482910"]),
    ("Cliëntnummer: 20481736", ["20481736"]),
    ("dossiernr. 4471-0923", ["4471-0923"]),
    ("Zaaknummer: Z/2025/004417", ["Z/2025/004417"]),
    ("Ons kenmerk: JZ/24.0883/MB", ["JZ/24.0883/MB"]),
    ("Polisnummer 3.104.882.61", ["3.104.882.61"]),
    ("MIC-nummer 2025-044 ingevuld door EVV", ["2025-044"]),
    ("BIG 19054321401, arts ouderengeneeskunde", ["19054321401"]),
    ("Dossiernummers: 4410293, 4410294 en 4410310", ["4410293", "4410294", "4410310"]),
    ("clientnr 448812 vraag ff na bij planning", ["448812"]),
    ("wat was ook alweer zijn cliëntnummer?\n4471823", ["4471823"]),
    ("- Clientnr: 4410293\n- Dossiernr: 884-112", ["4410293", "884-112"]),
]


@pytest.mark.parametrize(("text", "numbers"), RECORD_NUMBERS)
def test_record_numbers(engine: PrivacyEngine, text: str, numbers: list[str]) -> None:
    assert labelled(engine, text, "nummer") == numbers


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("telefoonnummer cliënt 0612345678", ["0612345678"]),
        ("Cliënt: 0612345678 bellen", ["0612345678"]),
        ("Dochter: 06-12345678", ["06-12345678"]),
    ],
)
def test_phone_numbers_stay_phone_numbers(
    engine: PrivacyEngine, text: str, phones: list[str]
) -> None:
    assert labelled(engine, text, "telefoon") == phones
    assert labelled(engine, text, "nummer") == []


@pytest.mark.parametrize(
    "text",
    [
        "Kenmerk: mw is erg onrustig",
        "Dossier bijgewerkt om 14.30",
        "Versie 3.12.4 van het ECD is geïnstalleerd",
        "Prijs €1.250,00 per maand",
        "Zorgplan punt 3.2.1 bijgesteld",
        "MMSE 24/30, vorig jaar 26/30",
        "Bloedsuiker 12.4 mmol/l",
    ],
)
def test_no_record_number_in_near_misses(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "nummer") == []


AGES = [
    # a second person's age right after one found
    ("mw is 84 en dhr 86", ["84", "86"]),
    ("moeder is 54, vader 57", ["54", "57"]),
    ("Mw. is 84, dhr. 86.", ["84", "86"]),
    ("ze is 90 en hij 93 jaar", ["90", "93 jaar"]),
    # a child's first name, "van" and a number
    ("de kleine Daan van 9 plast weer in bed", ["9"]),
    ("Daan van 6 jaar speelt buiten", ["6 jaar"]),
    ("Noor van 4, Lieke van 7.", ["4", "7"]),
    # an age asked in a chat about a named child, and the answer
    ("Sanne: is Ruben nu 4?\nKim: 5 sinds vorige week", ["4", "5"]),
    ("Koen: en Adam, is nu 4 toch?\nHatice: 5 sinds vorige week", ["nu 4", "5"]),
    # a list of ages after "kinderen:"
    ("kinderen: 4, 7 en 12 jaar", ["4", "7", "12 jaar"]),
    # shapes found before
    ("Mw. Jansen (87) valt vaker.", ["87"]),
    ("Haar zoon van 12 komt na school.", ["12"]),
    ("baby is 7 mnd en slaapt slecht", ["7 mnd"]),
    ("Kleinzoon is 4 geworden gisteren", ["4"]),
    ("Cliënt (m, 34) meldt zich", ["34"]),
]


@pytest.mark.parametrize(("text", "ages"), AGES)
def test_ages(engine: PrivacyEngine, text: str, ages: list[str]) -> None:
    assert labelled(engine, text, "leeftijd") == ages


@pytest.mark.parametrize(
    "text",
    [
        "Daan van 9 tot 12 uur op school",
        "dienst van Petra van 7 tot 15",
        "mevrouw Jansen van 12 klaagt over lawaai",
        "Sanne van 3B",
        "Anouk van 8.30 uur",
        "Daan van 6 jaar geleden",
        "Kees van 45 is er ook",
        "mw is 84 kg, dhr 86",
        "Koen: is het nu 4 uur?\nKim: 5 over",
        "Koen: is Ruben nu 4 keer gevallen?\nKim: 5 keer",
        "Kinderen: 2 en 3 uur per dag op de opvang",
        "woont 40 jaar in dit huis",
        "dhr heeft 40 jaar gewerkt",
        "Sanne: hoeveel tabletten?\nKim: 5",
        "Pijnscore 7 van 10",
        "Is 4 keer gevallen deze week",
    ],
)
def test_no_age_in_near_misses(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "leeftijd") == []


@pytest.mark.parametrize(
    "text", ["mw is 84 en dhr 3 keer gevallen", "mw is 84, saturatie 86", "mw is 84 en pols 86"]
)
def test_a_second_number_after_an_age_is_no_age_without_a_person(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "leeftijd") == ["84"]


MORE_ADDRESSES = [
    # the number word after a comma or "op", the number before its street
    ("Ze woont in de Kerkstraat, nummer 12.", ["Kerkstraat, nummer 12"]),
    ("dhr woont in de kerkstraat op nummer 12", ["kerkstraat op nummer 12"]),
    ("Ze woont op nummer 14 van de Lindelaan.", ["14 van de Lindelaan"]),
    ("nr 2 in de Kerkstraat is leeg", ["2 in de Kerkstraat"]),
    # "Weg naar" and a place's name; "rd" for "rood"
    ("Bezoekadres Weg naar Laren 12, Zutphen", ["Weg naar Laren 12"]),
    ("Adres: St. Annastraat 12 rd", ["St. Annastraat 12 rd"]),
    # a form's fields on lines of their own
    ("Straat: Lindelaan\nHuisnummer: 7\nPostcode: 1234 AB", ["Lindelaan", "7"]),
    ("Straatnaam: Molenweg\nHuisnr: 12-3", ["Molenweg", "12-3"]),
]


@pytest.mark.parametrize(("text", "addresses"), MORE_ADDRESSES)
def test_more_addresses(engine: PrivacyEngine, text: str, addresses: list[str]) -> None:
    assert labelled(engine, text, "adres") == addresses


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Weg naar Zwolle 3 uur gereden", []),
        ("nummer 3 van de lijst", []),
        ("Kamer nummer 3 in de Kerkstraat", ["Kerkstraat"]),
        ("Straat: zie boven\nHuisnummer: onbekend", []),
    ],
)
def test_no_more_addresses_in_near_misses(
    engine: PrivacyEngine, text: str, addresses: list[str]
) -> None:
    assert labelled(engine, text, "adres") == addresses


# Shapes seen in dev27's misses, written anew with made-up words.
DEV27_SHAPES = [
    ("Meldnummer: MIM 25/0318", "nummer", ["MIM 25/0318"]),
    ("Meldingsnummer 2025/0117", "nummer", ["2025/0117"]),
    ("Patiëntnummer KRT.114.207; opname 3-3", "nummer", ["KRT.114.207"]),
    ("mw. Pien Vos, hoek Molendijk/Oude Vaart (bel 1), Zeist.", "adres", ["Molendijk/Oude Vaart"]),
    ("op de hoek Oude Gracht/Lange Nieuwstraat", "adres", ["Oude Gracht/Lange Nieuwstraat"]),
    ("wonend Kerkstraat-Zuid 12, Venlo.", "adres", ["Kerkstraat-Zuid 12"]),
    ("Adres: Industrieweg-Oost 4b, Assen", "adres", ["Industrieweg-Oost 4b"]),
    ("bracht haar terug van de Sjoerd Wiersmawei", "adres", ["Sjoerd Wiersmawei"]),
    ("ze liep naar de Haadstrjitte", "adres", ["Haadstrjitte"]),
    ("Opvang: woonvorm De Vlonder, Vlonderink 8-10, Hengelo", "adres", ["Vlonderink 8-10"]),
    ("Kind: Noor Bakker, 5 mnd, geb. 3 juni 2025", "leeftijd", ["5 mnd"]),
    ("moet ik nog naar markt 7-2 bij dhr Kok?", "adres", ["markt 7-2"]),
    ("woont op brink 4.", "adres", ["brink 4"]),
]


@pytest.mark.parametrize(("text", "label", "found"), DEV27_SHAPES)
def test_shapes_of_dev27(engine: PrivacyEngine, text: str, label: str, found: list[str]) -> None:
    assert labelled(engine, text, label) == found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Melding 3 gedaan bij de balie", "nummer"),
        ("Hoofdstuk 4-6, Utrecht", "adres"),
        ("Locatie: Vergaderzaal 3, Utrecht", "adres"),
        ("de koeien gaan naar de wei", "adres"),
        ("Bezoek van Jan, 3 weken geleden", "leeftijd"),
        ("op de markt 2 uur gelopen", "adres"),
        ("naar de markt 3 keer", "adres"),
        ("we gaan naar de haven 2 om 3 uur", "adres"),
    ],
)
def test_no_dev27_shapes_in_near_misses(engine: PrivacyEngine, text: str, label: str) -> None:
    assert labelled(engine, text, label) == []


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("dhr Brink (81), boerderij 'De Esch', Veenweg 3, Ruurlo.", ["De Esch", "Veenweg 3"]),
        pytest.param(
            "Mw. woont op woonboerderij 'Het Hoogeland' bij Dalfsen.",
            ["Het Hoogeland"],
            marks=pytest.mark.xfail(
                reason="deduce reads 'Hoogeland' as a surname and the name wins: left open",
                strict=True,
            ),
        ),
        ("op de boerderij 'gezellig' gezeten", []),
        ("dagbesteding bij Boerderij 't Paradijs", []),
    ],
)
def test_a_dwelling_named_in_quotes(engine: PrivacyEngine, text: str, addresses: list[str]) -> None:
    assert labelled(engine, text, "adres") == addresses


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("de kleine is 2 en heeft koorts", ["2"]),
        ("Sanne: hoe oud is de baby?\nKim: 3 weken", ["3 weken"]),
        ("Kim: Ruud is 45 toch?\nSanne: 46", ["45", "46"]),
        ("Kim: hoe oud is ze?\nSanne: 86", ["86"]),
        # near misses
        ("de kleine is 2 keer gevallen", []),
        ("Kim: hoe oud is de wond?\nSanne: 3 dagen", []),
        ("Kim: Saturatie is 91 toch?\nSanne: 93", []),
        ("Kim: Het is 4 toch?\nSanne: 5", []),
        ("Kim: Dat is 4 toch?\nSanne: 5", []),
    ],
)
def test_ages_asked_and_answered_in_chats(
    engine: PrivacyEngine, text: str, ages: list[str]
) -> None:
    assert labelled(engine, text, "leeftijd") == ages
