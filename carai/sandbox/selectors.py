"""Reads for the AI sandbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from carai.accounts.models import User
from carai.community.access import roles_in_organisation
from carai.community.models import Membership, Organisation
from carai.practice.content import AiOutput, CaseData
from carai.practice.models import Case
from carai.register import verdict
from carai.register.models import AITool, DataCategory, Permission, ToolStatus
from carai.register.selectors import finished_module_keys, tool_rules
from carai.sandbox.access import SETTINGS_ROLES
from carai.sandbox.models import Call, CommunityEndpoint, ModelEndpoint, SandboxAttempt

USABLE = {Permission.ALLOWED, Permission.CONDITIONS}


def health_allowed(tool: AITool) -> bool:
    """Whether the register lets health data of clients go into ``tool``: the tool is allowed
    (perhaps under conditions) and so is its rule for health data."""
    if tool.status not in {ToolStatus.ALLOWED, ToolStatus.CONDITIONS}:
        return False
    rule = tool.data_rules.filter(category=DataCategory.HEALTH).first()
    return rule is not None and rule.permission in USABLE


def tools_for_sandbox(*, organisation_id: int) -> list[AITool]:
    """The register's tools an admin may link to the sandbox (never one that forbids health
    data, or that is not allowed at all)."""
    tools = AITool.objects.filter(organisation_id=organisation_id).prefetch_related("data_rules")
    return [tool for tool in tools if health_allowed(tool)]


def endpoint_of(*, organisation_id: int) -> ModelEndpoint | None:
    return (
        ModelEndpoint.objects.select_related("tool", "organisation", "community")
        .filter(organisation_id=organisation_id)
        .first()
    )


def settings_organisations(*, user: User) -> list[Organisation]:
    """The organisations whose sandbox model this person may set up (for a link)."""
    ids = (
        Membership.objects.active()
        .filter(user=user, role__in=SETTINGS_ROLES, organisation__is_active=True)
        .values("organisation_id")
    )
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def endpoint_for(*, user: User) -> ModelEndpoint | None:
    """The active endpoint of one of the person's organisations (the first by name)."""
    organisations = Membership.objects.active().filter(user=user).values("organisation_id")
    return (
        ModelEndpoint.objects.select_related("tool", "organisation", "community")
        .filter(organisation_id__in=organisations, organisation__is_active=True, is_active=True)
        .filter(Q(community__isnull=True) | Q(community__is_active=True))
        .order_by("organisation__name")
        .first()
    )


def tool_decision(*, endpoint: ModelEndpoint, user: User, language: str) -> verdict.Decision:
    """May this person send a case's health data to the endpoint's tool? The register's
    rules (status, role, required modules, the health-data rule) as "Mag dit?" applies them."""
    roles = roles_in_organisation(user=user, organisation=endpoint.organisation)
    rules = tool_rules(
        endpoint.tool, roles=roles, finished=finished_module_keys(user=user), language=language
    )
    return verdict.decide(rules, {verdict.HEALTH})


def month_start(now: datetime | None = None) -> datetime:
    now = timezone.localtime(now or timezone.now())
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def tokens_this_month(*, endpoint: ModelEndpoint) -> int:
    total = Call.objects.filter(endpoint=endpoint, created_at__gte=month_start()).aggregate(
        total=Sum("tokens")
    )["total"]
    return int(total or 0)


def calls_last_hour(*, endpoint: ModelEndpoint, user: User) -> int:
    since = timezone.now() - timedelta(hours=1)
    return Call.objects.filter(endpoint=endpoint, user=user, created_at__gte=since).count()


@dataclass(frozen=True)
class MonthUsage:
    month: datetime
    calls: int
    tokens: int
    cost: Decimal


def usage_by_month(*, endpoint: ModelEndpoint) -> list[MonthUsage]:
    """Calls, tokens and cost per month, newest first. Never who asked what."""
    rows = (
        Call.objects.filter(endpoint=endpoint)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(calls=Count("id"), tokens=Sum("tokens"))
        .order_by("-month")
    )
    price = endpoint.price
    return [
        MonthUsage(
            month=row["month"],
            calls=row["calls"],
            tokens=int(row["tokens"] or 0),
            cost=(Decimal(int(row["tokens"] or 0)) * price / Decimal(1_000_000)).quantize(
                Decimal("0.01")
            ),
        )
        for row in rows
    ]


_CASE_DATA: dict[tuple[int, str], CaseData] = {}


def case_data(case: Case) -> CaseData:
    """The case as data, read once per version of the case in this process: reading and
    checking it costs about 10 ms, which every prompt would otherwise wait for before the
    first word. Callers must not change it."""
    key = (case.pk, case.content_hash)
    data = _CASE_DATA.get(key)
    if data is None:
        if len(_CASE_DATA) >= 256:
            _CASE_DATA.clear()
        data = _CASE_DATA[key] = case.as_data()
    return data


def recorded_output(data: CaseData) -> AiOutput:
    """The recorded example answer of the case's task (its first AI answer)."""
    return data.ai_outputs[0]


def recorded_text(output: AiOutput) -> str:
    """A recorded answer as plain text: headings and units, paragraph by paragraph."""
    paragraphs = []
    for block in output.answer:
        lines = [block.heading] if block.heading else []
        lines.append(" ".join(unit.text for unit in block.units))
        paragraphs.append("\n".join(line for line in lines if line))
    return "\n\n".join(paragraphs)


def attempts_of(*, user: User) -> QuerySet[SandboxAttempt]:
    return SandboxAttempt.objects.filter(user=user).select_related("case")


def kept_on_case(*, user: User, case_key: str, since: datetime | None = None) -> bool:
    """Whether the person kept an attempt on the case's own task (any language of the case),
    from ``since`` when given: what a module's AI sandbox lesson asks."""
    attempts = SandboxAttempt.objects.filter(user=user, case__key=case_key).select_related("case")
    if since is not None:
        attempts = attempts.filter(created_at__gte=since)
    return any(
        attempt.task.strip() == str(attempt.case.data.get("task", "")).strip()
        for attempt in attempts.only("task", "case__data")
    )


def community_endpoint() -> CommunityEndpoint | None:
    """The model the community offers to partners (one; the first made)."""
    return CommunityEndpoint.objects.order_by("pk").first()


def community_offered() -> CommunityEndpoint | None:
    return CommunityEndpoint.objects.filter(is_active=True).order_by("pk").first()


@dataclass(frozen=True)
class PartnerUsage:
    organisation: str
    month: datetime
    calls: int
    tokens: int
    cost: Decimal


def community_usage(*, community: CommunityEndpoint) -> list[PartnerUsage]:
    """Per organisation that opted in and per month: requests, tokens and cost. For the
    community lead; never who asked what."""
    rows = (
        Call.objects.filter(endpoint__community=community)
        .annotate(month=TruncMonth("created_at"))
        .values("month", "endpoint__organisation__name")
        .annotate(calls=Count("id"), tokens=Sum("tokens"))
        .order_by("-month", "endpoint__organisation__name")
    )
    price = community.price_per_million
    return [
        PartnerUsage(
            organisation=row["endpoint__organisation__name"],
            month=row["month"],
            calls=row["calls"],
            tokens=int(row["tokens"] or 0),
            cost=(Decimal(int(row["tokens"] or 0)) * price / Decimal(1_000_000)).quantize(
                Decimal("0.01")
            ),
        )
        for row in rows
    ]
