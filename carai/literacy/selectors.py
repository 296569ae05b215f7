"""The literacy register of an organisation, worked out on a moment (now, or a past date).

Who may use a tool: the tool is allowed (with or without conditions), and the person has a
current membership whose role is one of the tool's roles and whose team is one of the
tool's teams (no roles or no teams named: everyone). What a tool requires: the register's
required modules and the extra requirements of ``ToolRequirement``. What counts as
evidence on a moment:

- a module (by key, either language): a certificate issued before it, not yet expired or
  revoked then; or an external certificate for that module a reviewer accepted before it;
- the guidelines: a confirmation of the version that was current then;
- a practice exercise: a passed attempt at the case's exercise;
- a workshop: attendance marked at a session of a workshop lesson of the module.

For a past moment the tool is read from its version then (``ToolRevision``), memberships
from their start and end, requirements from when they were added and ended.

Counts are made in SQL over the organisation's memberships, whatever their number; the
details (dates, kinds, expiry) are read only for the people on one page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.learning.models import Certificate, Module, WorkshopRegistration
from carai.learning.selectors import one_per_key
from carai.literacy.models import (
    ExternalCertificate,
    ExternalStatus,
    RequirementKind,
    ToolRequirement,
)
from carai.literacy.rules import (
    Requirement,
    first_expiry,
    fits,
    lasts_longer,
    split_teams,
    tool_requirements,
)
from carai.practice.models import Case, Exercise, PracticeAttempt
from carai.register.models import Acknowledgement, AITool, Guideline, ToolRevision, ToolStatus

USABLE = (ToolStatus.ALLOWED, ToolStatus.CONDITIONS)
EXPIRES_SOON_DAYS = 60


def nothing() -> Q:
    """A condition no row meets, written as real SQL: an empty ``pk__in`` would make Django
    drop the whole (wrapped) count query as empty."""
    return Q(pk__isnull=True)


@dataclass(frozen=True)
class ToolState:
    """A tool as it was (or is) on the moment asked."""

    tool_id: int
    name: str
    status: str
    ai_act_category: str
    roles: tuple[str, ...]
    teams: tuple[str, ...]
    requirements: tuple[Requirement, ...]
    version: int

    @property
    def usable(self) -> bool:
        return self.status in USABLE

    def audience(self) -> Q:
        """The memberships (as rows of ``Membership``) that may use the tool. "Everyone" is
        a real condition, never an empty ``Q()``: or-ed with others, an empty one vanishes."""
        q = Q(pk__isnull=False)
        if self.roles:
            q &= Q(role__in=self.roles)
        if self.teams:
            q &= Q(team__in=self.teams)
        return q

    def fits(self, role: str, team: str) -> bool:
        return fits(roles=self.roles, teams=self.teams, role=role, team=team)

    @property
    def role_labels(self) -> list[str]:
        return [str(Role(r).label) for r in self.roles if r in Role.values]

    @property
    def risk_label(self) -> str:
        from carai.register.models import AIActCategory

        return (
            str(AIActCategory(self.ai_act_category).label)
            if self.ai_act_category in AIActCategory.values
            else _("not classified")
        )


def moment_of(day: datetime.date | None) -> datetime.datetime:
    """The end of ``day`` in the site's time zone (now when no day is given)."""
    if day is None:
        return timezone.now()
    end = datetime.datetime.combine(day, datetime.time.max)
    return timezone.make_aware(end)


def _extra_requirements(
    tool_ids: Iterable[int], at: datetime.datetime
) -> dict[int, list[Requirement]]:
    extra: dict[int, list[Requirement]] = {}
    rows = (
        ToolRequirement.objects.filter(tool_id__in=list(tool_ids), added_at__lte=at)
        .filter(Q(removed_at__isnull=True) | Q(removed_at__gt=at))
        .values_list("tool_id", "kind", "key")
    )
    for tool_id, kind, key in rows:
        extra.setdefault(tool_id, []).append(Requirement(kind, key))
    return extra


