"""Reads of surveys and their results, for callers that already passed the access check.

Every result goes through the anonymity rule (``anonymity``): a group (everyone, or one role)
shows only with at least five answerers, and a role whose group differs from everyone by
fewer than five people is suppressed too. Open answers show only once the privacy engine
masked them.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db.models import Q, QuerySet
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Organisation
from carai.insights import anonymity, stats
from carai.insights.models import (
    ItemKind,
    Survey,
    SurveyAnswer,
    SurveyItem,
    SurveyRecipient,
    SurveyResponse,
)

EVERYONE = ""
C = TypeVar("C", int, str)  # a cell: an item's id or a scale's name


def surveys_of(*, organisation: Organisation) -> QuerySet[Survey]:
    """The organisation's surveys and the community surveys sent to its people."""
    return Survey.objects.filter(
        Q(organisation=organisation)
        | Q(organisation__isnull=True, sent_at__isnull=False, recipients__organisation=organisation)
    ).distinct()


def open_surveys_for(*, user: User, organisation: Organisation) -> list[Survey]:
    """Open surveys the user was asked to answer through this organisation (its own, and
    community surveys)."""
    surveys = Survey.objects.filter(
        recipients__user=user, recipients__organisation=organisation, closed_at__isnull=True
    )
    return [s for s in surveys if s.is_open]


def surveys_to_answer(*, user: User) -> list[tuple[Survey, str]]:
    """Open surveys the person was asked to answer and has not answered yet, soonest closing
    first, each with the slug of the organisation they are asked through (for the link)."""
    invitations = [
        (recipient.survey, recipient.organisation.slug)
        for recipient in SurveyRecipient.objects.filter(
            user=user,
            organisation__isnull=False,
            survey__closed_at__isnull=True,
            survey__closes_on__gte=timezone.localdate(),
        ).select_related("survey", "organisation")
        if recipient.survey.is_open and recipient.organisation is not None
    ]
    if not invitations:
        return []
    keys = {survey.pk: survey.key_of(user.pk) for survey, _slug in invitations}
    answered = set(
        SurveyResponse.objects.filter(
            survey__in=[survey for survey, _slug in invitations],
            respondent_key__in=keys.values(),
        ).values_list("survey_id", "respondent_key")
    )
    waiting = [
        (survey, slug)
        for survey, slug in invitations
        if (survey.pk, keys[survey.pk]) not in answered
    ]
    return sorted(waiting, key=lambda pair: (pair[0].closes_on, pair[0].pk))


def has_answered(*, survey: Survey, user: User) -> bool:
    key = survey.key_of(user.pk)
    return SurveyResponse.objects.filter(survey=survey, respondent_key=key).exists()


def organisation_group(organisation_id: int) -> str:
    """The group name of one organisation's people in a community survey's results."""
    return f"org:{organisation_id}"


def _roles(survey: Survey) -> dict[str, tuple[str, ...]]:
    """Each respondent's key and the groups they are in besides everyone: the role they
    answered in and, in a community survey, the organisation they were asked through."""
    out: dict[str, tuple[str, ...]] = {}
    rows = SurveyResponse.objects.filter(survey=survey).values_list(
        "respondent_key", "role", "organisation_id"
    )
    for key, role, organisation_id in rows:
        names = [role] if role else []
        if survey.is_community and organisation_id is not None:
            names.append(organisation_group(organisation_id))
        out[key] = tuple(names)
    return out


def _tokens(survey: Survey) -> dict[str, str]:
    """Each respondent's key and the id of their response (a new one when they answer
    again): what a figure is made of, to see over time how many changed."""
    rows = SurveyResponse.objects.filter(survey=survey).values_list("respondent_key", "pk")
    return {key: str(pk) for key, pk in rows}


def _group_keys(
    roles: dict[str, tuple[str, ...]], keys: Iterable[str]
) -> dict[str, frozenset[str]]:
    """Everyone and each role (and organisation): which of ``keys`` are in it."""
    members: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        members[EVERYONE].add(key)
        for name in roles.get(key, ()):
            members[name].add(key)
    return {name: frozenset(found) for name, found in members.items()}


