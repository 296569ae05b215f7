"""The team page keeps the HTML of its two empty forms (the member filter and the assignment
form) in the cache per organisation and language: it must be the HTML the templates write,
follow every write that changes a choice, and never show one organisation's teams to another.
All people are made up."""

from __future__ import annotations

import re

from django.test import override_settings
from django.urls import reverse

from carai.community.models import Membership, Role
from carai.learning.models import Module
from tests.conftest import World, client_for
from tests.factories import UserFactory


def _page(world: World, *, user: object = None, slug: str = "", language: str = "nl") -> str:
    client = client_for(user or world.manager)  # type: ignore[arg-type]
    client.cookies["django_language"] = language
    url = reverse("learning:team", kwargs={"slug": slug or world.org_a.slug})
    html = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", html)


def _options(html: str, name: str) -> list[str]:
    """The option labels of the selects called ``name`` on the page."""
    return [
        label
        for select in re.findall(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
        for label in re.findall(r"<option[^>]*>([^<]*)</option>", select)
    ]


def test_the_cached_forms_are_the_html_the_templates_write(module: Module, world: World) -> None:
    """Dutch and English, from the cache (second view) and without it: the same page."""
    for language in ("nl", "en"):
        with override_settings(CARAI_CACHE_SHARED=False):
            plain = _page(world, language=language)
        _page(world, language=language)
        from_cache = _page(world, language=language)
        assert from_cache == plain
        assert module.title in _options(from_cache, "module")


def test_a_new_team_and_a_new_title_show_in_the_cached_forms(module: Module, world: World) -> None:
    before = _page(world)
    assert "Nachtdienst (fictief)" not in _options(before, "team")
    newcomer = UserFactory.create(full_name="Nieuw Lid (fictief)", email="nieuw@zorg-a.example")
    membership = Membership.objects.create(
        user=newcomer,
        organisation=world.org_a,
        role=Role.PROFESSIONAL,
        team="Nachtdienst (fictief)",
    )
    assert "Nachtdienst (fictief)" in _options(_page(world), "team")
    membership.team = "Dagdienst (fictief)"
    membership.save()
    teams = _options(_page(world), "team")
    assert "Dagdienst (fictief)" in teams
    assert "Nachtdienst (fictief)" not in teams
    membership.delete()
    assert "Dagdienst (fictief)" not in _options(_page(world), "team")

    module.title = "Nieuwe titel <b>(fictief)</b>"
    module.save()
    html = _page(world)
    # Both module lists (filter and assignment form), escaped.
    assert _options(html, "module").count("Nieuwe titel &lt;b&gt;(fictief)&lt;/b&gt;") == 2
    module.status = "draft"
    module.save()
    assert _options(_page(world), "module") == ["Alle modules", "Kies een module"]


def test_the_cached_forms_are_per_organisation(module: Module, world: World) -> None:
    """Organisation A's team names, cached first, never show on organisation B's page."""
    newcomer = UserFactory.create(full_name="Nieuw Lid (fictief)", email="nieuw@zorg-a.example")
    Membership.objects.create(
        user=newcomer, organisation=world.org_a, role=Role.PROFESSIONAL, team="Alleen A (fictief)"
    )
    assert "Alleen A (fictief)" in _options(_page(world), "team")
    html_b = _page(world, user=world.outsider_admin, slug=world.org_b.slug)
    assert 'name="team"' in html_b
    assert "Alleen A (fictief)" not in _options(html_b, "team")


def test_a_form_that_comes_back_is_not_taken_from_the_cache(module: Module, world: World) -> None:
    """A filter someone chose and an assignment form with errors show their own values."""
    client = client_for(world.manager)
    url = reverse("learning:team", kwargs={"slug": world.org_a.slug})
    client.get(url)
    html = client.get(url + "?role=manager").content.decode()
    assert re.search(r'<option value="manager" selected>', html)
    html = client.post(url, {"module": "", "role": "", "due_date": "morgen"}).content.decode()
    assert 'value="morgen"' in html
