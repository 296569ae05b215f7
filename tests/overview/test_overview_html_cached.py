"""'Mijn overzicht' keeps the HTML of its content per person and language under the same
scopes as its panels (``test_panels.py`` shows every kind of write at once). Here: the kept
HTML is what the template writes, it follows what the page itself reads of the person (a
new name, becoming community lead), a certificate expiring by the clock alone, and the
language. All names and data are fictional."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Role
from carai.learning.models import Module
from carai.learning.services.progress import enrolment_start
from tests.conftest import World, client_for
from tests.literacy.conftest import certify

URL = reverse("overview:dashboard")
TOKENS = re.compile(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+')


def _page(client: Client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return TOKENS.sub(r"\1", response.content.decode())


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_kept_content_is_the_html_the_template_writes(
    world: World, module: Module, language: str
) -> None:
    enrolment_start(user=world.care_worker, module=module)
    certify(world.care_worker, module)
    for person in (world.care_worker, world.manager, world.lead, world.org_admin):
        User.objects.filter(pk=person.pk).update(preferred_language=language)
        client = client_for(person)
        with override_settings(CARAI_CACHE_SHARED=False):
            plain = _page(client)
        first = _page(client)
        kept = _page(client)
        assert first == plain
        assert kept == plain


def test_the_kept_content_follows_a_new_name(world: World) -> None:
    client = client_for(world.care_worker)
    assert "Hallo Sanne" in _page(client)
    world.care_worker.full_name = "Fenna Nieuwenaam (fictief)"
    world.care_worker.save()
    page = _page(client)
    assert "Hallo Fenna" in page
    assert "Hallo Sanne" not in page


def test_the_kept_content_follows_becoming_community_lead(world: World) -> None:
    client = client_for(world.care_worker)
    assert "Partnerorganisaties beheren" not in _page(client)
    world.care_worker.is_community_lead = True
    world.care_worker.save()
    assert "Partnerorganisaties beheren" in _page(client)


def test_a_certificate_that_expires_by_the_clock_shows_as_expired(
    world: World, module: Module, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No save marks it (the daily task has not run yet): the kept HTML says "valid until"
    only until that moment."""
    # Issued 360 days ago for 12 months (of 30 days): it expires within the hour.
    issued = timezone.now() - datetime.timedelta(days=360) + datetime.timedelta(minutes=30)
    expires = certify(world.care_worker, module, issued=issued).expires_at
    client = client_for(world.care_worker)
    assert "geldig tot" in _page(client)
    assert "geldig tot" in _page(client)  # kept
    later = expires + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = _page(client)
    assert "<strong>verlopen</strong>" in page
    assert "geldig tot" not in page


def test_the_kept_content_is_per_language(world: World) -> None:
    client = client_for(world.care_worker)
    assert "Mijn leren" in _page(client)
    User.objects.filter(pk=world.care_worker.pk).update(preferred_language="en")
    english = _page(client)
    assert "My learning" in english
    assert "Mijn leren" not in english


def test_after_joining_an_organisation_its_writes_show(world: World) -> None:
    """The organisations a person belongs to decide the scopes of the kept HTML: after
    joining, a write that outdates only the new organisation still shows."""
    client = client_for(world.care_worker)
    assert world.org_b.name not in _page(client)
    Membership.objects.create(user=world.care_worker, organisation=world.org_b, role=Role.STUDENT)
    assert world.org_b.name in _page(client)
    world.org_b.name = "Zorg B Nieuwenaam (fictief)"
    world.org_b.save()
    assert "Zorg B Nieuwenaam (fictief)" in _page(client)
