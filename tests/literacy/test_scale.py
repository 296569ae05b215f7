"""The literacy overview costs the same for an organisation of 100 and of 10,000 people with
50 tools: the same queries, the same rows fetched, and well under a second. Everyone here
is fictional."""

from __future__ import annotations

import datetime
import time

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.learning.models import Certificate, Module
from carai.literacy.models import ToolRequirement
from carai.register.services import guideline_publish, tool_create
from tests.conftest import World, client_for
from tests.factories import MembershipFactory, OrganisationFactory
from tests.learning.test_team import Cost, measured
from tests.literacy.conftest import make_module

ROLES = ["professional", "student", "ai_coach", "educator"]
TEAMS = ["Noord", "Zuid", "Oost", "West", "Kortverblijf"]


def _large(size: int, world: World, modules: list[Module]) -> Organisation:
    organisation = OrganisationFactory.create(name=f"Groot {size} (fictief)", slug=f"groot-{size}")
    users = User.objects.bulk_create(
        User(email=f"l{size}-{n}@groot.example", full_name=f"Persoon {n:05d}", password="!")
        for n in range(size)
    )
    Membership.objects.bulk_create(
        Membership(
            user=user,
            organisation=organisation,
            role=ROLES[n % len(ROLES)],
            team=TEAMS[n % len(TEAMS)],
        )
        for n, user in enumerate(users)
    )
    now = timezone.now()
    Certificate.objects.bulk_create(
        Certificate(
            user=user,
            module=modules[n % len(modules)],
            module_version=1,
            module_title="x",
            holder_name=user.full_name,
            issued_at=now,
            expires_at=now + datetime.timedelta(days=300),
        )
        for n, user in enumerate(users)
        if n % 3
    )
    officer = world.privacy_officer
    MembershipFactory.create(user=officer, organisation=organisation, role="privacy_officer")
    guideline_publish(organisation=organisation, actor=officer, title="Regels", body="Tekst")
    for n in range(50):
        tool = tool_create(
            organisation=organisation,
            actor=officer,
            data={
                "name": f"Hulpmiddel {n:02d}",
                "vendor": "Fictief BV",
                "purpose": "x",
                "status": "allowed",
                "roles": [ROLES[n % len(ROLES)]] if n % 5 else [],
                "teams": TEAMS[n % len(TEAMS)] if n % 2 else "",
            },
            rules={},
            modules=[modules[n % len(modules)]],
        )
        if n % 4 == 0:
            ToolRequirement.objects.create(tool=tool, kind="guidelines", key="")
    if connection.vendor == "postgresql":
        # Fresh bulk loads have no planner statistics yet (a live database has them, from
        # autovacuum); without them PostgreSQL plans the "not allowed yet" filter badly.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return organisation


@pytest.mark.parametrize("query", [{}, {"status": "blocked", "pagina": "2"}])
def test_overview_costs_the_same_for_100_and_10000_people(
    world: World, query: dict[str, str]
) -> None:
    modules = [make_module(f"mod-{n}", f"Module {n}") for n in range(4)]
    costs: dict[int, tuple[Cost, float]] = {}
    for size in (100, 10_000):
        organisation = _large(size, world, modules)
        client = client_for(world.privacy_officer)
        url = reverse("literacy:overview", kwargs={"slug": organisation.slug})
        client.get(url)  # warm: sessions, content types
        seconds = 99.0
        for _ in range(3):
            # CPU time of this process (SQLite runs in it), the best of three: the test
            # machine is shared, so wall-clock time says more about the neighbours.
            started = time.process_time()
            response = client.get(url, query)
            seconds = min(seconds, time.process_time() - started)
        assert response.status_code == 200
        overview = response.context["overview"]
        assert overview.people == size + 1
        assert len(overview.tools) == 50
        assert len(response.context["page"]) == 25
        with measured() as cost:
            client.get(url, query)
        costs[size] = (cost, seconds)
    small, large = costs[100][0], costs[10_000][0]
    assert small.queries == large.queries, (small.statements, large.statements)
    assert small.rows == large.rows
    assert costs[10_000][1] < 1.0, costs[10_000][1]
