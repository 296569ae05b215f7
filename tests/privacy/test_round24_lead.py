"""Round 24 (lead): names in youth and welfare notes, spoken messages and forms. Every
person here is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the person a youth or welfare note is about, after a form's label
        ("Jongere: Tesfaldet Gebremariam, 15 jaar\n", ["Tesfaldet Gebremariam"]),
        ("Zorgvrager: Yaroslava Ostapchuk (71)\n", ["Yaroslava Ostapchuk"]),
        # a nickname in quotes between the first name and the surname
        ('Cliënt: Ertugrul "Ertu" Kaplangil, 44 jaar\n', ['Ertugrul "Ertu" Kaplangil']),
        # a newborn by its first name
        ("Zij is bevallen van een zoon, baby Amanuel slaapt goed.", ["Amanuel"]),
    ],
)
def test_names_after_more_cues(engine: PrivacyEngine, text: str, names: list[str]) -> None:
    assert labelled(engine, text, "naam") == names


def test_a_spoken_message_written_out_is_read_as_a_chat(engine: PrivacyEngine) -> None:
    text = (
        "Spraakbericht van dhr. Olthof, di 14:02\n"
        '"ja hallo sanne met henk ik bel even om te zeggen dat het goed gaat doei"'
    )
    assert "sanne" in labelled(engine, text, "naam")


def test_a_law_after_a_role_is_no_name(engine: PrivacyEngine) -> None:
    assert labelled(engine, "J.K. Hoitinga, teamleider Wmo", "naam") == ["J.K. Hoitinga"]


@pytest.mark.parametrize(
    "text",
    [
        "Consulent Wlz belt terug.",  # a law, no person
        "Voor de jongere: Geen bijzonderheden, rustige dag.",  # a label, no name after it
        "de baby Huilde veel vannacht",  # a verb after "baby", no name
        "Een transcriptie van het gesprek volgt.",  # the word alone finds no name
    ],
)
def test_no_name_where_no_person_stands(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a whole name before a comma and a role, as a signature or a list of people has it
        ("Verslag door Obinna Nwachukwu, ambulant begeleider", ["Obinna Nwachukwu"]),
        ("Opgesteld: Meseret Haile, wijkverpleegkundige, 4 mei", ["Meseret Haile"]),
        ("Notulen Obinna Nwachukwu, mentor", ["Obinna Nwachukwu"]),  # no heading word
        # a rare first name opening a sentence, before a found surname
        ("Yonatan Woldegiorgis belde over zijn indicatie.", ["Yonatan Woldegiorgis"]),
    ],
)
def test_whole_names_by_their_place(engine: PrivacyEngine, text: str, names: list[str]) -> None:
    assert labelled(engine, text, "naam") == names


@pytest.mark.parametrize(
    "text",
    [
        "Gelezen door Team Oost, de begeleider.",  # a team, no person
        "Afdeling Noord, verpleegkundige van dienst: zie rooster.",
        "Gisteren Jansen gebeld.",  # a common word opening the sentence stays out
    ],
)
def test_no_longer_name_where_a_word_stands(engine: PrivacyEngine, text: str) -> None:
    names = labelled(engine, text, "naam")
    assert all(name.split()[0] not in ("Team", "Afdeling", "Gisteren") for name in names)
