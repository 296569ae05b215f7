"""The community lead's key figures: people reached, use cases, modules, events,
demonstrators and partners, against targets, over time. Reads only.

"Reached": a person counts once when they attended an event, joined a use-case team or
started a learning module (in the chosen period). Which group they count in (care
professionals, students, educators and researchers) follows their roles in the chosen
organisations; someone with two of those roles counts once in each group, and once in the
total.

The number of queries is fixed, whatever the size of the community: every figure is one
aggregate query, and the people reached (counts and monthly series alike) come from one
pass that reads the first reach of every reached person in scope.
"""

from __future__ import annotations

import bisect
import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar

from django.db import connection
from django.db.models import Count, F, Min, Q, QuerySet
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from carai.community.models import (
    Event,
    EventRegistration,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
)
from carai.core.language import content_language
from carai.insights.content import shipped_model
from carai.insights.figures import effect_figures
from carai.kpis.models import KPI_DEFAULT_TARGETS, KpiKey, KpiTarget
from carai.learning.models import Enrolment, Module
from carai.usecases.models import Demonstrator, Status, TeamMember, UseCase
from carai.usecases.phases import FINISHED, PHASES

GROUPS: dict[str, tuple[str, ...]] = {
    KpiKey.PROFESSIONALS: (Role.PROFESSIONAL, Role.AI_COACH),
    KpiKey.STUDENTS: (Role.STUDENT,),
    KpiKey.EDUCATORS: (Role.EDUCATOR,),
}