def _groups(survey: Survey) -> dict[str, frozenset[str]]:
    """Everyone and each role (and organisation): the respondents' keys."""
    roles = _roles(survey)
    return _group_keys(roles, roles)


def filter_choices(*, survey: Survey) -> tuple[list[str], set[str]]:
    """The roles (and organisations) among the respondents, and those of them (and
    EVERYONE) that may show."""
    groups = _groups(survey)
    return sorted(name for name in groups if name), anonymity.visible_groups(groups)


@dataclass
class ItemResult:
    item: SurveyItem
    n: int | None  # None: hidden (too few, or it would single someone out)
    distribution: list[tuple[str, int]] = field(default_factory=list)
    mean: float | None = None
    median: float | None = None
    texts: list[str] = field(default_factory=list)
    waiting_texts: int = 0

    @property
    def chart_id(self) -> str:
        return f"item-data-{self.item.pk}"

    @property
    def chart(self) -> dict[str, list[Any]]:
        """The distribution for the chart beside its table."""
        return {
            "labels": [label for label, _count in self.distribution],
            "values": [count for _label, count in self.distribution],
        }


@dataclass
class Change:
    label: str  # a scale name or an item code
    change: stats.PairedChange
    band: str


@dataclass
class SurveyResults:
    visible: bool
    respondents: int
    items: list[ItemResult]
    scales: list[tuple[str, int, float]]  # (scale, people, mean score)
    changes: list[Change] | None  # None: no pre survey, or too few pairs
    pairs: int
    # Per agree/disagree scale shown: how many people have a score of about 1, 2, 3, 4 and 5
    # (their mean rounded half up).
    scale_spread: list[tuple[str, list[int]]] = field(default_factory=list)
    # Per figure shown ("n", "item:<id>", "scale:<name>", "change:<name>"): the responses
    # behind it (``_tokens``), for the rule over time (``insights.releases``).
    members: dict[str, frozenset[str]] = field(default_factory=dict)


def score_spread(scores: list[float]) -> list[int]:
    """How many scores round (half up) to 1, 2, 3, 4 and 5."""
    counts = [0] * 5
    for score in scores:
        counts[min(5, max(1, int(score + 0.5))) - 1] += 1
    return counts


def answers_by_key(survey: Survey, keys: frozenset[str]) -> dict[str, dict[int, SurveyAnswer]]:
    out: dict[str, dict[int, SurveyAnswer]] = defaultdict(dict)
    for answer in SurveyAnswer.objects.filter(
        response__survey=survey, response__respondent_key__in=keys
    ).select_related("response"):
        out[answer.response.respondent_key][answer.item_id] = answer
    return out


def scale_scores(
    items: list[SurveyItem], answers: dict[str, dict[int, SurveyAnswer]]
) -> dict[str, dict[str, float]]:
    """scale -> person's key -> mean of their answered items of that scale (likert/number)."""
    scores: dict[str, dict[str, float]] = defaultdict(dict)
    scaled = [i for i in items if i.scale and i.kind in (ItemKind.LIKERT, ItemKind.NUMBER)]
    by_scale: dict[str, list[SurveyItem]] = defaultdict(list)
    for item in scaled:
        by_scale[item.scale].append(item)
    for scale, scale_items in by_scale.items():
        for key, person in answers.items():
            values = [
                person[i.pk].number
                for i in scale_items
                if i.pk in person and person[i.pk].number is not None
            ]
            if values:
                scores[scale][key] = sum(v for v in values if v is not None) / len(values)
    return scores


