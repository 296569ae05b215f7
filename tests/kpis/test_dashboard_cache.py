"""The key figures page keeps its figures, charts and tables, and the fields of its two
forms, as HTML. Whatever changes what they show must show on the next visit: new figures,
new targets, a new organisation to filter on. All people and organisations are made up."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from carai.community.models import Role
from carai.learning.models import Enrolment
from tests.authoring_helpers import make_org_module
from tests.conftest import World, client_for
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

TARGETS = {"professionals": "800", "students": "400", "educators": "50", "use_cases": "9"}


@pytest.fixture(autouse=True)
def _shared_cache(settings) -> None:
    settings.CARAI_CACHE_SHARED = True  # as with Redis: remembered across requests


def _page(lead: Client) -> str:
    response = lead.get(reverse("kpis:dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def _values(html: str) -> list[str]:
    return re.findall(r'class="carai-kpi__value">(\d+)', html)


def test_new_figures_show_at_once(world: World) -> None:
    lead = client_for(world.lead)
    module = make_org_module(world).live
    Enrolment.objects.get_or_create(user=world.care_worker, module=module)
    before = _values(_page(lead))  # now in the cache
    student = UserFactory.create()
    MembershipFactory.create(user=student, organisation=world.org_b, role=Role.STUDENT)
    Enrolment.objects.create(user=student, module=module)  # one more person reached
    after = _values(_page(lead))
    assert after != before
    assert sum(map(int, after)) == sum(map(int, before)) + 1


def test_new_targets_show_in_the_figures_and_the_form(world: World) -> None:
    lead = client_for(world.lead)
    before = _page(lead)
    assert "/ 800" in before
    assert 'value="800"' in before
    lead.post(reverse("kpis:dashboard"), {**TARGETS, "professionals": "913", "modules": "9"})
    after = _page(lead)
    assert "/ 913" in after  # the figure against its target
    assert 'value="913"' in after  # the target form
    assert 'value="800"' not in after


def test_a_new_organisation_can_be_chosen_at_once(world: World) -> None:
    lead = client_for(world.lead)
    assert "Zorggroep Nieuw (fictief)" not in _page(lead)
    organisation = OrganisationFactory.create(name="Zorggroep Nieuw (fictief)")
    assert "Zorggroep Nieuw (fictief)" in _page(lead)
    organisation.is_active = False
    organisation.save()
    assert "Zorggroep Nieuw (fictief)" not in _page(lead)


def test_a_filtered_page_is_not_the_unfiltered_one(world: World) -> None:
    lead = client_for(world.lead)
    _page(lead)
    page = lead.get(reverse("kpis:dashboard"), {"organisation": world.org_a.pk})
    assert f'<option value="{world.org_a.pk}" selected>' in page.content.decode()
