"""Published results of a survey: releases (rule 5 of ``anonymity``, over time).

Results are not shown as they are at the moment of looking, but as the last *release*. A new
release is made (``services.surveys.survey_release_refresh``) only when at least five answers
were added, changed or withdrawn since the last one (``anonymity.release_due``). So one more
answer, or one withdrawal, between two looks changes nothing that is shown; five do. In a new
release each figure (a group's count, a question, a scale, a pre/post change) shows its new
values only when the people behind it stayed the same or changed by enough
(``anonymity.over_time``); else it is held back.

A release keeps figures (counts, means, a sorted list of masked open answers), never a person's
answers. Withdrawing deletes the person's answers at once; the figures they were part of stay
until the next release, which is computed without them.

This module reads and builds releases; writing one is the service's job.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from typing import Any

from carai.insights import anonymity, stats
from carai.insights.models import ItemKind, Survey, SurveyItem, SurveyRelease
from carai.insights.results import (
    EVERYONE,
    Change,
    ItemResult,
    SurveyResults,
    _groups,
    survey_results,
)

GROUPS = "_groups"  # in ``SurveyRelease.results``: every group among the respondents


def latest(*, survey: Survey) -> SurveyRelease | None:
    return SurveyRelease.objects.filter(survey=survey).order_by("-number").first()


def _figure(group: str, cell: str) -> str:
    return f"{group}|{cell}"


def dump(outcome: SurveyResults, allowed: dict[str, set[str]], group: str) -> dict[str, Any]:
    """A group's results as stored in a release: only the figures ``allowed`` to show."""

    def shown(cell: str) -> bool:
        return group in allowed.get(cell, set())

    items = []
    for result in outcome.items:
        if result.n is None or not shown(f"item:{result.item.pk}"):
            continue
        items.append(
            {
                "id": result.item.pk,
                "n": result.n,
                "counts": [count for _label, count in result.distribution],
                "mean": result.mean,
                "median": result.median,
                "texts": result.texts,
                "waiting": result.waiting_texts,
            }
        )
    return {
        "respondents": outcome.respondents,
        "items": items,
        "scales": [list(s) for s in outcome.scales if shown(f"scale:{s[0]}")],
        "spread": [[s, counts] for s, counts in outcome.scale_spread if shown(f"scale:{s}")],
        "changes": [
            {"label": c.label, "band": c.band, **asdict(c.change)}
            for c in outcome.changes or []
            if shown(f"change:{c.label}")
        ],
        "has_pre": outcome.changes is not None,
        "pairs": outcome.pairs,
    }


def _labels(item: SurveyItem, language: str, size: int) -> list[str]:
    if item.kind == ItemKind.LIKERT:
        return [str(value) for value in range(1, size + 1)]
    return item.choice_labels(language)


def load(data: dict[str, Any], *, survey: Survey, language: str) -> SurveyResults:
    stored = {entry["id"]: entry for entry in data["items"]}
    items = []
    for item in survey.items.all():
        entry = stored.get(item.pk)
        if entry is None:
            items.append(ItemResult(item=item, n=None))
            continue
        labels = _labels(item, language, len(entry["counts"]))
        items.append(
            ItemResult(
                item=item,
                n=entry["n"],
                distribution=list(zip(labels, entry["counts"], strict=False)),
                mean=entry["mean"],
                median=entry["median"],
                texts=list(entry["texts"]),
                waiting_texts=entry["waiting"],
            )
        )
    changes = [
        Change(
            c["label"],
            stats.PairedChange(**{k: v for k, v in c.items() if k not in {"label", "band"}}),
            c["band"],
        )
        for c in data["changes"]
    ]
    return SurveyResults(
        visible=True,
        respondents=data["respondents"],
        items=items,
        scales=[(s, int(n), float(mean)) for s, n, mean in data["scales"]],
        changes=changes if data["has_pre"] and changes else None,
        pairs=data["pairs"],
        scale_spread=[(s, list(counts)) for s, counts in data["spread"]],
    )


def build(
    *, survey: Survey, previous: SurveyRelease | None
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The results and figures of a new release, from the answers as they are now. Rules 1-3
    decide what may show at all; rule 5 (``anonymity.over_time``) holds back a figure whose
    people changed by too few since its last shown version."""
    groups = _groups(survey)
    visible = anonymity.visible_groups(groups)
    outcomes = {group: survey_results(survey=survey, role=group) for group in sorted(visible)}
    cells: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    for group, outcome in outcomes.items():
        for cell, members in outcome.members.items():
            cells[cell][group] = members
    last: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    figures: dict[str, list[str]] = dict(previous.figures) if previous else {}
    for name, shown in figures.items():
        group, cell = name.split("|", 1)
        last[cell][group] = frozenset(shown)
    allowed = anonymity.over_time(cells, last)
    results: dict[str, Any] = {GROUPS: sorted(name for name in groups if name)}
    for group, outcome in outcomes.items():
        if group not in allowed.get("n", set()):
            continue  # the group's people changed by too few: held back
        results[group] = dump(outcome, allowed, group)
        for cell, members in outcome.members.items():
            if group in allowed.get(cell, set()):
                figures[_figure(group, cell)] = sorted(members)
    return results, figures


def published_groups(*, survey: Survey) -> tuple[list[str], set[str]]:
    """The roles (and organisations) of the last release, and those that show in it."""
    release = latest(survey=survey)
    if release is None:
        return [], set()
    names = list(release.results.get(GROUPS, []))
    return names, {name for name in release.results if name != GROUPS}


def published_results(
    *, survey: Survey, group: str = EVERYONE, language: str = "nl"
) -> SurveyResults:
    """What the results page shows of ``group``: its figures in the last release."""
    release = latest(survey=survey)
    data = release.results.get(group) if release is not None else None
    if data is None:
        return SurveyResults(False, 0, [], [], None, 0)
    return load(data, survey=survey, language=language)


def published_change(
    *, release: SurveyRelease, group: str, scale: str
) -> stats.PairedChange | None:
    """The pre/post change of ``group`` on ``scale`` as published (the key figures' block)."""
    for change in (release.results.get(group) or {}).get("changes", []):
        if change["label"] == scale:
            fields = {k: v for k, v in change.items() if k not in {"label", "band"}}
            return stats.PairedChange(**fields)
    return None


def published_responses(*, survey: Survey) -> set[int]:
    """The responses of the last release (for the researcher's CSV)."""
    release = latest(survey=survey)
    return {int(pk) for pk in release.responses} if release is not None else set()
