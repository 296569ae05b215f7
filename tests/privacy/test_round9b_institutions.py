"""Round 9b: organisations of kinds the engine missed (forensic and GGZ care, maternity care,
debt counselling, schools, municipal desks, companies; lower-case names in chats; one word
after a verb of working or admission). A positive and a negative test for each rule, on
made-up text: every organisation, name and street here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Hij werd overgeplaatst naar FPC De Bolder voor verdere behandeling.", "FPC De Bolder"),
        ("Opgenomen op de HIC Noordwijk na een crisis.", "HIC Noordwijk"),
        (
            "De Penitentiaire Inrichting Almelo belde over het bezoek.",
            "Penitentiaire Inrichting Almelo",
        ),
        (
            "Bevalling begeleid door Verloskundigen Duinrand, alles verliep goed.",
            "Verloskundigen Duinrand",
        ),
        ("Verslag van Kredietbank Salland over de schuldregeling.", "Kredietbank Salland"),
        ("Brief van Incassobureau Smit & Co ontvangen over de huur.", "Incassobureau Smit & Co"),
        ("Zoon zit op Daltonschool De Boog in groep 5.", "Daltonschool De Boog"),
        ("Melding gedaan bij Meldpunt Zorg Oost over de situatie thuis.", "Meldpunt Zorg Oost"),
        ("Zij logeert een weekend per maand in Logeerhuis De Kei.", "Logeerhuis De Kei"),
        ("Zorgteam Noord-Oost komt dagelijks langs.", "Zorgteam Noord-Oost"),
        ("Het uitje naar Vakantiepark De Twee Bruggen was fijn.", "Vakantiepark De Twee Bruggen"),
        (
            "Huisarts: Huisartsenpraktijk Aan de Brink, tel. volgt",
            "Huisartsenpraktijk Aan de Brink",
        ),
        (
            "Ambulante Woonbegeleiding Rietland meldt een incident.",
            "Ambulante Woonbegeleiding Rietland",
        ),
    ],
)
def test_an_organisation_after_a_new_kind_word(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


def test_a_kind_word_in_lower_case_stays_outside_the_name(engine: PrivacyEngine) -> None:
    text = "Hij werkt via uitzendbureau Werkvast in de haven."
    assert labelled(engine, text, "instelling") == ["Werkvast"]


def test_a_name_read_over_a_kind_keeps_only_the_person(engine: PrivacyEngine) -> None:
    text = "Dominee Bakels van de Gereformeerde Kerk Oosterhout kwam langs."
    assert labelled(engine, text, "instelling") == ["Gereformeerde Kerk Oosterhout"]
    assert labelled(engine, text, "naam") == ["Bakels"]


@pytest.mark.parametrize(
    "text",
    [
        "Post naar kantoor Beukenhorst 12, Zwolle.",  # a street and a number, no organisation
        "Kantoor Maandag gesloten wegens scholing.",  # a weekday
        "Overleg met Verloskundigen Irene over de voeding.",  # a first name alone: a person
    ],
)
def test_no_organisation_after_a_kind_word_where_none_is_named(
    engine: PrivacyEngine, text: str
) -> None:
    assert not any(
        part in labelled(engine, text, "instelling")
        for part in ("kantoor Beukenhorst", "Kantoor Maandag", "Verloskundigen Irene")
    )


def test_a_name_before_ggz(engine: PrivacyEngine) -> None:
    text = "Aanmelding bij Duinzicht GGZ voor behandeling van de angst."
    assert labelled(engine, text, "instelling") == ["Duinzicht GGZ"]


def test_no_name_before_ggz_where_a_kind_of_care_stands(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Overleg GGZ gepland voor volgende week.", "instelling") == []
    text = "Na de intake volgt Generalistische GGZ in de wijk."
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("ik haal het op bij apotheek de linde\nok top", "apotheek de linde"),
        ("thuiszorg de zwaluw komt om 8 uur\noke", "thuiszorg de zwaluw"),
        ("wie doet de zorg daar\nzorgpunt westkant denk ik", "zorgpunt westkant"),
        ("mw gaat naar woonzorgcentrum sint pieter\nok", "woonzorgcentrum sint pieter"),
    ],
)
def test_a_care_provider_in_lower_case_in_a_chat(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "ik ga naar de apotheek de medicijnen halen\nok",  # an article before: a kind
        "ik bel ziekenhuis het liefst morgen\nok",  # an adverb, no name
        "school de hele week dicht\nbalen",
    ],
)
def test_no_lower_case_care_provider_without_a_name(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Zij werkt sinds vorig jaar bij Odilia als vrijwilliger.", "Odilia"),  # a first name
        ("hij werkt bij zorgvlinder in de tuin\nnice", "zorgvlinder"),
        ("Zij is vorige week opgenomen in Bergstede.", "Bergstede"),
    ],
)
def test_one_word_after_a_verb_of_work_or_admission(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Hij werkt bij Jansen in de tuin.",  # a surname: a person
        "Zij verblijft in Zwolle bij haar zus.",  # a place
        "hij werkt bij jan in de winkel\nok",  # a first name in lower case: a person
        "Moeder verblijft in detentie tot het voorjaar.",  # a lower-case word after "in"
    ],
)
def test_no_organisation_after_a_verb_where_a_person_or_place_stands(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "instelling") == []


def test_a_branch_named_by_a_compass_word(engine: PrivacyEngine) -> None:
    text = "Van: Jeugdbescherming Noord, Petra Smit"
    assert labelled(engine, text, "instelling") == ["Jeugdbescherming Noord"]
    chat = "ok school (vondelcollege west) heeft gebeld\nprima"
    assert labelled(engine, chat, "instelling") == ["vondelcollege west"]


def test_no_branch_without_a_kind_word(engine: PrivacyEngine) -> None:
    assert labelled(engine, "De wind komt uit het noord west vandaag.", "instelling") == []


def test_a_lower_case_provider_is_not_swallowed_by_a_name(engine: PrivacyEngine) -> None:
    text = "overleg met petra de wit van obs de linde over de indicatie"
    assert labelled(engine, text, "instelling") == ["obs de linde"]
    assert labelled(engine, text, "naam") == ["petra de wit"]


@pytest.mark.parametrize(
    ("text", "organisation", "person"),
    [
        (
            "Ontdekt door wijkverpleegkundige Marloes van Zorgkracht. INR gecontroleerd.",
            "Zorgkracht",
            ["Marloes"],
        ),
        ("Contact met casemanager bij Levenskunst.", "Levenskunst", []),
    ],
)
def test_an_organisation_after_a_care_professional(
    engine: PrivacyEngine, text: str, organisation: str, person: list[str]
) -> None:
    assert labelled(engine, text, "instelling") == [organisation]
    assert labelled(engine, text, "naam") == person


@pytest.mark.parametrize(
    "text",
    [
        "Gesprek met begeleider van Jan.",  # a first name: a person
        "Gesprek met casemanager Ellen van Leeuwen.",  # a surname with "van"
        "Dochter Lotte van Gerrit belt morgen.",  # a relation, no professional
    ],
)
def test_no_organisation_after_a_professional_where_a_person_stands(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "instelling") == []


def test_a_firm_that_gives_a_service(engine: PrivacyEngine) -> None:
    text = "Afspraak met tolk via Tolkpunt Plus. Daarna naar huis."
    assert labelled(engine, text, "instelling") == ["Tolkpunt Plus"]


def test_no_firm_after_a_service_where_a_person_or_place_stands(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Vervoer via Deventer.", "instelling") == []
    assert labelled(engine, "Tolk via Fatima, de buurvrouw.", "instelling") == []
