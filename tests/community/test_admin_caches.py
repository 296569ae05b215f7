"""The Django admin (/beheer/) writes with ``save()``, so the cache receivers see it: a
change there shows on the next cached page. (Nobody may delete there, so no bulk "delete
selected" action can pass the receivers by; see docs/architecture.md.) All names made up."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from carai.accounts.models import User
from carai.community.demo import _lead_group
from carai.community.models import Invitation, Membership, Organisation
from tests.conftest import World, client_for


@pytest.fixture(autouse=True)
def _shared_cache(settings) -> None:
    settings.CARAI_CACHE_SHARED = True  # as with Redis: remembered across requests


@pytest.fixture
def lead_admin(world: World) -> Client:
    world.lead.is_staff = True
    world.lead.save()
    world.lead.groups.add(_lead_group())
    return client_for(world.lead)


def _organisation_form(world: World, **changes: str) -> dict[str, str]:
    return {
        "name": world.org_a.name,
        "slug": world.org_a.slug,
        "kind": "care",
        "care_branch": "vvt",
        "region": "Testregio",
        "website": "",
        "is_active": "on",
    } | changes


def test_an_organisation_changed_in_the_admin_shows_at_once(
    world: World, lead_admin: Client
) -> None:
    worker = client_for(world.care_worker)
    overview = reverse("overview:dashboard")
    register = reverse("register:home", kwargs={"slug": world.org_a.slug})
    assert worker.get(register).status_code == 200  # the door now in the cache
    assert "Zorg A hernoemd (fictief)" not in worker.get(overview).content.decode()

    url = reverse("admin:community_organisation_change", args=[world.org_a.pk])
    response = lead_admin.post(url, _organisation_form(world, name="Zorg A hernoemd (fictief)"))
    assert response.status_code == 302
    assert "Zorg A hernoemd (fictief)" in worker.get(overview).content.decode()

    form = _organisation_form(world, name="Zorg A hernoemd (fictief)")
    del form["is_active"]  # no longer an active partner
    assert lead_admin.post(url, form).status_code == 302
    assert worker.get(register).status_code == 404


def test_a_name_changed_in_the_admin_shows_on_the_team_page(
    world: World, lead_admin: Client
) -> None:
    manager = client_for(world.manager)
    team = reverse("learning:team", kwargs={"slug": world.org_a.slug})
    before = manager.get(team).content.decode()  # the member table now in the cache
    assert world.care_worker.display_name in before
    assert "Fenna Fictief" not in before
    response = lead_admin.post(
        reverse("admin:accounts_user_change", args=[world.care_worker.pk]),
        {
            "email": world.care_worker.email,
            "full_name": "Fenna Fictief",
            "preferred_language": "nl",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert "Fenna Fictief" in manager.get(team).content.decode()


def test_nobody_can_delete_in_the_admin(world: World, lead_admin: Client) -> None:
    """A bulk "delete selected" would still send post_delete per row (Django does while a
    receiver is connected), but the admin offers no delete at all: counts must stay."""
    request = lead_admin.get(reverse("admin:index")).wsgi_request
    for model in (Organisation, Membership, Invitation, User):
        assert not admin.site._registry[model].has_delete_permission(request)
