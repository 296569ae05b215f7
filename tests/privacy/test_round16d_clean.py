"""Round 16d: clean texts and character precision. A name inside the name of a syndrome,
model or method ("het syndroom van Korsakov", "het model van Gordon", "Kübler-Ross model"),
a national chain of shops after an article ("boodschappen bij de Albert Heijn"), the kind of
a document before a name ("Sessieverslag Moleman"), and a word of a found name with the
ending of an abstract noun that is not repeated as a name ("Revalidatie"). Made-up text;
every name here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

# -- a name inside the name of a syndrome, model or method -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Het syndroom van Korsakov vraagt om vaste routines op de groep.",
        "Bij de anamnese gebruiken we het model van Gordon.",
        "De methode Hoogendijk helpt bij onbegrepen gedrag.",
        "In de les is het Kübler-Ross model over rouw besproken.",
        "De ziekte van Huntington komt in de familie voor, volgens de cliënt.",
    ],
)
def test_a_name_inside_a_syndrome_or_method_is_no_person(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "naam")


def test_a_persons_own_illness_or_method_keeps_the_name(engine: PrivacyEngine) -> None:
    text = "De ziekte van meneer Brouwersma is verder gevorderd, zegt dochter Hennie."
    names = labelled(engine, text, "naam")
    assert "Brouwersma" in " ".join(names)
    assert "Hennie" in names


def test_a_name_after_a_method_word_as_the_subject_stays(engine: PrivacyEngine) -> None:
    text = "Volgens de methode overlegt Jolanda Veenstra elke week met de familie."
    assert "Jolanda Veenstra" in labelled(engine, text, "naam")


# -- a chain of shops after an article ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Daarna samen boodschappen gedaan bij de Albert Heijn.",
        "Met de begeleider naar de Hema geweest voor een nieuwe agenda.",
        "Zalf voor de handen gehaald bij de Kruidvat.",
    ],
)
def test_a_shop_chain_after_an_article_is_no_identifier(engine: PrivacyEngine, text: str) -> None:
    # round 25 (inst25): the later sets mark the shop after an article as an organisation
    # ("bij de Jumbo op het Stationsplein"); it is still never a person's name
    assert not labelled(engine, text, "naam")
    assert len(labelled(engine, text, "instelling")) == 1


def test_a_shop_chain_as_an_employer_stays(engine: PrivacyEngine) -> None:
    text = "Hij werkt sinds de zomer bij Albert Heijn in Zwolle."
    found = labelled(engine, text, "naam") + labelled(engine, text, "instelling")
    assert "Albert Heijn" in found


# -- the kind of a document before a name ------------------------------------------------------


def test_the_kind_of_a_document_is_no_part_of_the_name(engine: PrivacyEngine) -> None:
    text = "Intakeverslag Verhoeven Psychologie, sessie 2\nCliënt kwam op tijd."
    found = labelled(engine, text, "naam") + labelled(engine, text, "instelling")
    assert found
    assert not any("verslag" in piece for piece in found)


def test_a_name_after_a_plain_heading_word_stays(engine: PrivacyEngine) -> None:
    text = "Rapportage mevrouw Tjitske Hoekstra-Veldman, kamer 12."
    assert "Tjitske Hoekstra-Veldman" in labelled(engine, text, "naam")


# -- an abstract noun in a found name is not repeated as a name --------------------------------


def test_a_noun_in_a_found_name_is_no_name_elsewhere(engine: PrivacyEngine) -> None:
    text = (
        "Ontslagbrief van Marieke Revalidatie, Utrecht.\n"
        "Na de klinische revalidatie gaat meneer naar huis."
    )
    assert "revalidatie" not in labelled(engine, text, "naam")


def test_a_surname_is_still_repeated(engine: PrivacyEngine) -> None:
    text = "Mevrouw Annelies Brinkering belde. Brinkering vraagt om een terugbelverzoek."
    assert labelled(engine, text, "naam").count("Brinkering") >= 1
    assert "Annelies Brinkering" in labelled(engine, text, "naam")


# -- a job title with capitals; a floor after its ordinal --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "De Teamleider Zorg komt morgen langs bij de overdracht.",
        "Hoofd Zorg overlegt vandaag over de bezetting.",
        "De Diëtist adviseert drinkvoeding twee keer per dag.",
    ],
)
def test_a_job_title_with_capitals_is_no_organisation(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "instelling")


def test_an_organisation_named_after_a_person_with_a_field_stays(engine: PrivacyEngine) -> None:
    text = "Hij krijgt begeleiding van Hofman Zorg in Utrecht."
    assert "Hofman Zorg" in labelled(engine, text, "instelling")


def test_a_floor_after_its_ordinal_is_no_house_number(engine: PrivacyEngine) -> None:
    text = "Printer 3e verdieping staat weer op storing."
    assert not labelled(engine, text, "adres")


def test_an_address_with_a_floor_stays(engine: PrivacyEngine) -> None:
    text = "Mevrouw woont aan de Kerkstraat 12, 3e verdieping, zonder lift."
    assert "Kerkstraat 12" in labelled(engine, text, "adres")
