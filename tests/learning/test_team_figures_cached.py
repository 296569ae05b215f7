"""The team page keeps the HTML of its figures (what was asked, with the forms to withdraw
it, and what the team learns) in the cache per organisation, language and day. It must be
the HTML the template writes, carry each viewer's own CSRF token, and follow every write
that changes what it shows. All people are made up."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Role
from carai.learning.models import Assignment, Enrolment, Module
from carai.learning.services.assignments import assignment_change_due_date, assignment_create
from tests.conftest import World, client_for
from tests.factories import UserFactory

TODAY = timezone.localdate()  # the conftest sets it again when each test starts
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HTMX_TOKEN = re.compile(r'"X-CSRFToken": "[^"]+"')


def _without_tokens(html: str) -> str:
    return HTMX_TOKEN.sub("", TOKEN.sub("", html))


def _page(world: World, *, language: str = "nl", user: User | None = None) -> str:
    viewer = user or world.manager
    User.objects.filter(pk=viewer.pk).update(preferred_language=language)
    url = reverse("learning:team", kwargs={"slug": world.org_a.slug})
    return client_for(viewer).get(url).content.decode()


def _figures(world: World, **kwargs: object) -> str:
    """The figures part of the page: from "What you asked" to the member table."""
    html = _page(world, **kwargs)  # type: ignore[arg-type]
    return html[html.index('id="asked"') : html.index('id="people"')]


def _ask(world: World, module: Module, *, days: int = 7, user: User | None = None) -> Assignment:
    return assignment_create(
        actor=world.manager,
        organisation=world.org_a,
        module=module,
        user=user,
        role="" if user else Role.PROFESSIONAL,
        due_date=TODAY + datetime.timedelta(days=days),
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_kept_figures_are_the_html_the_template_writes(
    module: Module, world: World, language: str
) -> None:
    tricky = UserFactory.create(full_name='Jan <b>"de" & Vries</b> (fictief)')
    Membership.objects.create(user=tricky, organisation=world.org_a, role=Role.PROFESSIONAL)
    _ask(world, module)
    late = _ask(world, module, user=tricky)
    Assignment.objects.filter(pk=late.pk).update(due_date=TODAY - datetime.timedelta(days=2))
    Enrolment.objects.create(user=world.care_worker, module=module, completed_at=timezone.now())
    with override_settings(CARAI_CACHE_SHARED=False):
        plain = _without_tokens(_page(world, language=language))
    _page(world, language=language)
    kept = _without_tokens(_page(world, language=language))
    assert kept == plain
    assert "Jan &lt;b&gt;&quot;de&quot; &amp; Vries&lt;/b&gt; (fictief)" in kept
    assert _figures(world, language=language).count('name="csrfmiddlewaretoken"') == 2


def test_each_viewer_gets_their_own_token_in_the_kept_forms(module: Module, world: World) -> None:
    """A second manager sees the figures the first one's view kept, with a token that
    works for them: withdrawing with it is accepted."""
    assignment = _ask(world, module)
    _page(world)  # kept by the manager's view
    admin = Client(enforce_csrf_checks=True)
    admin.force_login(world.org_admin)
    html = admin.get(reverse("learning:team", kwargs={"slug": world.org_a.slug})).content.decode()
    assert "carai-csrf" not in html
    withdraw = reverse(
        "learning:assignment_withdraw",
        kwargs={"slug": world.org_a.slug, "assignment_id": assignment.pk},
    )
    form = html[html.index(f'action="{withdraw}"') :]
    token = TOKEN.search(form)
    assert token
    response = admin.post(withdraw, {"csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.withdrawn_at is not None
    assert module.title not in _figures(world)


def test_the_kept_figures_follow_what_was_asked(module: Module, world: World) -> None:
    assert "Je hebt nog niemand gevraagd" in _figures(world)
    assignment = _ask(world, module)
    figures = _figures(world)
    assert "Iedereen met de rol Zorgprofessional" in figures
    assert "0 van 1" in figures
    Enrolment.objects.create(user=world.care_worker, module=module, completed_at=timezone.now())
    assert "1 van 1" in _figures(world)
    later = TODAY + datetime.timedelta(days=9)
    assignment_change_due_date(assignment=assignment, due_date=later)
    assert later.strftime("%Y") in _figures(world)
    assert f">{later.day} " in _figures(world)
    module.title = "Nieuwe titel <i>(fictief)</i>"
    module.save()
    assert "Nieuwe titel &lt;i&gt;(fictief)&lt;/i&gt;" in _figures(world)


def test_the_kept_figures_follow_a_name_and_the_calendar(
    module: Module, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ask(world, module, days=0, user=world.care_worker)
    figures = _figures(world)
    assert world.care_worker.display_name in figures
    assert "datum voorbij" not in figures
    world.care_worker.full_name = "Sanne Nieuwenaam (fictief)"
    world.care_worker.save()
    assert "Sanne Nieuwenaam (fictief)" in _figures(world)
    tomorrow = TODAY + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert "datum voorbij" in _figures(world)


def test_the_kept_figures_are_per_language(module: Module, world: World) -> None:
    _ask(world, module)
    assert "Iedereen met de rol" in _figures(world, language="nl")
    english = _figures(world, language="en")
    assert "Everyone with the role" in english
    assert "Iedereen" not in english
