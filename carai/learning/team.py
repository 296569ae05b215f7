"""Reads for the manager's team page: what the team learns, who finished what was asked.

Every figure is counted in SQL and the member table is filtered in SQL and read one page at
a time, so the page costs the same for a team of 100 as for a hospital of 10,000. The
per-module counts aggregate over all members, so they are kept in the cache under the
organisation's team scope (``team_figures``); the receivers in ``learning.receivers`` outdate
it on every write those counts read. Managers see completion only: never quiz answers,
scores or reflections.

A module counts by its key: finishing it in either language counts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.community.selectors import organisation_teams
from carai.core.cache import cached
from carai.learning.models import Assignment, Enrolment, Module
from carai.learning.selectors import one_per_key
from carai.practice.selectors import practice_passed_by

TEAM_FIGURES_TIMEOUT = 600  # seconds; a safety net, the receivers outdate them on writes
MODULES_SCOPE = "learning:modules"


def team_scope(organisation_id: int) -> str:
    """The cache scope of an organisation's team figures."""
    return f"team:{organisation_id}"


def team_practice_scope(organisation_id: int) -> str:
    """The cache scope of the practice exercises the organisation's members passed (the
    member table's last column); apart from the team scope, so that a try at an exercise
    does not outdate the figures, which do not count them."""
    return f"team-practice:{organisation_id}"


# What the member table can be filtered on, per module.
NOT_STARTED = "not_started"
BUSY = "busy"
FINISHED = "finished"
OVERDUE = "overdue"
STATUSES = (NOT_STARTED, BUSY, FINISHED, OVERDUE)


@dataclass(frozen=True)
class TeamFilters:
    q: str = ""
    role: str = ""
    team: str = ""
    module: str = ""  # a module key
    status: str = ""  # one of STATUSES; OVERDUE without a module: overdue for any module


def team_names(*, organisation: Organisation) -> list[str]:
    """The organisation's team names for the filter, kept under its team scope (a
    membership's save outdates them)."""
    return cached(
        f"team-names:{organisation.pk}",
        scopes=[team_scope(organisation.pk)],
        compute=lambda: organisation_teams(organisation=organisation),
        timeout=TEAM_FIGURES_TIMEOUT,
    )


def module_choices(*, organisation: Organisation, language: str) -> list[Module]:
    """The modules the organisation may use, each once, by title: for the filter and the
    assignment form. Kept under the modules' scope (which modules an organisation may use
    follows from the modules alone: published, shared, owner; every module save outdates it)."""

    def compute() -> list[Module]:
        usable = list(Module.objects.usable_by(organisation_ids=[organisation.pk]))
        return sorted(one_per_key(usable, language=language), key=lambda m: m.title)

    return cached(
        f"team-modules:{organisation.pk}:{language}",
        scopes=[MODULES_SCOPE],
        compute=compute,
        timeout=TEAM_FIGURES_TIMEOUT,
    )


def team_assignments(*, organisation: Organisation) -> list[Assignment]:
    """The organisation's assignments that still hold, soonest first, with their module and
    person. Kept under the team scope (every assignment save, a member's new name) and the
    modules' scope (a module's new title)."""
    return cached(
        f"team-assignments:{organisation.pk}",
        scopes=[team_scope(organisation.pk), MODULES_SCOPE],
        compute=lambda: list(
            Assignment.objects.active()
            .filter(organisation=organisation)
            .select_related("module", "user")
            .order_by("due_date", "pk")
        ),
        timeout=TEAM_FIGURES_TIMEOUT,
    )


def _started(key: str) -> Exists:
    return Exists(Enrolment.objects.filter(user=OuterRef("pk"), module__key=key))


def _finished(key: str) -> Exists:
    return Exists(
        Enrolment.objects.filter(user=OuterRef("pk"), module__key=key, completed_at__isnull=False)
    )


def _fulfilled(assignment: Assignment) -> Exists:
    """The person finished what the assignment asks (for a renewal: finished again)."""
    return Exists(Enrolment.objects.filter(assignment.fulfilled_by(), user=OuterRef("pk")))


def _overdue(assignments: Sequence[Assignment], today: date) -> Q:
    """People who are late with a module: an assignment past its date asks them, and they
    have not finished the module."""
    late = Q(pk__in=[])
    for assignment in assignments:
        if assignment.is_overdue(today):
            late |= Q(pk__in=assignment.assignee_ids()) & ~Q(_fulfilled(assignment))
    return late


