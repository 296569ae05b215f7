"""Round 18d: clean care texts of kinds earlier rounds did not write: rosters and chats
between colleagues, team talk about AI tools, lesson material, work instructions and
protocols, department and ward names. Each rule takes a wrong span away; the tests beside
each show that a real identifier in the same place is still found. Made-up text; every name
here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


def spans_of(engine: PrivacyEngine, text: str) -> list[tuple[str, str]]:
    """Every span as (label, text)."""
    return [(s.label, s.text) for s in engine.analyse(text).spans]


# -- an unknown lower-case word after "meneer"/"mevrouw" in a text written with capitals -----


def test_a_room_after_meneer_in_a_written_text_is_no_name(engine: PrivacyEngine) -> None:
    text = "Die meneer van de hoekkamer wil alleen douchen als het rustig is op de gang."
    assert not labelled(engine, text, "naam")


def test_a_capitalised_surname_after_meneer_stays(engine: PrivacyEngine) -> None:
    text = "Die meneer Van de Kamp wil alleen douchen als het rustig is op de gang."
    assert "Van de Kamp" in labelled(engine, text, "naam")


def test_a_lower_case_name_after_meneer_in_a_chat_stays(engine: PrivacyEngine) -> None:
    text = "hoi, meneer kowalczyk op 12 wil vanavond douchen\nis goed, ik doe het na het eten"
    assert "kowalczyk" in " ".join(labelled(engine, text, "naam"))


def test_a_lower_case_name_after_mw_in_a_note_stays(engine: PrivacyEngine) -> None:
    text = "Vanmorgen mw akkermans geholpen met douchen, ging goed."
    assert "akkermans" in " ".join(labelled(engine, text, "naam"))


# -- a surname that opens with a preposition, without a person before it -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "hey, ben jij vandaag op de groep? ik sta op de Linde maar het is daar rustig\n"
        "ja ik sta op de Eik tot vier uur, kom maar langs",
        "Ik werk vandaag op de Linde, bel maar als je hulp nodig hebt.",
    ],
)
def test_a_ward_after_op_de_is_no_name_and_no_town(engine: PrivacyEngine, text: str) -> None:
    assert not spans_of(engine, text)


def test_a_surname_with_op_de_after_a_form_of_address_stays(engine: PrivacyEngine) -> None:
    text = "Vandaag belde mevrouw op de Linde over haar afspraak."
    assert "Linde" in " ".join(labelled(engine, text, "naam"))


def test_a_town_after_a_bare_preposition_stays(engine: PrivacyEngine) -> None:
    text = "Haar dochter woont in Linde en komt elke week op bezoek."
    assert spans_of(engine, text)


# -- the verb of a numbered instruction --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Werkinstructie Sondevoeding\n1. Controleer de ligging van de sonde.\n"
        "2. Spoel de sonde met 30 ml water.\n3. Start de pomp volgens het schema.",
        "Werkwijze\n- Spoel de blaaskatheter niet zonder overleg.\n- Noteer de hoeveelheid.",
    ],
)
def test_the_verb_of_an_instruction_is_no_name(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "naam")


def test_a_first_name_opening_an_item_before_an_article_stays(engine: PrivacyEngine) -> None:
    text = "Overdracht\n- Anouk de hele dag op bed, weinig gegeten.\n- Verder rustig."
    assert "Anouk" in labelled(engine, text, "naam")


def test_a_surname_in_an_item_before_a_verb_stays(engine: PrivacyEngine) -> None:
    text = "Overdracht avond\n1. Mevr. Spoel belde over de uitslag van het bloedonderzoek."
    assert "Spoel" in labelled(engine, text, "naam")


# -- a salutation to a group in the middle of a line --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lieve allemaal, bedankt voor jullie inzet dit jaar.",
        "Lieve collega's, denk aan de scholing van donderdag.",
        "Lieve vrijwilligers! Fijn dat jullie er weer waren.",
    ],
)
def test_a_salutation_to_a_group_is_no_name(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "naam")


def test_a_first_name_before_a_verb_and_a_comma_stays(engine: PrivacyEngine) -> None:
    text = "Lieve heeft goed geslapen, ze at haar ontbijt op."
    assert "Lieve" in labelled(engine, text, "naam")


# -- a department of a hospital and a sector word are no institution ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Polikliniek Dermatologie heeft de afspraak verzet.",
        "De Inspectie Gezondheidszorg en Jeugd doet een bezoek.",
        "Het kwaliteitskader Verpleeghuiszorg is besproken in het team.",
    ],
)
def test_a_department_or_sector_is_no_institution(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "instelling")


def test_a_department_with_its_hospital_stays_whole(engine: PrivacyEngine) -> None:
    text = "Ze heeft een afspraak bij de Polikliniek Neurologie St. Antonius Ziekenhuis."
    assert any("Antonius Ziekenhuis" in s for s in labelled(engine, text, "instelling"))


def test_an_organisation_named_after_its_care_stays(engine: PrivacyEngine) -> None:
    text = "Sinds vorige week komt Buurtzorg twee keer per dag voor de wondzorg."
    assert "Buurtzorg" in labelled(engine, text, "instelling")


def test_a_named_practice_stays(engine: PrivacyEngine) -> None:
    text = "Ze is verwezen door Huisartsenpraktijk De Linde in verband met haar klachten."
    assert any("De Linde" in s for s in labelled(engine, text, "instelling"))


# -- a month in a real date is still a date -----------------------------------------------------


def test_a_month_in_a_real_date_stays(engine: PrivacyEngine) -> None:
    text = "Dinsdag 12 maart opgenomen op de afdeling Geriatrie na een val."
    assert "12 maart" in labelled(engine, text, "datum")


# -- a limit of age for a group -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Doelgroep: Alle clienten ouder dan 70 jaar.",
        "Het protocol geldt voor mensen boven de 65 jaar met een verhoogd valrisico.",
        "De griepprik is voor alle bewoners vanaf 60 jaar.",
    ],
)
def test_an_age_limit_of_a_group_is_no_age(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "leeftijd")


def test_the_age_of_one_person_after_ouder_dan_stays(engine: PrivacyEngine) -> None:
    text = "Mevrouw is ouder dan 90 jaar en woont nog zelfstandig."
    assert "90 jaar" in labelled(engine, text, "leeftijd")


def test_an_age_beside_a_group_limit_stays(engine: PrivacyEngine) -> None:
    text = "Alle cliënten ouder dan 70 jaar krijgen een valrisicotest; dhr. Smits (82 jaar) ook."
    assert "82 jaar" in " ".join(labelled(engine, text, "leeftijd"))


# -- an AI assistant in a text about prompts or GPT ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb Claude gevraagd om een opzet te maken. De prompt was kort.",
        "Met GPT-4o en Claude gaat het samenvatten sneller dan vorig jaar.",
    ],
)
def test_an_ai_assistant_beside_prompts_or_gpt_is_no_name(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "naam")


def test_a_colleague_called_claude_stays(engine: PrivacyEngine) -> None:
    text = "Claude belde over zijn rooster, hij kan zaterdag niet."
    assert "Claude" in labelled(engine, text, "naam")


# -- a department by one word after "afdeling"; the letter of a class --------------------------


def test_a_department_of_one_word_after_afdeling_is_no_institution(
    engine: PrivacyEngine,
) -> None:
    text = "Ontslag van afdeling Brandwondencentrum naar huis, met thuiszorg."
    assert not labelled(engine, text, "instelling")


def test_a_hospital_after_its_department_stays(engine: PrivacyEngine) -> None:
    text = "Verwezen naar afdeling Geriatrie van Ziekenhuis Gelderse Vallei."
    assert "Ziekenhuis Gelderse Vallei" in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Heeft rijbewijs C. Woonachtig in een dorp, rijdt zelf naar de dagbesteding.",
        "Tekort aan vitamine D. Advies: elke dag een tablet bij het ontbijt.",
    ],
)
def test_the_letter_of_a_class_is_no_initial(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "naam")


def test_an_initial_and_a_listed_surname_after_a_class_word_stay(engine: PrivacyEngine) -> None:
    text = "In groep B. Jansen is de mentor van de klas."
    assert "B. Jansen" in labelled(engine, text, "naam")
