"""The community lead's model for partner organisations: offered by the lead only, chosen by
an organisation admin with a tool of their own register that allows health data, the budget
counted per organisation, counts (never prompts) for that organisation and for the lead."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from carai.core.engine import privacy_engine_warm_up
from carai.practice.models import Case
from carai.register.models import AITool, DataRule, Permission, ToolStatus
from carai.sandbox import services
from carai.sandbox.models import Call, CommunityEndpoint, ModelEndpoint
from tests.conftest import World, client_for, downloaded
from tests.sandbox.conftest import make_tool
from tests.sandbox.model_server import ModelServer
from tests.sandbox.test_views import GOOD_PROMPT

COMMUNITY_URL = "/ai-oefenruimte/community/"


@pytest.fixture(scope="module", autouse=True)
def _engine_ready() -> None:
    privacy_engine_warm_up(wait=True)


def _offer(world: World, server: ModelServer, *, budget: int = 100_000) -> CommunityEndpoint:
    response = client_for(world.lead).post(
        COMMUNITY_URL,
        {
            "name": "CARAI Oefenmodel",
            "is_active": "on",
            "base_url": server.url,
            "model_name": "ok",
            "api_key": "sk-community-geheim",
            "monthly_token_budget": budget,
            "requests_per_hour": 50,
            "price_per_million": "4.00",
        },
    )
    assert response.status_code == 302
    return CommunityEndpoint.objects.get()


def _tool_b(world: World) -> AITool:
    tool = AITool.objects.create(
        organisation=world.org_b,
        name="Oefen-AI B",
        vendor="Fictief BV",
        purpose="Oefenen",
        status=ToolStatus.ALLOWED,
    )
    DataRule.objects.create(tool=tool, category="health", permission=Permission.ALLOWED)
    return tool


def _join(client: Client, slug: str, tool: AITool) -> int:
    url = reverse("sandbox:settings", kwargs={"slug": slug})
    data = {"join": "1", "join-tool": tool.pk, "join-is_active": "on"}
    return client.post(url, data).status_code


def _send(client: Client, case: Case) -> int:
    url = reverse("sandbox:workspace", kwargs={"case_id": case.pk})
    response = client.post(url, {"task_choice": "case", "prompt": GOOD_PROMPT, "send": "1"})
    downloaded(response)
    return response.status_code


def test_only_the_lead_offers_the_community_model(world: World, server: ModelServer) -> None:
    for person in (world.org_admin, world.privacy_officer, world.care_worker, world.outsider):
        assert client_for(person).get(COMMUNITY_URL).status_code == 404
        assert client_for(person).post(COMMUNITY_URL, {"name": "x"}).status_code == 404
    assert client_for(world.lead).get(COMMUNITY_URL).status_code == 200
    community = _offer(world, server)
    assert community.key_encrypted
    assert "sk-community" not in community.key_encrypted
    assert services.endpoint_key(ModelEndpoint(organisation=world.org_a, community=community)) == (
        "sk-community-geheim"
    )


def test_partners_opt_in_and_each_sees_only_its_own_counts(
    world: World, case: Case, health_tool: AITool, server: ModelServer
) -> None:
    community = _offer(world, server)
    assert _join(client_for(world.org_admin), world.org_a.slug, health_tool) == 302
    tool_b = _tool_b(world)
    assert _join(client_for(world.outsider_admin), world.org_b.slug, tool_b) == 302
    # An admin cannot link another organisation's tool, nor reach its settings.
    assert _join(client_for(world.outsider_admin), world.org_a.slug, tool_b) == 404
    assert _join(client_for(world.org_admin), world.org_a.slug, tool_b) == 200

    assert _send(client_for(world.care_worker), case) == 200
    assert _send(client_for(world.care_worker), case) == 200
    assert _send(client_for(world.outsider), case) == 200
    assert [request["model"] for request in server.requests] == ["ok", "ok", "ok"]
    endpoint_a = ModelEndpoint.objects.get(organisation=world.org_a)
    endpoint_b = ModelEndpoint.objects.get(organisation=world.org_b)
    assert endpoint_a.community == endpoint_b.community == community
    assert Call.objects.filter(endpoint=endpoint_a).count() == 2
    assert Call.objects.filter(endpoint=endpoint_b).count() == 1

    page_a = client_for(world.org_admin).get(
        reverse("sandbox:settings", kwargs={"slug": world.org_a.slug})
    )
    assert [(row.calls, row.tokens) for row in page_a.context["usage"]] == [(2, 120)]
    page_b = client_for(world.outsider_admin).get(
        reverse("sandbox:settings", kwargs={"slug": world.org_b.slug})
    )
    assert [(row.calls, row.tokens) for row in page_b.context["usage"]] == [(1, 60)]
    assert world.org_a.name not in page_b.content.decode()

    lead_page = client_for(world.lead).get(COMMUNITY_URL)
    rows = {(row.organisation, row.calls, row.tokens) for row in lead_page.context["usage"]}
    assert rows == {(world.org_a.name, 2, 120), (world.org_b.name, 1, 60)}
    text = html.unescape(lead_page.content.decode())
    assert "temazepam" not in text  # counts, never prompts
    assert "MIC-melding" not in text


def test_the_budget_counts_per_organisation(
    world: World, case: Case, health_tool: AITool, server: ModelServer
) -> None:
    _offer(world, server, budget=1000)
    _join(client_for(world.org_admin), world.org_a.slug, health_tool)
    _join(client_for(world.outsider_admin), world.org_b.slug, _tool_b(world))
    endpoint_a = ModelEndpoint.objects.get(organisation=world.org_a)
    Call.objects.create(endpoint=endpoint_a, user=world.manager, tokens=1000, outcome="done")
    assert _send(client_for(world.care_worker), case) == 429  # A used its budget
    assert _send(client_for(world.outsider), case) == 200  # B still has its own
    assert len(server.requests) == 1


def test_a_forbidden_tool_cannot_be_linked_and_a_withdrawn_model_sends_nothing(
    world: World, case: Case, health_tool: AITool, server: ModelServer
) -> None:
    community = _offer(world, server)
    forbidden = make_tool(
        world, name="Gratis chatbot", health=Permission.NOT_ALLOWED, status=ToolStatus.ALLOWED
    )
    assert _join(client_for(world.org_admin), world.org_a.slug, forbidden) == 200
    assert not ModelEndpoint.objects.exists()
    assert _join(client_for(world.org_admin), world.org_a.slug, health_tool) == 302
    services.community_save(
        actor=world.lead,
        name=community.name,
        base_url=community.base_url,
        model_name=community.model_name,
        api_key="",
        monthly_token_budget=community.monthly_token_budget,
        requests_per_hour=community.requests_per_hour,
        price_per_million=Decimal("4.00"),
        is_active=False,
    )
    assert _send(client_for(world.care_worker), case) == 200
    assert server.requests == []  # the recorded answer instead
