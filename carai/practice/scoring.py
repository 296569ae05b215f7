"""Score the two practice exercises. Pure Python: no database here.

1. Privacy: the learner prepares the dossier for an AI tool. Every identifier of the case
   that is still in the text is *missed*; every care fact to keep that is gone is
   *over-removed*. The score weighs removed identifiers 70 % and kept facts 30 %.
2. Checking AI output: the learner ticks the units of the AI answer (as written in the
   case pack) that have a problem. A ticked unit with a problem is *found*; a unit with a
   problem that is not ticked is *missed*; a ticked unit without a problem is a *false
   alarm*. Score: found / (problems + false alarms).

Scores are whole percentages rounded down, so the score shown is the score judged: 80 %
passes, 79.9 % shows as 79 % and does not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from carai.practice.content import AiOutput, CaseData, Identifier, mentions

PASS_MARK = 80


def _percent(share: Fraction) -> int:
    return math.floor(100 * share)


@dataclass
class PrivacyScore:
    score: int
    missed: list[Identifier] = field(default_factory=list)
    removed: list[Identifier] = field(default_factory=list)
    over_removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.score >= PASS_MARK and not self.missed


def score_privacy(case: CaseData, prepared: str) -> PrivacyScore:
    """Identifiers and facts are looked for as whole words, ignoring case and spacing."""
    result = PrivacyScore(score=0)
    for identifier in case.identifiers:
        still_there = mentions(prepared, identifier.text)
        (result.missed if still_there else result.removed).append(identifier)
    for fact in case.keep:
        (result.kept if mentions(prepared, fact) else result.over_removed).append(fact)
    removed = Fraction(len(result.removed), len(case.identifiers)) if case.identifiers else 1
    kept = Fraction(len(result.kept), len(case.keep)) if case.keep else 1
    result.score = _percent(Fraction(7, 10) * removed + Fraction(3, 10) * kept)
    return result


@dataclass
class OutputScore:
    score: int
    found: list[int] = field(default_factory=list)  # unit numbers
    missed: list[int] = field(default_factory=list)
    false_alarms: list[int] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.score >= PASS_MARK


def score_output(output: AiOutput, ticked: set[int]) -> OutputScore:
    """Score the ticked unit numbers against the problems planted in ``output``."""
    if not ticked <= set(range(len(output.units))):
        raise ValueError("A ticked number is not a unit of this answer.")
    problems = set(output.problem_numbers)
    result = OutputScore(
        score=0,
        found=sorted(problems & ticked),
        missed=sorted(problems - ticked),
        false_alarms=sorted(ticked - problems),
    )
    total = len(problems) + len(result.false_alarms)
    result.score = _percent(Fraction(len(result.found), total)) if total else 100
    return result


def output_review(output: AiOutput, ticked: set[int]) -> list[dict[str, Any]]:
    """The answer as the learner saw it, block by block, with what they ticked: stored with
    the attempt, so its feedback stays true when the case is changed later."""
    blocks: list[dict[str, Any]] = []
    number = 0
    for block in output.answer:
        units = []
        for unit in block.units:
            units.append(
                {
                    "text": unit.text,
                    "problem": unit.problem,
                    "explanation": unit.explanation,
                    "ticked": number in ticked,
                }
            )
            number += 1
        blocks.append({"heading": block.heading, "units": units})
    return blocks
