"""The team page as a manager first sees it (a GET without a query string) is kept whole in
the cache per organisation, language and day: its figures, member table and forms (each
also kept on its own, ``test_team_*_cached.py``, whose tests view this page and so follow
the writes through it). Here: the whole page is taken from the cache, only that page, and
its forms carry each viewer's own working token. All people are made up."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carai.community.models import Role
from carai.learning import team
from carai.learning.models import Assignment, Module
from tests.conftest import World, client_for

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _url(world: World) -> str:
    return reverse("learning:team", kwargs={"slug": world.org_a.slug})


def test_the_plain_page_is_taken_whole_from_the_cache(
    module: Module, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = client_for(world.manager)
    first = client.get(_url(world))
    assert first.status_code == 200

    def refuse(**kwargs: object) -> None:
        raise AssertionError("worked out again")

    monkeypatch.setattr(team, "module_choices", refuse)
    second = client.get(_url(world))
    assert second.status_code == 200
    assert module.title in second.content.decode()
    # Any query string (a filter, a page, the person picker) and htmx: worked out.
    for query in ("?role=manager", "?pagina=1", "?persoon=sa"):
        with pytest.raises(AssertionError, match="worked out again"):
            client.get(_url(world) + query)
    with pytest.raises(AssertionError, match="worked out again"):
        client.get(_url(world), HTTP_HX_REQUEST="true")


def test_the_kept_assignment_form_takes_each_viewers_own_token(
    module: Module, world: World
) -> None:
    """A second manager sees the page the first one's view kept; the assignment form's
    token is theirs and asking with it is accepted."""
    assert client_for(world.manager).get(_url(world)).status_code == 200
    admin = Client(enforce_csrf_checks=True)
    admin.force_login(world.org_admin)
    html = admin.get(_url(world)).content.decode()
    assert "carai-csrf" not in html
    form = html[html.index('id="assign"') :]
    token = TOKEN.search(form)
    assert token
    due = timezone.localdate() + datetime.timedelta(days=7)
    response = admin.post(
        _url(world),
        {
            "csrfmiddlewaretoken": token.group(1),
            "module": module.pk,
            "role": Role.PROFESSIONAL,
            "due_date": due.isoformat(),
        },
    )
    assert response.status_code == 302
    assert Assignment.objects.filter(organisation=world.org_a, module=module).exists()
    # The new assignment outdates the kept page.
    assert (
        "Iedereen met de rol Zorgprofessional"
        in client_for(world.manager).get(_url(world)).content.decode()
    )
