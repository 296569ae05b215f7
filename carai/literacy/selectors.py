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
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.core.cache import cached
from carai.learning.models import Certificate, Module, WorkshopRegistration
from carai.learning.selectors import one_per_key
from carai.literacy.models import (
    ExternalCertificate,
    ExternalStatus,
    LiteracyTask,
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
FACTS_SECONDS = 300


def facts_scope(organisation_id: int) -> str:
    """The cache scope of an organisation's literacy facts (bumped by ``receivers``)."""
    return f"literacy:{organisation_id}"


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
    live: bool = False  # now (not a past day): the facts may come from the cache
    _facts: Facts | None = field(default=None, repr=False, compare=False)

    def facts(self) -> Facts:
        """Who is in scope, what they may use and what they lack: worked out once per
        scope (``facts_of``). Now (not on a past day) they are kept in the cache until a
        change that concerns the organisation (``literacy.receivers``) or
        ``FACTS_SECONDS`` pass (a certificate that runs out changes nothing in the
        database)."""
        if self._facts is None:
            if self.live:
                teams = "\n".join(self.teams) if self.teams is not None else "*"
                digest = hashlib.sha256(teams.encode()).hexdigest()[:16]
                self._facts = cached(
                    f"literacy-facts:{self.organisation.pk}:{digest}",
                    scopes=[facts_scope(self.organisation.pk)],
                    compute=lambda: facts_of(self),
                    timeout=FACTS_SECONDS,
                )
            else:
                self._facts = facts_of(self)
        return self._facts

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


@dataclass(frozen=True)
class PersonRow:
    """One person in scope, as the people list filters and sorts them."""

    sort_key: tuple[str, str, str, int]
    name: str  # casefolded, for searching
    email: str  # casefolded
    user_id: int
    rows: tuple[tuple[str, str], ...]  # (role, team) per membership
    blocked: bool  # lacks something for a tool they may use


@dataclass(frozen=True)
class Facts:
    """The register's figures and the people list of a scope, small enough to cache: the
    counts per tool, role and team, and one ``PersonRow`` per person in name order."""

    profiles: dict[tuple[str, str], frozenset[int]]  # (role, team): the tools (by index)
    people: list[PersonRow]
    users: int
    blocked: int
    tools: list[tuple[int, int, tuple[int, ...]]]  # users, ready, missing per requirement
    by_role: list[tuple[str, int, int, int]]  # value, people, users, blocked
    by_team: list[tuple[str, int, int, int]]

    def granted(self, row: tuple[str, str]) -> frozenset[int]:
        """The tools (by index) a membership with this role and team may use."""
        return self.profiles.get(row, frozenset())


def facts_of(scope: Scope) -> Facts:
    """Per person in scope: their memberships, the tools they may use and what they lack;
    and the counts over them.

    A few reads, whatever the number of tools: the memberships (with name and e-mail, for
    sorting and searching), and the evidence of every requirement for all of them (one
    query per kind, ids and keys only: ``_held``). Who may use what is worked out per
    distinct role and team, and what someone lacks per distinct combination of tools and
    evidence, not per person. Counting in SQL with one condition per tool and requirement,
    as before, took 2 to 45 seconds at 10,000 people and 50 tools on PostgreSQL
    (``benchmarks/literacy/overview.py``).
    """
    tools = scope.tools
    profiles: dict[tuple[str, str], frozenset[int]] = {}
    members: dict[int, tuple[str, str, list[tuple[str, str]]]] = {}
    rows = scope.members()
    for user_id, role, team, name, email in rows.order_by().values_list(
        "user_id", "role", "team", "user__full_name", "user__email"
    ):
        row = (role, team)
        if row not in profiles:
            profiles[row] = frozenset(n for n, tool in enumerate(tools) if tool.fits(role, team))
        member = members.get(user_id)
        if member is None:
            members[user_id] = (name, email, [row])
        else:
            member[2].append(row)
    requirements = scope.requirements
    held = _held(scope, rows.values("user_id"), requirements) if requirements and members else {}
    codes = [tuple(r.code for r in tool.requirements) for tool in tools]
    # Many people share their memberships and what they hold: work each combination out once.
    outcome: dict[tuple[frozenset[tuple[str, str]], frozenset[str]], frozenset[int]] = {}
    combos: dict[tuple[frozenset[tuple[str, str]], frozenset[str]], int] = {}
    groups: dict[tuple[int, str], tuple[set[int], set[int], set[int]]] = {}
    people: list[PersonRow] = []
    nothing_held: frozenset[str] = frozenset()
    for user_id, (name, email, person_rows) in members.items():
        has = frozenset(held.get(user_id, nothing_held))
        key = (frozenset(person_rows), has)
        blocked = outcome.get(key)
        if blocked is None:
            may: set[int] = set()
            for row in person_rows:
                may |= profiles[row]
            blocked = outcome[key] = frozenset(
                n for n in may if any(code not in has for code in codes[n])
            )
        combos[key] = combos.get(key, 0) + 1
        for row in person_rows:
            granted = profiles[row]
            for index in (0, 1):
                in_group, users, lacking = groups.setdefault(
                    (index, row[index]), (set(), set(), set())
                )
                in_group.add(user_id)
                if granted:
                    users.add(user_id)
                    if granted & blocked:
                        lacking.add(user_id)
        people.append(
            PersonRow(
                (name.casefold(), name, email.casefold(), user_id),
                name.casefold(),
                email.casefold(),
                user_id,
                tuple(person_rows),
                bool(blocked),
            )
        )
    people.sort(key=lambda p: p.sort_key)
    tool_users = [0] * len(tools)
    tool_ready = [0] * len(tools)
    tool_missing = [[0] * len(tool.requirements) for tool in tools]
    users_total = blocked_total = 0
    for combo, count in combos.items():
        blocked, has = outcome[combo], combo[1]
        may = set()
        for row in combo[0]:
            may |= profiles[row]
        if may:
            users_total += count
        if blocked:
            blocked_total += count
        for n in may:
            tool_users[n] += count
            if n not in blocked:
                tool_ready[n] += count
                continue
            for m, code in enumerate(codes[n]):
                if code not in has:
                    tool_missing[n][m] += count

    def by(index: int) -> list[tuple[str, int, int, int]]:
        return [
            (value, len(g[0]), len(g[1]), len(g[2]))
            for (i, value), g in sorted(groups.items())
            if i == index
        ]

    return Facts(
        profiles=profiles,
        people=people,
        users=users_total,
        blocked=blocked_total,
        tools=[(tool_users[n], tool_ready[n], tuple(tool_missing[n])) for n in range(len(tools))],
        by_role=by(0),
        by_team=by(1),
    )


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
        live=day is None,
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
    lacks it; and the totals (from the scope's facts)."""
    labels = labels if labels is not None else requirement_labels(scope.requirements)
    facts = scope.facts()
    return Overview(
        people=len(facts.people),
        users=facts.users,
        blocked=facts.blocked,
        tools=[
            ToolCoverage(
                tool=tool,
                users=users,
                ready=ready,
                gaps=[
                    RequirementGap(r, labels.get(r.code, r.key), missing[m])
                    for m, r in enumerate(tool.requirements)
                ],
            )
            for tool, (users, ready, missing) in zip(scope.tools, facts.tools, strict=True)
        ],
    )


def coverage_by(scope: Scope, field_name: str) -> list[GroupCoverage]:
    """Per role or per team (``field_name``): people, who may use a tool (through a
    membership of that role or team), who lacks something for such a tool."""
    facts = scope.facts()
    out = []
    for value, people_in, users, blocked in (
        facts.by_role if field_name == "role" else facts.by_team
    ):
        if field_name == "role":
            name = str(Role(value).label) if value in Role.values else value
        else:
            name = value or _("No team")
        out.append(GroupCoverage(name, people_in, users, blocked))
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


class PeopleList(Sequence[User]):
    """The people a filter chose, in name order: their ids are known, the ``User`` rows are
    read only for the slice asked (one page), so a paginator costs one small query."""

    def __init__(self, user_ids: list[int]) -> None:
        self.user_ids = user_ids

    def __len__(self) -> int:
        return len(self.user_ids)

    def count(self, value: Any = None) -> int:  # the paginator's and evidence file's count
        return len(self.user_ids)

    def _read(self, ids: list[int]) -> list[User]:
        found = User.objects.in_bulk(ids)
        return [found[i] for i in ids if i in found]

    @overload
    def __getitem__(self, index: int) -> User: ...

    @overload
    def __getitem__(self, index: slice) -> list[User]: ...

    def __getitem__(self, index: int | slice) -> User | list[User]:
        if isinstance(index, slice):
            return self._read(self.user_ids[index])
        return self._read([self.user_ids[index]])[0]

    def __iter__(self) -> Iterator[User]:
        for start in range(0, len(self.user_ids), 500):
            yield from self._read(self.user_ids[start : start + 500])


def people(scope: Scope, filters: PeopleFilters) -> PeopleList:
    """The people in scope, by name. Role, team and tool filter one membership (a person
    who is a student in Noord and a professional in Zuid is no professional in Noord)."""
    facts = scope.facts()
    tool = None
    if filters.tool is not None:
        tool = next((n for n, t in enumerate(scope.tools) if t.tool_id == filters.tool), None)
        if tool is None:
            return PeopleList([])
    words = [w.casefold() for w in filters.q.split()]
    chosen = []
    for person in facts.people:
        if filters.status == BLOCKED and not person.blocked:
            continue
        if filters.status == READY and person.blocked:
            continue
        if words and not all(w in person.name or w in person.email for w in words):
            continue
        rows = [
            row
            for row in person.rows
            if (not filters.role or row[0] == filters.role)
            and (not filters.team or row[1] == filters.team)
            and (tool is None or tool in facts.granted(row))
        ]
        if not rows:
            continue
        if filters.status == READY and not any(facts.granted(row) for row in rows):
            continue
        chosen.append(person.user_id)
    return PeopleList(chosen)


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

    @property
    def allowed_tools(self) -> list[PersonTool]:
        return [t for t in self.tools if t.allowed]

    @property
    def items(self) -> list[ItemStatus]:
        """What their tools require, each requirement once (several tools may ask the same
        module), with its evidence or that it is missing."""
        seen: dict[str, ItemStatus] = {}
        for person_tool in self.tools:
            for item in person_tool.items:
                seen.setdefault(item.requirement.code, item)
        return list(seen.values())


def _evidence_queries(
    scope: Scope, users: Sequence[int] | QuerySet[Any], requirements: list[Requirement]
) -> dict[str, QuerySet[Any]]:
    """Per kind of evidence, the rows that count on the scope's moment for these people
    (ids, or a query of them) and these requirements: the one place the rules are read."""
    at = scope.at
    queries: dict[str, QuerySet[Any]] = {}
    module_keys = {r.key for r in requirements if r.kind == RequirementKind.MODULE}
    if module_keys:
        queries["certificate"] = Certificate.objects.filter(
            user_id__in=users, module__key__in=module_keys, issued_at__lte=at, expires_at__gt=at
        ).filter(Q(revoked_at__isnull=True) | Q(revoked_at__gt=at))
        queries["external"] = ExternalCertificate.objects.filter(
            user_id__in=users,
            organisation=scope.organisation,
            module_key__in=module_keys,
            status=ExternalStatus.ACCEPTED,
            reviewed_at__lte=at,
        ).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=at.date()))
    if scope.guideline is not None and any(r.kind == "guidelines" for r in requirements):
        queries["acknowledgement"] = Acknowledgement.objects.filter(
            user_id__in=users, guideline=scope.guideline, acknowledged_at__lte=at
        )
    practice = {r.key for r in requirements if r.kind == RequirementKind.PRACTICE}
    if practice:
        queries["practice"] = PracticeAttempt.objects.filter(
            user_id__in=users,
            case__key__in={_split_practice(k)[0] for k in practice},
            passed=True,
            created_at__lte=at,
        )
    workshops = {r.key for r in requirements if r.kind == RequirementKind.WORKSHOP}
    if workshops:
        queries["workshop"] = WorkshopRegistration.objects.filter(
            user_id__in=users,
            attended=True,
            session__lesson__module__key__in=workshops,
            session__starts_at__lte=at,
            session__cancelled_at__isnull=True,
        )
    return queries


