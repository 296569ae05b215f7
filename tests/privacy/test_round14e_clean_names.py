"""Round 14e (issue 16): fewer false positives in clean texts, and names of more kinds.
Each precision rule has a negative test (the plain word is left alone) and a positive test
(a real name, place or date in the same place is still found). Every name here is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    "text",
    [
        # a numbered step as the label of an item: "Stap" is a surname in deduce's list
        "Het plan kent vier momenten:\n- Stap 1: de arts bespreekt het voornemen.\n"
        "- Stap 2: een deskundige kijkt mee.\n- Stap 3 en 4: de evaluatie.",
        # a scale or test named after a person
        "Transfer zelfstandig met supervisie.\nBerg Balance Scale: 32/56 (vorige meting 24/56).",
        # a salutation to a group opening a letter
        "Lieve vrijwilligers,\n\nWat fijn dat jullie er weer waren bij de brunch.",
        # a part of the day opening a sentence of a report
        "Medicatie om 7.00 en 11.00 gegeven. Middag rustig, muziek geluisterd.",
        # a floor after where someone is
        "nacht1: ben jij nog op de 2e? mw op 23 is uit bed\nnacht2: kom eraan",
        "bel de afdeling en vraag naar de zuster van de 1e.\nok",
    ],
)
def test_no_span_for_a_plain_word(engine: PrivacyEngine, text: str) -> None:
    assert engine.spans(text) == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a surname before a colon in a handover list, and a speaker with a time
        ("Overdracht:\n- Koning: bloeddruk gemeten.\n- Brandsma: slaapt.", "naam", "Koning"),
        # a name before a lower-case word at the start of a line is no salutation
        ("Lieve heeft goed geslapen en at haar ontbijt op.", "naam", "Lieve"),
        ("Beste Jorieke,\n\nHierbij de planning.", "naam", "Jorieke"),
        # a greeting before a name is trimmed off, the name stays
        ("Yasemin: Goedemorgen Yasemin hier, mijn vader sliep slecht.", "naam", "Yasemin"),
        # a place opening a sentence that is no part of the day
        ("Vandaag verhuisd. Zwolle vindt ze nog wennen.", "plaats", "Zwolle"),
        # a day of the month after "de" with no floor before it
        ("Het gesprek is verzet, hij komt de 22e.", "datum", "de 22e"),
        ("De uitslag komt op de 3e.", "datum", "de 3e"),
    ],
)
def test_the_same_place_still_holds_an_identifier(
    engine: PrivacyEngine, text: str, label: str, value: str
) -> None:
    assert value in labelled(engine, text, label)


def test_a_greeting_is_no_word_of_the_name(engine: PrivacyEngine) -> None:
    text = "Yasemin: Goedemorgen Yasemin hier.\nWendelien: goedemorgen, ik kijk even."
    names = labelled(engine, text, "naam")
    assert not any("oedemorgen" in name for name in names)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a relation in brackets after a name, and a name in brackets after a relation
        ("Morgen naar de tandarts om 10.30, Hendrus (neef) brengt haar.", "Hendrus"),
        ("Gedragswetenschapper is geïnformeerd. Mentor belt moeder (Olenka).", "Olenka"),
        # who introduces themselves
        ("Goedemiddag, ik ben Oksanka, dochter van mevrouw Kovalyk.", "Oksanka"),
        # two words after the label of a person in a form, no list knows either
        ("Cliënt: Jevgor Bondarchuk\nMelder: begeleider", "Jevgor Bondarchuk"),
        # a known first name and a lower-case surname of Polish shape or spelling
        ("overgedragen door c.m. aan huseyin szymczak; dossier volgt.", "huseyin szymczak"),
        ("gesprek met ilham wojcik en haar nichtje over school.", "ilham wojcik"),
        ("gesprek met sharmila wróblewska over de dagbesteding.", "sharmila wróblewska"),
    ],
)
def test_names_of_more_kinds(engine: PrivacyEngine, text: str, value: str) -> None:
    assert value in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    "text",
    [
        # a relation in brackets after a common word, and "ik ben" before an adjective
        "Het contact met de familie (moeder) verloopt goed.",
        "Ik ben Blij met de nieuwe planning, zei ze.",
        # Dutch words with "ó" for stress, and Dutch words with "sz"
        "Dat moet vóór de lunch, óók in het weekend.",
        "De thuiszorg komt om acht uur, de huiszorg later.",
    ],
)
def test_no_name_in_these(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a verb before its subject in a chat, not a lower-case first name
        ("gerdien: die ken ik nog van vroeger\nmo: ja klopt\ngerdien: ok", "ken"),
        ("de vacature voor de nacht staat nog open, ken je iemand, stuur door!", "ken"),
        # a language after "een beetje" or beside another language
        ("Meneer spreekt Oekraïens en een beetje Engels.", "Engels"),
        ("Het gesprek ging in Engels/Nederlands door elkaar.", "Engels"),
    ],
)
def test_no_name_for_a_verb_or_a_language(engine: PrivacyEngine, text: str, word: str) -> None:
    assert word not in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a lower-case first name that calls someone in a chat
        ("ok top\nsanne je bent morgen toch vroeg?\nja", "naam", "sanne"),
        # a surname that is a language, after a form of address
        ("Mw. Engels belt morgen over de planning.", "naam", "Engels"),
        # a word with a foreign letter where one goes or comes from is a place
        ("Eerdere opname in Wrocław (2019); wil terug naar Poznań.", "plaats", "Poznań"),
        ("Gesprek met Łukasz gehad, hij komt uit Łódź.", "naam", "Łukasz"),
        # a name, "van" and a street after a form of address: a person and her street
        ("ok dus morgen eerst mevrouw Pieters van Esdoornlaan 6 douchen", "naam", "Pieters"),
        ("ok dus morgen eerst mevrouw Pieters van Esdoornlaan 6 douchen", "adres", "Esdoornlaan 6"),
        ("ff checken, mw Rosalia van de Bonairestraat 7 is die nog weg?", "naam", "Rosalia"),
        # a street named after a person with "van" stays whole without a form of address
        ("Zij woont aan de Jan van Galenstraat 12.", "adres", "Jan van Galenstraat 12"),
    ],
)
def test_names_places_and_streets_beside_these(
    engine: PrivacyEngine, text: str, label: str, value: str
) -> None:
    assert value in labelled(engine, text, label)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # lower-case names with particles, a hyphen of one letter, an Arabic particle
        ("overgedragen door b. aan bozena ben sadik; dossier volgt.", "bozena ben sadik"),
        ("overgedragen door a.w. aan wojtek el haddaoui; dossier volgt.", "wojtek el haddaoui"),
        ("post voor gülten tjon-a-fat graag naar het kantoor.", "gülten tjon-a-fat"),
        ("gesprek met gülten van 't veld en haar kleinzoon.", "gülten van 't veld"),
        # a lower-case name with a foreign letter before a verb of speaking
        ("huisbezoek: gülten deed open, sleutelkluis werkt niet.", "gülten"),
        # a word and a surname joined to an Arabic particle by a hyphen
        ("intake Rahima Al-Khatibi (nieuwe clt, 23jr) bij de RIBW.", "Rahima Al-Khatibi"),
        # a lower-case name after a possessive and a relation, in messages with speakers
        ("Gio: is haar dochter shaynna op de hoogte?\nMerel: ja, gisteren gebeld.", "shaynna"),
    ],
)
def test_more_names_in_lower_case_and_with_particles(
    engine: PrivacyEngine, text: str, value: str
) -> None:
    assert value in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    "text",
    [
        # the verb "ben" is no particle
        "nacht1: hee ben jij nog wakker?\nnacht2: ja hoor",
        # a verb and its particle after "huisarts"
        "spreekt goed Nederlands. huisarts verwijst door ivm slaapproblemen.",
        # a lower-case verb after a relation
        "Gio: komt haar dochter morgen?\nMerel: ja haar dochter komt, haar man ook.",
    ],
)
def test_no_name_here_either(engine: PrivacyEngine, text: str) -> None:
    assert [n for n in labelled(engine, text, "naam") if n not in ("Gio", "Merel")] == []


def test_a_name_beside_a_known_first_name(engine: PrivacyEngine) -> None:
    text = "Lieve vrijwilligers,\n\nSpeciale dank aan Henny en Gé voor de versiering."
    assert "Gé" in labelled(engine, text, "naam")
    # a long compound beside a first name is no name ("Zorgbelang" is an organisation)
    text = "Vandaag met Marieke en Zorgbelang gesproken over de cliëntenraad."
    assert "Zorgbelang" not in labelled(engine, text, "naam")
