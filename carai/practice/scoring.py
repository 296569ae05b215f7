"""Score the two practice exercises. Pure Python: no database here.

1. Privacy: the learner prepares the dossier for an AI tool. Every identifier of the case
   that is still in the text is *missed*; every care fact to keep that is gone is
   *over-removed*. The score weighs removed identifiers 70 % and kept facts 30 %.
2. Checking AI output: the learner ticks the sentences with a problem. A planted problem is
   *found* when its sentence is ticked; a ticked sentence without a problem is a *false
   alarm*. Score: found / (problems + false alarms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from carai.practice.content import AiOutput, CaseData, Identifier, Problem

PASS_MARK = 80
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()


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
    text = _normal(prepared)
    result = PrivacyScore(score=0)
    for identifier in case.identifiers:
        (result.missed if _normal(identifier.text) in text else result.removed).append(identifier)
    for fact in case.keep:
        (result.kept if _normal(fact) in text else result.over_removed).append(fact)
    removed_share = len(result.removed) / len(case.identifiers) if case.identifiers else 1.0
    kept_share = len(result.kept) / len(case.keep) if case.keep else 1.0
    result.score = round(100 * (0.7 * removed_share + 0.3 * kept_share))
    return result


def sentences(text: str) -> list[str]:
    """The output cut into sentences (and lines), each a tick box for the learner."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


@dataclass
class OutputScore:
    score: int
    found: list[Problem] = field(default_factory=list)
    missed: list[Problem] = field(default_factory=list)
    false_alarms: list[int] = field(default_factory=list)  # sentence numbers

    @property
    def passed(self) -> bool:
        return self.score >= PASS_MARK


def problem_sentences(output: AiOutput) -> dict[int, list[Problem]]:
    """Which sentence holds which planted problem (by the problem's quote)."""
    parts = sentences(output.text)
    where: dict[int, list[Problem]] = {}
    for problem in output.problems:
        for number, sentence in enumerate(parts):
            if problem.quote in sentence or sentence in problem.quote:
                where.setdefault(number, []).append(problem)
                break
    return where


def score_output(output: AiOutput, ticked: set[int]) -> OutputScore:
    where = problem_sentences(output)
    result = OutputScore(score=0)
    for number, problems in where.items():
        (result.found if number in ticked else result.missed).extend(problems)
    result.false_alarms = sorted(n for n in ticked if n not in where)
    total = len(output.problems) + len(result.false_alarms)
    result.score = round(100 * len(result.found) / total) if total else 100
    return result
