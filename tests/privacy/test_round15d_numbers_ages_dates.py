"""Round 15d: ages, record numbers and AGB codes in chats, handovers and letters, and the
numbers of clean notes that must not become ages (doses, scores, prices, times, counts, age
bands). Every sentence here is written for this round; every name and number is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from carai.privacy.patterns import find_ages
from tests.privacy.helpers import labelled


def ages(text: str) -> list[str]:
    return sorted({text[c.start : c.end] for c in find_ages(text)})


# -- numbers of clean notes are no ages --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # an age band in words after "in de", "begin", "eind", "rond de"
        "Ze is in de tachtig en wil nog 3 keer per week wandelen.",
        "Hij is begin dertig en werkt fulltime.",
        "Mevrouw is rond de zeventig, schat de buurvrouw.",
        "De bewoner is eind veertig.",
    ],
)
def test_age_band_in_words_is_no_age(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "leeftijd") == [], text


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Klaas is elf.", "elf"),
        ("Ze is tachtig en woont alleen.", "tachtig"),
        ("Opa is bijna negentig.", "negentig"),
    ],
)
def test_age_in_words_still_found(engine: PrivacyEngine, text: str, age: str) -> None:
    assert age in " ".join(labelled(engine, text, "leeftijd")), (text, age)


@pytest.mark.parametrize(
    "text",
    [
        "Paracetamol 3 dd 500 mg om 8.00 uur, pijn 6/10, na een uur 3/10.",
        "Kamer 2.18 is vrij; 4 bewoners eten mee, kosten € 8,50 per persoon.",
        "Bloeddruk 131/79, pols 68, saturatie 97; gewicht 71,5 kg.",
        "Wachttijd 6-8 weken, daarna 8 gesprekken van 45 minuten.",
        "Ze is 3 keer gevallen en 2 dagen opgenomen geweest.",
        "De saturatie, die is 88, blijft laag.",
        "Mw heeft een wond, die is 4 cm groot.",
        "Ze is nog maar 2 dagen thuis.",
        "Anna: hoeveel stappen zet ze nu?\nBas: ongeveer 12000",
        "Anna: hoe laat komt de fysio?\nBas: 14.30",
    ],
)
def test_clean_numbers_are_no_ages(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "leeftijd") == [], text


# -- ages in chats, handovers and letters ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "nog maar" before the age; the span is the number
        ("Hij is nog maar 58. Zijn vrouw was erg geschrokken.", ["58"]),
        # an age turned on a named day with "geworden": the number is no year '95
        ("ze is op 4 juni 92 geworden en had veel bezoek", ["92"]),
        ("mevrouw Wolters, die is op 2 april 101 geworden, kreeg bloemen", ["101"]),
        # ", die is 74," / ", die van 88," after a title and a name
        ("Meneer Haddou, kamer 12, die is 74, ligt hier sinds dinsdag.", ["74"]),
        ("dan meneer Brink, Brink-Oosterveld voluit, die is 69, woont in Assen", ["69"]),
        ("de oude mevrouw Zijlstra, die van 94, slaapt veel", ["94"]),
        # the answer to "hoe oud" ends a sentence
        ("Ruud: hoe oud werd hij?\nLisa: 88. de uitvaart is vrijdag", ["88"]),
        # a question that names an age, and the answer in the next message
        ("Bram: is ze 15 of 16 nu?\nFleur: 16, sinds maart", ["15", "16"]),
        # the children's ages in brackets
        ("Gezin: vader, moeder en drie kinderen (4, 9 en 13).", ["13", "4", "9"]),
        ("twee dochters (7 en 10) wonen bij de moeder", ["10", "7"]),
    ],
)
def test_chat_and_handover_ages(text: str, expected: list[str]) -> None:
    assert ages(text) == expected, (text, ages(text))


def test_age_turned_on_a_day_is_no_year(engine: PrivacyEngine) -> None:
    text = "Mevrouw Brandsma is op 9 mei 97 geworden."
    assert labelled(engine, text, "leeftijd") == ["97"]
    assert labelled(engine, text, "datum") == ["9 mei"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Betreft: Sem Bakker, geb. 4 januari 2024 (14 maanden), Dorpsweg 3", ["14 maanden"]),
        ("Patiënt: Lotte Smit, geboren 12-05-2024 (9 maanden)", ["9 maanden"]),
    ],
)
def test_months_in_brackets_after_a_date_of_birth(text: str, expected: list[str]) -> None:
    assert ages(text) == expected, (text, ages(text))


@pytest.mark.parametrize(
    "text",
    [
        "Huur: 3 maanden borg (3 maanden huur, te betalen voor 1 mei).",
        "Opname 12-03-2025 (6 weken), daarna revalidatie.",
        "Mijn kinderen (2 en 3 uur per week op de opvang) zijn gezond.",
        "de saturatie, die is 91, is stabiel",
        "mw heeft een score, die is 7, dat is goed",
    ],
)
def test_near_misses_stay_unmarked(text: str) -> None:
    assert ages(text) == [], (text, ages(text))


# -- record numbers and AGB codes -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Cliënt: Tim Veld (19), clientcode KV-0381", "KV-0381"),
        ("patiëntcode: AB-2210 graag vermelden", "AB-2210"),
        ("Lidnummer bij hen KL 70215, zegt de dochter.", "KL 70215"),
        ("Zijn BIG-nummer is 29061833410.", "29061833410"),
        (
            "Rik: is het ECD-nr van mw Kooij 5502871? ik vind haar niet\n"
            "Eva: nee dat is 5502817, typfout",
            "5502817",
        ),
    ],
)
def test_record_numbers(engine: PrivacyEngine, text: str, number: str) -> None:
    assert number in labelled(engine, text, "nummer"), (text, engine.analyse(text).spans)


@pytest.mark.parametrize(
    ("text", "unmarked"),
    [
        ("Kamer B-012 is vrij; de sleutel ligt bij de balie.", "B-012"),
        ("Versie A-1203 van het protocol geldt nog.", "A-1203"),
        ("Anna: klopt het nummer van de fysio?\nBas: nee 0612345679", "0612345679"),
        ("Anna: hoeveel stappen zet ze nu?\nBas: ongeveer 12000", "12000"),
    ],
)
def test_record_number_near_misses(engine: PrivacyEngine, text: str, unmarked: str) -> None:
    assert unmarked not in labelled(engine, text, "nummer"), (text, engine.analyse(text).spans)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("en het AGB van haar tandarts (02-061234). Kun je", "02-061234"),
        ("AGB-code van de praktijk (12345678)", "12345678"),
    ],
)
def test_agb_in_brackets(engine: PrivacyEngine, text: str, code: str) -> None:
    assert labelled(engine, text, "agb") == [code], (text, engine.analyse(text).spans)


def test_count_in_a_question_is_no_age() -> None:
    assert ages("Anna: is hij 5 of 6 keer gevallen?\nBas: 6, denk ik") == []
    assert ages("is hij 41 of 42?") == ["41"]


# -- dates: the part of a month or year, a short month, the year of a diagnosis -------------
def dates(engine: PrivacyEngine, text: str) -> list[str]:
    return labelled(engine, text, "datum")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volgende afspraak bij de POH: eind mei.", ["eind mei"]),
        ("Klachten sinds begin november, erger na de griep.", ["begin november"]),
        ("evaluatie half juni met de dochter", ["half juni"]),
        ("Sinds zomer 2023 woont ze hier alleen.", ["zomer 2023"]),
        ("Vergeetachtig sinds najaar 2022.", ["najaar 2022"]),
        ("Eerder opgenomen medio '21.", ["'21"]),
        ("ze heeft een katheter sinds jan, zie het zorgplan", ["jan"]),
        ("Deelnemer: Fokje Hoekstra, jong dementerend (diagnose 2021).", ["2021"]),
    ],
)
def test_dates_with_their_part(engine: PrivacyEngine, text: str, expected: list[str]) -> None:
    assert dates(engine, text) == expected, (text, dates(engine, text))


@pytest.mark.parametrize(
    "text",
    [
        "ik ga in jan langs, hij woont om de hoek",
        "Vraag het even aan Jan, die weet het.",
        "tot jan morgen!",
        "Pijn in de winter erger, zegt ze.",
        "Het begin is lastig, daarna gaat het.",
    ],
)
def test_date_near_misses(engine: PrivacyEngine, text: str) -> None:
    assert dates(engine, text) == [], (text, dates(engine, text))
