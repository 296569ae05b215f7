"""Round 21 (lead): Frisian street words ("Haitsmawei", "Tsjerkestrjitte", "Sédyk") are street
words, also in lower case in a quick note; a street named after a title with "in" before an
article is whole ("Burgemeester in 't Veldpark 40"); "Max" before an amount that is no age
is "maximaal" ("Max 5 zinnen"), not the first name; a first name and a word no list knows
right after a lower-case article is a product, not a person ("met de Sara Stedy").
Made-up text; every name here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Mevrouw woont aan de Pastoar Jelsmawei 7 te Wommels.", ["Pastoar Jelsmawei 7"]),
        ("Nieuw adres: Tsjerkestrjitte 14, Dokkum.", ["Tsjerkestrjitte 14"]),
        ("Hij verhuist naar de Sédyk 12a in Workum.", ["Sédyk 12a"]),
        ("Route: mw op fjildwei 3 en dhr op de mounleane 9", ["fjildwei 3", "mounleane 9"]),
        ("Spreekuur aan de Skoalleane 2-4 in Grou.", ["Skoalleane 2-4"]),
        (
            "Praktijk aan de Burgemeester in 't Hofpark 40, Zaandam.",
            ["Burgemeester in 't Hofpark 40"],
        ),
        ("Kantoor: Dokter in de Betouwstraat 3, Tiel.", ["Dokter in de Betouwstraat 3"]),
    ],
)
def test_frisian_streets_and_in_before_an_article_are_whole(
    engine: PrivacyEngine, text: str, addresses: list[str]
) -> None:
    assert labelled(engine, text, "adres") == addresses


@pytest.mark.parametrize(
    "text",
    [
        "Wonen in de Kerkstraat 5 vindt zij fijn.",  # "Wonen in" is no part of the street
        "De koeien staan in de wei, 3 keer per dag gemolken.",
    ],
)
def test_in_and_wei_stay_out_where_no_street_is_meant(engine: PrivacyEngine, text: str) -> None:
    assert all(not a.startswith(("Wonen", "in ")) for a in labelled(engine, text, "adres"))
    assert "wei" not in " ".join(labelled(engine, text, "adres"))


@pytest.mark.parametrize(
    "text",
    [
        "Kun je dit korter maken? Max 5 zinnen, zakelijk.",
        "Paracetamol max. 3 keer per dag, max 4 gram.",
        "Bezoek max 2 personen tegelijk.",
    ],
)
def test_max_before_an_amount_is_no_name(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Max (5) speelde buiten.", ["Max"]),
        ("Max belde om 5 uur over de planning.", ["Max"]),
    ],
)
def test_max_as_a_name_stays(engine: PrivacyEngine, text: str, names: list[str]) -> None:
    assert labelled(engine, text, "naam") == names


@pytest.mark.parametrize(
    "text",
    [
        "Transfer met de Sara Stedy ging goed.",
        "Met twee collega's en de Sara Flex naar de douche.",
    ],
)
def test_a_product_after_a_lower_case_article_is_no_name(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Vandaag met de Sara Jansen gesproken.", ["Sara Jansen"]),  # a known surname
        ("Sara Stedy belde over haar moeder.", ["Sara Stedy"]),  # no article before
    ],
)
def test_a_name_after_an_article_with_a_known_surname_stays(
    engine: PrivacyEngine, text: str, names: list[str]
) -> None:
    assert labelled(engine, text, "naam") == names