def _item_result(item: SurveyItem, answers: list[SurveyAnswer], language: str) -> ItemResult:
    result = ItemResult(item=item, n=len(answers))
    numbers = [a.number for a in answers if a.number is not None]
    if item.kind == ItemKind.LIKERT:
        counts = stats.distribution([int(n) for n in numbers], [1, 2, 3, 4, 5])
        result.distribution = [(str(value), count) for value, count in counts]
    elif item.kind == ItemKind.SINGLE:
        labels = item.choice_labels(language)
        counts = stats.distribution([int(n) for n in numbers], list(range(len(labels))))
        result.distribution = [(labels[int(str(i))], count) for i, count in counts]
    elif item.kind == ItemKind.MULTIPLE:
        labels = item.choice_labels(language)
        chosen = [i for a in answers for i in a.choices]
        counts = stats.distribution(chosen, list(range(len(labels))))
        result.distribution = [(labels[int(str(i))], count) for i, count in counts]
    elif item.kind == ItemKind.TEXT:
        # Sorted, so the order does not tell who answered when.
        result.texts = sorted(a.text_masked for a in answers if a.masked and a.text_masked)
        result.waiting_texts = sum(1 for a in answers if not a.masked)
    if numbers and item.kind in (ItemKind.LIKERT, ItemKind.NUMBER):
        result.mean = stats.mean(numbers)
        result.median = statistics.median(numbers)
    return result


def _per_group(
    roles: dict[str, tuple[str, ...]], people: Mapping[C, Iterable[str]]
) -> dict[C, dict[str, frozenset[str]]]:
    """cell -> group -> the keys with an answer in that cell."""
    return {cell: _group_keys(roles, keys) for cell, keys in people.items()}


def survey_results(*, survey: Survey, role: str = EVERYONE, language: str = "nl") -> SurveyResults:
    """The results of one group (everyone or a role). Every figure (question, scale, pre/post
    change) shows only when the anonymity rule allows it for this group *and that figure*,
    against every other group the page offers."""
    roles = _roles(survey)
    tokens = _tokens(survey)
    groups = _group_keys(roles, roles)
    visible = anonymity.visible_groups(groups)
    keys = groups.get(role, frozenset())
    if role not in visible:
        return SurveyResults(False, len(keys), [], [], None, 0)
    members = {"n": frozenset(tokens[key] for key in keys)}
    items = list(survey.items.all())
    everyone = groups[EVERYONE]
    answers = answers_by_key(survey, everyone)
    answered: dict[int, set[str]] = defaultdict(set)
    for key, person in answers.items():
        for item_id in person:
            answered[item_id].add(key)
    item_cells = anonymity.visible_cells(_per_group(roles, answered), shown=visible)
    item_results = []
    for item in items:
        if role in item_cells.get(item.pk, set()):
            mine_keys = sorted(answered[item.pk] & keys)
            mine = [answers[key][item.pk] for key in mine_keys]
            item_results.append(_item_result(item, mine, language))
            members[f"item:{item.pk}"] = frozenset(tokens[key] for key in mine_keys)
        else:
            item_results.append(ItemResult(item=item, n=None))
    scores = scale_scores(items, answers)
    scale_cells = anonymity.visible_cells(_per_group(roles, scores), shown=visible)
    likert_scales = {i.scale for i in items if i.scale and i.kind == ItemKind.LIKERT} - {
        i.scale for i in items if i.scale and i.kind != ItemKind.LIKERT
    }
    scales = []
    spread = []
    for scale, people in sorted(scores.items()):
        if role in scale_cells[scale]:
            mine_scores = [people[key] for key in sorted(keys & people.keys())]
            members[f"scale:{scale}"] = frozenset(tokens[key] for key in keys & people.keys())
            scales.append((scale, len(mine_scores), stats.mean(mine_scores)))
            if scale in likert_scales:
                spread.append((scale, score_spread(mine_scores)))
    changes, pairs = _changes(survey, roles, visible, role, items, scores, members)
    return SurveyResults(True, len(keys), item_results, scales, changes, pairs, spread, members)


