"""Round 10a: phone numbers, addresses and record numbers of more shapes. For each rule a text
where the identifier must be found whole and one of the same kind of text where nothing of that
kind may be marked. Every name, street, number and organisation here is made up; none is copied
from a benchmark set."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine


def spans(engine: PrivacyEngine, text: str) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in engine.analyse(text).spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an en or em dash between the groups of a phone number
        ("Telefoon: 024 \u2013 381 57 02", ("024 \u2013 381 57 02", "telefoon")),
        ("Vragen? Bel 0523 \u2014 61 88 90.", ("0523 \u2014 61 88 90", "telefoon")),
        ("mob. 06\u201348302719 (na 17 uur)", ("06\u201348302719", "telefoon")),
        # a mobile number with 06 in brackets
        ("Bereikbaar op (06) 41 70 93 28.", ("(06) 41 70 93 28", "telefoon")),
        # a slash after the area code
        ("Praktijk: 0341/42 17 90, mobiel 06/38472615.", ("0341/42 17 90", "telefoon")),
        ("Praktijk: 0341/42 17 90, mobiel 06/38472615.", ("06/38472615", "telefoon")),
        # +31 with (0) and a spaced dash
        ("Spoed: +31 (0)71 - 524 38 90", ("+31 (0)71 - 524 38 90", "telefoon")),
        # record numbers in a list after a plural label
        ("Cliëntnummers 58213, 58214 en 58290 zijn samengevoegd.", ("58290", "nummer")),
        # a flat, room or unit after the house number
        (
            "Zij woont op Lijsterbesstraat 71 kamer 4, Hengelo.",
            ("Lijsterbesstraat 71 kamer 4", "adres"),
        ),
        ("Adres cliënt: Orionplein 8 flat 12.", ("Orionplein 8 flat 12", "adres")),
        ("post naar Kwartelweg 3 app. 21", ("Kwartelweg 3 app. 21", "adres")),
        # a range of house numbers with spaces, a Belgian "bus"
        ("Praktijk aan de Lindendreef 40 - 42, Oss.", ("Lindendreef 40 - 42", "adres")),
        ("Brieven naar Meirstraat 17 bus 3, Lier.", ("Meirstraat 17 bus 3", "adres")),
        # a record number with letters after its last slash or dash
        ("Ons kenmerk: 2024/0387/TB", ("2024/0387/TB", "nummer")),
        ("zaaknummer KV/25/4410-c", ("KV/25/4410-c", "nummer")),
        # a short lower-case title before a street
        ("ik ga om 3 uur naar pr. marijkelaan 14b", ("pr. marijkelaan 14b", "adres")),
        # a street without a number after "op de" / "aan de"
        ("Ik sta tot twee uur op de Prins Mauritslaan, bel maar.", ("Prins Mauritslaan", "adres")),
        (
            "hij woont aan de burgemeester hovinglaan geloof ik",
            ("burgemeester hovinglaan", "adres"),
        ),
        # a street without a street word, a number and the place after it
        ("Overgeplaatst naar Het Zonnedal, Wilgenhorst 17, Tiel.", ("Wilgenhorst 17", "adres")),
        # a street named after a saint or a title, without a street word, after "naar"/"op"
        ("brief is naar sint odulphus 9 ii, zwolle.", ("sint odulphus 9 ii", "adres")),
        ("Zij woont op Prinses Amalia 31 in Venlo.", ("Prinses Amalia 31", "adres")),
        # a record code with the year first
        ("Melding nr: 2025-VIM-03318 ingediend.", ("2025-VIM-03318", "nummer")),
        # a BIG number
        ("Verpleegkundige, BIG-nummer 69045781230, tekent af.", ("69045781230", "nummer")),
        ("BIG: 39027745601", ("39027745601", "nummer")),
        # a lower-case prefix after a record label
        ("dossiernummer kt 55083127 graag vermelden", ("kt 55083127", "nummer")),
    ],
)
def test_identifier_is_found_whole(
    engine: PrivacyEngine, text: str, expected: tuple[str, str]
) -> None:
    assert expected in spans(engine, text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # dashes between doses, times, scores, blood pressure and years
        ("Dosering 2 \u2013 3 tabletten, tussen 08 \u2013 10 uur, RR 130 \u2013 85.", "telefoon"),
        (
            "Scores 10 \u2013 12 \u2013 14 \u2013 16 \u2013 18, periode 2019 \u2013 2023.",
            "telefoon",
        ),
        # dates, fractions and scores written with a slash
        ("Gezien op 06/11/2025, pijn 08/10, 1/2 tablet; 06/11 en 07/11 controle.", "telefoon"),
        # a room number without a street, or after a comma
        ("Om 10 uur kamer 5 gecontroleerd, daarna kamer 7.", "adres"),
        ("Medicatie 2 flat 3 keer geteld.", "adres"),
        # a capitalised word that is no street before a number and a place
        ("Hoofdstuk 3, Utrecht en omgeving.", "adres"),
        ("Versie 2 Amsterdam is klaar.", "adres"),
        # "op de" with no street: a word too short, a ward, lower case without a title
        ("Hij fietst op de Weg naar huis en op de snelweg niet.", "adres"),
        ("Opgenomen op de Intensive Care, daarna naar de Markt.", "adres"),
        # a title and a name before a number that is no house number
        ("Naar Sint Joris 3 weken geleden; op koning Boudewijn 2 keer gebeld.", "adres"),
        # a plural label of phone or house numbers
        ("Telefoonnummers 24680 en 13579 zijn intern; huisnummers 12345 ook.", "nummer"),
        # a BIG registration without a number, a year code without letters
        ("Neem je BIG-registratie mee; BIG 1234 is geen nummer.", "nummer"),
        ("Het rooster 2024-2025 hangt bij kamer 12.", "nummer"),
        # a fraction-like code with letters but no label before it
        ("Score 2024/0387/TB in de tabel.", "nummer"),
        # a lower-case word and a short number after a label
        ("Het dossiernummer ab 1234 klopt niet.", "nummer"),
    ],
)
def test_no_identifier_of_that_kind(engine: PrivacyEngine, text: str, label: str) -> None:
    assert [found for found in spans(engine, text) if found[1] == label] == []


def test_range_of_people_or_hours_is_no_house_number(engine: PrivacyEngine) -> None:
    text = "Op de Beukenlaan 3 - 5 personen, Esdoornweg 8 - 10 uur."
    found = [found for found in spans(engine, text) if found[1] == "adres"]
    assert found == [("Beukenlaan 3", "adres"), ("Esdoornweg 8", "adres")]