def _memberships(organisation: Organisation, filters: TeamFilters) -> QuerySet[Membership]:
    memberships = Membership.objects.active_in(organisation=organisation)
    if filters.role:
        memberships = memberships.filter(role=filters.role)
    if filters.team:
        memberships = memberships.filter(team=filters.team)
    return memberships


def team_member_count(*, organisation: Organisation, filters: TeamFilters) -> int | None:
    """How many people ``team_members`` finds, counted from the memberships alone when no
    name or status filter asks about the people themselves (the usual view): an index scan
    of one organisation's memberships instead of a pass over everyone in CARAI. None when
    the filters need the people."""
    if filters.q.strip() or filters.status:
        return None
    # Kept under the team scope, which every membership save outdates; the team name is a
    # choice from the organisation's own teams, hashed to keep the key short.
    team = hashlib.sha256(filters.team.encode()).hexdigest()[:16] if filters.team else ""
    return cached(
        f"team-count:{organisation.pk}:{filters.role}:{team}",
        scopes=[team_scope(organisation.pk)],
        compute=lambda: _memberships(organisation, filters).values("user_id").distinct().count(),
        timeout=TEAM_FIGURES_TIMEOUT,
    )


def team_members(
    *, organisation: Organisation, filters: TeamFilters, assignments: Sequence[Assignment]
) -> QuerySet[User]:
    """The organisation's current members who match the filters, by name."""
    people = User.objects.filter(pk__in=_memberships(organisation, filters).values("user_id"))
    for word in filters.q.split():
        people = people.filter(Q(full_name__icontains=word) | Q(email__icontains=word))
    today = timezone.localdate()
    key = filters.module
    # Asked to renew and not finished again: to do, though the module was finished before.
    renewing = Q(pk__in=[])
    for assignment in assignments:
        if assignment.renewal and assignment.module.key == key:
            renewing |= Q(pk__in=assignment.assignee_ids()) & ~Q(_fulfilled(assignment))
    if key and filters.status == FINISHED:
        people = people.filter(Q(_finished(key)) & ~renewing)
    elif key and filters.status == BUSY:
        people = people.filter(Q(_started(key)) & (~Q(_finished(key)) | renewing))
    elif key and filters.status == NOT_STARTED:
        people = people.filter(~Q(_started(key)))
    elif filters.status == OVERDUE:
        relevant = [a for a in assignments if not key or a.module.key == key]
        people = people.filter(_overdue(relevant, today))
    return people.order_by("full_name", "email", "pk")


@dataclass
class MemberRow:
    user: User
    roles: list[str]
    teams: list[str]
    assigned: int = 0  # modules asked of this person
    finished: int = 0  # of those, finished
    overdue: list[str] = field(default_factory=list)  # titles of modules they are late with
    status: str = ""  # for the module in the filter: one of STATUSES or "" (not asked)
    exercises_passed: int = 0
    last_passed: date | None = None

    @property
    def role_labels(self) -> list[str]:
        return sorted(str(Role(r).label) for r in self.roles)


