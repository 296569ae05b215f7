"""Names and ages in chats and informal notes (issue 16, round 13a): a found name written
again in lower case or with one letter slipped, speakers above the messages of an exported
chat ("Naam 10:05"), an age turned on a named day and an age cried out in brackets. Every
name here is made up; none is taken from a benchmark set."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from carai.privacy.engine import _one_letter_apart
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name found with a capital, later in lower case as chats write it
        (
            "Tsegereda belde, haar moeder heeft koorts.\n- wie gaat?\n- tsegereda komt ook",
            "tsegereda",
        ),
        # a surname typed with one letter left out, added or changed in a later line
        ("mw Wiśniewska: bs 9,1. (in het rooster staat Wiśniewka, graag aanpassen)", "Wiśniewka"),
        ("dhr Hoogakker gedoucht, later belde Hoogaker nog.", "Hoogaker"),
    ],
)
def test_found_name_again_in_another_spelling(engine: PrivacyEngine, text: str, name: str) -> None:
    assert name in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an ordinary word that looks like a slip of a found name stays out
        ("dhr Rozendaal gedoucht; de rozen staan in de Rozentuin.", "Rozentuin"),
        ("mw Kerkhoven is naar de Kerkhofweg gewandeld.", "Kerkhofweg"),
        # a place a letter away from a found name is no name
        ("Mw. Zwollers gaat zaterdag naar Zwolle.", "Zwolle"),
        # the lower-case form of a found name that is an ordinary word stays out
        ("Meneer Koning zat bij het raam. de koning van het bordspel was hij.", "koning"),
    ],
)
def test_ordinary_words_near_a_found_name_stay_out(
    engine: PrivacyEngine, text: str, word: str
) -> None:
    assert word not in labelled(engine, text, "naam")


def test_one_letter_apart() -> None:
    assert _one_letter_apart("czyk", "zyk")  # left out
    assert not _one_letter_apart("meulen", "muelen")  # two letters swapped: two changes
    assert _one_letter_apart("akker", "aker")
    assert _one_letter_apart("akker", "akkers")  # added
    assert _one_letter_apart("akker", "ekker")  # changed
    assert not _one_letter_apart("akker", "akker")  # the same word is no slip
    assert not _one_letter_apart("akker", "ak")


def test_speaker_above_the_message(engine: PrivacyEngine) -> None:
    text = (
        "Yolanda 22:10\nkan iemand naar kamer 4 komen?\nBart-Jan Wesselink 22:12\n"
        "ja ik kom\nYolanda 22:13\nfijn, ze is gevallen\nBart-Jan Wesselink 22:30\nklaar"
    )
    names = labelled(engine, text, "naam")
    assert names.count("Yolanda") == 2
    assert names.count("Bart-Jan Wesselink") == 2
    assert not [s for s in engine.analyse(text).spans if s.label == "adres"]


@pytest.mark.parametrize(
    "text",
    [
        # a day's schedule: ordinary words before the times
        "Ontbijt 08:00\nKoffie 10:30\nLunch 12:30\nKoffie 15:00\nAvondeten 17:30",
        # weekdays with opening hours
        "Maandag 09:00\nDinsdag 09:00\nMaandag 13:00\nWoensdag 09:00",
        # a medication round: drug names and times
        "Metformine 08:00\nPantoprazol 08:00\nMetformine 18:00",
        # drugs with a line under each: still no name a list knows
        "Metformine 08:00\n1 tablet\nPantoprazol 08:00\n1 capsule\nMetformine 18:00\n1 tablet",
    ],
)
def test_schedules_are_no_chat(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("ze wordt op 14 juni 95 hè, zullen we iets doen", "95"),
        ("Let op: meneer Dekker wordt die dag 100! Taart bestellen.", "100"),
        ("dat haar kleinzoon op 3 oktober 21 wordt en een feest geeft", "21"),
        ("oma wordt op zaterdag 80, de hele familie komt", "80"),
        ("k.4 dhr Brink morgen jarig (91!) slingers ophangen", "91"),
        ("ik haal pa op voor zn verjaardag (86!! 🎉)", "86"),
    ],
)
def test_ages_in_chats(engine: PrivacyEngine, text: str, age: str) -> None:
    assert age in labelled(engine, text, "leeftijd")


def test_the_day_before_the_age_stays_a_date(engine: PrivacyEngine) -> None:
    assert labelled(engine, "ze wordt op 14 juni 95 hè", "datum") == ["14 juni"]
    # a year after the month without the verb stays part of the date
    assert labelled(engine, "de afspraak is op 3 mei 25 verzet", "datum") == ["3 mei 25"]


@pytest.mark.parametrize(
    "text",
    [
        "de dosis wordt op 1 mei 20 mg",  # a dose, not an age
        "de insuline wordt op maandag 14, daarna 16",  # a measure changes
        "kamer 12 wordt vrijdag leeg",  # a room
        "we zoeken nog mensen (3!) voor de bingo",  # no birthday word before it
    ],
)
def test_no_age_without_its_cue(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "leeftijd") == []
