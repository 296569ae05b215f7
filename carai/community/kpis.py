"""The community lead's key figures: people reached, use cases, modules, events,
demonstrators and partners, against targets, over time. Reads only.

"Reached": a person counts once when they attended an event, joined a use-case team or
started a learning module (in the chosen period). Which group they count in (care
professionals, students, educators and researchers) follows their roles in the chosen
organisations; someone with two of those roles counts once in each group, and once in the
total.

The number of queries is fixed, whatever the size of the community: every figure is one
aggregate query; the monthly series reads one row per reached person and month.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from carai.community.models import (
    KPI_DEFAULT_TARGETS,
    Event,
    EventRegistration,
    KpiKey,
    KpiTarget,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
)
from carai.learning.models import Enrolment, Module
from carai.usecases.models import Demonstrator, Status, TeamMember, UseCase
from carai.usecases.phases import FINISHED, PHASES

GROUPS: dict[str, tuple[str, ...]] = {
    KpiKey.PROFESSIONALS: (Role.PROFESSIONAL, Role.AI_COACH),
    KpiKey.STUDENTS: (Role.STUDENT,),
    KpiKey.EDUCATORS: (Role.EDUCATOR,),
}


@dataclass(frozen=True)
class KpiFilters:
    organisation: Organisation | None = None
    branch: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None

    def memberships(self) -> QuerySet[Membership]:
        # No ordering: Membership's default ordering would enter DISTINCT and count a
        # person with two memberships twice.
        found = Membership.objects.filter(organisation__is_active=True).order_by()
        if self.organisation is not None:
            found = found.filter(organisation=self.organisation)
        if self.branch:
            found = found.filter(organisation__care_branch=self.branch)
        return found

    def organisations(self) -> QuerySet[Organisation]:
        found = Organisation.objects.filter(is_active=True)
        if self.organisation is not None:
            found = found.filter(pk=self.organisation.pk)
        if self.branch:
            found = found.filter(care_branch=self.branch)
        return found

    def period(self, field_name: str) -> Q:
        q = Q()
        if self.start:
            q &= Q(**{f"{field_name}__date__gte": self.start})
        if self.end:
            q &= Q(**{f"{field_name}__date__lte": self.end})
        return q


def _reach_sources(filters: KpiFilters) -> tuple[QuerySet, QuerySet, QuerySet]:  # type: ignore[type-arg]
    """(user_id, when) of every reaching moment, per source, within the period."""
    events = EventRegistration.objects.filter(attended=True).filter(
        filters.period("event__starts_at")
    )
    teams = TeamMember.objects.filter(filters.period("joined_at"))
    modules = Enrolment.objects.filter(filters.period("started_at"))
    return events, teams, modules


def _reached_q(filters: KpiFilters) -> Q:
    events, teams, modules = _reach_sources(filters)
    return (
        Q(user_id__in=events.values("user_id"))
        | Q(user_id__in=teams.values("user_id"))
        | Q(user_id__in=modules.values("user_id"))
    )


@dataclass
class Figure:
    key: str
    label: str
    value: int
    target: int | None = None

    @property
    def percent(self) -> int | None:
        if not self.target:
            return None
        return round(100 * self.value / self.target)


@dataclass
class Dashboard:
    reached: list[Figure]
    reached_total: int
    use_cases: Figure
    use_cases_by_phase: list[tuple[str, int]]
    modules: Figure
    events: int
    attendance: int
    demonstrators: int
    partners: list[tuple[str, int]]
    months: list[str] = field(default_factory=list)
    reached_by_month: dict[str, list[int]] = field(default_factory=dict)


def targets() -> dict[str, int]:
    found = {str(k): v for k, v in KPI_DEFAULT_TARGETS.items()}
    found.update(dict(KpiTarget.objects.values_list("key", "value")))
    return found


def dashboard(filters: KpiFilters) -> Dashboard:
    goal = targets()
    in_scope = filters.memberships().filter(_reached_q(filters))
    per_role = dict(
        in_scope.values("role").annotate(n=Count("user_id", distinct=True)).values_list("role", "n")
    )
    reached = []
    for key, roles in GROUPS.items():
        if len(roles) == 1:
            value = per_role.get(roles[0], 0)
        else:  # a person with two of these roles counts once
            value = in_scope.filter(role__in=roles).values("user_id").distinct().count()
        reached.append(Figure(key, str(KpiKey(key).label), value, goal.get(key)))
    total = in_scope.values("user_id").distinct().count()
    organisations = filters.organisations()
    use_cases = UseCase.objects.filter(status=Status.ACCEPTED, organisation__in=organisations)
    if filters.start or filters.end:
        use_cases = use_cases.filter(
            Q(cycle__ends_on__gte=filters.start or datetime.date.min)
            & Q(cycle__starts_on__lte=filters.end or datetime.date.max)
        )
    by_phase = dict(
        use_cases.values_list("phase").annotate(n=Count("pk")).values_list("phase", "n")
    )
    phase_rows = [(str(p.label), by_phase.get(p.key, 0)) for p in PHASES]
    phase_rows.append((gettext("Finished"), by_phase.get(FINISHED, 0)))
    modules = Module.objects.published()
    if filters.organisation is not None or filters.branch:
        modules = modules.filter(owner__in=organisations)
    module_count = modules.values("key").distinct().count()
    events = Event.objects.filter(filters.period("starts_at"))
    attendance = EventRegistration.objects.filter(
        attended=True, user_id__in=filters.memberships().values("user_id")
    ).filter(filters.period("event__starts_at"))
    kinds = dict(OrganisationKind.choices)
    partners = [
        (str(kinds.get(kind, kind)), n)
        for kind, n in organisations.values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    ]
    result = Dashboard(
        reached=reached,
        reached_total=total,
        use_cases=Figure(
            KpiKey.USE_CASES,
            str(KpiKey.USE_CASES.label),
            use_cases.count(),
            goal.get(KpiKey.USE_CASES),
        ),
        use_cases_by_phase=phase_rows,
        modules=Figure(
            KpiKey.MODULES, str(KpiKey.MODULES.label), module_count, goal.get(KpiKey.MODULES)
        ),
        events=events.count(),
        attendance=attendance.count(),
        demonstrators=Demonstrator.objects.filter(use_case__in=use_cases).count(),
        partners=partners,
    )
    result.months, result.reached_by_month = _monthly(filters)
    return result


def _monthly(filters: KpiFilters) -> tuple[list[str], dict[str, list[int]]]:
    """Cumulative people reached per group at the end of each month (first reach counts)."""
    events, teams, modules = _reach_sources(filters)
    scope = filters.memberships()
    zone = timezone.get_current_timezone()  # once: asking per row is slow
    people = scope.values("user_id")
    parts = [
        source.filter(user_id__in=people).annotate(t=F(when)).values_list("user_id", "t").order_by()
        for source, when in (
            (events, "event__starts_at"),
            (teams, "joined_at"),
            (modules, "started_at"),
        )
    ]
    compiled = [part.query.sql_with_params() for part in parts]
    # The parts are SQL compiled by the ORM, with their values kept apart as parameters.
    sql = (
        'SELECT "user_id", MIN("t") FROM ('  # noqa: S608 - no user text in the SQL
        + " UNION ALL ".join(part_sql for part_sql, _params in compiled)
        + ') reach GROUP BY "user_id"'
    )
    params = [param for _sql, part_params in compiled for param in part_params]
    first: dict[int, datetime.date] = {}
    with connection.cursor() as db:
        db.execute(sql, params)
        for user_id, earliest in db.fetchall():
            if isinstance(earliest, str):  # SQLite hands back text (UTC)
                earliest = datetime.datetime.fromisoformat(earliest).replace(tzinfo=datetime.UTC)
            first[user_id] = earliest.astimezone(zone).date().replace(day=1)
    if not first:
        return [], {}
    groups: dict[int, set[str]] = defaultdict(set)
    role_to_group = {role: key for key, roles in GROUPS.items() for role in roles}
    for user_id, role in scope.filter(role__in=list(role_to_group)).values_list("user_id", "role"):
        if user_id in first:
            groups[user_id].add(role_to_group[role])
    start = min(first.values())
    last = timezone.localdate().replace(day=1)
    months: list[datetime.date] = []
    cursor = start
    while cursor <= last and len(months) < 60:
        months.append(cursor)
        cursor = (cursor + datetime.timedelta(days=32)).replace(day=1)
    new: dict[str, dict[datetime.date, int]] = {key: defaultdict(int) for key in GROUPS}
    for user_id, month in first.items():
        for key in groups.get(user_id, ()):
            new[key][month] += 1
    series: dict[str, list[int]] = {}
    for key in GROUPS:
        running, values = 0, []
        for month in months:
            running += new[key].get(month, 0)
            values.append(running)
        series[key] = values
    return [m.strftime("%Y-%m") for m in months], series
