"""Round 24 (clean24): clean texts and ages. The bound of an age band or an average is no
age ("vanaf 75 jaar", "65-74 jaar"), and "4-12 jaar" no date; a word that opens a sentence
before a preposition is no surname ("Remmen van ..."); an emergency number that is called
is no age ("wordt 112 gebeld"); "is ma nog steeds 88" is an age; a team named by an
ordinary word is a department ("Team Onderhoud"); "mevrouw van kamer acht" names a room;
the first part of a compound with a hyphen is no name or place ("Paas-brunch"). Made-up
text; every name here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

# -- age bands, thresholds and averages ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vanaf 70 jaar krijgt iedereen een uitnodiging voor de prik.",
        "Onder de 16 jaar is toestemming van een ouder nodig.",
        "De doelgroep 55-64 jaar wordt apart benaderd.",
        "Leeftijdscategorie 0 - 6 jaar heeft een eigen groeicurve.",
        "Jongeren van 14 t/m 17 jaar kunnen zich opgeven.",
        "Deelnemers zijn tussen de 50 en 70 jaar oud.",
        "De gemiddelde leeftijd bij instroom is 79 jaar.",
        "Kinderen van 6-11 jaar: een halve tablet.",
    ],
)
def test_an_age_band_or_average_is_no_age(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "leeftijd")
    assert not labelled(engine, text, "datum")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mevrouw is 86 jaar en woont zelfstandig.", "86 jaar"),
        ("Zoon van 13 jaar zit op het voortgezet onderwijs.", "13 jaar"),
        ("Meneer, 71 jaar, is thuis gevallen.", "71 jaar"),
        ("Ze werd vorige week 90 jaar.", "90 jaar"),
    ],
)
def test_a_persons_age_in_years_stays(engine: PrivacyEngine, text: str, age: str) -> None:
    assert age in labelled(engine, text, "leeftijd")


# -- a called number, an informal age question ------------------------------------------------


def test_a_number_that_is_called_is_no_age(engine: PrivacyEngine) -> None:
    text = "Bij urgentie A wordt 112 gebeld, daarna de dienstdoende arts."
    assert not labelled(engine, text, "leeftijd")


def test_an_age_asked_of_ma_or_pa(engine: PrivacyEngine) -> None:
    assert "91" in labelled(engine, "wil: is ma nog steeds 91 of al 92?", "leeftijd")
    assert "77" in labelled(engine, "is pa nu 77? ik weet het niet", "leeftijd")


# -- a sentence that opens with a noun or an order ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Remmen van de douchestoel altijd vastzetten.",
        "Koel bij pijn en leg de enkel hoog.",
        "Valk op het dak van de schuur, de tuinman hangt een nestkast op.",
    ],
)
def test_a_word_before_a_preposition_opening_a_sentence_is_no_name(
    engine: PrivacyEngine, text: str
) -> None:
    assert not labelled(engine, text, "naam")


def test_a_surname_with_a_participle_after_it_stays(engine: PrivacyEngine) -> None:
    text = "Visser op de hoogte gebracht van de nieuwe afspraak."
    assert "Visser" in labelled(engine, text, "naam")


# -- a team by an ordinary word, a room in words -------------------------------------------------


def test_a_team_named_by_an_ordinary_word_is_a_department(engine: PrivacyEngine) -> None:
    text = "U kunt het melden via het portaal.\nMet vriendelijke groet,\nTeam Beheer"
    assert not labelled(engine, text, "instelling")


def test_a_team_after_a_role_by_its_own_name_stays(engine: PrivacyEngine) -> None:
    text = "Het overleg was met ambulant begeleider Zorgvlinder."
    assert labelled(engine, text, "instelling")


def test_a_room_in_words_after_mevrouw_van_is_no_name(engine: PrivacyEngine) -> None:
    text = "Hallo, met de zoon van meneer van kamer negen. Ik kom later."
    assert not labelled(engine, text, "naam")


def test_a_lower_case_name_after_mevrouw_van_stays(engine: PrivacyEngine) -> None:
    text = "mevrouw van der wiel twee keer gebeld, geen gehoor"
    assert "van der wiel" in " ".join(labelled(engine, text, "naam"))


# -- the first part of a compound with a hyphen ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Paas-brunch in de grote zaal, aanmelden voor donderdag.",
        "De bewoners verhuizen tijdelijk naar de Linde-vleugel.",
    ],
)
def test_the_head_of_a_hyphenated_compound_is_no_name_or_place(
    engine: PrivacyEngine, text: str
) -> None:
    assert not labelled(engine, text, "naam")
    assert not labelled(engine, text, "plaats")


def test_a_double_surname_with_a_particle_after_the_hyphen_stays(engine: PrivacyEngine) -> None:
    text = "Mevrouw Talsma-de Boer belde over haar medicatie."
    assert "Talsma-de Boer" in labelled(engine, text, "naam")
