"""Round 10c: organisations and places of kinds the engine missed (municipal desks, UMCs and
schools by kind; a name before "UMC" or joined to "-poli"; the house or team in a report's
heading; a letterhead; an organisation under a signature; one word after a verb of
referral; the place after a street and house number). A positive and a negative test for
each rule, on made-up text: every organisation, name and street here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Het Sociaal Domein Meppel vraagt om de stukken.", "Sociaal Domein Meppel"),
        ("Met spoed vervoerd naar UMC Rietkraag, daar opgenomen.", "UMC Rietkraag"),
        ("Hij volgt de opleiding bij MBO College Oostrand.", "MBO College Oostrand"),
        ("Zijn zus zit op Lyceum De Windroos in de derde klas.", "Lyceum De Windroos"),
        ("Overgeplaatst naar Kinderhospice De Korenbloem.", "Kinderhospice De Korenbloem"),
    ],
)
def test_an_organisation_after_a_kind_of_round_10c(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Het Lyceum Vandaag is een lesprogramma over AI.",  # a common word: no name
        "Overleg met UMC Anneke over de uitslag.",  # a first name alone
    ],
)
def test_no_organisation_after_a_kind_without_a_name(engine: PrivacyEngine, text: str) -> None:
    found = labelled(engine, text, "instelling")
    assert "Lyceum Vandaag" not in found
    assert "UMC Anneke" not in found


def test_a_name_before_umc(engine: PrivacyEngine) -> None:
    text = "Noord-Rietkraag UMC - locatie Zuid\nOntslagbrief Longziekten"
    assert "Noord-Rietkraag UMC" in labelled(engine, text, "instelling")


def test_no_name_before_umc_where_a_kind_stands(engine: PrivacyEngine) -> None:
    text = "Het Academisch UMC heeft een nieuwe afdeling."
    assert "Academisch UMC" not in labelled(engine, text, "instelling")


def test_a_name_joined_to_a_department(engine: PrivacyEngine) -> None:
    text = "tim: de sleutel ligt bij de balie van de Marelhof-poli\nsara: top"
    assert "Marelhof" in labelled(engine, text, "instelling")


def test_a_speciality_joined_to_a_department_is_no_organisation(engine: PrivacyEngine) -> None:
    text = "Afspraak op de Cardiologie-poli om tien uur."
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Rapportage De Vennehof - ma 3/2\nRustige dag gehad.", "De Vennehof"),
        ("Rapportage Ons Groene Dak - di 4/2\nRustige dag.", "Ons Groene Dak"),
        ("Verslag teamoverleg Lindehoeve Oost\nAanwezig: het hele team.", "Lindehoeve Oost"),
    ],
)
def test_the_house_or_team_in_a_report_heading(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Rapportage Avonddienst - ma 3/2\nRustig verlopen.",  # a shift
        "Teamoverleg Wijkverpleging: nieuwe werkwijze besproken.",  # a kind of care
        "Dagrapportage PG-afdeling, ochtenddienst. Rustig.",  # a department
        "Rapportage Maandag\nGeen bijzonderheden.",  # a weekday
    ],
)
def test_no_organisation_in_a_heading_without_one(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


def test_a_heading_with_a_clients_name_gives_no_organisation(engine: PrivacyEngine) -> None:
    text = "Rapportage Gerrit Vosselman - wo 5/2\nHeeft goed gegeten."
    assert labelled(engine, text, "instelling") == []


def test_a_letterhead_names_the_organisation(engine: PrivacyEngine) -> None:
    text = "Ontslagbericht\nRietkraag Deventer, afd. Longziekten\nBetreft: dhr. Kamp"
    assert "Rietkraag" in labelled(engine, text, "instelling")


def test_a_letterhead_with_a_person_is_no_organisation(engine: PrivacyEngine) -> None:
    text = "Annelies Deventer, afd. Longziekten\nBetreft: dhr. Kamp"
    assert "Annelies" not in labelled(engine, text, "instelling")


def test_an_organisation_under_a_signature(engine: PrivacyEngine) -> None:
    text = "Graag voor vrijdag terugbellen.\n\nGroet,\nMieke\nBremzorg"
    assert "Bremzorg" in labelled(engine, text, "instelling")


def test_a_kind_of_care_under_a_signature_is_no_organisation(engine: PrivacyEngine) -> None:
    text = "Graag voor vrijdag terugbellen.\n\nGroet,\nMieke\nWijkzorg"
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Zij is aangemeld bij Kompaan en wacht op een intake.", "Kompaan"),
        ("hij is sinds mei in zorg bij lindehoeve.", "lindehoeve"),
        ("Doorverwezen naar Rietkraag.", "Rietkraag"),
    ],
)
def test_one_word_after_a_verb_of_referral(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Zij is verwezen naar Anneke voor de intake.",  # a first name: a person
        "Hij is aangemeld bij Jansen.",  # a surname: a person
        "Zij is doorverwezen naar huisarts.",  # a kind, no name
        "Hij is verwezen naar Meppel.",  # a place
    ],
)
def test_no_organisation_after_a_verb_of_referral(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


def test_the_place_after_a_street_and_house_number(engine: PrivacyEngine) -> None:
    text = "adres is hazelaarweg 14 b meppel bel aan bij de buren"
    assert "meppel" in labelled(engine, text, "plaats")


def test_no_place_after_a_number_without_a_street(engine: PrivacyEngine) -> None:
    text = "Zij kreeg 2 tabletten tegen de pijn en sliep om 4 uur."
    assert labelled(engine, text, "plaats") == []
