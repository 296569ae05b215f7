"""Round 22 (inst22): institutions on new text, by the shape of the phrase. Made-up text;
every name, organisation and sentence is invented (the places are real towns, as the engine
reads them from deduce's list)."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # a found institution grows over the place of its office after a preposition
        (
            "De begeleiding loopt via Stichting Thuisbegeleiding Deventer, elke week.",
            "Stichting Thuisbegeleiding Deventer",
        ),
        # a kind word (an adjective before it) or a brand's shape before a found place
        ("Zij heeft contact met Ambulant Team Zutphen over de medicatie.", "Ambulant Team Zutphen"),
        ("Hij krijgt hulp van Sociaal Team Nijkerk sinds maart.", "Sociaal Team Nijkerk"),
        ("Afspraak bij VoetZorg Meppel, donderdag.", "VoetZorg Meppel"),
        ("Overleg met Regionaal Bureau Tiel over de aanvraag.", "Regionaal Bureau Tiel"),
    ],
)
def test_an_organisation_and_the_place_of_its_office(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a heading: a hospital and its town written as two
        ("Isala Zwolle, afdeling Cardiologie", "Zwolle"),
        # places with no organisation before them
        ("Zij gaat naar Deventer en daarna naar Zwolle.", "Deventer"),
    ],
)
def test_a_place_that_stays_a_place(engine: PrivacyEngine, text: str, place: str) -> None:
    assert place in labelled(engine, text, "plaats")


def test_a_person_before_a_place_is_no_organisation(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Hij woont sinds mei bij Petra Zwolle.", "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # a lower-case kind of care before a word shaped as a place's name, in chats
        ("ze ligt op de seh van ziekenhuis rijnwaard", "ziekenhuis rijnwaard"),
        ("eerst via jeugdteam molenbroekhof, dan kijken", "jeugdteam molenbroekhof"),
        ("hij zit bij zorgverzekeraar zeehaven toch?", "zorgverzekeraar zeehaven"),
        ("medicijnen ophalen bij apotheek kerkzicht", "apotheek kerkzicht"),
        ("oogkliniek ijsselmond belde", "oogkliniek ijsselmond"),
        # ... or before a place of deduce's list, also after "regio"
        ("mam gaat naar thuiszorg regio meppel vragen", "thuiszorg regio meppel"),
    ],
)
def test_a_lower_case_kind_before_a_place_shaped_name(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "de apotheek kerkzicht belde",  # an article before the kind: a kind, not a name
        "wijkteam zwolle komt morgen",  # a team and its town: a branch and a place
        "school sportveld nat",  # no school: plain compounds follow it
        "we gaan met school schoolkamp houden",
        "ziekenhuis opname gepland",
    ],
)
def test_no_lower_case_kind_name_here(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # a practice's own name before its discipline, a person's name too
        ("Zij is aangemeld bij Wessem Jeugdhulp in Alkmaar.", "Wessem Jeugdhulp"),
        ("Aan: Korvink Psychologie, Utrecht", "Korvink Psychologie"),
        ("Ontslagbrief, Amalia Revalidatie, Den Haag", "Amalia Revalidatie"),
        ("De behandeling loopt bij Bakker Logopedie sinds mei.", "Bakker Logopedie"),
    ],
)
def test_a_name_before_its_care_discipline(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "Start Geriatrische Revalidatie op afdeling 3.",  # kinds of care, adjectives
        "Aanmelding Specialistische Jeugdhulp volgt.",
        "Zij kreeg Ambulante Jeugdhulp thuis.",
        "Met Cognitieve Revalidatie gestart.",
        "Afdeling Revalidatie belde",  # a kind before the discipline
        "Verwijsbrief Logopedie voor dhr. Smit",  # a heading's document word
        "Zij studeert Master Psychologie aan de universiteit.",  # frequent words
        "Na het Consult Logopedie volgt een verslag.",
        "Dit valt onder Sectie Jeugdhulp van de gemeente.",
    ],
)
def test_no_practice_before_a_discipline(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # a lower-case compound of a club, society, house or centre before "De/Het" + name
        ("wil wel naar de maaltijd in dorpshuis De Ploeg op vrijdag.", "dorpshuis De Ploeg"),
        ("heeft gezwommen bij zwemclub De Zeehond. Daarna moe.", "zwemclub De Zeehond"),
        ("ze zit bij tennisvereniging De Kaatsers sinds mei", "tennisvereniging De Kaatsers"),
        # a court in lower case before its town, in a chat
        ("de zitting is om 10.15 in rechtbank arnhem. ik ben daar ook", "rechtbank arnhem"),
        # "van" inside an institution's name is a whole word: not the start of "vandaag"
        ("koffie in wijkcentrum De Kiezel vandaag", "wijkcentrum De Kiezel"),
    ],
)
def test_a_house_or_club_after_its_lower_case_kind(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


def test_a_surname_with_its_article_after_a_house_is_no_club(engine: PrivacyEngine) -> None:
    assert labelled(engine, "ze bezoekt het ouderlijk huis De Jong", "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # deduce's name grown over a lower-case "van" before an organisation
        ("De voogd van Gezinsvoogdij Rijn & Lek komt op bezoek.", "Gezinsvoogdij Rijn & Lek"),
        ("Ze belde met de teamleider van Het Kompas. Gesprek volgt.", "Het Kompas"),
    ],
)
def test_an_organisation_after_van(engine: PrivacyEngine, text: str, institution: str) -> None:
    assert labelled(engine, text, "instelling") == [institution]


def test_a_person_after_van_stays_a_person(engine: PrivacyEngine) -> None:
    text = "De dochter van Jan de Vries belt."
    assert labelled(engine, text, "instelling") == []
    assert labelled(engine, text, "naam") != []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # capitalised adjectives before a found institution are part of its name
        ("Sociaal Raadsliedenwerk Hoorn\nKerkstraat 4", "Sociaal Raadsliedenwerk Hoorn"),
        ("Hij gaat naar Psychiatrisch Ziekenhuis Zonnehof.", "Psychiatrisch Ziekenhuis Zonnehof"),
        # a letter's kind in a heading is not
        (
            "Verwijsbrief Huisartsenpraktijk Kanaalzicht\nGeachte collega,",
            "Huisartsenpraktijk Kanaalzicht",
        ),
    ],
)
def test_adjectives_before_an_institution(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


def test_a_lower_case_kind_before_a_lower_case_institution(engine: PrivacyEngine) -> None:
    text = "ik rij erheen. bel jij huisartsenpost gelderse vallei? 0900 - 880 12 34"
    assert labelled(engine, text, "instelling") == ["huisartsenpost gelderse vallei"]


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # a line of a person, a role and the employer
        (
            "Met vriendelijke groet,\nMarloes Hendriks, casemanager dementie, De Zorgwaaier",
            "De Zorgwaaier",
        ),
        (
            "Groet,\nP. de Wit, huisarts, Huisartsenpraktijk Zuidwal\nKade 3",
            "Huisartsenpraktijk Zuidwal",
        ),
    ],
)
def test_the_employer_after_a_person_and_a_role(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "Groet,\nP. de Wit, huisarts, Rotterdam",  # a place stays a place
        "Hallo,\nIk ben moe, echt moe, Geen Idee",  # no person opens the line
        "Groet,\nAnna Smit, stagiair, Team Noord",  # plain words
    ],
)
def test_no_employer_on_such_a_line(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []
