"""Round 9a of issue 16: names found by a cue that a person stands there (a greeting, a
signature, a kinship word, a verb of speaking, the label of a person in a form, a title with
an initial of any alphabet), and names grown to the whole ("Al-", "A. Ben ..."). A positive
and a negative test for each rule. Every name, organisation and number here is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a greeting opening a line (deduce finds this one too; see docs/privacy.md)
        (
            "Beste Ysbrand,\n\nDe afspraak voor dinsdag staat. Kun je de sleutel meenemen?",
            "Ysbrand",
        ),
        # the first line after a closing: a whole name, or one word with a role after it
        (
            "Dank voor het overleg.\n\nMet vriendelijke groet,\nOlek Wawrzyniak, casemanager",
            "Olek Wawrzyniak",
        ),
        ("Tot dinsdag.\n\nMet vriendelijke groet,\nAdaeze, doktersassistente", "Adaeze"),
        # a kinship word in the diminutive
        ("Haar zusje Ngozi logeert deze week bij oma.", "Ngozi"),
        # a verb of speaking after the word
        ("Zyanya zegt dat ze slecht slaapt sinds de verhuizing.", "Zyanya"),
        # the label of a person in a form, with an age or a known part
        ("Cliënt: Olek Baranowski (41)\nAdres volgt.", "Olek Baranowski"),
        ("Aanwezig: Thandiwe Mthembu, 29 jaar, en haar moeder.", "Thandiwe Mthembu"),
        # a nickname
        ("Bewoner Bernard (roepnaam Jojo) at goed.", "Jojo"),
        # a title and an initial of another alphabet
        ("Dhr. Ğ. Arslantürk belt morgen terug over de uitslag.", "Ğ. Arslantürk"),
        # a particle joined to the surname by a hyphen
        ("Telefoon van mw. Rania Al-Sabbagh (45) over haar vader.", "Rania Al-Sabbagh"),
        # initials and particles before a surname
        ("Overleg met T. Ben Amar over de indicatie.", "T. Ben Amar"),
        # initials after a person word, also ones that read as an abbreviation elsewhere
        ("Bij het huisbezoek bij cliënt P.W. was zijn neef aanwezig.", "P.W."),
        # a person named by a room, in a chat in lower case or capitalised
        ("hoi, al gehoord?\nwiktor uit kamer 8 gaat vrijdag naar huis\nja", "wiktor"),
        ("Ysolde van kamer 12 wil vandaag douchen.", "Ysolde"),
    ],
)
def test_a_name_after_a_person_cue(engine: PrivacyEngine, text: str, name: str) -> None:
    assert name in labelled(engine, text, "naam")


def test_a_nickname_found_again_on_its_own(engine: PrivacyEngine) -> None:
    text = "Bewoner Bernard (roepnaam Jojo) at goed.\nJojo wil morgen naar de markt."
    assert labelled(engine, text, "naam").count("Jojo") == 2


@pytest.mark.parametrize(
    "text",
    [
        # greetings of a group or a team
        "Beste collega's,\n\nHallo allemaal, het rooster staat.\nBeste Zorgteam Noord,\nHoi Team!",
        # a closing followed by a department, a service or one word without a role
        "Met vriendelijke groet,\nSecretariaat",
        "Met vriendelijke groet,\nAfdeling Planning",
        "Met vriendelijke groet,\nWijkverpleging Noord",
        "Met vriendelijke groet,\nZorgbemiddeling Regio Oost",
        "Groetjes,\nIedereen van de avonddienst",
        # a group or service before a verb of speaking, a word after an article
        "Politie belde om 22.00 uur. Thuiszorg belde af. De Voorzitter zegt dat het kan. "
        "Apotheek belde over de baxter. Familie belde ook.",
        "Bewoner zegt dat het eten koud was. Zij zegt niets. Insuline gaf aan: hoge waarden.",
        # a form label with an organisation, or with one word and no age
        "Aan: Veilig Thuis\nOnderwerp: melding",
        "Aan: Gemeente Zaanstad\nCliënt: Doorverwezen naar de fysio",
        "Aanwezig: Teamleider, Casemanager, Huisarts\nNaam: Onbekend (nog niet ingevuld)",
        # a weekday after a kinship word
        "Met zijn zoontje Maandag naar de kinderarts.",
        # an abbreviation after a person word
        "Cliënt o.a. gesproken over de val. Bewoner E.A. hebben gegeten.",
        # a room after a word that is no name
        "hoi\nen iemand uit kamer 3?\nde man uit kamer 4 ook\nhij verhuist van kamer 3 naar 5"
        "\noverplaatsing van kamer 2 gaat door",
        "De Bewoner uit kamer 3 wil douchen. Mevrouw uit kamer 9 sliep.",
    ],
)
def test_no_name_where_the_cue_stands_before_no_person(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Beste ,",
        "Met vriendelijke groet,\n",
        "Cliënt:",
        "roepnaam",
        "Dhr. Ö.",
        "mw. A Al-",
        "Groet,\n\n\n",
        "zusje ",
    ],
)
def test_cue_rules_never_raise_on_cut_text(engine: PrivacyEngine, text: str) -> None:
    engine.analyse(text)