def tool_states(
    *, organisation: Organisation, at: datetime.datetime, past: bool = False
) -> list[ToolState]:
    """The organisation's tools on ``at`` (usable or not), by name. With ``past`` each tool
    is read from the version it had then; tools added later are left out."""
    if past:
        latest: dict[int, ToolRevision] = {}
        for revision in ToolRevision.objects.filter(
            tool__organisation=organisation, changed_at__lte=at
        ).order_by("tool_id", "number"):
            latest[revision.tool_id] = revision
        rows = [
            (tool_id, r.number, r.snapshot, list(r.snapshot.get("required_modules", [])))
            for tool_id, r in latest.items()
        ]
    else:
        tools = AITool.objects.filter(organisation=organisation).prefetch_related(
            "required_modules"
        )
        rows = [
            (
                t.pk,
                t.revision,
                {
                    "name": t.name,
                    "status": t.status,
                    "ai_act_category": t.ai_act_category,
                    "roles": t.roles,
                    "teams": t.teams,
                },
                [m.key for m in t.required_modules.all()],
            )
            for t in tools
        ]
    extra = _extra_requirements([r[0] for r in rows], at)
    guideline = guideline_on(organisation=organisation, at=at)
    states = []
    for tool_id, number, snapshot, module_keys in rows:
        requirements = tool_requirements(
            module_keys=module_keys,
            extra=extra.get(tool_id, []),
            has_guideline=guideline is not None,
        )
        states.append(
            ToolState(
                tool_id=tool_id,
                name=str(snapshot.get("name", "")),
                status=str(snapshot.get("status", "")),
                ai_act_category=str(snapshot.get("ai_act_category") or ""),
                roles=tuple(snapshot.get("roles") or ()),
                teams=split_teams(str(snapshot.get("teams") or "")),
                requirements=tuple(requirements),
                version=number,
            )
        )
    return sorted(states, key=lambda s: s.name.lower())


def usable_tools(
    *, organisation: Organisation, at: datetime.datetime, past: bool = False
) -> list[ToolState]:
    return [s for s in tool_states(organisation=organisation, at=at, past=past) if s.usable]


def guideline_on(*, organisation: Organisation, at: datetime.datetime) -> Guideline | None:
    """The version of the guidelines that was current on ``at``."""
    return (
        Guideline.objects.filter(organisation=organisation, published_at__lte=at)
        .order_by("-version")
        .first()
    )


def members_on(*, organisation: Organisation, at: datetime.datetime) -> QuerySet[Membership]:
    """The organisation's memberships that held on ``at`` (one row per role)."""
    return Membership.objects.filter(organisation=organisation, started_at__lte=at).filter(
        Q(ended_at__isnull=True) | Q(ended_at__gt=at)
    )


# Evidence in SQL ---------------------------------------------------------------------------


def _split_practice(key: str) -> tuple[str, str]:
    case, _sep, exercise = key.partition(":")
    return case, exercise


def evidence_exists(
    requirement: Requirement,
    *,
    organisation: Organisation,
    at: datetime.datetime,
    guideline: Guideline | None,
    ref: str = "user_id",
) -> Q:
    """Whether the person (``OuterRef(ref)``) had evidence for ``requirement`` on ``at``."""
    user = OuterRef(ref)
    kind, key = requirement.kind, requirement.key
    if kind == RequirementKind.MODULE:
        certificate = Certificate.objects.filter(
            user_id=user, module__key=key, issued_at__lte=at, expires_at__gt=at
        ).filter(Q(revoked_at__isnull=True) | Q(revoked_at__gt=at))
        external = ExternalCertificate.objects.filter(
            user_id=user,
            organisation=organisation,
            module_key=key,
            status=ExternalStatus.ACCEPTED,
            reviewed_at__lte=at,
        ).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=at.date()))
        return Q(Exists(certificate)) | Q(Exists(external))
    if kind == RequirementKind.GUIDELINES:
        if guideline is None:
            return Q(pk__isnull=False)
        return Q(
            Exists(
                Acknowledgement.objects.filter(
                    user_id=user, guideline=guideline, acknowledged_at__lte=at
                )
            )
        )
    if kind == RequirementKind.PRACTICE:
        case, exercise = _split_practice(key)
        return Q(
            Exists(
                PracticeAttempt.objects.filter(
                    user_id=user,
                    case__key=case,
                    exercise=exercise,
                    passed=True,
                    created_at__lte=at,
                )
            )
        )
    if kind == RequirementKind.WORKSHOP:
        return Q(
            Exists(
                WorkshopRegistration.objects.filter(
                    user_id=user,
                    attended=True,
                    session__lesson__module__key=key,
                    session__starts_at__lte=at,
                    session__cancelled_at__isnull=True,
                )
            )
        )
    raise ValueError(f"Unknown requirement kind {kind!r}")


