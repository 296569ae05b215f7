"""Found while merging round 14: a range of house numbers after a street named after a
title ("Sint Rémy 2-6") read as a day and a month, which left the street's name in the
pseudonymised text. All texts are fictional."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.test_round6 import _check_no_word_left


def _found(engine: PrivacyEngine, text: str) -> list[tuple[str, str]]:
    return [(span.label, span.text) for span in engine.analyse(text).spans]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Huisbezoek Sint Rémy 2-6: Errol deed open.", "Sint Rémy 2-6"),
        ("Huisbezoek Sint Remy 2-6, Errol deed open.", "Sint Remy 2-6"),
    ],
)
def test_a_range_of_house_numbers_after_a_title_street_is_no_date(
    engine: PrivacyEngine, text: str, street: str
) -> None:
    found = _found(engine, text)
    assert ("adres", street) in found
    assert not [text for label, text in found if label == "datum"]


def test_a_short_date_after_an_event_stays_a_date(engine: PrivacyEngine) -> None:
    assert ("datum", "2-6") in _found(engine, "Huisbezoek 2-6: Errol deed open.")
    assert ("datum", "4-5") in _found(engine, "Sint Maarten gevierd, opgenomen 4-5.")


def test_the_text_hypothesis_found_leaves_no_word_of_the_street(engine: PrivacyEngine) -> None:
    _check_no_word_left(
        engine,
        "mw. H.J. Kamińska-de Wit (11) is verhuisd naar de Professor Kraaijenhagenstraat "
        "210-212 in Schiedam. Huisbezoek Sint Rémy 2-6: Errol deed open, sleutelkluis werkt "
        "niet. Dhr. Baukje Tjon-A-Fong (99) is verhuisd naar de Sint Rémy 104-3 in Lelystad.",
    )
