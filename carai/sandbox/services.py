"""Writes of the AI sandbox: the endpoint, the calls counted, the attempts kept; and the
pre-send check that every prompt passes before it leaves CARAI."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Organisation
from carai.core import secrets_box
from carai.core.audit import audit_record
from carai.core.engine import privacy_engine_or_none
from carai.practice.content import CaseData
from carai.practice.models import Case
from carai.register.models import AITool
from carai.sandbox import presend, selectors
from carai.sandbox.audit import SandboxAction
from carai.sandbox.models import Call, CommunityEndpoint, ModelEndpoint, SandboxAttempt, Source

KEY_PURPOSE = "carai-sandbox-model-key-v1"


def endpoint_key(endpoint: ModelEndpoint) -> str:
    return secrets_box.unseal(endpoint.sealed_key, purpose=KEY_PURPOSE)


def _connect(
    target: ModelEndpoint | CommunityEndpoint,
    *,
    base_url: str,
    model_name: str,
    api_key: str,
    monthly_token_budget: int,
    requests_per_hour: int,
    price_per_million: Decimal,
    is_active: bool,
) -> None:
    """The connection settings an organisation's and the community's model share; an empty
    ``api_key`` keeps the saved one (it is never shown again, so a form leaves it empty)."""
    target.base_url = base_url
    target.model_name = model_name
    target.monthly_token_budget = monthly_token_budget
    target.requests_per_hour = requests_per_hour
    target.price_per_million = price_per_million
    target.is_active = is_active
    if api_key:
        target.key_encrypted = secrets_box.seal(api_key, purpose=KEY_PURPOSE)


@transaction.atomic
def endpoint_save(
    *,
    actor: User,
    organisation: Organisation,
    tool: AITool,
    base_url: str,
    model_name: str,
    api_key: str,
    monthly_token_budget: int,
    requests_per_hour: int,
    price_per_million: Decimal,
    is_active: bool,
) -> ModelEndpoint:
    """Link a register tool to a model endpoint. An empty ``api_key`` keeps the saved one."""
    if tool.organisation_id != organisation.pk or not selectors.health_allowed(tool):
        raise ValidationError(
            {"tool": _("Your register does not allow health data in this tool: choose another.")}
        )
    endpoint = selectors.endpoint_of(organisation_id=organisation.pk) or ModelEndpoint(
        organisation=organisation
    )
    endpoint.tool = tool
    endpoint.community = None
    _connect(
        endpoint,
        base_url=base_url,
        model_name=model_name,
        api_key=api_key,
        monthly_token_budget=monthly_token_budget,
        requests_per_hour=requests_per_hour,
        price_per_million=price_per_million,
        is_active=is_active,
    )
    endpoint.save()
    audit_record(
        action=SandboxAction.ENDPOINT_SAVED,
        actor=actor,
        organisation=organisation,
        target=endpoint,
        target_label=model_name,
        details={"tool": tool.name, "base_url": base_url, "active": is_active},
    )
    return endpoint


@transaction.atomic
def community_save(
    *,
    actor: User,
    name: str,
    base_url: str,
    model_name: str,
    api_key: str,
    monthly_token_budget: int,
    requests_per_hour: int,
    price_per_million: Decimal,
    is_active: bool,
) -> CommunityEndpoint:
    """The community lead offers (or changes, or withdraws) the community's model. An empty
    ``api_key`` keeps the saved one."""
    if not actor.is_community_lead:
        raise ValidationError(_("Only the community lead offers the community model."))
    community = selectors.community_endpoint() or CommunityEndpoint()
    community.name = name
    _connect(
        community,
        base_url=base_url,
        model_name=model_name,
        api_key=api_key,
        monthly_token_budget=monthly_token_budget,
        requests_per_hour=requests_per_hour,
        price_per_million=price_per_million,
        is_active=is_active,
    )
    community.save()
    audit_record(
        action=SandboxAction.COMMUNITY_SAVED,
        actor=actor,
        target=community,
        target_label=name,
        details={"base_url": base_url, "model": model_name, "active": is_active},
    )
    return community


@transaction.atomic
def community_join(
    *,
    actor: User,
    organisation: Organisation,
    community: CommunityEndpoint,
    tool: AITool,
    is_active: bool,
) -> ModelEndpoint:
    """The organisation opts in to the community's model, linked to one of its own register
    tools that allows health data. It replaces the organisation's own model settings."""
    if not community.is_active:
        raise ValidationError(_("The community does not offer this model now."))
    if tool.organisation_id != organisation.pk or not selectors.health_allowed(tool):
        raise ValidationError(
            {"tool": _("Your register does not allow health data in this tool: choose another.")}
        )
    endpoint = selectors.endpoint_of(organisation_id=organisation.pk) or ModelEndpoint(
        organisation=organisation
    )
    endpoint.tool = tool
    endpoint.community = community
    endpoint.is_active = is_active
    endpoint.base_url = ""
    endpoint.model_name = ""
    endpoint.key_encrypted = ""
    endpoint.save()
    audit_record(
        action=SandboxAction.COMMUNITY_JOINED,
        actor=actor,
        organisation=organisation,
        target=endpoint,
        target_label=community.name,
        details={"tool": tool.name, "active": is_active},
    )
    return endpoint


class EngineStarting(Exception):
    """The privacy engine is still loading: nothing may be sent yet."""


@dataclass
class PresendCheck:
    blocked: list[presend.Found] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.blocked


def case_texts(data: CaseData) -> list[str]:
    return [data.dossier, data.situation, data.task]


def presend_check(*, data: CaseData, prompt: str) -> PresendCheck:
    """Run the privacy engine on the prompt; block what is not the case's own. Writes and
    keeps nothing."""
    engine = privacy_engine_or_none()
    if engine is None:
        raise EngineStarting
    result = engine.analyse(prompt)
    found = [presend.Found(span.text, span.label) for span in result.spans]
    return PresendCheck(blocked=presend.blocked(found, case_texts=case_texts(data)))


def call_start(*, endpoint: ModelEndpoint, user: User) -> Call:
    """Count one request before it goes out, or refuse it: the monthly token budget is used
    up, or the person sent their requests for this hour."""
    with transaction.atomic():
        ModelEndpoint.objects.select_for_update().filter(pk=endpoint.pk).first()
        if selectors.tokens_this_month(endpoint=endpoint) >= endpoint.token_budget:
            raise ValidationError(
                _("Your organisation's AI budget for this month is used up. Nothing was sent."),
                code="budget",
            )
        if selectors.calls_last_hour(endpoint=endpoint, user=user) >= endpoint.hourly_limit:
            raise ValidationError(
                _(
                    "You sent the most requests allowed in one hour. Try again later; your "
                    "prompt is still here."
                ),
                code="rate",
            )
        return Call.objects.create(endpoint=endpoint, user=user)


def call_finish(*, call: Call, tokens: int, outcome: str) -> None:
    Call.objects.filter(pk=call.pk).update(tokens=tokens, outcome=outcome[:20])


def attempt_save(
    *,
    user: User,
    case: Case,
    task: str,
    prompt: str,
    answer: str,
    source: str,
    marks: list[dict[str, object]],
    reflection: str,
) -> SandboxAttempt:
    """Keep an attempt because the learner chose to; only they see it."""
    if source not in Source.values:
        raise ValidationError(_("Unknown kind of answer."))
    return SandboxAttempt.objects.create(
        user=user,
        case=case,
        task=task,
        prompt=prompt,
        answer=answer,
        source=source,
        marks=marks,
        reflection=reflection,
    )


def attempt_delete(*, attempt: SandboxAttempt) -> None:
    attempt.delete()
