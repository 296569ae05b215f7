"""Fixtures of the sandbox tests: the local chat-completions server, a shipped case, a tool
the register allows for health data, and an endpoint to the server."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from carai.practice.content import read_case
from carai.practice.models import Case
from carai.practice.services import case_import
from carai.register.models import AITool, DataRule, Permission, ToolStatus
from carai.sandbox import services
from carai.sandbox.models import ModelEndpoint
from tests.conftest import ROOT, World
from tests.sandbox.model_server import ModelServer

CASE_FILE = ROOT / "content" / "cases" / "verpleeghuis-valincident-visser" / "nl" / "case.yaml"


@pytest.fixture(scope="session")
def model_server() -> Iterator[ModelServer]:
    server = ModelServer().start()
    yield server
    server.stop()


@pytest.fixture
def server(model_server: ModelServer) -> ModelServer:
    model_server.requests.clear()
    model_server.answer = "Dit is een antwoord."
    return model_server


@pytest.fixture
def case(db: None) -> Case:
    return case_import(data=read_case(CASE_FILE))[0]


def make_tool(world: World, *, name: str, health: str | None, status: str) -> AITool:
    tool = AITool.objects.create(
        organisation=world.org_a, name=name, vendor="Fictief BV", purpose="Oefenen", status=status
    )
    if health is not None:
        DataRule.objects.create(tool=tool, category="health", permission=health)
    return tool


@pytest.fixture
def health_tool(world: World) -> AITool:
    return make_tool(
        world, name="Oefen-AI (EU)", health=Permission.ALLOWED, status=ToolStatus.ALLOWED
    )


@pytest.fixture
def endpoint(world: World, health_tool: AITool, server: ModelServer) -> ModelEndpoint:
    return services.endpoint_save(
        actor=world.org_admin,
        organisation=world.org_a,
        tool=health_tool,
        base_url=server.url,
        model_name="ok",
        api_key="sk-test-geheim",
        monthly_token_budget=10_000,
        requests_per_hour=5,
        price_per_million=Decimal("2.50"),
        is_active=True,
    )
