"""Round 22 (clean22, lead): words in clean care text that a list or a pattern read as an
identifier, and the identifiers of the same shape that must stay. A frequent word that only
ends like a kind of institution ("Akkoord", "Gehoord"), a lower-case first name after a word
of quantity in a chat ("veel roos"), a dose after "nu 5" ("5 dd"), how long a record is kept
("20 jaar bewaard"), an order opening a sentence before a preposition ("Leg in gewone taal
uit"), and a unit of a house in a report's heading ("Rapportage Korsakov-woonvorm"); and a
name after a label for a learner ("Student: ...") and a lower-case first name above a
message in an exported chat ("kees 21:47").
Made-up text; every name, house and place here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

_LEFT = "left for a later round: a surname that is also an order opening a sentence"


@pytest.mark.parametrize(
    "text",
    [
        "Rondvraag: de groep wil weer bingo. Akkoord, eens per maand op woensdag.",
        "Gehoord worden is voor haar belangrijk, zegt de EVV.",
        "Antwoord van de arts volgt morgen.",
        "ja idd veel roos en rode plekken achter de oren",
        "nee geen roos gezien, wel droge huid",
        "Sinemet wordt nu 5 dd gegeven; voorstel om de tijden te verschuiven.",
        "De dosis is 3 dd 1 tablet na het eten.",
        "Het dossier wordt volgens de WGBO 20 jaar bewaard.",
        "De gegevens worden 15 jaar bewaard en daarna vernietigd.",
        "Vraag aan de AI-assistent: Leg in eenvoudige taal uit wat de Wlz is.",
        "Rapportage Korsakov-woonvorm\nBewoner was rustig en at goed.",
        # round 24 (clean24): a preposition after a word opening a sentence
        "Oefen vier keer per dag. Koel bij zwelling en houd de hand hoog.",
    ],
)
def test_clean_text_gets_no_span(engine: PrivacyEngine, text: str) -> None:
    assert [s.text for s in engine.analyse(text).spans] == []


@pytest.mark.parametrize(
    ("text", "label", "found"),
    [
        # a house whose name ends in a kind word and is no frequent word stays
        ("Rapportage Zonnehof\nBewoner was rustig.", "instelling", ["Zonnehof"]),
        ("Ze verhuist naar Bloesemhof in het voorjaar.", "instelling", ["Bloesemhof"]),
        # a national body is frequent and still an organisation (round 23: with its branch
        # after the slash)
        (
            "Schulden: Belastingdienst/Toeslagen € 4.100.",
            "instelling",
            ["Belastingdienst/Toeslagen"],
        ),
        # a first name in a chat without a word of quantity before it
        ("hoi roos, kun jij de late dienst doen?", "naam", ["roos"]),
        # an age after "is" without a dose after it
        ("Mw. Bakker is 84 en woont nog zelfstandig.", "leeftijd", ["84"]),
        ("Mw. Bakker is 84 jaar en woont nog zelfstandig.", "leeftijd", ["84 jaar"]),
        # a name after a label for a learner ("Student:", "Leerling:") as after "Cliënt:"
        ("Student: Amanuel Tesfay, studentnr. 2085541", "naam", ["Amanuel Tesfay"]),
        ("Stagiaire: Yara Mekonnen\nOpleiding: verpleegkunde", "naam", ["Yara Mekonnen"]),
        ("Student: verpleegkunde, jaar 2", "naam", []),
        # a lower-case first name above a message, with the time ("kees 21:47")
        ("kees 21:47\nben je nog wakker?\nlin 21:49\nja hoor", "naam", ["kees", "lin"]),
        ("max 4x per dag\nok", "naam", []),
        # a place opening a sentence without a preposition after it
        ("Leeuwarden is haar geboorteplaats.", "plaats", ["Leeuwarden"]),
    ],
)
def test_identifiers_of_the_same_shape_stay(
    engine: PrivacyEngine, text: str, label: str, found: list[str]
) -> None:
    assert labelled(engine, text, label) == found