def _changes(
    survey: Survey,
    roles: dict[str, tuple[str, ...]],
    visible: set[str],
    role: str,
    items: list[SurveyItem],
    post_scores: dict[str, dict[str, float]],
    members: dict[str, frozenset[str]],
) -> tuple[list[Change] | None, int]:
    """Pre/post change per scale for the group's people in both surveys, where the anonymity
    rule allows it for the pairs of that scale against the other groups."""
    pre = survey.pre_survey
    if pre is None:
        return None, 0
    pre_tokens = dict(
        SurveyResponse.objects.filter(survey=pre, respondent_key__in=list(roles)).values_list(
            "respondent_key", "pk"
        )
    )
    pre_keys = frozenset(pre_tokens)
    post_tokens = _tokens(survey)
    mine = _group_keys(roles, pre_keys).get(role, frozenset())
    if not anonymity.big_enough(len(mine)):
        return None, len(mine)
    pre_scores = scale_scores(list(pre.items.all()), answers_by_key(pre, pre_keys))
    paired = {
        scale: {key for key in post_people if key in pre_scores.get(scale, {})}
        for scale, post_people in post_scores.items()
    }
    cells = anonymity.visible_cells(_per_group(roles, paired), shown=visible)
    changes = []
    for scale, post_people in sorted(post_scores.items()):
        if role not in cells[scale]:
            continue
        pair_keys = sorted(paired[scale] & mine)
        pairs = [(pre_scores[scale][key], post_people[key]) for key in pair_keys]
        members[f"change:{scale}"] = frozenset(
            f"{pre_tokens[key]}>{post_tokens[key]}" for key in pair_keys
        )
        change = stats.paired_change(pairs)
        changes.append(Change(scale, change, stats.effect_size_band(change.dz)))
    return changes, len(mine)


# The researcher's CSV ---------------------------------------------------------------------


def export_rows(*, survey: Survey, responses: Collection[int] | None = None) -> Iterator[list[Any]]:
    """One row per respondent: the pseudonymous key and each item's answer by code. Open
    answers only masked. Yields nothing below the threshold. ``responses``: only these (the
    last release's, so that the file moves with the results page; a withdrawn person's
    row is gone at once, their answers being deleted)."""
    rows = SurveyResponse.objects.filter(survey=survey)
    if responses is not None:
        rows = rows.filter(pk__in=responses)
    keys = frozenset(rows.values_list("respondent_key", flat=True))
    if not anonymity.big_enough(len(keys)):
        return
    items = list(survey.items.all())
    yield ["respondent_key", *[item.code for item in items]]
    answers = answers_by_key(survey, keys)
    for key in sorted(answers):
        person = answers[key]
        row: list[Any] = [key]
        for item in items:
            answer = person.get(item.pk)
            if answer is None:
                row.append("")
            elif item.kind == ItemKind.MULTIPLE:
                row.append(";".join(str(i + 1) for i in answer.choices))
            elif item.kind == ItemKind.TEXT:
                row.append(answer.text_masked if answer.masked else "")
            elif item.kind == ItemKind.SINGLE and answer.number is not None:
                row.append(int(answer.number) + 1)
            elif item.kind == ItemKind.LIKERT and answer.number is not None:
                row.append(int(answer.number))
            else:
                row.append(answer.number)
        yield row


def codebook_rows(*, survey: Survey) -> Iterator[list[Any]]:
    yield ["code", "section", "question_nl", "question_en", "kind", "values", "scale"]
    yield [
        "respondent_key",
        "",
        "Pseudonieme sleutel (HMAC); dezelfde persoon heeft dezelfde sleutel in de voor- "
        "en nameting",
        "Pseudonymous key (HMAC); the same person has the same key in the pre and post survey",
        "key",
        "",
        "",
    ]
    for item in survey.items.all():
        if item.kind == ItemKind.LIKERT:
            values = "1=totally disagree … 5=totally agree"
        elif item.kind in (ItemKind.SINGLE, ItemKind.MULTIPLE):
            values = "; ".join(
                f"{i + 1}={label}" for i, label in enumerate(item.choice_labels("en"))
            )
            if item.kind == ItemKind.MULTIPLE:
                values += " (several, separated by ;)"
        elif item.kind == ItemKind.NUMBER:
            values = "number"
        else:
            values = "text, identifiers masked by the privacy engine"
        yield [
            item.code,
            item.section_en,
            item.text_nl,
            item.text_en,
            item.kind,
            values,
            item.scale,
        ]
