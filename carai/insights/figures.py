"""Effect figures for the community's key figures (``carai.kpis`` reads them; insights does not
import kpis). Everything here is an aggregate under the anonymity rule:

- pre/post changes pool every after-measurement of the chosen organisations (sent in the
  period) with its first measurement, per scale; shown from 5 pairs on;
- the same figure for all organisations (same period) and for the chosen organisations over
  all time are the wider groups a reader could also ask for: when the chosen figure differs
  from either by 1 to 4 pairs it is suppressed (differencing);
- maturity per stage counts organisations by the lower median of their levels in their latest
  closed round; shown from 5 organisations on, with the same differencing against all
  organisations.

Time saved is the drop in self-estimated minutes of administration per week, turned into hours
per month as minutes * 52 / 12 / 60 (the assumptions are shown with the figure).
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.db.models import Q
from django.utils import timezone

from carai.insights import anonymity, stats
from carai.insights.content import shipped_model
from carai.insights.maturity import lower_median, score_round
from carai.insights.models import MaturityRound, Survey, SurveyResponse
from carai.insights.results import answers_by_key, scale_scores
from carai.insights.selectors import round_answers

SCALES = ("ai_literacy", "work_pleasure", "admin_minutes")
WEEKS_PER_MONTH = 52 / 12


def _pairs(
    organisation_ids: Collection[int] | None,
    start: datetime.date | None,
    end: datetime.date | None,
) -> dict[str, list[tuple[float, float]]]:
    """Per scale, the (pre, post) scores of every pair in the after-measurements."""
    posts = Survey.objects.filter(pre_survey__isnull=False, sent_at__isnull=False)
    if organisation_ids is not None:
        posts = posts.filter(organisation_id__in=organisation_ids)
    if start:
        posts = posts.filter(sent_at__date__gte=start)
    if end:
        posts = posts.filter(sent_at__date__lte=end)
    pairs: dict[str, list[tuple[float, float]]] = {scale: [] for scale in SCALES}
    for post in posts.select_related("pre_survey"):
        pre = post.pre_survey
        if pre is None:
            continue
        keys = frozenset(
            SurveyResponse.objects.filter(survey=post).values_list("respondent_key", flat=True)
        ) & frozenset(
            SurveyResponse.objects.filter(survey=pre).values_list("respondent_key", flat=True)
        )
        if not keys:
            continue
        post_scores = scale_scores(list(post.items.all()), answers_by_key(post, keys))
        pre_scores = scale_scores(list(pre.items.all()), answers_by_key(pre, keys))
        for scale in SCALES:
            for key in sorted(keys):
                if key in pre_scores.get(scale, {}) and key in post_scores.get(scale, {}):
                    pairs[scale].append((pre_scores[scale][key], post_scores[scale][key]))
    return pairs


def _differs_by_few(count: int, wider: int) -> bool:
    return 0 < wider - count < anonymity.MIN_GROUP


def _organisation_stages(organisation_ids: Collection[int] | None) -> dict[int, int]:
    """Organisation id -> its stage (lower median of its levels), latest closed round."""
    model = shipped_model()
    closed = MaturityRound.objects.filter(
        Q(closed_at__isnull=False) | Q(closes_on__lt=timezone.localdate())
    ).order_by("-started_at", "-pk")
    if organisation_ids is not None:
        closed = closed.filter(organisation_id__in=organisation_ids)
    stages: dict[int, int] = {}
    for maturity_round in closed:
        if maturity_round.organisation_id in stages:
            continue
        results = score_round(model, round_answers(maturity_round=maturity_round))
        if results is not None:
            stages[maturity_round.organisation_id] = lower_median([r.level for r in results])
    return stages


def effect_figures(
    *,
    organisation_ids: Collection[int] | None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> dict[str, Any]:
    """JSON-ready effect figures; a value is None when the anonymity rule hides it."""
    chosen = _pairs(organisation_ids, start, end)
    wider = [_pairs(None, start, end)]
    if start or end:
        wider.append(_pairs(organisation_ids, None, None))
    figures: dict[str, Any] = {}
    for scale in SCALES:
        pairs = chosen[scale]
        hidden = not anonymity.big_enough(len(pairs)) or any(
            _differs_by_few(len(pairs), len(w[scale])) for w in wider
        )
        if hidden:
            figures[scale] = {"n": len(pairs), "change": None}
            continue
        change = stats.paired_change(pairs)
        figures[scale] = {
            "n": change.n,
            "change": round(change.mean_change, 2),
            "ci_low": round(change.ci_low, 2),
            "ci_high": round(change.ci_high, 2),
            "dz": round(change.dz, 2) if change.dz is not None else None,
        }
    minutes = figures["admin_minutes"]
    figures["hours_saved_per_month"] = {
        "n": minutes["n"],
        "value": round(-minutes["change"] * WEEKS_PER_MONTH / 60, 1)
        if minutes["change"] is not None
        else None,
    }
    stages = _organisation_stages(organisation_ids)
    everyone = _organisation_stages(None) if organisation_ids is not None else stages
    shown = anonymity.big_enough(len(stages)) and not _differs_by_few(len(stages), len(everyone))
    per_stage = [0] * (len(shipped_model().stages) + 1)
    for stage in stages.values():
        per_stage[stage] += 1
    figures["maturity"] = {"organisations": len(stages), "per_stage": per_stage if shown else None}
    return figures