@dataclass
class Scope:
    """The organisation on a moment, the tools then, and which memberships are in view
    (a manager sees their teams)."""

    organisation: Organisation
    at: datetime.datetime
    tools: list[ToolState]
    guideline: Guideline | None
    teams: tuple[str, ...] | None = None  # None: the whole organisation

    @property
    def requirements(self) -> list[Requirement]:
        seen: dict[Requirement, None] = {}
        for tool in self.tools:
            for requirement in tool.requirements:
                seen.setdefault(requirement)
        return list(seen)

    def members(self) -> QuerySet[Membership]:
        rows = members_on(organisation=self.organisation, at=self.at)
        if self.teams is not None:
            rows = rows.filter(team__in=self.teams)
        return rows

    def has(self, requirement: Requirement, *, ref: str = "user_id") -> Q:
        return evidence_exists(
            requirement,
            organisation=self.organisation,
            at=self.at,
            guideline=self.guideline,
            ref=ref,
        )

    def may_use_any(self) -> Q:
        q = nothing()
        for tool in self.tools:
            q |= tool.audience()
        return q

    def gap(self) -> Q:
        """A membership row whose person lacks a requirement of a tool the row may use.
        Each requirement's evidence appears once, whatever the number of tools."""
        q = nothing()
        for requirement in self.requirements:
            needs = nothing()
            for tool in self.tools:
                if requirement in tool.requirements:
                    needs |= tool.audience()
            q |= needs & ~self.has(requirement)
        return q


def scope_of(
    *,
    organisation: Organisation,
    day: datetime.date | None = None,
    teams: Sequence[str] | None = None,
) -> Scope:
    """The register's scope now (``day`` None) or at the end of a past day."""
    at = moment_of(day)
    past = day is not None and day < timezone.localdate()
    return Scope(
        organisation=organisation,
        at=at,
        tools=usable_tools(organisation=organisation, at=at, past=past),
        guideline=guideline_on(organisation=organisation, at=at),
        teams=tuple(teams) if teams is not None else None,
    )


# Counts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequirementGap:
    requirement: Requirement
    label: str
    missing: int


@dataclass(frozen=True)
class ToolCoverage:
    tool: ToolState
    users: int
    ready: int
    gaps: list[RequirementGap]

    @property
    def blocked(self) -> int:
        return self.users - self.ready

    @property
    def percent(self) -> int:
        return round(100 * self.ready / self.users) if self.users else 100


@dataclass(frozen=True)
class GroupCoverage:
    name: str
    people: int
    users: int  # may use at least one tool
    blocked: int  # lack something for at least one tool they may use

    @property
    def ready(self) -> int:
        return self.users - self.blocked

    @property
    def percent(self) -> int:
        return round(100 * self.ready / self.users) if self.users else 100


@dataclass(frozen=True)
class Overview:
    people: int
    users: int
    blocked: int
    tools: list[ToolCoverage]

    @property
    def ready(self) -> int:
        return self.users - self.blocked


