"""Round 17c (speednames): cheaper name rules with the same spans.

Each shortcut finds the same matches as the scan it replaces: on hand-made edge cases, on
every text of the tuning sets (no held-out set) and on random text built from the
characters that matter.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carai.privacy import engine, patterns

SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "privacy"


def _tuning_texts() -> Iterator[str]:
    for path in sorted(SETS.glob("*.jsonl")):
        if "holdout" in path.name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]


def _random_texts(alphabet: str, count: int = 3000, seed: int = 17) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))


def _spans(matches: Iterator[re.Match[str]] | list[re.Match[str]]) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups(), m.regs) for m in matches]


# the line-anchored scans, each with the starts it is tried at
_FROM_STARTS: list[tuple[re.Pattern[str], Callable[[str], list[int]]]] = [
    (engine._NAME_UNDER_CLOSING, engine._line_starts),
    (engine._NAME_AFTER_PERSON_LABEL, engine._line_starts),
    (engine._LOWER_NAME_UNDER_CLOSING, engine._line_starts),
    (engine._SPEAKER_LABEL, engine._line_starts),
    (engine._SPEAKER_TIME_LINE, engine._line_starts),
    (
        engine._PERSON_LABEL_LINE,
        lambda text: [0, *(m.end() for m in engine._LINE_OR_CLAUSE_END.finditer(text))],
    ),
    (patterns.SPEAKER, engine._speaker_starts),
]

_EDGE_TEXTS = [
    "",
    "\n",
    "Groeten,\nJan de Vries\n",
    "Met vriendelijke groet,\n\n  Anna Bakker, verpleegkundige",
    "groetjes,\nlieke",
    "Cliënt: Jevgeni Bondarenko (34)\nAan: Veilig Thuis",
    "Noa: hoi\nmarloes 14:03: ja\n[Signal] tamara: oke\n",
    "Kasia 23:48\nhoi\nJeroen Visser 10:05\nja\nKasia 23:49\nok",
    "Gesprek gehad. Melder: Oksana Kovalenko, geb. 1990; Aanvrager: P. de Wit, A.B.",
    "tekst  \n  Jan: ja\n\n\nPiet: nee\r\n Els:\tnou",
    "a\u2028b  Sanne (leefgroep): ok\u00a0\u00a0Kees: ja",
    "Naam cliënt: Fatima El Amrani\nnaam: x",
]


@pytest.mark.parametrize("text", _EDGE_TEXTS)
def test_scans_from_starts_same_matches(text: str) -> None:
    for pattern, starts in _FROM_STARTS:
        expected = _spans(pattern.finditer(text))
        assert _spans(engine._matches_from(pattern, text, starts(text))) == expected


def test_scans_from_starts_same_matches_on_tuning_texts() -> None:
    checked = 0
    for text in _tuning_texts():
        for pattern, starts in _FROM_STARTS:
            expected = _spans(pattern.finditer(text))
            assert _spans(engine._matches_from(pattern, text, starts(text))) == expected, (
                pattern.pattern[:40],
                text[:80],
            )
            checked += bool(expected)
    assert checked > 500


def test_scans_from_starts_same_matches_on_random_text() -> None:
    alphabet = "Jan de:. ;\n\t  \u00a0groeten,Cliënt14:03[]()k-"
    for text in _random_texts(alphabet):
        for pattern, starts in _FROM_STARTS:
            expected = _spans(pattern.finditer(text))
            assert _spans(engine._matches_from(pattern, text, starts(text))) == expected


def test_foreign_letter_characters_are_the_pattern_s() -> None:
    """Every character _FOREIGN_LETTER can match is in _FOREIGN_LETTER_CHARACTER."""
    for code in range(0x30000):
        character = chr(code)
        if engine._FOREIGN_LETTER.search("b" + character + "b"):
            assert engine._FOREIGN_LETTER_CHARACTER.fullmatch(character), hex(code)


@pytest.mark.parametrize(
    "text", ["", "Wójcik", "vóór", "reünie", "Gülsüm", "ayşe", "coördinator", "o\u0308", "İ"]
)
def test_has_foreign_letter(text: str) -> None:
    assert engine._has_foreign_letter(text) is (engine._FOREIGN_LETTER.search(text) is not None)


def test_has_foreign_letter_on_tuning_and_random_texts() -> None:
    for text in [*_tuning_texts(), *_random_texts("aeoübröÖóÓcçs İ")]:
        assert engine._has_foreign_letter(text) is (engine._FOREIGN_LETTER.search(text) is not None)
