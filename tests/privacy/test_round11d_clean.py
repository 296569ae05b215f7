"""Round 11d (issue 16): ordinary words that a list matched in texts without identifiers.
Each rule has a negative test (the plain word is left alone) and a positive test (a real
name or date in the same place is still found). Every name here is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    "text",
    [
        # a sentence that opens with a verb: an object or a pronoun follows the first word
        "Leg iets zachts onder het hoofd en blijf erbij.",  # "Leg": a village
        "Lock your screen when you leave the office.",  # "Lock": a surname
        "Zorg goed voor de voeten. Leg alles klaar voor de nacht.",
        # a surname (no first name) as the label of a line
        "Meet de bloeddruk zittend.\nTip: meet ook na het opstaan.",
        # a surname after an English "and": a word of a title
        "Valrisico gemeten met de Timed Up and Go: 16 seconden.",
        # an abbreviation before a number in a chat
        "pauzes graag afstemmen\n- max. 5 min overlap\nok",
        # a common word ending in "-oord", read as a house
        "Vraag 2: mag een foto van de gang op intranet?\nAntwoord: alleen zonder gezichten.",
        # "24/7": day and night
        "Naasten mogen 24/7 aanwezig zijn op de kamer.",
        # AI and voice assistants in a text about AI or a smart speaker
        "Generatieve AI zoals Gemini, Claude en ChatGPT schrijft tekst. Controleer die altijd.",
        "De slimme speaker staat in de huiskamer. Mevrouw vraagt Alexa om muziek van vroeger.",
    ],
)
def test_no_span_for_a_plain_word(engine: PrivacyEngine, text: str) -> None:
    assert engine.spans(text) == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a name opening a sentence has its verb next, or a particle before a capital
        ("Mark de Vries belt morgen over de uitslag.", "naam", "Mark de Vries"),
        ("Mark belt de huisarts morgen.", "naam", "Mark"),
        ("Overdracht. Sanne Brouwerink heeft de tillift nagekeken.", "naam", "Sanne Brouwerink"),
        ("Jolien komt om 14:00 de wond verzorgen.", "naam", "Jolien"),
        # a note without a verb, and a name that calls someone, before an article or "u"
        ("Overdracht. Anouk de hele dag op bed gebleven.", "naam", "Anouk"),
        ("Bericht van de familie. Joris u kunt morgen bellen.", "naam", "Joris"),
        # in a chat a name before "je" calls that person
        ("ok top\nFemke je bent morgen toch vroeg?\nja klopt", "naam", "Femke"),
        # a first name before a colon: a speaker, or the one an action is for
        ("Actiepunten:\nHanneke: belt de apotheek.\nWillemijn: plant het MDO.", "naam", "Hanneke"),
        # first names after an English "and"
        ("Meeting with Pieter and Marloes about the new roster.", "naam", "Marloes"),
        # a chat name before a full stop that ends the line
        ("wie doet de late dienst?\ndat doet max.\nok top", "naam", "max"),
        # a house ending in "-oord" that is no common word
        ("Mevrouw verhuist volgende week naar Zonnevoord.", "instelling", "Zonnevoord"),
        # "24/7" after a date word is the 24th of July
        ("Opgenomen op 24/7 na een val in de badkamer.", "datum", "24/7"),
        # the same names for people: no AI in the text, or a whole name
        ("Claude belt morgen over de nieuwe rolstoel.", "naam", "Claude"),
        ("Siri Veenhuizen vraagt of ChatGPT veilig is.", "naam", "Siri Veenhuizen"),
    ],
)
def test_the_same_place_still_holds_an_identifier(
    engine: PrivacyEngine, text: str, label: str, value: str
) -> None:
    assert value in labelled(engine, text, label)


def test_a_surname_before_a_colon_is_a_name_where_it_is_found_elsewhere(
    engine: PrivacyEngine,
) -> None:
    # The label rule drops "Tip:" alone; "dhr. Tip" makes it a name in the whole text.
    text = "Gesprek met dhr. Tip over de zorg.\nTip: ik wil liever 's ochtends douchen."
    assert labelled(engine, text, "naam").count("Tip") == 2