def overview(scope: Scope, *, labels: dict[str, str] | None = None) -> Overview:
    """Per tool: who may use it, who has everything it requires, and per requirement who
    lacks it; and the totals. One query over the memberships in scope: the evidence of each
    requirement is worked out once per row (in an inner query), the counts over it."""
    labels = labels if labels is not None else requirement_labels(scope.requirements)
    rows = scope.members()
    names = {r: f"has_{n}" for n, r in enumerate(scope.requirements)}
    rows = rows.annotate(**{names[r]: scope.has(r) for r in names})
    counts: dict[str, Any] = {"people": Count("user_id", distinct=True)}
    any_use, any_gap = nothing(), nothing()
    for n, tool in enumerate(scope.tools):
        may = tool.audience()
        complete = Q()
        for requirement in tool.requirements:
            complete &= Q(**{names[requirement]: True})
        counts[f"users_{n}"] = Count("user_id", distinct=True, filter=may)
        counts[f"ready_{n}"] = Count("user_id", distinct=True, filter=may & complete)
        for m, requirement in enumerate(tool.requirements):
            counts[f"gap_{n}_{m}"] = Count(
                "user_id", distinct=True, filter=may & Q(**{names[requirement]: False})
            )
        any_use |= may
        if tool.requirements:
            any_gap |= may & ~complete
    counts["users"] = Count("user_id", distinct=True, filter=any_use)
    counts["blocked"] = Count("user_id", distinct=True, filter=any_gap)
    # distinct(): the counts are made over an inner query that works out each
    # requirement's evidence once per row (Django inlines it in every count otherwise).
    totals = rows.distinct().aggregate(**counts)
    tools = [
        ToolCoverage(
            tool=tool,
            users=totals[f"users_{n}"],
            ready=totals[f"ready_{n}"],
            gaps=[
                RequirementGap(r, labels.get(r.code, r.key), totals[f"gap_{n}_{m}"])
                for m, r in enumerate(tool.requirements)
            ],
        )
        for n, tool in enumerate(scope.tools)
    ]
    return Overview(
        people=totals["people"], users=totals["users"], blocked=totals["blocked"], tools=tools
    )


def coverage_by(scope: Scope, field_name: str) -> list[GroupCoverage]:
    """Per role or per team (``field_name``): people, who may use a tool, who is blocked."""
    rows = (
        scope.members()
        .values(field_name)
        .annotate(
            people=Count("user_id", distinct=True),
            users=Count("user_id", distinct=True, filter=scope.may_use_any()),
            blocked=Count("user_id", distinct=True, filter=scope.gap()),
        )
        .order_by(field_name)
    )
    out = []
    for row in rows:
        value = row[field_name]
        if field_name == "role":
            name = str(Role(value).label) if value in Role.values else value
        else:
            name = value or _("No team")
        out.append(GroupCoverage(name, row["people"], row["users"], row["blocked"]))
    return out


# Labels -----------------------------------------------------------------------------------


def requirement_labels(requirements: Iterable[Requirement], language: str = "") -> dict[str, str]:
    """A readable name per requirement code (module and case titles in ``language``)."""
    from django.utils.translation import get_language

    language = language or get_language() or "nl"
    requirements = list(requirements)
    module_keys = {
        r.key for r in requirements if r.kind in (RequirementKind.MODULE, RequirementKind.WORKSHOP)
    }
    case_keys = {_split_practice(r.key)[0] for r in requirements if r.kind == "practice"}
    modules = {
        m.key: m.title
        for m in one_per_key(
            list(Module.objects.live().filter(key__in=module_keys)), language=language
        )
    }
    cases: dict[str, str] = {}
    for case in Case.objects.filter(key__in=case_keys).order_by("key", "language"):
        if case.key not in cases or case.language == language:
            cases[case.key] = case.title
    exercises = dict(Exercise.choices)
    labels = {}
    for r in requirements:
        if r.kind == RequirementKind.MODULE:
            labels[r.code] = modules.get(r.key, r.key)
        elif r.kind == RequirementKind.WORKSHOP:
            labels[r.code] = _("Workshop of %(module)s") % {"module": modules.get(r.key, r.key)}
        elif r.kind == RequirementKind.PRACTICE:
            case_key, exercise = _split_practice(r.key)
            labels[r.code] = (
                f"{cases.get(case_key, case_key)} · {exercises.get(exercise, exercise)}"
            )
        else:
            labels[r.code] = _("Current AI guidelines read")
    return labels


# People ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeopleFilters:
    q: str = ""
    role: str = ""
    team: str = ""
    tool: int | None = None  # who may use this tool
    status: str = ""  # "blocked": not allowed to use a tool yet; "ready": may use all


BLOCKED = "blocked"
READY = "ready"


