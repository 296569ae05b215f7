"""Round 14f: false positives on clean texts. After a bare "in", "uit" or "te" a word no
list knows is a place only with a word of living, family, origin or travel before it (or a
foreign letter, or in an English sentence); a hyphenated compound is no place; a listed
place opening a sentence before a lower-case word is an ordinary word; a number before a
unit is no house number. Made-up text; every name, place and program here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Haar zoon woont in Tarvelio en belt elke zondag.", "Tarvelio"),
        ("Meneer komt uit Qaranbek, sinds 2018 in Nederland.", "Qaranbek"),
        ("Zijn familie in Morvasti maakt zich zorgen.", "Morvasti"),
        ("Betrokkene is geboren te Lindavo op 3 mei 1990.", "Lindavo"),
        ("Ze zijn gevlucht uit Dravonsk, twee jaar geleden.", "Dravonsk"),
        ("Na de vakantie in Portavella weer gestart op het werk.", "Portavella"),
        ("Eerdere opname in Kłodrevo (2017), daarna stabiel.", "Kłodrevo"),  # a foreign letter
        ("I am a nurse in Brackwell and am writing to refer him.", "Brackwell"),  # English
        ("De dochter belt vanuit Savendra via videobellen.", "Savendra"),  # "vanuit" as before
    ],
)
def test_a_place_with_a_word_of_living_family_origin_or_travel(
    engine: PrivacyEngine, text: str, place: str
) -> None:
    assert place in labelled(engine, text, "plaats")


@pytest.mark.parametrize(
    "text",
    [
        "Maak je een prompt in Copilot, beschrijf dan de situatie algemeen.",  # a program
        "Overleg met de wondconsulent via het berichtenkanaal in Zorgchat.",
        "Over vier weken volgt een evaluatie in Teams met de consulent.",
        "De uitnodiging komt daarna in Outlook.",  # "komt" counts only before "uit"
        "Brieven die je in Word maakt, sla je op in het dossier.",
        "Sla niets op het bureaublad of in Downloads op.",  # a folder
        "Mag ik uit Excel een rooster laten samenvatten?",
        "Een samenvatting uit Teams-opnames mag niet gedeeld worden.",  # a compound
        "Het formulier bewaren in de map te Archiveren in de teampost.",  # an infinitive
        "Actiepunten staan in het gedeelde bestand, tabblad te Bespreken.",
    ],
)
def test_no_place_for_programs_folders_and_infinitives(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "plaats") == []


@pytest.mark.parametrize(
    "text",
    [
        "Een beker thee gedronken. Best onrustig rond 11.00 uur, afgeleid met muziek.",
        "RICHTLIJN\n1. Plak nooit gegevens in een chatbot.",
        "Geef vijf slagen tussen de schouderbladen. Wissel af tot de luchtweg vrij is.",
        "Fijne avond voor iedereen. Helden van de dag: de vrijwilligers.",
        "Hij wil weer werken. Putten uit eerdere successen helpt hem.",
        "4. Rondvraag \u2013 Bergen was in de linnenkamer, de wasserij haalt op.",
    ],
)
def test_a_listed_place_opening_a_sentence_before_a_lower_case_word(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "plaats") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Putten, 12 maart 2025\n\nGeachte collega,", "Putten"),  # a letter's place and date
        ("Zij woont sinds kort in Bergen en komt elke week.", "Bergen"),
    ],
)
def test_a_listed_place_that_is_a_word_too_stays_a_place(
    engine: PrivacyEngine, text: str, place: str
) -> None:
    assert place in labelled(engine, text, "plaats")


def test_a_number_before_a_unit_is_no_house_number(engine: PrivacyEngine) -> None:
    text = "Voeg drie schepjes toe.\nRoer 30 seconden krachtig en laat 1 minuut staan."
    assert labelled(engine, text, "adres") == []


def test_a_street_and_house_number_stay(engine: PrivacyEngine) -> None:
    text = "Cliënt woont op de Roer 30 in een flat."
    assert "Roer 30" in labelled(engine, text, "adres")


def test_a_longer_place_with_a_particle_stays_after_a_dash(engine: PrivacyEngine) -> None:
    text = "Woonplaats \u2013 Bergen op Zoom, sinds 2019."
    assert "Bergen op Zoom" in labelled(engine, text, "plaats")


@pytest.mark.parametrize(
    "text",
    [
        "Leg de tijden vast in het dossier. Tip: het schema staat onder het tabblad.",
        "1. Mededelingen \u2013 de kar staat in de berging.\n2. Scholing \u2013 iedereen rondt af.",
        "SBAR \u2013 overleg met de arts\nS: cliënt sinds vanmiddag suf.",  # a title ends the line
    ],
)
def test_no_name_for_a_heading_word(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jasperine: ik ben er om 8 uur.\nBakker: prima, tot dan.", "Jasperine"),
        ("Gesprek met dhr. Verhoeven over de medicatie.", "Verhoeven"),
    ],
)
def test_names_that_open_a_line_or_follow_a_title_stay(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    assert name in labelled(engine, text, "naam")


def test_a_listed_place_before_its_verb_stays(engine: PrivacyEngine) -> None:
    text = "Vorige maand verhuisd. Zwolle bevalt haar goed."
    assert "Zwolle" in labelled(engine, text, "plaats")


@pytest.mark.parametrize(
    "text",
    [
        "Een versie vertaald naar Engels is er ook.",
        "Hij spreekt goed Engels, beperkt Nederlands.",
    ],
)
def test_no_name_for_a_common_word_after_a_lower_case_word(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "naam") == []


def test_a_common_word_after_a_form_of_address_stays_a_name(engine: PrivacyEngine) -> None:
    assert "Vos" in labelled(engine, "Let op: mevrouw Vos van de tweede etage.", "naam")


def test_a_common_word_after_geachte_heer_stays_a_name(engine: PrivacyEngine) -> None:
    assert "Groen" in labelled(
        engine, "Geachte heer Groen,\n\nUw patiënt kwam op het spreekuur.", "naam"
    )