# What happened per month, beside the people reached (key -> label).
ACTIVITY = {
    "events": _("Events held"),
    "attendance": _("Attendances at events"),
    "demonstrators": _("Demonstrators added"),
    "modules": _("Learning modules published for the first time"),
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

    def key(self) -> str:
        """A stable text for these filters: the stored figures are kept per key."""
        organisation = "" if self.organisation is None else str(self.organisation.pk)
        start = self.start.isoformat() if self.start else ""
        end = self.end.isoformat() if self.end else ""
        return f"org={organisation}|branch={self.branch}|start={start}|end={end}"

    @classmethod
    def from_key(cls, key: str) -> KpiFilters | None:
        """The filters of ``key``; None when it is malformed or its organisation is gone."""
        try:
            parts = dict(part.split("=", 1) for part in key.split("|"))
            organisation = None
            if parts["org"]:
                organisation = Organisation.objects.filter(
                    pk=int(parts["org"]), is_active=True
                ).first()
                if organisation is None:
                    return None
            return cls(
                organisation=organisation,
                branch=parts["branch"],
                start=datetime.date.fromisoformat(parts["start"]) if parts["start"] else None,
                end=datetime.date.fromisoformat(parts["end"]) if parts["end"] else None,
            )
        except (KeyError, ValueError):
            return None

    def period(self, field_name: str) -> Q:
        q = Q()
        if self.start:
            q &= Q(**{f"{field_name}__date__gte": self.start})
        if self.end:
            q &= Q(**{f"{field_name}__date__lte": self.end})
        return q


def _reach_sources(filters: KpiFilters) -> tuple[QuerySet, QuerySet, QuerySet]:  # type: ignore[type-arg]
    """(user_id, when) of every reaching moment, per source, within the period."""
    events = EventRegistration.objects.filter(attended=True, event__in=Event.objects.held()).filter(
        filters.period("event__starts_at")
    )
    teams = TeamMember.objects.filter(filters.period("joined_at"))
    modules = Enrolment.objects.filter(filters.period("started_at"))
    return events, teams, modules


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
class Figures:
    """Every key figure for one choice of filters, without labels or targets: this is what
    is computed (in the background for a large community) and stored as JSON."""

    reached: dict[str, int]  # group key -> people
    reached_total: int
    use_cases: int
    use_cases_by_phase: dict[str, int]  # phase key (or FINISHED) -> use cases
    modules: int
    events: int
    attendance: int
    demonstrators: int
    partners: dict[str, int]  # organisation kind -> partners
    months: list[str] = field(default_factory=list)  # "YYYY-MM"
    reached_by_month: dict[str, list[int]] = field(default_factory=dict)
    activity_months: list[str] = field(default_factory=list)  # "YYYY-MM"
    activity: dict[str, list[int]] = field(default_factory=dict)  # ACTIVITY key -> per month
    effect: dict[str, Any] = field(default_factory=dict)  # insights.figures.effect_figures

    # Raise when the fields change: stored figures of another format are worked out again.
    # 4: the effect figures follow the whole-block anonymity rule (insights.figures); figures
    # stored under the older rule must not be shown again.
    FORMAT: ClassVar[int] = 4

    def as_json(self) -> dict[str, object]:
        return {"format": self.FORMAT, **asdict(self)}

    @classmethod
    def readable(cls, data: dict[str, Any]) -> bool:
        return data.get("format") == cls.FORMAT

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figures:
        return cls(**{f.name: data[f.name] for f in fields(cls)})


@dataclass
class Dashboard:
    """The figures in the reader's language, against the current targets."""

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
    activity_months: list[str] = field(default_factory=list)
    activity: list[tuple[str, list[int]]] = field(default_factory=list)  # (label, per month)
    effect: list[tuple[str, str, str]] = field(default_factory=list)  # (label, value, note)

    @classmethod
    def of(cls, figures: Figures, goal: dict[str, int]) -> Dashboard:
        phase_rows = [(str(p.label), figures.use_cases_by_phase.get(p.key, 0)) for p in PHASES]
        phase_rows.append((gettext("Finished"), figures.use_cases_by_phase.get(FINISHED, 0)))
        kinds = dict(OrganisationKind.choices)
        return cls(
            reached=[
                Figure(key, str(KpiKey(key).label), figures.reached.get(key, 0), goal.get(key))
                for key in GROUPS
            ],
            reached_total=figures.reached_total,
            use_cases=Figure(
                KpiKey.USE_CASES,
                str(KpiKey.USE_CASES.label),
                figures.use_cases,
                goal.get(KpiKey.USE_CASES),
            ),
            use_cases_by_phase=phase_rows,
            modules=Figure(
                KpiKey.MODULES,
                str(KpiKey.MODULES.label),
                figures.modules,
                goal.get(KpiKey.MODULES),
            ),
            events=figures.events,
            attendance=figures.attendance,
            demonstrators=figures.demonstrators,
            partners=[(str(kinds.get(kind, kind)), n) for kind, n in figures.partners.items()],
            months=figures.months,
            reached_by_month=figures.reached_by_month,
            activity_months=figures.activity_months,
            activity=[
                (str(label), figures.activity.get(key, [])) for key, label in ACTIVITY.items()
            ],
            effect=effect_rows(figures.effect),
        )


def targets() -> dict[str, int]:
    found = {str(k): v for k, v in KPI_DEFAULT_TARGETS.items()}
    found.update(dict(KpiTarget.objects.values_list("key", "value")))
    return found


def dashboard(filters: KpiFilters) -> Dashboard:
    """The figures computed now (see ``carai.kpis.store`` for the stored ones)."""
    return Dashboard.of(figures_compute(filters), targets())


def figures_compute(filters: KpiFilters) -> Figures:
    reach = _first_reach(filters)
    per_group: dict[str, int] = dict.fromkeys(GROUPS, 0)
    for keys in reach.groups.values():
        for key in keys:
            per_group[key] += 1
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
    modules = Module.objects.published()
    if filters.organisation is not None or filters.branch:
        modules = modules.filter(owner__in=organisations)
    attendance = EventRegistration.objects.filter(
        attended=True,
        event__in=Event.objects.held(),
        user_id__in=filters.memberships().values("user_id"),
    ).filter(filters.period("event__starts_at"))
    months, by_month = _monthly(reach)
    # Only what has happened counts: a planned event is not "held" (the report and the
    # XLSX export read these same figures).
    events = Event.objects.held().filter(filters.period("starts_at"))
    demonstrators = Demonstrator.objects.filter(use_case__in=use_cases)
    counts = _activity_counts(
        events=events, attendance=attendance, demonstrators=demonstrators, modules=modules
    )
    activity_months, activity = _activity_series(counts)
    return Figures(
        reached=per_group,
        reached_total=len(reach.first),
        use_cases=sum(by_phase.values()),
        use_cases_by_phase=by_phase,
        modules=modules.values("key").distinct().count(),
        # Counted per month above; the totals are their sums (no second pass).
        events=sum(counts["events"].values()),
        attendance=sum(counts["attendance"].values()),
        demonstrators=sum(counts["demonstrators"].values()),
        partners=dict(
            organisations.values_list("kind")
            .annotate(n=Count("pk"))
            .values_list("kind", "n")
            .order_by("kind")
        ),
        months=months,
        reached_by_month=by_month,
        activity_months=activity_months,
        activity=activity,
        effect=effect_figures(
            organisation_ids=None
            if filters.organisation is None and not filters.branch
            else list(organisations.values_list("pk", flat=True)),
            start=filters.start,
            end=filters.end,
        ),
    )


EFFECT_LABELS = {
    "ai_literacy": _("AI literacy: change before and after (scale 1-5)"),
    "work_pleasure": _("Work pleasure: change before and after (scale 1-5)"),
    "admin_minutes": _("Administration: change in minutes per week"),
}


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + number_format(value, decimal_pos=2)


def effect_rows(effect: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(indicator, value, note) rows of the effect figures; a hidden figure says why."""
    if not effect:
        return []
    too_few = gettext("hidden: fewer than 5 people, or it would show a few people's answers")
    rows = []
    for key, label in EFFECT_LABELS.items():
        figure = effect.get(key) or {}
        if figure.get("change") is None:
            rows.append((str(label), "—", too_few))
            continue
        note = gettext(
            "%(n)s people answered before and after; 95%% interval %(low)s to %(high)s"
        ) % {
            "n": figure["n"],
            "low": _signed(figure["ci_low"]),
            "high": _signed(figure["ci_high"]),
        }
        rows.append((str(label), _signed(figure["change"]), note))
    hours = effect.get("hours_saved_per_month") or {}
    rows.append(
        (
            gettext("Time saved per person, hours per month"),
            "—" if hours.get("value") is None else number_format(hours["value"], decimal_pos=1),
            gettext(
                "Assumption: the drop in self-estimated minutes of administration per week, "
                "times 52 weeks / 12 months / 60 minutes."
            ),
        )
    )
    maturity = effect.get("maturity") or {}
    per_stage = maturity.get("per_stage")
    language = content_language()
    names = [gettext("Not yet started")] + [n[language] for _k, n in shipped_model().stages]
    for index, name in enumerate(names):
        rows.append(
            (
                gettext("Organisations at AI maturity stage: %(stage)s") % {"stage": name},
                "—" if per_stage is None else str(per_stage[index]),
                "" if per_stage is not None else gettext("hidden: fewer than 5 organisations"),
            )
        )
    return rows


@dataclass
class _Reach:
    first: dict[int, datetime.date]  # person -> month of their first reach in the period
    groups: dict[int, set[str]]  # reached person -> the groups they count in


def _first_reach(filters: KpiFilters) -> _Reach:
    """Every person reached in scope, with the month they were first reached: one query over
    the three sources (grouped per person in the database) and one over their roles."""
    events, teams, modules = _reach_sources(filters)
    scope = filters.memberships()
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
    # Whole seconds since 1970 (UTC): integers are far cheaper to read than timestamps.
    epoch = (
        'CAST(FLOOR(EXTRACT(EPOCH FROM MIN("t"))) AS bigint)'
        if connection.vendor == "postgresql"
        else "CAST(strftime('%%s', MIN(\"t\")) AS integer)"
    )
    sql = (
        f'SELECT "user_id", {epoch} FROM ('  # noqa: S608 - no user text in the SQL
        + " UNION ALL ".join(part_sql for part_sql, _params in compiled)
        + ') reach GROUP BY "user_id"'
    )
    params = [param for _sql, part_params in compiled for param in part_params]
    with connection.cursor() as db:
        db.execute(sql, params)
        earliest = dict(db.fetchall())
    first = _months_of(earliest)
    groups: dict[int, set[str]] = defaultdict(set)
    if first:
        role_to_group = {role: key for key, roles in GROUPS.items() for role in roles}
        for user_id, role in scope.filter(role__in=list(role_to_group)).values_list(
            "user_id", "role"
        ):
            if user_id in first:
                groups[user_id].add(role_to_group[role])
    return _Reach(first=first, groups=dict(groups))


MAX_MONTHS = 60


def _months_of(seconds: dict[int, int]) -> dict[int, datetime.date]:
    """The local month (its first day) of each moment, given in seconds since 1970 (UTC)."""
    if not seconds:
        return {}
    zone = timezone.get_current_timezone()
    lowest = datetime.datetime.fromtimestamp(min(seconds.values()), zone)
    highest = datetime.datetime.fromtimestamp(max(seconds.values()), zone)
    months = _months_from(lowest.date(), highest.date())
    # Where each month begins, in seconds since 1970.
    starts = [int(datetime.datetime.combine(m, datetime.time(), zone).timestamp()) for m in months]
    return {
        person: months[bisect.bisect_right(starts, moment) - 1]
        for person, moment in seconds.items()
    }


def _monthly(reach: _Reach) -> tuple[list[str], dict[str, list[int]]]:
    """Cumulative people reached per group at the end of each month (first reach counts),
    for at most the last five years; earlier reach is in the first month's figure."""
    if not reach.first:
        return [], {}
    months = _chart_months(reach.first.values())
    new: dict[str, dict[datetime.date, int]] = {key: defaultdict(int) for key in GROUPS}
    for user_id, month in reach.first.items():
        for key in reach.groups.get(user_id, ()):
            new[key][max(month, months[0])] += 1
    series: dict[str, list[int]] = {}
    for key in GROUPS:
        running, values = 0, []
        for month in months:
            running += new[key].get(month, 0)
            values.append(running)
        series[key] = values
    return [m.strftime("%Y-%m") for m in months], series


def _activity_counts(
    *,
    events: QuerySet[Event],
    attendance: QuerySet[EventRegistration],
    demonstrators: QuerySet[Demonstrator],
    modules: QuerySet[Module],
) -> dict[str, dict[datetime.date, int]]:
    """How many events, attendances, demonstrators and newly published modules per local
    month. The database counts per moment (attendances per event start: as many rows as
    events), Python puts the moments in months."""
    zone = timezone.get_current_timezone()

    def per_month(found: QuerySet[Any], moment: str) -> dict[datetime.date, int]:
        months: Counter[datetime.date] = Counter()
        for when, n in (
            found.order_by().values(moment).annotate(n=Count("pk")).values_list(moment, "n")
        ):
            if when is not None:
                months[_local_month(when, zone)] += n
        return dict(months)

    return {
        "events": per_month(events, "starts_at"),
        "attendance": per_month(attendance, "event__starts_at"),
        "demonstrators": per_month(demonstrators, "created_at"),
        # A module counts once, in the month its first language version was published.
        "modules": dict(
            Counter(
                _local_month(first, zone)
                for first in modules.order_by()
                .values("key")
                .annotate(first=Min("published_at"))
                .values_list("first", flat=True)
                if first is not None
            )
        ),
    }


def _activity_series(
    counts: dict[str, dict[datetime.date, int]],
) -> tuple[list[str], dict[str, list[int]]]:
    """Per month from the first to this one, for at most the last five years."""
    seen = [month for per_key in counts.values() for month in per_key]
    if not seen:
        return [], {}
    months = _chart_months(seen)
    series = {key: [counts[key].get(month, 0) for month in months] for key in ACTIVITY}
    return [m.strftime("%Y-%m") for m in months], series


def _months_from(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The first day of every month from ``first``'s month to ``last``'s."""
    months = [first.replace(day=1)]
    while months[-1] < last.replace(day=1):
        months.append((months[-1] + datetime.timedelta(days=32)).replace(day=1))
    return months


def _chart_months(seen: Iterable[datetime.date]) -> list[datetime.date]:
    """The months a chart shows: from the first one seen up to this month (or a later one
    seen), at most the last five years."""
    seen = list(seen)
    return _months_from(min(seen), max(timezone.localdate(), *seen))[-MAX_MONTHS:]


def _local_month(moment: datetime.datetime | datetime.date, zone: datetime.tzinfo) -> datetime.date:
    if isinstance(moment, datetime.datetime):
        if timezone.is_aware(moment):
            moment = moment.astimezone(zone)
        return moment.date().replace(day=1)
    return moment.replace(day=1)
