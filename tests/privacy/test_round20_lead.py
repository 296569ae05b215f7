"""Round 20 (lead): small whole-span and precision rules from the last closing note. Two capitals
without full stops before a found name are its initials ("JP de Graaf"), unless they are a word
or a role or ward of care language ("HA Jansen" is the GP); a form's field that names an
organisation is read inside a line too ("32 uur, werkgever: Coolblue"); a kind word in lower
case and "van" before an organisation stay out of its span ("de fysio van Zorggroep
Zonnehof"); a noun for a person before an age in brackets is no name ("Jongen (15)"); an age
in words with "jaar" after a relation and "van" ("haar zoon van zes jaar speelt"); "boven",
"beneden" or "achter" before an article is no part of a house number ("3 boven de bakker"); a
bare number of seven to ten digits in a row of data with a full date is a record number, and
a compound ending in "dossier" is a label ("zorgdossier 771233"); a place that deduce's list
also holds as a first name is a name where a cue says a person stands ("Beste Stein,") or a
verb that only a person does ("Lisse belde", "zei Stein").
Made-up text; every name here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Gebeld met JP de Graaf over de planning.", ["JP de Graaf"]),
        ("Overleg met AJ Visser en KM Bakker gepland.", ["AJ Visser", "KM Bakker"]),
        ("Rapportage door WF van der Meulen, nachtdienst.", ["WF van der Meulen"]),
    ],
)
def test_two_bare_initials_join_the_name(
    engine: PrivacyEngine, text: str, names: list[str]
) -> None:
    assert labelled(engine, text, "naam") == names


@pytest.mark.parametrize(
    "text",
    [
        "Vandaag HA Jansen gebeld over de uitslag.",  # the GP Jansen
        "Vandaag met PB Visser gesproken.",  # the personal counsellor
        "GESPREK MET EN Jansen over de zorg.",  # a word in capitals
    ],
)
def test_two_capitals_that_are_a_role_or_word_stay_out(engine: PrivacyEngine, text: str) -> None:
    found = labelled(engine, text, "naam")
    assert found
    assert all(len(name.split()[0]) > 2 for name in found), found


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Functie: magazijnmedewerker, werkgever: Coolblue, 32 uur per week.", "Coolblue"),
        ("Hij werkt 32 uur. Werkgever: Kwadraat Logistiek. Geen klachten.", "Kwadraat Logistiek"),
        ("Cliënt werkt als vakkenvuller (werkgever: Jumbo Veghel).", "Jumbo Veghel"),
        ("Woont zelfstandig; verhuurder: Woonbron, sinds maart.", "Woonbron"),
    ],
)
def test_an_organisation_field_inside_a_line(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Contactpersoon school: Ivo Bakkum.",  # after another word: a person
        "Woont zelfstandig; verhuurder: Jansen.",  # a private landlord
    ],
)
def test_a_field_inside_a_line_still_drops_persons(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []
    assert labelled(engine, text, "naam")


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Afspraak met de fysio van Zorggroep Zonnehof volgende week.", "Zorggroep Zonnehof"),
        ("De thuiszorg van Zorggroep Zonnehof komt langs.", "Zorggroep Zonnehof"),
    ],
)
def test_a_lower_case_kind_and_van_stay_out_of_the_organisation(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert labelled(engine, text, "instelling") == [organisation]


def test_a_capitalised_kind_stays_in_the_organisation(engine: PrivacyEngine) -> None:
    text = "Stichting Van Dam helpt met de administratie."
    assert labelled(engine, text, "instelling") == ["Stichting Van Dam"]


def test_a_name_after_a_role_says_so(engine: PrivacyEngine) -> None:
    # The reason names the kind of cue, not one word of it.
    spans = engine.spans("Haar dochter Marleen belt vanavond.")
    reasons = [s.reason for s in spans if s.text == "Marleen"]
    assert reasons == ["naam na een rol of familielid ('dochter', 'fysio')"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jongen (15) is gisteren weggelopen.", []),  # a boy, though "Jongen" is a surname
        ("Meisje (12) wil niet naar school.", []),
        ("Daan (15) is gisteren weggelopen.", ["Daan"]),
    ],
)
def test_a_noun_for_a_person_before_an_age_is_no_name(
    engine: PrivacyEngine, text: str, names: list[str]
) -> None:
    assert labelled(engine, text, "naam") == names
    assert len(labelled(engine, text, "leeftijd")) == 1


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Haar zoon van zes jaar speelt buiten.", ["zes jaar"]),
        ("Ze heeft een zoon van drie jaar en een dochter van vijf.", ["drie jaar", "vijf"]),
        ("De zoon van twee vrienden komt logeren.", []),
        ("Hij heeft een dochter van twintig jaar geleden niet gezien.", []),
    ],
)
def test_an_age_in_words_after_a_relation_and_van(
    engine: PrivacyEngine, text: str, ages: list[str]
) -> None:
    assert labelled(engine, text, "leeftijd") == ages


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("we zitten in de Grote Markt 3 boven de bakker", "Grote Markt 3"),
        ("ze woont Dorpsstraat 12 achter het gemeentehuis", "Dorpsstraat 12"),
        ("Adres: Kerkstraat 8 boven, de bel werkt niet", "Kerkstraat 8 boven"),
        ("Adres: Kerkstraat 8 achter", "Kerkstraat 8 achter"),
    ],
)
def test_a_floor_word_before_an_article_is_no_house_number(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    assert labelled(engine, text, "adres") == [address]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Gegevens: Jan Smit, 12-03-1950, 4471823, Kerkstraat 4", ["4471823"]),
        ("Jan Smit | 12-03-1950 | 4471823 | Utrecht", ["4471823"]),
        ("zorgdossier 771233 bijgewerkt", ["771233"]),
        # no row of data: a count in a sentence, a list without a full date
        ("Opgenomen 12-03-2024, 4471823 stappen gezet, fijn.", []),
        ("Stappen per week: 1234567, 2345678, 3456789", []),
    ],
)
def test_a_bare_number_in_a_row_of_data(
    engine: PrivacyEngine, text: str, numbers: list[str]
) -> None:
    assert labelled(engine, text, "nummer") == numbers


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Beste Stein,\n\nDank voor je bericht.", "Stein"),  # a first name and a place
        ("Beste Lisse,\n\nTot morgen.", "Lisse"),
    ],
)
def test_a_place_that_is_also_a_first_name_is_a_name_after_a_cue(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    assert labelled(engine, text, "naam") == [name]
    assert labelled(engine, text, "plaats") == []


def test_a_place_that_is_no_first_name_stays_a_place_after_a_cue(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Beste Utrecht,\n\nTot morgen.", "naam") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Lisse belde vanochtend over haar medicatie.", ["Lisse"]),
        ("Vanmiddag zei Stein dat hij moe was.", ["Stein"]),
        ("Stein heeft een mooi centrum.", []),  # no verb only a person does
        ("Utrecht belde over de aanbesteding.", []),  # a place that is no first name
    ],
)
def test_a_place_that_is_a_first_name_with_a_verb_of_a_person(
    engine: PrivacyEngine, text: str, names: list[str]
) -> None:
    assert labelled(engine, text, "naam") == names
