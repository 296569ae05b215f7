"""'Mijn overzicht' from the cache: every kind of write shows at once (nothing stale), and a
warm page asks the database far less. All names and data are fictional."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carai.community.events import event_cancel, event_register
from carai.community.models import Event, Role
from carai.community.services import membership_change_role, membership_end
from carai.learning.models import Module
from carai.learning.services.assignments import assignment_create
from carai.learning.services.progress import enrolment_start
from carai.overview import start
from carai.register.services import (
    guideline_acknowledge,
    guideline_publish,
    tool_create,
    tool_update,
)
from tests.conftest import World, client_for

URL = reverse("overview:dashboard")


@pytest.fixture(autouse=True)
def _shared_cache(settings) -> None:
    settings.CARAI_CACHE_SHARED = True  # as with Redis: remembered across requests


def _page(client: Client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_every_kind_of_write_shows_at_once(world: World, module: Module) -> None:
    worker = client_for(world.care_worker)
    assert "Schrijfhulp" not in _page(worker)
    assert "Schrijfhulp" not in _page(worker)  # warm: from the cache

    # A tool in the register (with a module to learn first), then its rules.
    tool_data = {"name": "Schrijfhulp", "vendor": "Fictief BV", "purpose": "Brieven"}
    tool = tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={**tool_data, "status": "allowed"},
        rules={"public": ("allowed", "")},
        modules=[module],
    )
    page = _page(worker)
    assert "Schrijfhulp" in page
    assert module.title in page
    tool_update(
        tool=tool,
        actor=world.privacy_officer,
        data={**tool_data, "status": "allowed", "roles": [Role.MANAGER]},
        rules={"public": ("allowed", "")},
        modules=[module],
    )
    assert "Schrijfhulp" not in _page(worker)

    # A role of the person: now a manager, so the tool is theirs again.
    membership_change_role(
        actor=world.org_admin,
        request=None,
        membership=world.care_worker_membership,
        role=Role.MANAGER,
    )
    page = _page(worker)
    assert "Schrijfhulp" in page
    assert str(Role.MANAGER.label) in page

    # Progress: the person started the module.
    assert "Bezig met:" not in page
    enrolment_start(user=world.care_worker, module=module)
    assert "Bezig met:" in _page(worker)

    # The module's title (shared content).
    module.title = "Veilig met AI (nieuwe titel)"
    module.save()
    assert "Veilig met AI (nieuwe titel)" in _page(worker)

    # Guidelines: published asks the member to read them; confirmed, the question goes.
    guideline = guideline_publish(
        organisation=world.org_a, actor=world.privacy_officer, title="Afspraken", body="- Geen BSN"
    )
    # (The alert's words: "Begin hier" links the guidelines too, marked done once confirmed.)
    unread = "heeft nieuwe AI-richtlijnen"
    assert unread in _page(worker)
    guideline_acknowledge(guideline=guideline, user=world.care_worker)
    assert unread not in _page(worker)

    # An assignment to everyone with the person's role (organisation-wide).
    assert "Gevraagd van jou:" not in _page(worker)
    assignment_create(
        actor=world.manager,
        organisation=world.org_a,
        module=module,
        due_date=timezone.localdate() + datetime.timedelta(days=30),
        role=Role.MANAGER,
    )
    assert "Gevraagd van jou:" in _page(worker)

    # An event: signed up, then off again.
    event = Event.objects.create(
        title="Leren met AI (fictief)",
        kind="community",
        description="x",
        starts_at=timezone.now() + datetime.timedelta(days=7),
        ends_at=timezone.now() + datetime.timedelta(days=7, hours=2),
        capacity=10,
    )
    event_register(user=world.care_worker, event=event)
    assert "Leren met AI (fictief)" in _page(worker)
    event_cancel(user=world.care_worker, event=event)
    assert "Leren met AI (fictief)" not in _page(worker)

    # The organisation's name, then the membership ends.
    world.org_a.name = "Zorg A Nieuw (fictief)"
    world.org_a.save()
    assert "Zorg A Nieuw (fictief)" in _page(worker)
    membership_end(actor=world.org_admin, request=None, membership=world.care_worker_membership)
    page = _page(worker)
    assert "Zorg A Nieuw (fictief)" not in page
    assert "Schrijfhulp" not in page


def test_a_warm_overview_asks_the_database_far_less(world: World, module: Module) -> None:
    tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={"name": "Schrijfhulp", "vendor": "Fictief BV", "purpose": "x", "status": "allowed"},
        rules={"public": ("allowed", "")},
        modules=[module],
    )
    enrolment_start(user=world.care_worker, module=module)
    worker = client_for(world.care_worker)
    with CaptureQueriesContext(connection) as cold:
        _page(worker)
    with CaptureQueriesContext(connection) as warm:
        page = _page(worker)
    assert "Schrijfhulp" in page
    # "Begin hier" and "Ga verder" are kept too: a warm page asks only for the person.
    with CaptureQueriesContext(connection) as fresh:
        start.start_path(user=world.care_worker, language="nl")
        start.continue_at(user=world.care_worker)
    assert len(cold) >= 12 + len(fresh), [q["sql"] for q in cold.captured_queries]
    assert len(warm) == 1, [q["sql"] for q in warm.captured_queries]


def test_without_a_shared_cache_every_page_works_it_out(
    world: World, module: Module, settings
) -> None:
    settings.CARAI_CACHE_SHARED = False  # several processes, memory cache each
    worker = client_for(world.care_worker)
    with CaptureQueriesContext(connection) as first:
        _page(worker)
    with CaptureQueriesContext(connection) as second:
        _page(worker)
    assert len(second) == len(first) >= 12


def test_a_survey_to_answer_shows_until_answered_or_closed(world: World) -> None:
    from carai.insights.services import surveys

    soon = timezone.localdate() + datetime.timedelta(days=10)
    worker, outsider = client_for(world.care_worker), client_for(world.outsider)
    assert "Wat vind je van AI?" not in _page(worker)  # warm cache from here on
    survey = surveys.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Wat vind je van AI?",
        consent_text="Vrijwillig.",
        template_keys=["ai-literacy"],
    )
    assert "Wat vind je van AI?" not in _page(worker)  # made, not sent yet
    surveys.survey_send(survey=survey, actor=world.educator, closes_on=soon)
    page = _page(worker)
    assert "Wat vind je van AI?" in page
    assert (
        reverse("insights:survey_answer", kwargs={"slug": "zorg-a", "survey_id": survey.pk}) in page
    )
    assert "Wat vind je van AI?" not in _page(outsider)

    answers = {item.pk: 4 for item in survey.items.all() if item.kind == "likert"}
    surveys.survey_respond(survey=survey, user=world.care_worker, consent=True, answers=answers)
    assert "Wat vind je van AI?" not in _page(worker)
    surveys.survey_withdraw(survey=survey, user=world.care_worker)
    assert "Wat vind je van AI?" in _page(worker)  # open again: may answer again
    surveys.survey_close(survey=survey, actor=world.educator)
    assert "Wat vind je van AI?" not in _page(worker)
