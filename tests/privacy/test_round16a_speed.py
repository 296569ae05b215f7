"""Round 16a (privspeed4): cheaper own rules with the same spans.

- ``_left_word`` starts the search of ``_LEFT_WORD`` after the last character no match can
  hold: the same match on every window, from real text and from random text.
- ``_grow_name`` looks at the left side once per start: a name that grows on the right and
  then on the left is still grown as before.
"""

from __future__ import annotations

import random

import pytest

from carai.privacy import PrivacyEngine
from carai.privacy.engine import _LEFT_WORD, _left_word
from tests.privacy.helpers import tuning_texts


def _same(window: str) -> bool:
    old, new = _LEFT_WORD.search(window), _left_word(window)
    if old is None or new is None:
        return old is new
    return old.span() == new.span() and old.groups() == new.groups()


@pytest.mark.parametrize(
    "window",
    [
        "Gesprek met Jan van der ",
        "dochter (Anna) de ",
        "om 10:00 Piet ",
        "zie 3b Kees v.d. ",
        "A. ",
        "d'Artagnan ",
        "",
        " ",
        "Jan\n",
        "Jan van\n",
        "12-03 Els ten ",
        "mevr. O\u2019Brien de ",
        "_x Ad ",
    ],
)
def test_left_word_same_match(window: str) -> None:
    assert _same(window)


def test_left_word_same_match_on_tuning_text() -> None:
    """Every window before a space or line end in the tuning sets (no held-out set)."""
    checked = 0
    for text in tuning_texts(40):
        for end in range(1, len(text) + 1):
            if text[end - 1] in " \n":
                assert _same(text[max(0, end - 40) : end]), text[max(0, end - 40) : end]
                checked += 1
    assert checked > 1000


def test_left_word_same_match_on_random_text() -> None:
    chars = "aAbBdDeEjJnNrRtTvV  ..--''\u2019\n12_,()é\u0130\u212a"
    rng = random.Random(16)
    for _ in range(20000):
        window = "".join(rng.choice(chars) for _ in range(rng.randint(0, 40)))
        assert _same(window), window
        assert _same(window + " "), window


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        (
            "Gesprek met mevrouw Fatima El Amrani-de Wit over de zorg.",
            "Amrani",
            "Fatima El Amrani-de Wit",
        ),
        ("Overleg met P.J. (Pieter) Dekker-Smit gehad.", "Dekker", "P.J. (Pieter) Dekker-Smit"),
        ("Vandaag belde Wim ter Steege-Jansen terug.", "Steege", "Wim ter Steege-Jansen"),
        ("Naam: Gerritdina B. Hofstee-Kramer", "Hofstee", "Gerritdina B. Hofstee-Kramer"),
        ("Met A. Ben Yahia-Bakker gebeld.", "Yahia", "A. Ben Yahia-Bakker"),
    ],
)
def test_grow_name_right_then_left(engine: PrivacyEngine, text: str, part: str, whole: str) -> None:
    """The name grows on the right first ("-Smit"), then on the left from the same start:
    the left side, looked at once per start, still joins."""
    start = text.index(part)
    grown = engine._grow_name(text, start, start + len(part))
    assert text[grown[0] : grown[1]] == whole
