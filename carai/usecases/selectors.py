"""Reads for use cases, for callers that passed the access check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role, StudentLevel
from carai.usecases.models import JoinRequest, JoinStatus, Status, TeamMember, UseCase
from carai.usecases.phases import PHASES, RESPONSIBLE_AI


def use_cases_of(*, user: User) -> QuerySet[UseCase]:
    """The use cases the person is in the team of."""
    return (
        UseCase.objects.filter(team__user=user)
        .select_related("organisation", "cycle")
        .distinct()
        .order_by("-submitted_at")
    )


def all_use_cases() -> QuerySet[UseCase]:
    """For the community lead."""
    return UseCase.objects.select_related("organisation", "cycle").order_by("-submitted_at")


def triage_queue() -> QuerySet[UseCase]:
    return all_use_cases().filter(status=Status.SUBMITTED)


def showcase() -> QuerySet[UseCase]:
    return (
        UseCase.objects.filter(is_published=True, status=Status.ACCEPTED)
        .select_related("organisation", "cycle")
        .prefetch_related("demonstrators")
        .order_by("-submitted_at")
    )


def open_use_cases() -> QuerySet[UseCase]:
    """Use cases whose team looks for new members (see ``access_open_use_case``)."""
    return (
        UseCase.objects.open_to_join()
        .select_related("organisation", "cycle")
        .annotate(team_size=Count("team", distinct=True))
        .order_by("title")
    )


def join_requests_of(*, user: User) -> QuerySet[JoinRequest]:
    """The person's own requests to join, newest first."""
    return JoinRequest.objects.filter(user=user).select_related("use_case")


def pending_join_request(*, use_case: UseCase, user: User) -> JoinRequest | None:
    """The person's request to join this team that still waits, if any."""
    return use_case.join_requests.filter(user=user, status=JoinStatus.PENDING).first()


def join_requests_waiting(*, use_case: UseCase) -> QuerySet[JoinRequest]:
    """Requests the team still has to answer (for the team and the lead)."""
    return (
        JoinRequest.objects.filter(use_case=use_case, status=JoinStatus.PENDING)
        .select_related("user")
        .order_by("created_at")
    )


def join_requests_for_my_teams(*, user: User) -> QuerySet[JoinRequest]:
    """Requests waiting in the teams the person is in."""
    return (
        JoinRequest.objects.filter(
            status=JoinStatus.PENDING,
            use_case__in=UseCase.objects.filter(team__user=user).values("pk"),
        )
        .select_related("use_case", "user")
        .order_by("created_at")
    )


@dataclass(frozen=True)
class PersonContext:
    """Where a team member (or someone asking to join) comes from."""

    organisations: list[str]
    study: str  # for students: level and programme, e.g. "MBO, Verpleegkunde niveau 4"


def people_context(*, users: list[User]) -> dict[int, PersonContext]:
    """The active partner memberships of each person: organisation names and, for students,
    their study level and programme (one query)."""
    organisations: dict[int, list[str]] = {}
    studies: dict[int, list[str]] = {}
    levels = dict(StudentLevel.choices)
    for user_id, name, role, level, programme in (
        Membership.objects.active()
        .filter(user__in=users, organisation__is_active=True)
        .values_list("user_id", "organisation__name", "role", "student_level", "programme")
        .order_by("organisation__name")
    ):
        if name not in organisations.setdefault(user_id, []):
            organisations[user_id].append(name)
        if role == Role.STUDENT and (level or programme):
            study = ", ".join(str(part) for part in (levels.get(level, ""), programme) if part)
            if study not in studies.setdefault(user_id, []):
                studies[user_id].append(study)
    return {
        user.pk: PersonContext(organisations.get(user.pk, []), "; ".join(studies.get(user.pk, [])))
        for user in users
    }


@dataclass(frozen=True)
class TeamRow:
    member: TeamMember
    person: PersonContext


def team_rows(use_case: UseCase) -> list[TeamRow]:
    """The team with each member's organisations and, for students, level and programme."""
    members = list(use_case.team.select_related("user"))
    context = people_context(users=[m.user for m in members])
    return [TeamRow(m, context[m.user_id]) for m in members]


def submit_organisations(*, user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        is_active=True,
        pk__in=Membership.objects.active().filter(user=user).values("organisation_id"),
    )


@dataclass(frozen=True)
class PhaseStep:
    key: str
    label: str
    state: str  # done | current | todo


def phase_steps(use_case: UseCase) -> list[PhaseStep]:
    keys = [p.key for p in PHASES]
    current = keys.index(use_case.phase) if use_case.phase in keys else len(keys)
    return [
        PhaseStep(
            p.key,
            str(p.label),
            "done" if index < current else "current" if index == current else "todo",
        )
        for index, p in enumerate(PHASES)
    ]


@dataclass(frozen=True)
class RaiRow:
    key: str
    question: str
    status: str
    note: str


def rai_rows(use_case: UseCase) -> list[RaiRow]:
    items = {item.key: item for item in use_case.rai_items.all()}
    rows = []
    for key, question in RESPONSIBLE_AI:
        item = items.get(key)
        rows.append(
            RaiRow(key, str(question), item.status if item else "open", item.note if item else "")
        )
    return rows


def team_mix(use_case: UseCase) -> dict[str, int]:
    """How many people of each team role, and from how many organisations."""
    members = list(TeamMember.objects.filter(use_case=use_case).select_related("user"))
    counts = Counter(member.get_role_display() for member in members)
    organisations = set(
        Membership.objects.active()
        .filter(user__in=[m.user for m in members])
        .values_list("organisation_id", flat=True)
    )
    return {**{str(k): v for k, v in counts.items()}, "organisations": len(organisations)}
