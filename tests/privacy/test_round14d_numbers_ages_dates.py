"""Round 14d: ages, record numbers, AGB codes and dates of more shapes, in chats and notes.
For each rule texts where the shape is an identifier (found whole) and the hard negatives
that must stay unmarked. Every name and number here is made up; none is copied from a
benchmark set."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from carai.privacy.patterns import find_ages, find_dates, find_numbers
from tests.privacy.helpers import labelled


def ages(text: str) -> list[str]:
    return sorted({text[c.start : c.end] for c in find_ages(text)})


def dates(text: str) -> list[str]:
    return sorted({text[c.start : c.end] for c in find_dates(text)})


def phones(text: str) -> list[str]:
    return [text[c.start : c.end] for c in find_numbers(text) if c.label == "telefoon"]


# -- ages ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik zorg voor mw van 87 in de flat", ["87"]),
        ("dhr. van 74 woont op de eerste etage", ["74"]),
        ("ze heeft 2 kinderen van 8 en 11", ["11", "8"]),
        ("de kids zijn 6 en 9, allebei op school", ["6", "9"]),
        ("zijn kleinkinderen zijn 4, 7 en 10", ["10", "4", "7"]),
        ("zij is eind 70 en nog kwiek", ["eind 70"]),
        ("mw. is begin 80 en woont alleen", ["begin 80"]),
        ("Zus Wieke (inmiddels 61) helpt mee.", ["inmiddels 61"]),
        ("jij kent dhr. ter Horst toch, die is 91 geworden", ["91"]),
        ("ze wordt in mei 80", ["80"]),
        ("oma wordt 17 juni toch 90?", ["90"]),
        ("de patiënte, die in augustus 95 wordt, slaapt slecht", ["95"]),
        ("Fenne is nu 14 maanden. Ze loopt nog niet.", ["14 maanden"]),
        ("de baby is pas 6 weken en drinkt goed", ["6 weken"]),
    ],
)
def test_ages_found(text: str, expected: list[str]) -> None:
    found = ages(text)
    for age in expected:
        assert age in found, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "De kinderen van 8 uur moeten naar school.",
        "mw van 10.00 tot 12.00 op bezoek",
        "dhr. van 3 tot 5 uur op de dagbesteding",
        "Hij is 3 maanden opgenomen geweest.",
        "Het is nu 3 maanden.",
        "Opname is nu 3 maanden geleden.",
        "hij heeft 3 maanden huur achterstand",
        "Saturatie is eind 90, pols 72.",
        "De dosis wordt in mei 20 mg.",
        "Ze is op 3 mei 2 keer gevallen.",
        "Hij is een 80-plusser en valt vaak.",  # an age group, not an age
    ],
)
def test_age_lookalikes_stay(text: str) -> None:
    assert ages(text) == [], text


# -- dates followed by a time or a second date are no phone numbers ------------------------
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Telefoonnotitie 14-06-2025 10.20 uur\nGebeld door de dochter.", "14-06-2025"),
        ("Overdracht afdeling 3 Oost, 06-05-2025 15.00 uur", "06-05-2025"),
        ("Rapportage 05-03-2025 14:20 - R. Yildiz, verzorgende", "05-03-2025"),
        ("Opname: 20-01-2025 - 28-02-2025\nDiagnose: depressie", "28-02-2025"),
    ],
)
def test_date_and_time_is_no_phone(engine: PrivacyEngine, text: str, date: str) -> None:
    assert phones(text) == [], text
    assert date in labelled(engine, text, "datum")


@pytest.mark.parametrize("text", ["bel 06-12345678 na 17 uur", "tel. 020-5551234 (receptie)"])
def test_phone_numbers_stay_phones(text: str) -> None:
    assert len(phones(text)) == 1, text


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Opgenomen 4/5 via de SEH met koorts.", "4/5"),
        ("gezien 3/4 door de wijkverpleging", "3/4"),
    ],
)
def test_short_date_after_an_event(text: str, date: str) -> None:
    assert date in dates(text)


@pytest.mark.parametrize(
    "text",
    ["Mw. ligt op kamer 12-04 bij het raam.", "bed 3/4 is vrij", "1-2 l O2 via de neusbril"],
)
def test_room_and_dose_are_no_dates(text: str) -> None:
    assert dates(text) == [], text


# -- record numbers and AGB codes -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Cliënt: dhr. Okke Faber, cliëntnr. KL 44 713\nAdres: onbekend", "KL 44 713"),
        ("Verzekering: Zilverzorg, 100274416\nHuisarts: dr. Veen", "100274416"),
        ("De facturen 2024-10-7719 en 2024-11-7802 staan nog open.", "2024-11-7802"),
        ("De facturen 2024-10-7719 en 2024-11-7802 staan nog open.", "2024-10-7719"),
    ],
)
def test_record_numbers_found(engine: PrivacyEngine, text: str, number: str) -> None:
    assert number in labelled(engine, text, "nummer")


def test_agb_code_with_a_space(engine: PrivacyEngine) -> None:
    assert labelled(engine, "agb code 03 045678 (fysiotherapie)", "agb") == ["03 045678"]


@pytest.mark.parametrize(
    "text",
    [
        "De zorgverzekering vergoedt 12 behandelingen.",
        "factuur van € 1.250,00 betaald",
        "Bus 17-112 reed voorbij",
        "kamer 118, bed 2",
    ],
)
def test_number_lookalikes_stay(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "nummer") == [], text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("de AGB-code van de fysio is 04123456", "04123456"),
        ("AGB praktijk 01-234567", "01-234567"),
        ("agb: 01 23 45 67", "01 23 45 67"),
        ("AGB-code 0412 3456 (logopedie)", "0412 3456"),
    ],
)
def test_agb_codes_in_more_shapes(engine: PrivacyEngine, text: str, code: str) -> None:
    assert code in labelled(engine, text, "agb")


@pytest.mark.parametrize(
    ("text", "number"),
    [("big nummer 19023456701", "19023456701"), ("BIG 190 234 567 01", "190 234 567 01")],
)
def test_big_numbers_in_chats(engine: PrivacyEngine, text: str, number: str) -> None:
    assert number in labelled(engine, text, "nummer")


def test_agb_needs_eight_digits(engine: PrivacyEngine) -> None:
    assert labelled(engine, "AGB-code aangevraagd op 12 maart, volgt nog", "agb") == []


@pytest.mark.parametrize("text", ["PDSS-SR (nu 18) en BDI 22", "pijnscore (nu 6) gedaald"])
def test_qualified_score_in_brackets_is_no_age(text: str) -> None:
    assert ages(text) == [], text


def test_agb_at_the_end_of_a_sentence(engine: PrivacyEngine) -> None:
    text = "Jeugdarts: R. Bouali, AGB 01099876.\nInformatie volgt."
    assert labelled(engine, text, "agb") == ["01099876"]


def test_months_in_brackets_before_a_noun_are_no_age() -> None:
    assert ages("achterstand bij Woonstichting Eemdal (3 maanden huur, € 1.950)") == []
    assert ages("Consult voor Jorn Wessels (9 maanden) om 10 uur.") == ["9 maanden"]


# -- ages in chats, second batch --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("ze wordt over 2 weken 90", "90"),
        ("ze werd vorige maand 80", "80"),
        ("hij wordt a.s. zaterdag 70", "70"),
        ("de jongste is 4, slaapt slecht", "4"),
        ("mijn oudste van 14 zit op het vmbo", "14"),
        ("oma, 92, woont nog thuis", "92"),
        ("meneer, begin 60, woont alleen", "begin 60"),
        ("ze zijn 8 en 11", "11"),
        ("de tweeling is 3", "3"),
        ("opa (bijna 100!) was jarig", "bijna 100"),
        ("ze is in de 90 en nog helder", "in de 90"),
        ("ik ben 34 en woon in Kampen", "34"),
        ("We hebben een zoon van 2,5", "2,5"),
        ("m, 45, bekend met diabetes", "45"),
        ("Pat. (v/72) met COPD", "72"),
    ],
)
def test_chat_ages_found(text: str, age: str) -> None:
    assert age in ages(text), (text, ages(text))


@pytest.mark.parametrize(
    "text",
    [
        "ze zijn 8 en 11 mmol",
        "ik ben 10 minuten later",
        "ik ben 1 van de 3 mantelzorgers",
        "ik ben 100% zeker",
        "ik ben 2 weken op vakantie",
        "De wond is in de 3 weken gesloten",
        "kamer, 12, bed 3",
        "dhr., 3 keer gevallen",
        "Dosis: v, 20 mg",
        "score v/10",
        "de oudste is 12 minuten te laat",
    ],
)
def test_chat_age_lookalikes_stay(text: str) -> None:
    assert ages(text) == [], (text, ages(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 22 en 23 okt op cursus.",
        "ik ben 22 mei weg",
        "Ze is 14 mei jarig",
        "ze zijn 3 en 4 juni weg",
    ],
)
def test_a_day_of_a_month_is_no_age(text: str) -> None:
    assert ages(text) == [], (text, ages(text))


def test_weekday_with_a_dot_before_a_short_date() -> None:
    assert dates("za. 5/4 jarig, taart meenemen") == ["5/4"]
    assert ages("za. 5/4 jarig, taart meenemen") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("hoe oud is ze nu? 87 toch", "87"),
        ("Hoe oud is opa?\nMarco: 91 alweer", "91"),
        ("is ze nou 86 of 87?", "86"),
    ],
)
def test_answer_to_how_old(text: str, age: str) -> None:
    assert age in ages(text), (text, ages(text))


@pytest.mark.parametrize(
    "text",
    ["hoe oud is de wond? 3 weken", "Hoe oud is ze?\nIk: weet ik niet, ze was 5 min weg"],
)
def test_how_old_without_an_age(text: str) -> None:
    assert ages(text) == [], (text, ages(text))


def test_short_date_after_a_fall() -> None:
    assert dates("laatste val 2/4, geen letsel") == ["2/4"]
    assert dates("bezoek 1/2 uur") == []


@pytest.mark.parametrize(
    "text",
    ["Wachttijd is 6 weken.", "Proeftijd is 2 maanden.", "Termijn is 3 maanden, daarna evaluatie."],
)
def test_a_duration_after_a_capitalised_word_is_no_age(text: str) -> None:
    assert ages(text) == [], (text, ages(text))
