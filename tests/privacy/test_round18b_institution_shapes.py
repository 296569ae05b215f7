"""Round 18b: institutions by the shape of the phrase, on made-up sentences of the kinds that
fell short on new text: a lower-case kind of day care, housing or day centre before its own
name, a kind of youth protection or care before a compass word in lower case, a hospital by
its abbreviation after a stay or a transfer and "het", a school by its name with the article
and "school" after it, a national body or a listed two-word brand with the place of its
office, a form's field whose value is an organisation ("Werkgever: ..."), and a compound
ending in -groep, -wonen or -care after a preposition ("van HEEMwonen"). Each rule has
near misses: the kind word alone, a generic "de school", a file's or a meeting's
abbreviation, a person after "bij" or in a field, a type of school, a place without a body."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # a lower-case kind of day care, housing or a day centre: the kind is in the name
        ("Ze gaat naar het kinderdagverblijf De Boefjes.", "kinderdagverblijf De Boefjes"),
        ("Brief van woningbouwvereniging Rochdale ontvangen.", "woningbouwvereniging Rochdale"),
        ("Hij gaat 3 dagen naar activiteitencentrum De Ruimte.", "activiteitencentrum De Ruimte"),
        ("Aanmelding via gastouderbureau Kleine Stap.", "gastouderbureau Kleine Stap"),
        ("Melding bij wooncorporatie Ons Huis gedaan.", "wooncorporatie Ons Huis"),
        # a lower-case kind of shelter: the kind stays outside the name
        ("Klantgegevens (intake crisisopvang Kompassie)", "Kompassie"),
        ("Ze slaapt in de nachtopvang De Haven.", "De Haven"),
        # a kind of youth protection or care before a lower-case compass word
        ("Naar: Jeugdbescherming west, team Leiden", "Jeugdbescherming west"),
        ("ze gaat naar zorggroep oost", "zorggroep oost"),
        # a hospital by its abbreviation after a stay or transfer and "het"
        ("Spoed naar het ETZ gebracht.", "ETZ"),
        ("Ze ligt in het RKZ op de longafdeling.", "RKZ"),
        ("Controle in het ZGT volgende week.", "ZGT"),
        ("Geopereerd op 2 januari in het MCZL.", "MCZL"),
        ("Opgenomen in het MST in Enschede.", "MST"),
        # a school by its name, the article and "school" after it
        ("Overleg met De Regenboog school over het OPP.", "De Regenboog school"),
        ("Hij zit op Het Kompas school in groep 5.", "Het Kompas school"),
        ("Ze gaat naar de Wereldwijzer basisschool.", "Wereldwijzer basisschool"),
        # a national body or a listed two-word brand and the place of its office
        (
            "Zoals besproken draagt Leger des Heils Nijmegen de begeleiding over.",
            "Leger des Heils Nijmegen",
        ),
        ("Rode Kruis Utrecht levert een rolstoel.", "Rode Kruis Utrecht"),
        # a form's field that names an organisation, at the start of a line
        ("Werkgever: Coolblue\nContract: 32 uur", "Coolblue"),
        ("Verhuurder: Woonbron\nHuur: 650 euro", "Woonbron"),
        ("School: De Wereldwijzer, groep 6", "De Wereldwijzer"),
        ("- Kinderopvang: Kids Garden", "Kids Garden"),
        # a capitalised compound ending in -groep, -wonen or -care after a preposition
        ("Budgetbeheer loopt via Mondriaangroep sinds maart.", "Mondriaangroep"),
        ("Hun woning is van HEEMwonen; daar is contact mee.", "HEEMwonen"),
        ("Wijkverpleging door Thuiscare, 3x per week.", "Thuiscare"),
        # an adjective of a kind: "Sociale werkplaats"
        ("Sociale werkplaats Ergon biedt een plek.", "Sociale werkplaats Ergon"),
    ],
)
def test_institution_found_whole(engine: PrivacyEngine, text: str, organisation: str) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the kind word alone, or an article before it
        ("Het kinderdagverblijf is dicht op maandag.", "kinderdagverblijf"),
        ("De woningbouwvereniging stuurt een brief.", "woningbouwvereniging"),
        ("Het activiteitencentrum is gesloten in de zomer.", "activiteitencentrum"),
        ("De crisisopvang zit vol.", "crisisopvang"),
        ("Gesprek in vrouwenopvang Marieke.", "Marieke"),
        # a first name after a lower-case kind is the person
        ("Op het kinderdagverblijf Marieke gesproken.", "Marieke"),
        # a generic school, a type of school, an adjective, a place
        ("De school belde over het verzuim.", "school"),
        ("Hij gaat naar de Vrije school in Zeist.", "Vrije"),
        ("Zij zit op de Montessori school.", "Montessori"),
        ("Hij zit op de Openbare school.", "Openbare"),
        ("Ze zit op de Utrecht school sinds mei.", "Utrecht"),
        # the abbreviation of a file, a plan, a meeting or a ward after the same words
        ("Afspraken zijn opgenomen in het ECD.", "ECD"),
        ("Doelen opgenomen in het OPP van school.", "OPP"),
        ("Casus besproken en opgenomen in het MDO.", "MDO"),
        ("Vanmiddag gebracht naar het VIM-overleg.", "VIM"),
        ("Controle in het ZZP 5 valt weg.", "ZZP"),
        # an abbreviation without a word of a stay before it
        ("Hij heeft ADHD en ASS, besproken in het team.", "ADHD"),
        # a place without a national body before it; a body before a number
        ("Hij woont in Nijmegen bij zijn zus.", "Nijmegen"),
        ("UWV 12345678 is het klantnummer.", "UWV"),
        # a person after "bij"
        ("Afspraak bij De Vries om 10 uur.", "De Vries"),
        # a field's value that is a person, a plain word or a place; a field after a word
        ("Verhuurder: Jansen\nHuur: 650 euro", "Jansen"),
        ("Werkgever: geen, uitkering via het UWV", "geen"),
        ("School: Groep 7, juf Anne", "Groep"),
        ("Werkgever: Marieke de Groot (particulier)", "Marieke"),
        ("School: Utrecht, locatie centrum", "Utrecht"),
        ("Contactpersoon school: Ivo Bakkum", "Ivo Bakkum"),
        # such a compound in lower case, opening a sentence, or a generic kind
        ("Hij hoort bij de doelgroep van de Wmo.", "doelgroep"),
        ("Risicogroep: ouderen boven 70.", "Risicogroep"),
        ("Vraag van Mantelzorg aan de gemeente.", "Mantelzorg"),
        # a compass word after a kind word that names no organisation
        ("De thuiszorg komt vanaf dinsdag vaker, route naar oost.", "oost"),
    ],
)
def test_near_miss_no_institution(engine: PrivacyEngine, text: str, word: str) -> None:
    start = text.index(word)
    end = start + len(word)
    overlapping = [
        s.text
        for s in engine.analyse(text).spans
        if s.label == "instelling" and s.start < end and s.end > start
    ]
    assert overlapping == []


def test_national_body_before_a_place_without_a_site(engine: PrivacyEngine) -> None:
    """A place after a national body across a full stop is a place of its own."""
    text = "Aanmelding bij het UWV. Nijmegen is zijn woonplaats."
    assert "UWV" in labelled(engine, text, "instelling")
    assert "Nijmegen" not in " ".join(labelled(engine, text, "instelling"))
