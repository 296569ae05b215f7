"""Round 22b (speed22b): INSTITUTION_BEFORE_KIND scanned only where a kind stands, from the
line of the first kind on; the same matches as the whole-text scan.

All sentences here are made up (fictional people, places and institutions).
"""

from __future__ import annotations

import pytest

from carai.privacy import patterns
from tests.privacy.helpers import tuning_texts

_SENTENCES = [
    "Mevr. Jansen is opgenomen in het Sint Antonius Ziekenhuis Utrecht.",
    "Geen instelling genoemd.\nWel een bezoek aan De Linde Zorg vandaag.",
    "Eerste regel\nTweede regel met Medisch\nCentrum erna.\nHet Medisch Centrum Veldhoven belde.",
    "Jan gaat naar school. Piet Kliniek? Vriezen Apotheek\nDe Berg Groep",
    "zorg en ziekenhuis in kleine letters, geen kind met hoofdletter",
]


def _found(text: str) -> list[tuple[int, int]]:
    return [
        (c.start, c.end)
        for c in patterns.find_institutions(text)
        if c.reason == "naam van een organisatie" and c.priority == patterns.PATTERN
    ]


def _whole(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in patterns.INSTITUTION_BEFORE_KIND.finditer(text)]


@pytest.mark.parametrize("text", _SENTENCES)
def test_same_matches_as_whole_scan_on_sentences(text: str) -> None:
    assert set(_whole(text)) <= set(_found(text))
    kind = patterns._CAPITAL_KIND_OF_INSTITUTION.search(text)
    if kind is None:
        assert _whole(text) == []


def test_same_matches_as_whole_scan_on_tuning_texts() -> None:
    for text in tuning_texts():
        kind = patterns._CAPITAL_KIND_OF_INSTITUTION.search(text)
        if kind is None:
            assert _whole(text) == [], text[:60]
            continue
        line = text.rfind("\n", 0, kind.start()) + 1
        shifted = [
            (line + m.start(), line + m.end())
            for m in patterns.INSTITUTION_BEFORE_KIND.finditer(text[line:])
        ]
        assert shifted == _whole(text), text[:60]
