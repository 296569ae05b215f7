"""Round 22 (names22): a chat whose speaker labels are a first name and a surname with the time
a message was sent ("Esra Yilmaz 09:12: ...") is a chat, so a lower-case first name in its
messages is a name; a lower-case greeting before a first name ("hee roos") is no part of the
name. Made-up text; every name here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Esra Yilmaz 09:12: wie heeft het dossier?\n"
            "Tom Veenstra 09:14: ik sprak met kevin afgelopen week\n"
            "Esra Yilmaz 09:15: top",
            ["Esra Yilmaz", "Tom Veenstra", "kevin", "Esra Yilmaz"],
        ),
        (
            "Noor de Graaf 14:02: is bram al opgehaald?\nLotte Smit 14:05: ja, door zijn vader",
            ["Noor de Graaf", "bram", "Lotte Smit"],
        ),
    ],
)
def test_speaker_labels_with_a_surname_and_a_time_make_a_chat(
    engine: PrivacyEngine, text: str, names: list[str]
) -> None:
    assert labelled(engine, text, "naam") == names


@pytest.mark.parametrize(
    "text",
    [
        # a schedule: a time before a colon, no person writing
        "Ontbijt gepland 08:00: in de huiskamer\nKoffie drinken 10:30: met de groep",
        # one label only: no chat, and "mark" stays a verb-like word here
        "Overleg team 09:00: we mark de punten af",
    ],
)
def test_times_after_ordinary_words_make_no_speaker(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("hee roos, kun je morgen bellen?\nja prima", ["roos"]),
        ("hey daan ben je er al?\nbijna", ["daan"]),
    ],
)
def test_a_lower_case_greeting_is_no_part_of_the_name(
    engine: PrivacyEngine, text: str, names: list[str]
) -> None:
    assert labelled(engine, text, "naam") == names


def test_a_lower_case_first_name_and_surname_stay_whole(engine: PrivacyEngine) -> None:
    assert labelled(engine, "vandaag sprak ik pieter jansen over de planning", "naam") == [
        "pieter jansen"
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Verwezen door HA Oosterhuis voor controle.", ["Oosterhuis"]),
        ("Overleg met HA Van der Meer over de medicatie.", ["Van der Meer"]),
    ],
)
def test_ha_for_huisarts_is_a_title(engine: PrivacyEngine, text: str, names: list[str]) -> None:
    assert labelled(engine, text, "naam") == names


@pytest.mark.parametrize(
    "text",
    [
        "ha ha Ja dat was een leuke middag",  # a laugh, no title
        "Zij woont sinds maart in het Oosterhuis.",  # a home by its name, no title before it
    ],
)
def test_no_name_without_the_capital_abbreviation(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


def test_a_place_after_ha_is_no_name(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Doorverwezen door HA Zundert naar de poli.", "naam") == []