def _held(
    scope: Scope, users: QuerySet[Any], requirements: list[Requirement]
) -> dict[int, set[str]]:
    """Per person, the codes of the requirements they have evidence for: ids and keys
    only (reading dates for 10,000 people costs seconds in the database driver)."""
    practice = {r.key for r in requirements if r.kind == RequirementKind.PRACTICE}
    held: dict[int, set[str]] = {}
    for kind, rows in _evidence_queries(scope, users, requirements).items():
        rows = rows.order_by()  # no ordering field in the DISTINCT (a date to read)
        if kind == "certificate":
            pairs = (
                (u, f"module:{k}") for u, k in rows.values_list("user_id", "module__key").distinct()
            )
        elif kind == "external":
            pairs = (
                (u, f"module:{k}") for u, k in rows.values_list("user_id", "module_key").distinct()
            )
        elif kind == "acknowledgement":
            pairs = ((u, "guidelines:") for u in rows.values_list("user_id", flat=True))
        elif kind == "practice":
            pairs = (
                (u, f"practice:{c}:{e}")
                for u, c, e in rows.values_list("user_id", "case__key", "exercise").distinct()
                if f"{c}:{e}" in practice
            )
        else:
            pairs = (
                (u, f"workshop:{k}")
                for u, k in rows.values_list("user_id", "session__lesson__module__key").distinct()
            )
        for user_id, code in pairs:
            held.setdefault(user_id, set()).add(code)
    return held