def people(scope: Scope, filters: PeopleFilters) -> QuerySet[User]:
    """The people in scope, by name, filtered in SQL (for paging)."""
    rows = scope.members()
    if filters.role:
        rows = rows.filter(role=filters.role)
    if filters.team:
        rows = rows.filter(team=filters.team)
    if filters.tool is not None:
        tool = next((t for t in scope.tools if t.tool_id == filters.tool), None)
        rows = rows.filter(tool.audience()) if tool else rows.none()
    users = User.objects.filter(pk__in=rows.values("user_id"))
    if filters.status == BLOCKED:
        users = users.filter(pk__in=scope.members().filter(scope.gap()).values("user_id"))
    elif filters.status == READY:
        users = users.filter(pk__in=rows.filter(scope.may_use_any()).values("user_id")).exclude(
            pk__in=scope.members().filter(scope.gap()).values("user_id")
        )
    for word in filters.q.split():
        users = users.filter(Q(full_name__icontains=word) | Q(email__icontains=word))
    return users.order_by("full_name", "email", "pk")


@dataclass(frozen=True)
class Evidence:
    kind: str  # "certificate", "external", "acknowledgement", "practice", "workshop"
    on: datetime.datetime | datetime.date
    expires: datetime.datetime | datetime.date | None = None
    detail: str = ""

    @property
    def kind_label(self) -> str:
        return str(EVIDENCE_KINDS.get(self.kind, self.kind))


EVIDENCE_KINDS = {
    "certificate": gettext_lazy("certificate"),
    "external": gettext_lazy("external certificate (accepted)"),
    "acknowledgement": gettext_lazy("confirmation"),
    "practice": gettext_lazy("passed exercise"),
    "workshop": gettext_lazy("attendance"),
}


@dataclass
class ItemStatus:
    requirement: Requirement
    label: str
    evidence: Evidence | None

    @property
    def met(self) -> bool:
        return self.evidence is not None

    @property
    def expires(self) -> datetime.datetime | datetime.date | None:
        return self.evidence.expires if self.evidence else None


@dataclass
class PersonTool:
    tool: ToolState
    items: list[ItemStatus]

    @property
    def missing(self) -> list[ItemStatus]:
        return [i for i in self.items if not i.met]

    @property
    def allowed(self) -> bool:
        return not self.missing

    @property
    def next_expiry(self) -> datetime.datetime | datetime.date | None:
        return first_expiry(i.expires for i in self.items)


@dataclass
class PersonRecord:
    user: User
    roles: list[str] = field(default_factory=list)
    teams: list[str] = field(default_factory=list)
    tools: list[PersonTool] = field(default_factory=list)

    @property
    def missing_count(self) -> int:
        return sum(len(t.missing) for t in self.tools)

    @property
    def blocked_tools(self) -> list[PersonTool]:
        return [t for t in self.tools if not t.allowed]


def _evidence_for(
    scope: Scope, user_ids: list[int], requirements: list[Requirement]
) -> dict[tuple[int, str], Evidence]:
    """The best evidence per (person, requirement code) on the scope's moment: a few
    queries, whatever the number of people."""
    at = scope.at
    found: dict[tuple[int, str], Evidence] = {}

    def keep(user_id: int, code: str, evidence: Evidence) -> None:
        found[(user_id, code)] = lasts_longer(found.get((user_id, code)), evidence)

    module_keys = {r.key for r in requirements if r.kind == RequirementKind.MODULE}
    if module_keys:
        for c in (
            Certificate.objects.filter(
                user_id__in=user_ids,
                module__key__in=module_keys,
                issued_at__lte=at,
                expires_at__gt=at,
            )
            .filter(Q(revoked_at__isnull=True) | Q(revoked_at__gt=at))
            .values("user_id", "module__key", "issued_at", "expires_at", "code")
        ):
            keep(
                c["user_id"],
                f"module:{c['module__key']}",
                Evidence("certificate", c["issued_at"], c["expires_at"], c["code"]),
            )
        for e in ExternalCertificate.objects.filter(
            user_id__in=user_ids,
            organisation=scope.organisation,
            module_key__in=module_keys,
            status=ExternalStatus.ACCEPTED,
            reviewed_at__lte=at,
        ).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=at.date())):
            keep(
                e.user_id,
                f"module:{e.module_key}",
                Evidence("external", e.issued_on, e.valid_until, f"{e.title} ({e.issuer})"),
            )
    if scope.guideline is not None and any(r.kind == "guidelines" for r in requirements):
        for user_id, when in Acknowledgement.objects.filter(
            user_id__in=user_ids, guideline=scope.guideline, acknowledged_at__lte=at
        ).values_list("user_id", "acknowledged_at"):
            keep(
                user_id,
                "guidelines:",
                Evidence("acknowledgement", when, None, f"v{scope.guideline.version}"),
            )
    practice = {r.key for r in requirements if r.kind == RequirementKind.PRACTICE}
    if practice:
        cases = {_split_practice(k)[0] for k in practice}
        for user_id, case_key, exercise, when in PracticeAttempt.objects.filter(
            user_id__in=user_ids, case__key__in=cases, passed=True, created_at__lte=at
        ).values_list("user_id", "case__key", "exercise", "created_at"):
            key = f"{case_key}:{exercise}"
            if key in practice:
                current = found.get((user_id, f"practice:{key}"))
                if current is None or when < current.on:
                    found[(user_id, f"practice:{key}")] = Evidence("practice", when)
    workshops = {r.key for r in requirements if r.kind == RequirementKind.WORKSHOP}
    if workshops:
        for user_id, key, when in WorkshopRegistration.objects.filter(
            user_id__in=user_ids,
            attended=True,
            session__lesson__module__key__in=workshops,
            session__starts_at__lte=at,
            session__cancelled_at__isnull=True,
        ).values_list("user_id", "session__lesson__module__key", "session__starts_at"):
            found.setdefault((user_id, f"workshop:{key}"), Evidence("workshop", when))
    return found


