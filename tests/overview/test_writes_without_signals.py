"""'Mijn overzicht' and "Begin hier" are cached under the person's scopes; writes that send
no signal per row (a CSV import's bulk inserts and updates, one update of many lessons) must
show on the next page as well (``core.cache.rows_written_send``). All data is fictional."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from carai.register import services as register_services
from carai.register.models import AITool
from tests.conftest import World, client_for

URL = reverse("overview:dashboard")


@pytest.fixture(autouse=True)
def _shared_cache(settings) -> None:
    settings.CARAI_CACHE_SHARED = True  # as with Redis: remembered across requests


def _page(client: Client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_a_csv_import_shows_in_my_tools_at_once(world: World) -> None:
    worker = client_for(world.care_worker)
    register_services.tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={"name": "Notulist (fictief)", "vendor": "Oud BV", "purpose": "Verslagen"}
        | {"status": "allowed"},
        rules={},
    )
    before = _page(worker)
    assert "Notulist (fictief)" in before
    assert "Vertaalhulp (fictief)" not in before
    assert "Vertaalhulp (fictief)" not in _page(worker)  # warm: from the cache

    # The import inserts one tool and forbids the other, both in bulk (no signal per row).
    register_services.register_import_csv(
        organisation=world.org_a,
        actor=world.privacy_officer,
        text="name,vendor,purpose,status,data_location\n"
        "Vertaalhulp (fictief),Nieuw BV,Brieven,allowed,eu\n"
        "Notulist (fictief),Oud BV,Verslagen,not_allowed,eu\n",
    )
    assert AITool.objects.get(name="Notulist (fictief)").status == "not_allowed"
    after = _page(worker)
    assert "Vertaalhulp (fictief)" in after
