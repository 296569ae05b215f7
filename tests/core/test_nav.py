"""The main menu: every page marks the right item as current, from one mapping."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from carai.core.context_processors import NAV_HOMES, nav_section
from tests.conftest import World, client_for


def current_item(html: str) -> tuple[str, str] | None:
    """(label, aria-current value) of the main-menu item marked current, if any."""
    menu = html.split('id="carai-menu"', 1)[1].split("</ul>", 1)[0]
    found = re.findall(r'class="carai-nav__link" href="[^"]*" aria-current="(\w+)">([^<]+)<', menu)
    assert len(found) <= 1, found
    return (found[0][1], found[0][0]) if found else None


@pytest.mark.parametrize(
    ("view_name", "section"),
    [
        ("practice:privacy_check", "practice"),
        ("practice:case_list", "practice"),
        ("practice:exercise_output", "practice"),
        ("register:check", "rules"),
        ("register:guidelines", "rules"),
        ("register:home", "rules"),
        ("community:event_list", "events"),
        ("community:event_detail", "events"),
        ("kpis:dashboard", "lead"),
        ("kpis:report", "lead"),
        ("learning:lesson", "learning"),
        ("learning:authoring_home", "learning"),
        ("learning:team", "overview"),
        ("community:member_list", "overview"),
        ("usecases:detail", "usecases"),
        ("accounts:password_change", "account"),
        ("overview:search", "search"),
        ("overview:partner_list", ""),
        ("usecases:showcase", ""),
        ("", ""),
    ],
)
def test_each_page_belongs_to_its_menu_item(view_name: str, section: str) -> None:
    assert nav_section(view_name) == section


def test_every_menu_target_is_a_home_of_its_own_section() -> None:
    for view_name in NAV_HOMES:
        assert nav_section(view_name), view_name


def test_care_worker_menu_reaches_every_part(world: World) -> None:
    html = client_for(world.care_worker).get(reverse("overview:dashboard")).content.decode()
    menu = html.split('id="carai-menu"', 1)[1].split("</ul>", 1)[0]
    for url in (
        reverse("learning:catalogue"),
        reverse("practice:case_list"),
        reverse("register:rules"),
        reverse("usecases:list"),
        reverse("community:event_list"),
        reverse("overview:search"),
    ):
        assert f'href="{url}"' in menu
    assert reverse("community:lead_organisation_list") not in menu
    assert 'aria-expanded="false"' in html
    assert 'aria-controls="carai-menu"' in html


@pytest.mark.parametrize(
    ("url_name", "kwargs", "label", "current"),
    [
        ("practice:privacy_check", {}, "Oefenen", "true"),
        ("practice:case_list", {}, "Oefenen", "page"),
        ("register:check", {"slug": "zorg-a"}, "AI-regels", "true"),
        ("community:event_list", {}, "Bijeenkomsten", "page"),
        ("learning:catalogue", {}, "Leren", "page"),
        ("overview:dashboard", {}, "Mijn overzicht", "page"),
        ("overview:search", {}, "Zoeken", "page"),
    ],
)
def test_page_marks_its_menu_item(
    world: World, url_name: str, kwargs: dict[str, str], label: str, current: str
) -> None:
    response = client_for(world.care_worker).get(reverse(url_name, kwargs=kwargs))
    assert response.status_code == 200
    assert current_item(response.content.decode()) == (label, current)


def test_key_figures_sit_under_community_management(world: World) -> None:
    response = client_for(world.lead).get(reverse("kpis:dashboard"))
    assert current_item(response.content.decode()) == ("Communitybeheer", "true")


def test_ai_rules_shows_the_ways_into_the_rules(world: World) -> None:
    response = client_for(world.care_worker).get(reverse("register:rules"))
    html = response.content.decode()
    for name in ("register:check", "register:home", "register:guidelines"):
        assert reverse(name, kwargs={"slug": "zorg-a"}) in html
    assert reverse("register:check", kwargs={"slug": "zorg-b"}) not in html
    assert current_item(html) == ("AI-regels", "page")


def test_ai_rules_lets_a_member_of_two_organisations_choose(world: World) -> None:
    from carai.community.models import Role
    from tests.factories import MembershipFactory

    MembershipFactory.create(user=world.care_worker, organisation=world.org_b, role=Role.MANAGER)
    html = client_for(world.care_worker).get(reverse("register:rules")).content.decode()
    assert reverse("register:check", kwargs={"slug": "zorg-a"}) in html
    assert reverse("register:check", kwargs={"slug": "zorg-b"}) in html
    assert current_item(html) == ("AI-regels", "page")


def test_ai_rules_explains_when_there_is_no_organisation(world: World) -> None:
    response = client_for(world.lead).get(reverse("register:rules"))
    assert response.status_code == 200
    assert reverse("overview:partner_list") in response.content.decode()