def person_records(
    scope: Scope, users: Sequence[User], *, labels: dict[str, str] | None = None
) -> list[PersonRecord]:
    """For these people (one page): their roles and teams in scope, the tools they may use,
    per requirement the evidence (kind, date, expiry) or that it is missing."""
    labels = labels if labels is not None else requirement_labels(scope.requirements)
    user_ids = [u.pk for u in users]
    records = {u.pk: PersonRecord(user=u) for u in users}
    profiles: dict[int, list[tuple[str, str]]] = {}
    for user_id, role, team in (
        members_on(organisation=scope.organisation, at=scope.at)
        .filter(user_id__in=user_ids)
        .values_list("user_id", "role", "team")
    ):
        profiles.setdefault(user_id, []).append((role, team))
        record = records[user_id]
        label = str(Role(role).label) if role in Role.values else role
        if label not in record.roles:
            record.roles.append(label)
        if team and team not in record.teams:
            record.teams.append(team)
    evidence = _evidence_for(scope, user_ids, scope.requirements)
    for user_id, record in records.items():
        for tool in scope.tools:
            if any(tool.fits(role, team) for role, team in profiles.get(user_id, [])):
                items = [
                    ItemStatus(r, labels.get(r.code, r.key), evidence.get((user_id, r.code)))
                    for r in tool.requirements
                ]
                record.tools.append(PersonTool(tool, items))
    return [records[u.pk] for u in users]


def person_record(scope: Scope, user: User) -> PersonRecord:
    return person_records(scope, [user])[0]


def manager_teams(*, user: User, organisation: Organisation) -> tuple[str, ...] | None:
    """The teams a manager sees: the teams of their manager memberships; None (the whole
    organisation) for a manager without a team."""
    teams = set(
        Membership.objects.active_in(organisation=organisation)
        .filter(user=user, role=Role.MANAGER)
        .values_list("team", flat=True)
    )
    if not teams or "" in teams:
        return None
    return tuple(sorted(teams))


def external_to_review(
    *, organisation: Organisation, teams: tuple[str, ...] | None
) -> QuerySet[ExternalCertificate]:
    """Declared external certificates waiting for a reviewer (of these teams)."""
    rows = ExternalCertificate.objects.filter(
        organisation=organisation, status=ExternalStatus.DECLARED
    ).select_related("user")
    if teams is not None:
        rows = rows.filter(
            user_id__in=Membership.objects.active_in(organisation=organisation)
            .filter(team__in=teams)
            .values("user_id")
        )
    return rows.order_by("declared_at", "pk")


def external_of(*, organisation: Organisation, user: User) -> QuerySet[ExternalCertificate]:
    return ExternalCertificate.objects.filter(organisation=organisation, user=user)


def module_choices(*, organisation: Organisation, language: str) -> list[Module]:
    usable = list(Module.objects.usable_by(organisation_ids=[organisation.pk]))
    return sorted(one_per_key(usable, language=language), key=lambda m: m.title)