def _evidence_for(
    scope: Scope, user_ids: Sequence[int], requirements: list[Requirement]
) -> dict[tuple[int, str], Evidence]:
    """The best evidence per (person, requirement code) on the scope's moment, with its
    dates: a few queries, whatever the number of people (one page of them)."""
    found: dict[tuple[int, str], Evidence] = {}

    def keep(user_id: int, code: str, evidence: Evidence) -> None:
        found[(user_id, code)] = lasts_longer(found.get((user_id, code)), evidence)

    queries = _evidence_queries(scope, user_ids, requirements)
    if "certificate" in queries:
        for c in queries["certificate"].values(
            "user_id", "module__key", "issued_at", "expires_at", "code"
        ):
            keep(
                c["user_id"],
                f"module:{c['module__key']}",
                Evidence("certificate", c["issued_at"], c["expires_at"], c["code"]),
            )
    if "external" in queries:
        for e in queries["external"]:
            keep(
                e.user_id,
                f"module:{e.module_key}",
                Evidence("external", e.issued_on, e.valid_until, f"{e.title} ({e.issuer})"),
            )
    if "acknowledgement" in queries and scope.guideline is not None:
        version = scope.guideline.version
        for user_id, when in queries["acknowledgement"].values_list("user_id", "acknowledged_at"):
            keep(user_id, "guidelines:", Evidence("acknowledgement", when, None, f"v{version}"))
    if "practice" in queries:
        practice = {r.key for r in requirements if r.kind == RequirementKind.PRACTICE}
        for user_id, case_key, exercise, when in queries["practice"].values_list(
            "user_id", "case__key", "exercise", "created_at"
        ):
            key = f"{case_key}:{exercise}"
            if key in practice:
                current = found.get((user_id, f"practice:{key}"))
                if current is None or when < current.on:
                    found[(user_id, f"practice:{key}")] = Evidence("practice", when)
    if "workshop" in queries:
        for user_id, key, when in queries["workshop"].values_list(
            "user_id", "session__lesson__module__key", "session__starts_at"
        ):
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


