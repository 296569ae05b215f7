"""A register with one tool that requires a module, for the literacy tests. Everything and
everyone here is fictional."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from carai.accounts.models import User
from carai.learning.models import Certificate, Module
from carai.register.models import AITool
from carai.register.services import tool_create
from tests.conftest import World


def make_module(key: str = "ai-basis", title: str = "AI-basis (fictief)") -> Module:
    return Module.objects.create(
        key=key,
        language="nl",
        title=title,
        summary="Een fictieve module.",
        status="published",
        validity_months=12,
    )


def certify(
    user: User,
    module: Module,
    *,
    issued: datetime.datetime | None = None,
    months: int = 12,
) -> Certificate:
    issued = issued or timezone.now()
    return Certificate.objects.create(
        user=user,
        module=module,
        module_version=module.version,
        module_title=module.title,
        holder_name=user.full_name,
        issued_at=issued,
        expires_at=issued + datetime.timedelta(days=30 * months),
    )


def make_tool(
    world: World,
    name: str,
    *,
    modules: list[Module],
    roles: list[str] | None = None,
    teams: str = "",
    status: str = "allowed",
) -> AITool:
    return tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={
            "name": name,
            "vendor": "Fictief BV",
            "purpose": "Brieven schrijven",
            "status": status,
            "roles": roles or [],
            "teams": teams,
            "ai_act_category": "limited",
        },
        rules={"public": ("allowed", "")},
        modules=modules,
    )


@dataclass
class Lit:
    world: World
    module: Module
    tool: AITool


@pytest.fixture
def lit(world: World) -> Lit:
    module = make_module()
    tool = make_tool(world, "Schrijfhulp (fictief)", modules=[module], roles=["professional"])
    return Lit(world=world, module=module, tool=tool)
