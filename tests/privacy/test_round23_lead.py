"""Round 23 (lead): what the page says of a phone number. Every number here is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine


@pytest.mark.parametrize(
    ("text", "number", "reason"),
    [
        ("zus in Polen: +48 512 345 678", "+48 512 345 678", "buitenlands telefoonnummer"),
        ("broer, 0032 470 12 34 56", "0032 470 12 34 56", "buitenlands telefoonnummer"),
        ("oom op Curaçao +599 9 461 2345", "+599 9 461 2345", "buitenlands telefoonnummer"),
        ("dochter +31 6 1234 5678", "+31 6 1234 5678", "Nederlands telefoonnummer"),
        ("dochter (+31) 6 4123 7788", "(+31) 6 4123 7788", "Nederlands telefoonnummer"),
        ("dochter 0031 6 1234 5678", "0031 6 1234 5678", "Nederlands telefoonnummer"),
        ("bel 06-12345678", "06-12345678", "Nederlands telefoonnummer"),
        ("tel. (020) 5551234", "(020) 5551234", "Nederlands telefoonnummer"),
    ],
)
def test_a_foreign_country_code_makes_a_foreign_number(
    engine: PrivacyEngine, text: str, number: str, reason: str
) -> None:
    phones = [(s.text, s.reason) for s in engine.spans(text) if s.label == "telefoon"]
    assert phones == [(number, reason)]