@dataclass(frozen=True)
class TaskView:
    task: LiteracyTask
    label: str
    url: str  # where to do it; "" when there is no page for it


def requirement_url(*, organisation: Organisation, requirement: Requirement, language: str) -> str:
    """Where a person does what a requirement asks: the guidelines, the practice case, the
    workshop's or the module's page ("" when there is no such page for them)."""
    from django.urls import reverse

    if requirement.kind == RequirementKind.GUIDELINES:
        return reverse("register:guidelines", kwargs={"slug": organisation.slug})
    if requirement.kind == RequirementKind.PRACTICE:
        case_key = _split_practice(requirement.key)[0]
        cases = {c.language: c.pk for c in Case.objects.filter(key=case_key, is_active=True)}
        case_id = cases.get(language) or next(iter(cases.values()), None)
        if case_id is None:
            return ""
        return reverse("practice:case_detail", kwargs={"case_id": case_id})
    modules = Module.objects.usable_by(organisation_ids=[organisation.pk]).filter(
        key=requirement.key
    )
    module = next(iter(one_per_key(list(modules), language=language)), None)
    if module is None:
        return ""
    return reverse("learning:module_detail", kwargs={"module_id": module.pk})


def missing_links(
    *, organisation: Organisation, record: PersonRecord, language: str
) -> dict[str, str]:
    """For one person's own page: requirement code -> where to do it, for what is missing."""
    missing = {item.requirement.code: item.requirement for item in record.items if not item.met}
    links = {
        code: requirement_url(organisation=organisation, requirement=requirement, language=language)
        for code, requirement in missing.items()
    }
    return {code: url for code, url in links.items() if url}


def open_tasks(*, organisation: Organisation, user: User, language: str) -> list[TaskView]:
    """The person's open literacy tasks (guidelines, exercises, workshops), soonest first,
    each with where to do it."""
    tasks = list(
        LiteracyTask.objects.filter(
            organisation=organisation, user=user, done_at__isnull=True, ended_at__isnull=True
        )
    )
    requirements = [Requirement(t.kind, t.key) for t in tasks]
    labels = requirement_labels(requirements, language)
    # Done since the follow-up last ran (it marks them done on its next run): not shown.
    done = _evidence_for(scope_of(organisation=organisation), [user.pk], requirements)
    out = []
    for task in tasks:
        if (user.pk, f"{task.kind}:{task.key}") in done:
            continue
        url = requirement_url(
            organisation=organisation,
            requirement=Requirement(task.kind, task.key),
            language=language,
        )
        out.append(TaskView(task, labels.get(f"{task.kind}:{task.key}", task.key), url))
    return out
