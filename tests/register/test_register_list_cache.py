"""The register's tool list is kept as HTML per organisation and language: every write that
changes what it shows (a tool or guideline saved, deleted or imported, the organisation's
address) must show on the next visit. All tools and names are made up."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from carai.register import services
from carai.register.models import AITool
from tests.conftest import World, client_for


@pytest.fixture(autouse=True)
def _shared_cache(settings) -> None:
    settings.CARAI_CACHE_SHARED = True  # as with Redis: remembered across requests


def _page(client: Client, slug: str) -> str:
    response = client.get(reverse("register:home", kwargs={"slug": slug}))
    assert response.status_code == 200
    return response.content.decode()


def _tool(world: World, name: str) -> AITool:
    return services.tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={"name": name, "vendor": "Leverancier", "purpose": "Verslagen", "status": "allowed"},
        rules={},
    )


def test_a_new_changed_or_removed_tool_shows_at_once(world: World) -> None:
    worker = client_for(world.care_worker)
    slug = world.org_a.slug
    assert "Schrijfhulp (fictief)" not in _page(worker, slug)  # now in the cache
    tool = _tool(world, "Schrijfhulp (fictief)")
    assert "Schrijfhulp (fictief)" in _page(worker, slug)
    tool.vendor = "Andere leverancier"
    tool.save()
    assert "Andere leverancier" in _page(worker, slug)
    tool.delete()
    assert "Schrijfhulp (fictief)" not in _page(worker, slug)


def test_the_import_outdates_the_list(world: World) -> None:
    """Bulk writes send no signals: the import outdates the list itself."""
    worker = client_for(world.care_worker)
    _tool(world, "Schrijfhulp (fictief)")
    before = _page(worker, world.org_a.slug)
    assert "Geïmporteerd (fictief)" not in before
    assert "Nieuwe leverancier" not in before
    services.register_import_csv(
        organisation=world.org_a,
        actor=world.privacy_officer,
        text="name,vendor,purpose,status,data_location\n"
        "Geïmporteerd (fictief),X,Verslagen,allowed,eu\n"
        "Schrijfhulp (fictief),Nieuwe leverancier,Verslagen,allowed,eu\n",
    )
    after = _page(worker, world.org_a.slug)
    assert "Geïmporteerd (fictief)" in after
    assert "Nieuwe leverancier" in after


def test_a_new_guideline_version_shows_at_once(world: World) -> None:
    worker = client_for(world.care_worker)
    before = _page(worker, world.org_a.slug)
    guideline = services.guideline_publish(
        organisation=world.org_a, actor=world.privacy_officer, title="Regels", body="Tekst A"
    )
    after = _page(worker, world.org_a.slug)
    assert after != before
    assert f"(versie {guideline.version})" in after or f"(version {guideline.version})" in after


def test_a_new_address_of_the_organisation_shows_in_the_links(world: World) -> None:
    worker = client_for(world.care_worker)
    _tool(world, "Schrijfhulp (fictief)")
    _page(worker, world.org_a.slug)
    world.org_a.slug = "nieuw-adres"
    world.org_a.save()
    assert "/ai-register/nieuw-adres/tools/" in _page(worker, "nieuw-adres")


def test_the_list_is_per_organisation(world: World) -> None:
    _tool(world, "Alleen bij A (fictief)")
    assert "Alleen bij A (fictief)" in _page(client_for(world.care_worker), world.org_a.slug)
    assert "Alleen bij A (fictief)" not in _page(client_for(world.outsider), world.org_b.slug)
