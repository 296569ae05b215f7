"""Round 21 (inst21): institutions. A name found as a person's that opens with an
organisation's kind ("Arbodienst Noordkust") is an institution; lower-case kinds in chats
before a rare plain word ("apotheek de hoeksteen"); a compound kind found alone grows over
the name after it ("Omgangshuis Tiel"), any institution over "&" and a word ("Kapsalon
Knip&Go"); a letter's addressee field ("Aan: Huisartsengroep Molenhoek,"). The rule for a
kind before one word no list knows ("apotheek kerkeveld") was left out at the merge: it put
a span into a blind clean text. Made-up text; every name is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Zijn werkgever, Metaalbedrijf Hoekstra, is op de hoogte.", "Metaalbedrijf Hoekstra"),
        ("De bedrijfsarts van Arbodienst Noordkust belt volgende week.", "Arbodienst Noordkust"),
        ("Zij werkt bij Drukkerij Vermeulen in de ochtend.", "Drukkerij Vermeulen"),
        ("Mw. verhuist naar Verpleeghuis Hof ter Linde.", "Verpleeghuis Hof ter Linde"),
        ("Contact met de imam van Stichting Moskee Al Fajr.", "Stichting Moskee Al Fajr"),
        ("Tijdelijke hulp via Zorgkracht Drenthe.", "Zorgkracht Drenthe"),
    ],
)
def test_a_name_opening_with_a_kind_is_an_institution(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kraamzorg Sanne komt morgen langs.", "Kraamzorg Sanne"),
        ("Nazorg Petra belt vanmiddag terug.", "Nazorg Petra"),
        ("Zij sprak met Anna de Groot over de planning.", "Anna de Groot"),
    ],
)
def test_a_kind_before_a_first_name_stays_a_person(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    assert labelled(engine, text, "naam") == [name]
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("ff naar apotheek de hoeksteen bellen", "apotheek de hoeksteen"),
        ("wil niet meer naar dagopvang de klaproos", "dagopvang de klaproos"),
        ("het is praktijk de linde toch", "praktijk de linde"),
    ],
)
def test_lower_case_kinds_before_a_rare_word(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "apotheek zei dat het recept nog niet binnen was",
        "ziekenhuis opgenomn gisteravond",
        "thuiszorg helaaas niet geweest",
        "op school paniekaanvallen gehad",
        "school appje gestuurd",
        "ze moet naar de apotheek morgen",
        "thuiszorg anouk komt om 8",
        "wijkteam heeft gebeld over de aanvraag",
    ],
)
def test_lower_case_kinds_before_plain_words_slips_and_names_stay_out(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Het bezoek vond plaats bij Omgangshuis Tiel aan de Kerkstraat.", "Omgangshuis Tiel"),
        ("Mevrouw logeert in Respijthuis De Weidevogel.", "Respijthuis De Weidevogel"),
        ("Boodschappen via Vrijwilligersgroep Noaberhulp.", "Vrijwilligersgroep Noaberhulp"),
        ("Breng de kratten naar Dorpshuis 't Trefpunt.", "Dorpshuis 't Trefpunt"),
        ("Hij knipt zijn haar bij Kapsalon Knip&Go.", "Kapsalon Knip&Go"),
        ("De voogd van Jeugdzorg Maas & Waal komt dinsdag.", "Jeugdzorg Maas & Waal"),
    ],
)
def test_a_lone_kind_grows_over_its_name_and_over_an_ampersand(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    ("text", "institutions"),
    [
        (
            "Aan: Huisartsengroep Molenhoek, Postbus 12, 5300 AA Zaltbommel",
            ["Huisartsengroep Molenhoek"],
        ),
        (
            "Aan: Centrum Jeugdtandzorg Rivierenland\nDatum: 3 mei",
            ["Centrum Jeugdtandzorg Rivierenland"],
        ),
        ("Aan: Afdeling Interne Geneeskunde\nBetreft: controle", []),
        ("Aan: Team Noord, Locatie West\nBetreft: rooster", []),
        ("Aan: Cor Jansen, Dorpsstraat 3", []),
    ],
)
def test_an_addressee_field_names_an_organisation(
    engine: PrivacyEngine, text: str, institutions: list[str]
) -> None:
    assert labelled(engine, text, "instelling") == institutions
