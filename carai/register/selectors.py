"""Reads for the AI tool register, for callers that already passed the access check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.core.cache import scopes_changed
from carai.core.exports import unsafe_text
from carai.learning.models import Enrolment, Module
from carai.learning.selectors import one_per_key
from carai.register.forms import conditions_field, rule_field
from carai.register.models import (
    TOOL_FIELDS,
    Acknowledgement,
    AITool,
    CheckCount,
    DataCategory,
    Guideline,
    Register,
    ToolImport,
    ToolStatus,
    ToolTemplate,
)
from carai.register.verdict import Rule, ToolRules

CSV_COLUMNS = [
    *TOOL_FIELDS,
    *[column for c in DataCategory.values for column in (rule_field(c), conditions_field(c))],
]
USABLE = (ToolStatus.ALLOWED, ToolStatus.CONDITIONS)


def organisations_of(*, user: User) -> list[Organisation]:
    """The active organisations the person is an active member of, by name."""
    memberships = Membership.objects.active().filter(user=user)
    return list(
        Organisation.objects.filter(is_active=True, memberships__in=memberships)
        .distinct()
        .order_by("name")
    )


def tools_of(*, organisation: Organisation) -> QuerySet[AITool]:
    return AITool.objects.filter(organisation=organisation).prefetch_related(
        "data_rules", "required_modules"
    )


def register_scope(organisation_id: int) -> str:
    """The cache scope of what every member sees of one organisation's register: its tools
    and guidelines (bumped by ``register.receivers`` and the import's bulk writes)."""
    return f"register:{organisation_id}"


def register_changed(*, organisation_id: int) -> None:
    scopes_changed(register_scope(organisation_id))


def register_of(*, organisation: Organisation) -> Register | None:
    return Register.objects.filter(organisation=organisation).first()


def tool_import_of(*, organisation: Organisation, import_id: int) -> ToolImport:
    """One of the organisation's background imports (404 for any other)."""
    job = ToolImport.objects.filter(organisation=organisation, pk=import_id).first()
    if job is None:
        raise Http404("No such import.")
    return job


def templates_available() -> QuerySet[ToolTemplate]:
    return ToolTemplate.objects.filter(is_active=True)


def modules_for_requirements(
    *, organisation: Organisation, language: str, tool: AITool | None = None
) -> QuerySet[Module]:
    """Modules a tool may require: the community's, shared ones and the organisation's own.

    Either language version of a module counts (``missing_modules``), so each module is
    offered once, in ``language`` where it has that version; a version the tool already
    requires stays on offer, so saving the form keeps it."""
    usable = Module.objects.usable_by(organisation_ids=[organisation.pk])
    chosen = {m.pk for m in one_per_key(list(usable), language=language)}
    if tool is not None:
        chosen |= set(tool.required_modules.values_list("pk", flat=True))
    return usable.filter(pk__in=chosen).order_by("title", "language")


def may_use(tool: AITool, roles: set[str]) -> bool:
    return not tool.roles or bool(set(tool.roles) & roles)


def privacy_officers(*, organisation: Organisation) -> list[User]:
    """Who to ask about a tool that is not in the register."""
    return [
        m.user
        for m in Membership.objects.active()
        .filter(organisation=organisation, role=Role.PRIVACY_OFFICER)
        .select_related("user")
    ]


def tool_rules(tool: AITool, *, roles: set[str], finished: set[str], language: str) -> ToolRules:
    """The tool's rules as they apply to one person: their roles, and the module keys they
    finished (for the modules the tool requires)."""
    return ToolRules(
        status=tool.status,
        may_use=may_use(tool, roles),
        rules={
            rule.category: Rule(rule.permission, rule.conditions) for rule in tool.data_rules.all()
        },
        tool_conditions=tool.approved_uses,
        missing_modules=tuple(
            m.title for m in missing_modules(tool, finished=finished, language=language)
        ),
    )


# History -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return "" if value is None else str(value)


def snapshot_diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """What differs between two versions of a tool, field by field, in words."""
    labels = {
        f.name: str(f.verbose_name) for f in AITool._meta.get_fields() if hasattr(f, "verbose_name")
    }
    category_labels = dict(DataCategory.choices)
    changes = []
    for key in [k for k in new if k not in ("data_rules",)] + [k for k in old if k not in new]:
        if old.get(key) != new.get(key):
            changes.append(Change(labels.get(key, key), _shown(old.get(key)), _shown(new.get(key))))
    old_rules, new_rules = old.get("data_rules", {}), new.get("data_rules", {})
    for category in DataCategory.values:
        if old_rules.get(category) != new_rules.get(category):
            changes.append(
                Change(
                    str(category_labels[category]),
                    _shown(old_rules.get(category) or _("not assessed")),
                    _shown(new_rules.get(category) or _("not assessed")),
                )
            )
    return changes


# Guidelines --------------------------------------------------------------------------------


def current_guideline(*, organisation: Organisation) -> Guideline | None:
    return Guideline.objects.filter(organisation=organisation).order_by("-version").first()


def has_acknowledged(*, guideline: Guideline, user: User) -> bool:
    return Acknowledgement.objects.filter(guideline=guideline, user=user).exists()


@dataclass(frozen=True)
class RoleCount:
    role_label: str
    done: int
    total: int


def acknowledgement_counts(*, guideline: Guideline) -> list[RoleCount]:
    """Per role how many current members confirmed this version: counted in SQL."""
    confirmed = Exists(
        Acknowledgement.objects.filter(guideline=guideline, user_id=OuterRef("user_id"))
    )
    counts = {
        row["role"]: row
        for row in Membership.objects.active_in(organisation=guideline.organisation)
        .values("role")
        .annotate(
            total=Count("user_id", distinct=True),
            done=Count("user_id", filter=Q(confirmed), distinct=True),
        )
        .order_by()
    }
    return [
        RoleCount(str(label), counts[role]["done"], counts[role]["total"])
        for role, label in Role.choices
        if role in counts
    ]


def acknowledgement_people(
    *, guideline: Guideline, q: str = "", role: str = "", team: str = "", status: str = ""
) -> QuerySet[User]:
    """The current members with the date they confirmed this version (``acknowledged_at``,
    None when not yet), by name; filtered by name, role, team and "read"/"not_read"."""
    memberships = Membership.objects.active_in(organisation=guideline.organisation)
    if role:
        memberships = memberships.filter(role=role)
    if team:
        memberships = memberships.filter(team=team)
    people = User.objects.filter(pk__in=memberships.values("user_id")).annotate(
        acknowledged_at=Subquery(
            Acknowledgement.objects.filter(guideline=guideline, user_id=OuterRef("pk")).values(
                "acknowledged_at"
            )[:1]
        )
    )
    for word in q.split():
        people = people.filter(Q(full_name__icontains=word) | Q(email__icontains=word))
    if status == "read":
        people = people.filter(acknowledged_at__isnull=False)
    elif status == "not_read":
        people = people.filter(acknowledged_at__isnull=True)
    return people.order_by("full_name", "email", "pk")


def roles_of(*, organisation: Organisation, user_ids: list[int]) -> dict[int, list[str]]:
    """The role labels of these members (one page of a table)."""
    roles: dict[int, list[str]] = {}
    for user_id, role in (
        Membership.objects.active_in(organisation=organisation)
        .filter(user_id__in=user_ids)
        .values_list("user_id", "role")
    ):
        roles.setdefault(user_id, []).append(str(Role(role).label))
    return {user_id: sorted(labels) for user_id, labels in roles.items()}


# Learning requirements ---------------------------------------------------------------------


def finished_module_keys(*, user: User) -> set[str]:
    return set(
        Enrolment.objects.filter(user=user, completed_at__isnull=False).values_list(
            "module__key", flat=True
        )
    )


@dataclass(frozen=True)
class MyTool:
    tool: AITool
    missing: list[Module]


def missing_modules(tool: AITool, *, finished: set[str], language: str) -> list[Module]:
    """The modules ``tool`` requires whose key is not among ``finished`` (either language
    version counts), each once, in ``language`` where it has that version."""
    return one_per_key(
        [m for m in tool.required_modules.all() if m.key not in finished], language=language
    )


def tools_for_user(*, user: User, language: str) -> list[MyTool]:
    """For "Mijn overzicht": the tools the person may use in their organisations, and the
    modules they still have to finish for each (either language version counts)."""
    memberships = Membership.objects.active().filter(user=user, organisation__is_active=True)
    roles: dict[int, set[str]] = {}
    for organisation_id, role in memberships.values_list("organisation_id", "role"):
        roles.setdefault(organisation_id, set()).add(role)
    out = []
    tools = (
        AITool.objects.filter(organisation_id__in=roles, status__in=USABLE)
        .select_related("organisation")
        .prefetch_related("required_modules")
        .order_by("organisation__name", "name")
    )
    done: set[str] | None = None
    for tool in tools:
        if may_use(tool, roles[tool.organisation_id]):
            if done is None:
                done = finished_module_keys(user=user)
            missing = missing_modules(tool, finished=done, language=language)
            out.append(MyTool(tool=tool, missing=missing))
    return out


@dataclass(frozen=True)
class RequirementStats:
    users: int
    meeting: int


def tool_users(*, tool: AITool) -> QuerySet[User]:
    """The organisation's current members who may use the tool (by role; everyone when the
    tool names no roles): the same rule as ``may_use``, in SQL."""
    members = Membership.objects.active_in(organisation=tool.organisation)
    if tool.roles:
        members = members.filter(role__in=tool.roles)
    return User.objects.filter(pk__in=members.values("user_id"))


def requirement_stats(*, tool: AITool) -> RequirementStats:
    """How many members who may use the tool finished every module it requires (either
    language version counts): two counts in SQL, whatever the organisation's size."""
    users = tool_users(tool=tool)
    meeting = users
    for key in {m.key for m in tool.required_modules.all()}:
        meeting = meeting.filter(
            Exists(
                Enrolment.objects.filter(
                    user_id=OuterRef("pk"), module__key=key, completed_at__isnull=False
                )
            )
        )
    return RequirementStats(users=users.count(), meeting=meeting.count())


def check_counts(*, organisation: Organisation) -> list[tuple[str, str, int]]:
    """(tool name, verdict, count) of all "Mag dit?" checks, most asked first."""
    rows = (
        CheckCount.objects.filter(organisation=organisation)
        .values("tool__name", "verdict")
        .annotate(total=Sum("count"))
        .order_by("-total")
    )
    return [
        (r["tool__name"] or _("a tool not in the register"), r["verdict"], r["total"]) for r in rows
    ]


# Export and import -------------------------------------------------------------------------


def tool_to_csv_row(tool: AITool) -> dict[str, str]:
    row: dict[str, str] = {}
    for name in TOOL_FIELDS:
        value = getattr(tool, name)
        if isinstance(value, bool):
            row[name] = "yes" if value else "no"
        elif isinstance(value, list):
            row[name] = " ".join(value)
        elif value is None:
            row[name] = ""
        else:
            row[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    rules = tool.rules()
    for category in DataCategory.values:
        rule = rules.get(category)
        row[rule_field(category)] = rule.permission if rule else ""
        row[conditions_field(category)] = rule.conditions if rule else ""
    return row


TRUE_WORDS = {"yes", "ja", "true", "1", "y", "j", "waar"}


def csv_row_to_form_data(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV row as the tool form's POST data (so import checks exactly what the form checks)."""
    data: dict[str, Any] = {}
    for key, value in row.items():
        if not key:
            continue  # a row longer than the header
        text = unsafe_text(value.strip()).strip() if isinstance(value, str) else ""
        if key in ("processor_agreement", "dpia_done", "general_purpose"):
            if text.lower() in TRUE_WORDS:
                data[key] = "on"
        elif key == "roles":
            data[key] = text.replace(",", " ").replace(";", " ").split()
        else:
            data[key] = text
    return data


def unread_guidelines(*, user: User) -> list[Guideline]:
    """The current guidelines of the person's organisations that they did not confirm yet."""
    memberships = Membership.objects.active().filter(user=user, organisation__is_active=True)
    current: dict[int, Guideline] = {}
    for guideline in Guideline.objects.filter(
        organisation_id__in=memberships.values("organisation_id")
    ).select_related("organisation"):
        kept = current.get(guideline.organisation_id)
        if kept is None or guideline.version > kept.version:
            current[guideline.organisation_id] = guideline
    if not current:
        return []
    read = set(
        Acknowledgement.objects.filter(user=user, guideline__in=list(current.values())).values_list(
            "guideline_id", flat=True
        )
    )
    return [g for g in current.values() if g.pk not in read]
