"""Round 22 (inst22b): institutions whose name ends in a town of more words. Made-up text;
every person, organisation and sentence is invented (the towns are real, as the engine reads
them from deduce's list)."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Aan: huisarts P. Veldkamp, Huisartsen Bergen aan Zee", "Huisartsen Bergen aan Zee"),
        (
            "Aan: Huisartsenpraktijk Alphen aan den Rijn, t.a.v. dr. Smit",
            "Huisartsenpraktijk Alphen aan den Rijn",
        ),
        (
            "Verwijzing naar Fysiotherapie Egmond aan Zee voor de knie.",
            "Fysiotherapie Egmond aan Zee",
        ),
        (
            "Afspraak bij Thuiszorg Bergen op Zoom volgende week.",
            "Thuiszorg Bergen op Zoom",
        ),
    ],
)
def test_an_organisation_grows_over_the_rest_of_its_town(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]
    assert labelled(engine, text, "plaats") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # not a town of the list: the words after the organisation stay out
        ("Huisartsen Bergen aan het werk, geen nieuwe info.", "Huisartsen Bergen"),
        ("Stichting Welzijn Alphen aan Tafel kookt.", "Stichting Welzijn Alphen"),
        ("Contact met Wijkteam Bergen over Zorg en de buurt.", "Wijkteam Bergen"),
    ],
)
def test_no_town_no_growth(engine: PrivacyEngine, text: str, institution: str) -> None:
    assert labelled(engine, text, "instelling") == [institution]


def test_a_town_alone_stays_a_place(engine: PrivacyEngine) -> None:
    text = "Zij woont in Bergen aan Zee sinds 2010."
    assert labelled(engine, text, "plaats") == ["Bergen aan Zee"]
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # an insurer's abbreviation between "polisnummer" and the number
        ("Polisnummer VGZ P-70412889.", ["VGZ"]),
        # no abbreviation, or no number after it
        ("Polisnummer P-70412889 is bekend.", []),
        ("Polisnummer: ONBEKEND", []),
    ],
)
def test_an_insurer_before_the_policy_number(
    engine: PrivacyEngine, text: str, institution: list[str]
) -> None:
    assert labelled(engine, text, "instelling") == institution
