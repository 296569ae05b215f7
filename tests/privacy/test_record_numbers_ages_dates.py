"""Record numbers, ages and dates in the shapes of lists, tables, English messages and
numbers written as words (round 12b). For each rule texts where the shape is an identifier
(found whole) and hard negatives where a look-alike is none: doses, lab values, times, room
numbers, phone numbers, scores, amounts, years of laws and guidelines. Every name and number
here is made up; none is copied from a benchmark set."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable

import pytest

from carai.privacy import PrivacyEngine
from carai.privacy.patterns import (
    NUMBER_WORD_VALUES,
    Candidate,
    find_list_items,
    find_more_ages,
    find_more_dates,
    find_more_record_numbers,
    find_table_cells,
)
from tests.privacy.helpers import labelled


def found(finder: Callable[[str], Iterable[Candidate]], text: str, label: str) -> list[str]:
    return sorted({text[c.start : c.end] for c in finder(text) if c.label == label})


# -- record numbers: codes with a space, letter groups, mixed case, court cases, labels --------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Melding over leerling KPL 330871 doorgezet.", "KPL 330871"),
        ("Bon TRN 31-552190 bij de administratie.", "TRN 31-552190"),
        ("Herhaalrecept RC 3305-8812 klaargezet.", "RC 3305-8812"),
        ("Aangifte PV 2025-1107-042 opgemaakt.", "PV 2025-1107-042"),
        ("Beschikking JZ-WLZ-2207-415 tot eind volgend jaar.", "JZ-WLZ-2207-415"),
        ("Melding GGZ-VM-25-1190 in het systeem.", "GGZ-VM-25-1190"),
        ("Tolk geboekt onder GsK-40918.", "GsK-40918"),
        (
            "Beschikking rechtbank C/09/412207 / JE RK 25-331 ontvangen.",
            "C/09/412207 / JE RK 25-331",
        ),
        ("Rechtbank: zaak C/13/708815 loopt nog.", "C/13/708815"),
    ],
)
def test_code_shapes_found_whole(text: str, number: str) -> None:
    assert number in found(find_more_record_numbers, text, "nummer")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Interne meldcode: meldnummer KMT-0382, graag gebruiken.", "KMT-0382"),
        ("Cliënt bekend onder dossier TR-5521-C.", "TR-5521-C"),
        ("Het UWV-nr. 2022-70153-KB staat op de brief.", "2022-70153-KB"),
        ("Zie MIC-melding 2025/208 van vorige week.", "2025/208"),
        ("Ritnummer AMB AMB-7702 genoteerd.", "AMB-7702"),
        ("Our reference 2025/4471-K, please quote it.", "2025/4471-K"),
    ],
)
def test_codes_after_a_label_found(text: str, number: str) -> None:
    assert number in found(find_more_record_numbers, text, "nummer")


@pytest.mark.parametrize(
    "text",
    [
        "MDO 14-02-2025 besproken met het team.",  # a meeting and its date
        "Budget WLZ 2025-2026 goedgekeurd.",  # a period
        "Volgens NEN 7510-2017 en ISO 270011 moeten we loggen.",  # standards
        "Kamer 12-14 wordt geschilderd, bel 06-21436587 bij vragen.",
        "Dossier bijgewerkt: glucose 5-8 mmol, RR 130/80, pijnscore 3-4.",  # lab values, scores
        "Dossier nagekeken, geb. 3-7-1961, verder niets.",  # a date after a label
        "Dossier van 09:30-10:15 besproken.",  # times after a label
        "Cliënt kreeg 250-500 mg paracetamol.",  # a dose range after a label word
        "Neem Bus-12345 vanaf het station.",  # one capital: a word, not a prefix
        "Dossier: wachttijd 120-150 dagen, zie de brief.",  # a range after a label
        "Uitgaven 2024-2025: € 1.250-1.500 per maand.",
    ],
)
def test_no_record_number_in_these_texts(text: str) -> None:
    assert found(find_more_record_numbers, text, "nummer") == []


def test_a_long_word_of_joints_is_read_in_bounded_time() -> None:
    # The scan walks back from each "-" or "/" to the start of its word; unbounded, 20,000
    # characters of "--1" took about 5 s of CPU (quadratic), bounded they take milliseconds.
    text = "dossier " + "--1" * 6700
    start = time.process_time()
    assert list(find_more_record_numbers(text)) == []
    assert time.process_time() - start < 1.0
    assert list(find_more_record_numbers("dossier: " + "1-" * 9000)) == []  # no code so long


def test_a_phone_shape_after_a_record_label_is_a_record_number(engine: PrivacyEngine) -> None:
    text = "Verdachte bekend onder parketnummer 07/552019-24, zitting volgt."
    assert labelled(engine, text, "nummer") == ["07/552019-24"]
    assert labelled(engine, text, "telefoon") == []


def test_a_phone_after_a_phone_label_stays_a_phone(engine: PrivacyEngine) -> None:
    text = "Terugbelnummer 06/12345678, graag na 14 uur."
    assert labelled(engine, text, "telefoon") == ["06/12345678"]


# -- tables: the column's header says what a cell is ----------------------------------------
TABLE = (
    "Aanwezigheid groep 3\n"
    "leerlingnr | naam          | geboortejaar | lft | uren\n"
    "204731     | Sem Wouters   | 2016         | 9   | 12\n"
    "204902     | Noor El Amin  | 2017         | 8   | 30\n"
    "Besproken met de intern begeleider."
)


def test_table_cells_found_by_their_column() -> None:
    assert found(find_table_cells, TABLE, "nummer") == ["204731", "204902"]
    assert found(find_table_cells, TABLE, "datum") == ["2016", "2017"]
    assert found(find_table_cells, TABLE, "leeftijd") == ["8", "9"]


@pytest.mark.parametrize(
    "text",
    [
        # hours, rooms, doses, prices and a year of purchase in columns with no such header
        "dag | uren | kamer\nma  | 4    | 12\ndi  | 6    | 14",
        "middel      | dosis  | tijd\nparacetamol | 1000   | 08:00\nmovicolon   | 2      | 20:00",
        "product  | prijs | jaar\nrollator | 189   | 2024\n",
        "Telefoon | 06-21436587 | bereikbaar 9-17 uur",  # one line: no header above
    ],
)
def test_no_table_cell_in_these_texts(text: str) -> None:
    assert list(find_table_cells(text)) == []


# -- lists: a label ending the line above the items ------------------------------------------
def test_numbers_opening_list_items_under_a_label_found() -> None:
    text = "Bekende dossiernummers:\n- 5530192 (moeder)\n- 5530207\n2) KJ-80417 vader\nEinde."
    assert found(find_list_items, text, "nummer") == ["5530192", "5530207", "KJ-80417"]


@pytest.mark.parametrize(
    "text",
    [
        "Medicatie:\n- 1000 mg paracetamol\n- 20000 IE colecalciferol",
        "Kamers:\n- 12345\n- 12346",  # no label of a record number
        "Telefoonnummers:\n- 0612345678",  # a phone label
        "Dossiernummers zijn bekend.\n- 5530192",  # the label line does not end in ':'
        "Dossier:\n- geb. 12-03-1990\n- 03-04-2021",  # dates
    ],
)
def test_no_list_item_number_in_these_texts(text: str) -> None:
    assert list(find_list_items(text)) == []


# -- ages written in words, "61 j,", years and months -------------------------------------------
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Cliënt: Joop Verkerk, drieënzeventig jaar, woont alleen.", "drieënzeventig jaar"),
        ("Dhr. Ab Mol, negentig jaar oud, valt vaak.", "negentig jaar oud"),
        ("Our daughter Emma (seven years old) is in year 3.", "seven years old"),
        ("He is a thirty-two-year-old man from Utrecht.", "thirty-two-year-old"),
        ("Kinderen: Ilse (6) en Bram (anderhalf).", "anderhalf"),
        ("Een dochter van vijf, met astma.", "vijf"),
        ("Er werd bevestigd dat Tariq zeventien is.", "zeventien"),
        ("Mijn zoon Sami is twaalf en zit in groep 8.", "twaalf"),
        ("she is nine and goes to school here", "nine"),
        ("S: Petra de Wit, 58 j, hoest al twee weken.", "58 j"),
        ("Kind: Noa (3 j) speelt in de wachtkamer.", "3 j"),
        ("Kind: Faris Bakker, 2 jaar en 5 maanden, praat weinig.", "2 jaar en 5 maanden"),
        ("Gevonden: vrouw van ca. 55 jaar, verward.", "ca. 55 jaar"),
        ("My husband Ahmed Ben-Salah is 74 and lives with me.", "74"),
        ("Seen today: 52 y/o male, chest pain.", "52 y/o"),
        ("Our 4yo twins are at home.", "4yo"),
        ("My mother turned 91 in the care home.", "91"),
    ],
)
def test_ages_found_whole(engine: PrivacyEngine, text: str, age: str) -> None:
    assert age in labelled(engine, text, "leeftijd")


@pytest.mark.parametrize(
    "text",
    [
        "Ze is twee keer gevallen en heeft drie dagen pijn gehad.",
        "Het is tien voor half negen.",
        "Moeder van drie kinderen, vader van twee.",
        "Al twintig jaar getrouwd; hij is anderhalf jaar geleden gestopt met roken.",
        "Twee jaar na de operatie, over vijf jaar opnieuw een controle.",
        "Neem de privacyregels in acht, ook voor elf cliënten.",
        "De score is acht en de saturatie is zesennegentig.",
        "Sinds 2 jaar en 3 maanden in zorg; 3 j. geleden geopereerd.",
        "Paracetamol 500 mg 3 dd, 20 mmol glucose, kamer 12 (verdieping 2).",
        "He is 5 minutes late; she was 3 times in hospital; my son is 12 kg heavier.",
        "Formulieren (drie) ingevuld, daarna folders (zes) meegegeven.",
    ],
)
def test_no_age_in_these_texts(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "leeftijd") == []


def test_number_words_have_their_values() -> None:
    assert NUMBER_WORD_VALUES["zesenveertig"] == 46
    assert NUMBER_WORD_VALUES["tweeëntwintig"] == 22
    assert NUMBER_WORD_VALUES["twenty-nine"] == 29
    assert NUMBER_WORD_VALUES["honderd"] == 100
    assert "een" not in NUMBER_WORD_VALUES
    assert "one" not in NUMBER_WORD_VALUES


def test_ages_in_words_alone_use_only_their_own_finder() -> None:
    assert found(find_more_ages, "Een meisje van negen, verdrietig.", "leeftijd") == ["negen"]
    assert found(find_more_ages, "Het meisje had negen stickers.", "leeftijd") == []


# -- dates: English, a year in brackets after an event, a short month alone ---------------------
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The baby is due on the 12th of August, says the midwife.", "12th of August"),
        ("Appointment moved to November 21st, 2025 at the clinic.", "November 21st, 2025"),
        ("Phone note Thu 13 Mar: mother called back.", "13 Mar"),
        ("The surgery is planned for March 12, he will stay two nights.", "March 12"),
        ("Our son was born on June 4, 2019 in Leiden.", "June 4, 2019"),
        ("Eerdere opname in Deventer (2018), daarna thuis.", "2018"),
        ("Na de scheiding (2020) verhuisd naar een flat.", "2020"),
        ("Citalopram sinds okt., slaapt beter.", "okt."),
        ("contact loopt sinds nov via de mentor", "nov"),
        ("petra: de pedicure komt de 17e. sleutel ligt bij de buren", "de 17e"),
        ("De huur wordt betaald tot de 5e van de maand.", "de 5e"),
    ],
)
def test_dates_found_whole(text: str, date: str) -> None:
    assert date in found(find_more_dates, text, "datum")


@pytest.mark.parametrize(
    "text",
    [
        "Volgens de Wmo (2015) en de NHG-richtlijn (2019) is dit de route.",
        "Bron: Handreiking gegevensdeling in de wijk (2023), hoofdstuk 4.",
        "Eerdere versie van het protocol (2021) is vervallen.",
        "De fiets van jan staat in de gang; dec en jul zijn codes in het rooster.",
        "Glucose 4th round, take 2nd dose 5 mg, room 3rd floor.",
        "We spraken 5 mar over de zorg.",  # lower case: Frisian 'mar' is 'but'
        "Het is de 3e keer in de 21e eeuw; hij werd de 2e.",  # a count, a century, a rank
        "In March 5 patients fell; May 3 nurses join?",  # a month, then a count
    ],
)
def test_no_date_in_these_texts(text: str) -> None:
    assert found(find_more_dates, text, "datum") == []


def test_spans_stay_valid_on_the_new_shapes(engine: PrivacyEngine) -> None:
    text = TABLE + "\nzaak C/09/412207 / JE RK 25-331, Emma (seven years old), sinds okt."
    spans = engine.analyse(text).spans
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert all(type(s.start) is int and type(s.end) is int for s in spans)
