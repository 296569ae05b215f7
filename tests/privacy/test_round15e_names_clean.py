"""Round 15e: names, clean texts and character precision. Who writes in a chat (a double
first name, a second writer whose name a list holds as an ordinary or medical word, a
time after the name), a relative called by a word a medical list also holds, a name after
"die heet"; and words that are no names: "al" before a past participle, a part of the day,
a brand after "merk", a grade of a classification named after its authors, and a name does
not run over the end of its sentence. Made-up text; every name here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

# -- who writes in a chat ---------------------------------------------------------------------


def test_a_double_first_name_with_a_time_writes_in_a_chat(engine: PrivacyEngine) -> None:
    text = (
        "Anne-Marie 07:41: ben bij mw Hoekstra geweest, alles rustig\n"
        "Lotte 07:44: fijn, dank je\n"
        "Anne-Marie 07:45: graag gedaan\n"
        "Lotte 07:46: tot morgen"
    )
    names = labelled(engine, text, "naam")
    assert "Lotte" in names
    assert "Anne-Marie" in names
    assert not labelled(engine, text, "adres")  # "Lotte 07" is no street and number


def test_a_second_writer_whose_name_is_also_a_word(engine: PrivacyEngine) -> None:
    text = (
        "[08:02] mo: goedemorgen, wie gaat er naar dhr Veldhuis?\n"
        "[08:05] lies: ik, na de koffie\n"
        "[08:06] mo: top\n"
        "[08:09] lies: zijn sleutel ligt in het kastje"
    )
    names = labelled(engine, text, "naam")
    assert names.count("lies") == 2
    assert "mo" in names


def test_a_label_that_is_a_plain_word_is_no_writer(engine: PrivacyEngine) -> None:
    text = (
        "[08:02] sanne: wie heeft er dienst?\n"
        "[08:05] opmerking: graag voor 9 uur reageren\n"
        "[08:06] sanne: ok\n"
        "[08:09] opmerking: zie rooster"
    )
    assert "opmerking" not in labelled(engine, text, "naam")


def test_a_street_with_a_number_is_still_an_address(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Mevrouw woont op de Kerkstraat 21 in het dorp.", "adres") == [
        "Kerkstraat 21"
    ]


# -- relatives and names after "die heet" -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mevrouw vraagt steeds naar haar overleden man Cor, niet corrigeren.", "Cor"),
        ("Broer Ilias (06-12345678) is vanavond bij hem.", "Ilias"),
        ("Haar broer belt misschien, die heet Dawit, hij mag informatie krijgen.", "Dawit"),
    ],
)
def test_a_relative_by_a_word_a_medical_list_holds(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    assert name in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    "text",
    [
        "Overleg met de Casemanager Dementie over de dagbesteding.",
        "Het middel heet Movicolon en wordt 1x daags gegeven.",
    ],
)
def test_a_speciality_or_a_product_stays_unmarked(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "naam")


# -- words that are no names ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hoi allemaal, weet iemand of de nieuwe tilliften al gekeurd zijn?",
        "heeft u het formulier voor de eigen bijdrage al ingevuld?",
        "de medicatie is al opgehaald bij de apotheek",
        "Overdracht van ochtend naar middag, verder geen bijzonderheden.",
        "Tillift merk Arjo uit gebruik genomen, serienummer genoteerd.",
        "X-knie: gonartrose Kellgren-Lawrence graad 3, verwijzing orthopedie.",
        # a month alone where no one is named; a noun in "-ing" before another noun
        "Besproken: de griepvaccinatie in oktober en november voor alle bewoners.",
        "Geen incidenten. Zinkzalf aangebracht. Volgende evaluatie in maart.",
        "Scholing tilband-gebruik staat gepland op dinsdag.",
        # a team's abstract subject; a colour before an inflected participle
        "Wijzigingen graag doorgeven.\n\nMet vriendelijke groet,\nTeam Medicatieveiligheid",
        "Leek wat vermoeid. Zwart gekleurde ontlasting gezien, arts gebeld.",
    ],
)
def test_plain_words_stay_unmarked(engine: PrivacyEngine, text: str) -> None:
    result = engine.analyse(text)
    assert not result.spans, [(s.text, s.label) for s in result.spans]


def test_an_arabic_particle_before_a_surname_stays_a_name(engine: PrivacyEngine) -> None:
    names = labelled(engine, "vandaag bij wojciech al rashidi geweest, ging goed", "naam")
    assert names == ["wojciech al rashidi"]


def test_a_name_ends_at_its_sentence(engine: PrivacyEngine) -> None:
    text = (
        "Busje met chauffeur Hans Verschuren. Fleur had een schaafwond. "
        "Ouders (J. van Beers) zijn gebeld."
    )
    names = labelled(engine, text, "naam")
    assert "Hans Verschuren" in names
    assert "J. van Beers" in names
    assert not any(". Fleur" in name for name in names)


def test_a_brand_word_before_a_first_name_alone(engine: PrivacyEngine) -> None:
    assert "Arjo" in labelled(engine, "Zijn broer Arjo komt morgen langs.", "naam")


# -- a month alone, a noun in "-ing", a form's "Naam:", an initial beside a name -------------


def test_a_month_alone_beside_a_person_stays_a_date(engine: PrivacyEngine) -> None:
    text = "Mw. Dijkhuizen is in maart verhuisd naar haar dochter."
    assert "maart" in labelled(engine, text, "datum")


def test_a_surname_in_ing_before_its_verb_stays_a_name(engine: PrivacyEngine) -> None:
    text = "Dhr. Hulsing is gevallen. Hulsing belde om hulp."
    assert labelled(engine, text, "naam").count("Hulsing") == 2


def test_two_unknown_words_after_naam_in_a_form(engine: PrivacyEngine) -> None:
    text = "Overdracht\nNaam: Efua Mensaho\nAdres: Lindeweg 4, Zwolle"
    assert "Efua Mensaho" in labelled(engine, text, "naam")


def test_an_initial_beside_initials_and_a_surname(engine: PrivacyEngine) -> None:
    text = "Ouders (R. en T. de Wildt) zijn om 10 uur gebeld. Keuze A. en B. zijn mogelijk."
    names = labelled(engine, text, "naam")
    assert "R." in names
    assert "T. de Wildt" in names
    assert "A." not in names


def test_a_capitalised_month_before_a_name_is_a_first_name(engine: PrivacyEngine) -> None:
    assert "Mei Ling Tsang" in labelled(
        engine, "Mevrouw Tsang, Mei Ling Tsang, woont bij haar zoon.", "naam"
    )
    assert "12 Mei" in labelled(engine, "Op 12 Mei Jansen gezien.", "datum")


def test_a_man_addressed_by_a_place_name(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Geachte heer Rozendaal,\n\nDank voor uw brief.", "naam") == [
        "Rozendaal"
    ]
    assert "Zwolle" in labelled(engine, "De familie woont in Zwolle.", "plaats")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Aanwezig: huisarts Van der Meer, POH Ineke Dalstra.", "Van der Meer"),
        ("Gesprek gehad met dhr. de Boer over de zorg.", "de Boer"),
        ("[08:14] noor: wie pakt meneer de haan vandaag?\n[08:15] bram: ik", "de haan"),
        ("Eén, de heer Gebreyesus, Yohannes, 52, nieuw in zorg sinds maart.", "Yohannes"),
    ],
)
def test_a_surname_after_particles_and_a_first_name_before_an_age(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    assert name in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    "text",
    [
        "Een score van 3 of hoger wijst op een delier. Schakel dan de arts in.",
        "Tip van de week\nNoteer in de rapportage wat je ziet, niet wat je denkt.",
        "Overleg met de arts van de Praktijk over het beleid.",
        "Vandaag met mevrouw in de kamer gezeten.",
        "Mevrouw Bakker, Amsterdam, 45, is nieuw.",  # a place between commas stays a place
    ],
)
def test_an_order_a_heading_or_a_kind_is_no_name(engine: PrivacyEngine, text: str) -> None:
    names = labelled(engine, text, "naam")
    assert all(n in ("Bakker",) for n in names), names


def test_jan_in_lower_case_after_sinds_is_a_month(engine: PrivacyEngine) -> None:
    text = "iris: ja, ze heeft een nieuwe stoma sinds jan, kijk even in het zorgplan"
    assert "jan" in labelled(engine, text, "datum")
    assert "Jan" in labelled(engine, "Haar broer Jan komt morgen.", "naam")


def test_a_specialitys_abbreviation_after_arts_is_no_name(engine: PrivacyEngine) -> None:
    text = "Arts VG dr. Mulder-Ouwehand op de hoogte gebracht."
    assert labelled(engine, text, "naam") == ["Mulder-Ouwehand"]


def test_one_word_before_client_and_age_in_brackets(engine: PrivacyEngine) -> None:
    text = "Ilias (cliënt, 19) vandaag met begeleider naar het UWV geweest."
    assert "Ilias" in labelled(engine, text, "naam")
    assert not labelled(engine, "Groepsoverleg (begeleider, 3) gepland.", "naam")
