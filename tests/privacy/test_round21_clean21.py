"""Round 21 (clean21): words in clean text that a list or a pattern reads as an identifier.
A room after a title and "van" ("mevrouw van kamer 6"), a closing quote before a sentence
("... betekenen.' Mooi om te horen"), an agenda item in "-ing" made of a verb ("- Scholing:
..."), "verkleurde" after a colour, a very frequent English word opening an English sentence
("Take paracetamol"), a kind of place in lower case and a care abbreviation ("woonvoorziening
VG"), an article and a word no list knows after a title ("meneer van de fysio"), a position
named after a person ("in Trendelenburg houding"). Made-up text; every name here is
invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

_LEFT = "left for a later round: no evidence tells the word from the name here"


@pytest.mark.parametrize(
    "text",
    [
        "Zwart verkleurde nagel aan de grote teen, podotherapeut ingeschakeld.",
        "Groen verkleurd sputum, arts gebeld voor een kweek.",
        "Wit beslag op de tong, mondzorg gegeven.",
        "Notulen\n- Scholing: de nachtdienst gaat voor bij de training.\n- Rooster: volgt later.",
        "Agenda\n- Planning: rooster volgt na de vakantie.",
        "Punten\n* Evaluatie: volgende maand.",
        "Ze zei: 'Ik wil naar huis.' Mooi dat ze het zo kan zeggen.",
        "De cliënt vroeg: 'Mag ik mee?' Prima dat hij het vraagt.",
        "mevrouw van kamer 12 wil graag thee",
        "meneer van kamer 4 heeft slecht geslapen",
        "de heer van kamer 7 belt steeds",
        "mevrouw van hiernaast kwam even kijken",
        "Overleg woonvoorziening VG over de nieuwe cliënt.",
        "Arts VG ziet hem volgende week.",
        "Nieuwe bewoner op de afdeling PG, gesprek met familie gepland.",
        "Can you summarise this for the family?",
        "Take two tablets after breakfast. Call us if the pain gets worse.",
        "Please check the dressing daily. Keep the leg raised.",
        "Will you write a short note for the GP?",
        "Noteer de scores in HiX voor het einde van de dienst.",
        "Mooi weer vandaag, bewoners zaten buiten.",
        "meneer van kamer 4b wil douchen",
        "mw van kamer 12a heeft pijn",
        "meneer van de fysio komt dinsdag",
        "Patiënt in Trendelenburg houding gelegd.",
        pytest.param(
            "Teamoverleg woongroep Korsakov: afspraken over de nacht.",
            marks=pytest.mark.xfail(strict=True, reason=_LEFT),
        ),
        pytest.param(
            "Roos op de hoofdhuid, shampoo gegeven.",
            marks=pytest.mark.xfail(strict=True, reason=_LEFT),
        ),
        # round 24 (clean24): a preposition after a word that no list knows as a first name
        "Remmen van de rolstoel controleren voor de transfer.",
    ],
)
def test_clean_text_gets_no_span(engine: PrivacyEngine, text: str) -> None:
    assert [s.text for s in engine.analyse(text).spans] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Zwart belde vanochtend over zijn moeder.", ["Zwart"]),
        ("mevrouw van Dijk van kamer 12 wil graag thee", ["van Dijk"]),
        ("- Jan: belt de huisarts\n- Rooster: volgt", ["Jan"]),
        ("Acties\n- Verhoeven: neemt contact op met de apotheek.", ["Verhoeven"]),
        ("Overdracht\n- Koning: bloeddruk gemeten, goed.", ["Koning"]),  # no verb "konen"
        ("Ze zei: 'Ik bel wel.' Petra belde daarna terug.", ["Petra"]),
        ("Overleg met Lisa de Wit over de nieuwe cliënt.", ["Lisa de Wit"]),
        ("Can Yilmaz belde om 10 uur.", ["Can Yilmaz"]),
        ("Please call Mrs. Jansen tomorrow.", ["Jansen"]),
        ("Mark called the ward this morning about the wound.", ["Mark"]),
        ("mw van der Berg van kamer 3 is gevallen", ["van der Berg"]),
        ("mw van der linden 3x gebeld vandaag", ["van der linden"]),
        ("hoi, meneer de haan van kamer 2 wil koffie", ["de haan"]),
        ("Gesprek gehad met mevrouw Roos over haar zoon.", ["Roos"]),
    ],
)
def test_names_stay(engine: PrivacyEngine, text: str, names: list[str]) -> None:
    assert labelled(engine, text, "naam") == names


@pytest.mark.parametrize(
    ("text", "institutions"),
    [
        ("Brief van Zorgkantoor DSW over de indicatie.", ["Zorgkantoor DSW"]),
        ("Beheer bij Bewindvoering Twente BV sinds maart.", ["Bewindvoering Twente BV"]),
    ],
)
def test_organisations_with_capitals_stay(
    engine: PrivacyEngine, text: str, institutions: list[str]
) -> None:
    assert labelled(engine, text, "instelling") == institutions
