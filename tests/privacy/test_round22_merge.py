"""Round 22, at the merge (lead): "Weg naar Laren 12" (addr22) took "Hof naar de Sint
Annastraat 14" as one street, the end of a surname ("van 't Hof") and the street after it;
the property test of whole spans found it. Made-up text; every name here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "addresses", "names"),
    [
        (
            "Verhuizing van Mevr. Fatima van 't Hof naar de Sint Annastraat 14 gepland.",
            ["Sint Annastraat 14"],
            ["Fatima van 't Hof"],
        ),
        ("Hof naar de Sint Annastraat 14", ["Sint Annastraat 14"], []),
        ("Ze woont aan de Weg naar Laren 12 in Blaricum.", ["Weg naar Laren 12"], []),
        ("Bezoek aan Laan van Meerdervoort 1023.", ["Laan van Meerdervoort 1023"], []),
    ],
)
def test_a_way_to_a_place_is_a_street_but_not_after_a_surname(
    engine: PrivacyEngine, text: str, addresses: list[str], names: list[str]
) -> None:
    assert labelled(engine, text, "adres") == addresses
    assert labelled(engine, text, "naam") == names
