"""Effect figures for the community's key figures (``carai.kpis`` reads them; insights does not
import kpis). Everything here is an aggregate under the anonymity rule (``anonymity``):

- pre/post changes pool every after-measurement of the chosen organisations (sent in the
  period) with its first measurement, per scale, as published in the survey's last release
  (``releases``: it moves only when 5 or more answers changed). A community survey counts
  for the whole community with everyone, and for chosen organisations with each one's own
  group where its release shows that group. They add up *whole blocks* only: one
  after-measurement's pairs of one scale, and only blocks of at least 5 pairs. Any two choices
  of organisation, care branch and period then differ by whole blocks of 5 or more pairs, so
  no combination of filters can be subtracted from another to show one person;
- maturity per stage counts organisations by the lower median of their levels in their latest
  closed round. The page offers all organisations, each care branch and each organisation;
  the rule (threshold 5, differencing, also of several branches together against all) is
  applied to all those groups at once, so a choice shows only when no other choice, or sum of
  choices, singles out 1 to 4 organisations.

Time saved is the drop in self-estimated minutes of administration per week, turned into hours
per month as minutes * 52 / 12 / 60 (the assumptions are shown with the figure).
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.db.models import Q
from django.utils import timezone

from carai.community.models import Organisation
from carai.insights import anonymity, releases, stats
from carai.insights.content import shipped_model
from carai.insights.maturity import lower_median, score_round
from carai.insights.models import MaturityRound, Survey
from carai.insights.results import EVERYONE, organisation_group
from carai.insights.selectors import round_answers

SCALES = ("ai_literacy", "work_pleasure", "admin_minutes")
WEEKS_PER_MONTH = 52 / 12


def _blocks(
    organisation_ids: Collection[int] | None,
    start: datetime.date | None,
    end: datetime.date | None,
) -> dict[str, list[stats.PairedChange]]:
    """Per scale, the published pre/post change (``releases``) of every after-measurement
    sent in the period: of an organisation's survey, its everyone; of a community survey,
    everyone (the whole community) or each chosen organisation's group. Only blocks of at
    least 5 pairs that the survey's last release shows; so a figure moves only with a new
    release, never with one answer more or less."""
    posts = Survey.objects.filter(pre_survey__isnull=False, sent_at__isnull=False)
    if organisation_ids is not None:
        posts = posts.filter(Q(organisation_id__in=organisation_ids) | Q(organisation__isnull=True))
    if start:
        posts = posts.filter(sent_at__date__gte=start)
    if end:
        posts = posts.filter(sent_at__date__lte=end)
    blocks: dict[str, list[stats.PairedChange]] = {scale: [] for scale in SCALES}
    for post in posts.order_by("pk"):
        release = releases.latest(survey=post)
        if release is None:
            continue
        if post.is_community and organisation_ids is not None:
            groups = [organisation_group(pk) for pk in sorted(organisation_ids)]
        else:
            groups = [EVERYONE]
        for scale in SCALES:
            for group in groups:
                change = releases.published_change(release=release, group=group, scale=scale)
                # A block smaller than 5 pairs never counts: see the module's docstring.
                if change is not None and anonymity.safe_blocks({group: change.n}):
                    blocks[scale].append(change)
    return blocks


def _organisation_stages() -> dict[int, int]:
    """Organisation id -> its stage (lower median of its levels), latest closed round."""
    model = shipped_model()
    closed = MaturityRound.objects.filter(
        Q(closed_at__isnull=False) | Q(closes_on__lt=timezone.localdate())
    ).order_by("-started_at", "-pk")
    stages: dict[int, int] = {}
    for maturity_round in closed:
        if maturity_round.organisation_id in stages:
            continue
        results = score_round(model, round_answers(maturity_round=maturity_round))
        if results is not None:
            stages[maturity_round.organisation_id] = lower_median([r.level for r in results])
    return stages


ALL = "all"


def _maturity_groups(stages: dict[int, int]) -> dict[str, frozenset[int]]:
    """Every group of organisations the key-figure filters can choose, with a stage: all,
    each care branch (active organisations), each active organisation."""
    groups: dict[str, set[int]] = {ALL: set(stages)}
    for pk, branch in Organisation.objects.filter(is_active=True).values_list("pk", "care_branch"):
        if pk not in stages:
            continue
        groups[f"org:{pk}"] = {pk}
        if branch:
            groups.setdefault(f"branch:{branch}", set()).add(pk)
    return {name: frozenset(members) for name, members in groups.items()}


def _maturity(organisation_ids: Collection[int] | None) -> dict[str, Any]:
    stages = _organisation_stages()
    chosen = (
        frozenset(stages)
        if organisation_ids is None
        else frozenset(pk for pk in organisation_ids if pk in stages)
    )
    groups = _maturity_groups(stages)
    visible = {groups[name] for name in anonymity.visible_groups(groups)}
    # A choice shows when it is the same set as a group the rule lets show (a branch with
    # one organisation chosen is that organisation's group, never big enough).
    shown = chosen in visible
    per_stage = [0] * (len(shipped_model().stages) + 1)
    for pk in chosen:
        per_stage[stages[pk]] += 1
    return {"organisations": len(chosen), "per_stage": per_stage if shown else None}


def effect_figures(
    *,
    organisation_ids: Collection[int] | None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> dict[str, Any]:
    """JSON-ready effect figures; a value is None when the anonymity rule hides it."""
    chosen = _blocks(organisation_ids, start, end)
    figures: dict[str, Any] = {}
    for scale in SCALES:
        parts = chosen[scale]
        n = sum(part.n for part in parts)
        if not anonymity.big_enough(n):
            figures[scale] = {"n": n, "change": None}
            continue
        change = stats.pooled_change(parts)
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
    figures["maturity"] = _maturity(organisation_ids)
    return figures
