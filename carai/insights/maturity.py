"""Scoring a maturity round (pure Python, no Django).

Each answerer rates every statement from 1 to 4. Per dimension:

- an answerer's **level** is the number of stages reached in order: a stage is reached when
  its statement is rated 3 ("mostly true") or higher *and* the stage before it was reached.
  0 means "not yet at learn"; with three stages the top level is 3 (operationalise);
- the organisation's level is the **median** of the answerers' levels (the lower middle value
  for an even number, so one optimist cannot lift the result);
- the **spread** is the lowest and highest level among the answerers;
- a statement is a **disagreement** when the highest and lowest rating differ by 2 or more.

A round shows results only when at least ``MIN_ANSWERERS`` people answered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from carai.insights.content import MaturityModel

REACHED_AT = 3  # "mostly true"
DISAGREEMENT_GAP = 2
MIN_ANSWERERS = 3  # below this, the spread would show what one person answered


@dataclass(frozen=True)
class DimensionResult:
    key: str
    level: int  # 0 .. number of stages
    lowest: int
    highest: int
    mean_ratings: tuple[float, ...]  # per stage's statement, in stage order
    disagreements: tuple[str, ...]  # statement keys


def answerer_level(ratings: Sequence[int | None]) -> int:
    """Stages reached in order, given the ratings of one dimension's statements."""
    level = 0
    for rating in ratings:
        if rating is None or rating < REACHED_AT:
            break
        level += 1
    return level


def lower_median(values: Sequence[int]) -> int:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def score_round(
    model: MaturityModel, answers: Sequence[Mapping[str, int]]
) -> list[DimensionResult] | None:
    """``answers``: one mapping statement key -> rating per answerer. None when too few."""
    if len(answers) < MIN_ANSWERERS:
        return None
    results = []
    for dimension in model.dimensions:
        levels = [
            answerer_level([answer.get(s.key) for s in dimension.statements]) for answer in answers
        ]
        means = []
        disagreements = []
        for statement in dimension.statements:
            given = [a[statement.key] for a in answers if statement.key in a]
            means.append(round(sum(given) / len(given), 2) if given else 0.0)
            if given and max(given) - min(given) >= DISAGREEMENT_GAP:
                disagreements.append(statement.key)
        results.append(
            DimensionResult(
                key=dimension.key,
                level=lower_median(levels),
                lowest=min(levels),
                highest=max(levels),
                mean_ratings=tuple(means),
                disagreements=tuple(disagreements),
            )
        )
    return results
