"""Reads of maturity rounds, for callers that already passed the access check."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.insights.content import MaturityModel, shipped_model
from carai.insights.maturity import DimensionResult, score_round
from carai.insights.models import MaturityAnswer, MaturityInvite, MaturityRound
from carai.usecases.models import Cycle, TeamMember, UseCase

# The community lead sees the distribution across partners only from this many
# organisations with a scored round on.
MIN_ORGANISATIONS = 5


def rounds_of(*, organisation: Organisation) -> QuerySet[MaturityRound]:
    return MaturityRound.objects.filter(organisation=organisation).annotate(
        invited=Count("invites"),
        answered=Count("invites", filter=Q(invites__answered_at__isnull=False)),
    )


def open_invites(*, user: User, organisation: Organisation) -> QuerySet[MaturityInvite]:
    return (
        MaturityInvite.objects.select_related("round")
        .filter(
            user=user,
            round__organisation=organisation,
            round__closed_at__isnull=True,
            round__closes_on__gte=timezone.localdate(),
        )
        .order_by("round__closes_on")
    )


def invitable_members(*, organisation: Organisation) -> QuerySet[User]:
    user_ids = Membership.objects.active_in(organisation=organisation).values("user_id")
    return User.objects.filter(pk__in=user_ids, is_active=True).order_by("full_name", "email")


def round_answers(*, maturity_round: MaturityRound) -> list[dict[str, int]]:
    """One mapping statement -> rating per person who answered (in no particular order)."""
    by_invite: dict[int, dict[str, int]] = defaultdict(dict)
    rows = MaturityAnswer.objects.filter(
        invite__round=maturity_round, invite__answered_at__isnull=False
    ).values_list("invite_id", "statement", "rating")
    for invite_id, statement, rating in rows:
        by_invite[invite_id][statement] = rating
    return list(by_invite.values())


def own_answers(*, invite: MaturityInvite) -> dict[str, int]:
    return dict(invite.answers.values_list("statement", "rating"))


@dataclass(frozen=True)
class RoundResult:
    maturity_round: MaturityRound
    answered: int
    dimensions: list[DimensionResult] | None  # None: too few answered


def round_result(
    *, maturity_round: MaturityRound, model: MaturityModel | None = None
) -> RoundResult:
    answers = round_answers(maturity_round=maturity_round)
    return RoundResult(
        maturity_round=maturity_round,
        answered=len(answers),
        dimensions=score_round(model or shipped_model(), answers),
    )


def growth(*, organisation: Organisation) -> list[RoundResult]:
    """The closed rounds with results, oldest first."""
    results = []
    for maturity_round in MaturityRound.objects.filter(organisation=organisation).order_by(
        "started_at", "pk"
    ):
        if not maturity_round.is_closed:
            continue
        result = round_result(maturity_round=maturity_round)
        if result.dimensions is not None:
            results.append(result)
    return results


@dataclass(frozen=True)
class Distribution:
    organisations: int
    # dimension key -> number of organisations per level 0 .. stages
    levels: dict[str, list[int]]


def community_distribution() -> Distribution | None:
    """Per dimension, how many organisations are at each level (their latest closed round
    with results). None below ``MIN_ORGANISATIONS`` organisations: one organisation's
    result must never show."""
    model = shipped_model()
    latest: dict[int, RoundResult] = {}
    closed = MaturityRound.objects.filter(
        Q(closed_at__isnull=False) | Q(closes_on__lt=timezone.localdate()),
        organisation__is_active=True,
    ).order_by("-started_at", "-pk")
    for maturity_round in closed:
        if maturity_round.organisation_id in latest:
            continue
        result = round_result(maturity_round=maturity_round, model=model)
        if result.dimensions is not None:
            latest[maturity_round.organisation_id] = result
    if len(latest) < MIN_ORGANISATIONS:
        return None
    levels = {d.key: [0] * (len(model.stages) + 1) for d in model.dimensions}
    for result in latest.values():
        for dimension in result.dimensions or []:
            levels[dimension.key][dimension.level] += 1
    return Distribution(organisations=len(latest), levels=levels)


# Survey groups from use cases ---------------------------------------------------------------


def _team_places(organisation: Organisation) -> QuerySet[TeamMember]:
    """Team places held by the organisation's current members."""
    return TeamMember.objects.filter(
        user_id__in=Membership.objects.active_in(organisation=organisation).values("user_id")
    )


def survey_use_cases(*, organisation: Organisation) -> QuerySet[UseCase]:
    """Use cases a survey of the organisation may go to: those in whose team at least one
    current member of the organisation works (the team spans organisations; only the
    organisation's own members are ever asked)."""
    return (
        UseCase.objects.filter(pk__in=_team_places(organisation).values("use_case_id"))
        .select_related("cycle")
        .order_by("title", "pk")
    )


def survey_cycles(*, organisation: Organisation) -> QuerySet[Cycle]:
    """Cycles with a use case in whose team a current member of the organisation works."""
    return Cycle.objects.filter(
        pk__in=_team_places(organisation)
        .filter(use_case__cycle__isnull=False)
        .values("use_case__cycle_id")
    ).order_by("-starts_on", "pk")