def member_rows(
    *,
    organisation: Organisation,
    users: Sequence[User],
    assignments: Sequence[Assignment],
    module_key: str = "",
) -> list[MemberRow]:
    """The member table's rows for these people (one page): a fixed number of queries."""
    ids = [u.pk for u in users]
    rows = {u.pk: MemberRow(user=u, roles=[], teams=[]) for u in users}
    for user_id, role, team in (
        Membership.objects.active_in(organisation=organisation)
        .filter(user_id__in=ids)
        .values_list("user_id", "role", "team")
        .order_by("role")
    ):
        rows[user_id].roles.append(role)
        if team and team not in rows[user_id].teams:
            rows[user_id].teams.append(team)
    keys = {a.module.key for a in assignments} | ({module_key} if module_key else set())
    started: set[tuple[int, str]] = set()
    finished: set[tuple[int, str]] = set()
    completed: dict[tuple[int, str], datetime] = {}  # the latest finish (either language)
    for user_id, key, completed_at in Enrolment.objects.filter(
        user_id__in=ids, module__key__in=keys
    ).values_list("user_id", "module__key", "completed_at"):
        started.add((user_id, key))
        if completed_at is not None:
            finished.add((user_id, key))
            if (user_id, key) not in completed or completed[(user_id, key)] < completed_at:
                completed[(user_id, key)] = completed_at
    today = timezone.localdate()
    for row in rows.values():
        asked: dict[str, Assignment] = {}
        for a in assignments:
            if (a.user_id == row.user.pk) or (a.user_id is None and a.role in row.roles):
                earliest = asked.get(a.module.key)
                if earliest is None or a.due_date < earliest.due_date:
                    asked[a.module.key] = a
        done = {
            key for key, a in asked.items() if a.is_fulfilled(completed.get((row.user.pk, key)))
        }
        row.assigned = len(asked)
        row.finished = len(done)
        row.overdue = [
            a.module.title for key, a in asked.items() if a.is_overdue(today) and key not in done
        ]
        if module_key:
            pair = (row.user.pk, module_key)
            if module_key in asked and module_key not in done:
                # Asked to (re)do it: to do until the assignment is fulfilled.
                if asked[module_key].is_overdue(today):
                    row.status = OVERDUE
                else:
                    row.status = BUSY if pair in started else NOT_STARTED
            elif pair in finished:
                row.status = FINISHED
            elif module_key in asked and asked[module_key].is_overdue(today):
                row.status = OVERDUE
            else:
                row.status = BUSY if pair in started else NOT_STARTED
    for user_id, (passed, last) in practice_passed_by(user_ids=ids).items():
        rows[user_id].exercises_passed = passed
        rows[user_id].last_passed = last
    return [rows[u.pk] for u in users]


@dataclass(frozen=True)
class AssignmentSummary:
    assignment: Assignment
    asked: int  # people it asks now
    finished: int
    overdue: int  # asked, not finished, and the date has passed


def assignment_summaries(*, assignments: Sequence[Assignment]) -> list[AssignmentSummary]:
    """Per assignment how many people it asks, how many finished, how many are late: one
    aggregate query per assignment, whatever the number of people."""
    today = timezone.localdate()
    out = []
    for assignment in assignments:
        counts = User.objects.filter(pk__in=assignment.assignee_ids()).aggregate(
            asked=Count("pk"), finished=Count("pk", filter=Q(_fulfilled(assignment)))
        )
        late = counts["asked"] - counts["finished"] if assignment.is_overdue(today) else 0
        out.append(
            AssignmentSummary(
                assignment=assignment,
                asked=counts["asked"],
                finished=counts["finished"],
                overdue=late,
            )
        )
    return out


@dataclass(frozen=True)
class ModuleActivity:
    module: Module  # in the reader's language where it has that version
    started: int
    finished: int


def module_activity(
    *, organisation: Organisation, language: str, limit: int = 12
) -> list[ModuleActivity]:
    """What the team learns, also without assignments: per module how many current members
    started and finished it, the most started first. One grouped query, and one for titles."""
    members = Membership.objects.active_in(organisation=organisation).values("user_id")
    counts = list(
        Enrolment.objects.filter(user_id__in=members)
        .values("module__key")
        .annotate(
            started=Count("user", distinct=True),
            finished=Count("user", filter=Q(completed_at__isnull=False), distinct=True),
        )
        .order_by("-started", "module__key")[:limit]
    )
    modules = {
        m.key: m
        for m in one_per_key(
            list(Module.objects.live().filter(key__in=[c["module__key"] for c in counts])),
            language=language,
        )
    }
    return [
        ModuleActivity(
            module=modules[c["module__key"]], started=c["started"], finished=c["finished"]
        )
        for c in counts
        if c["module__key"] in modules
    ]


@dataclass(frozen=True)
class TeamFigures:
    summaries: list[AssignmentSummary]
    activity: list[ModuleActivity]


def team_figures(
    *, organisation: Organisation, assignments: Sequence[Assignment], language: str
) -> TeamFigures:
    """The per-assignment and per-module counts of the team page, worked out once and kept
    until a write outdates them (memberships, enrolments, assignments, modules, names) or
    the day changes ("overdue" follows the calendar)."""
    today = timezone.localdate().isoformat()
    return cached(
        f"team-figures:{organisation.pk}:{language}:{today}",
        scopes=[team_scope(organisation.pk), MODULES_SCOPE],
        compute=lambda: TeamFigures(
            summaries=assignment_summaries(assignments=assignments),
            activity=module_activity(organisation=organisation, language=language),
        ),
        timeout=TEAM_FIGURES_TIMEOUT,
    )
