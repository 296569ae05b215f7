"""Proposing a use case (issue 15): the person who asks sees what happens next and hears the
decision; the DPIA and AI Act checklists open for the team only once the lead accepts.
All data is made up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from carai.usecases import services
from carai.usecases.models import Cycle, UseCase
from tests.conftest import World, client_for
from tests.usecases.conftest import QUESTION

CHECKLIST_QUESTION = "DPIA"  # appears in the questions of the responsible-AI checklist


def _detail(use_case: UseCase) -> str:
    return reverse("usecases:detail", kwargs={"use_case_id": use_case.pk})


def test_the_proposer_sees_a_confirmation_and_what_happens_next(world: World) -> None:
    client = client_for(world.care_worker)
    response = client.post(
        reverse("usecases:submit"), {**QUESTION, "organisation": world.org_a.pk}, follow=True
    )
    page = response.content.decode()
    assert "Je vraag is verstuurd" in page
    assert "Wat gebeurt er nu" in page
    assert 'id="responsible-ai"' not in page
    assert "rai-status-" not in page
    use_case = UseCase.objects.get()
    canvas = client.get(reverse("usecases:canvas", kwargs={"use_case_id": use_case.pk}))
    assert "rai-status-" not in canvas.content.decode()
    assert "zodra de use case is aangenomen" in canvas.content.decode()
    # The lead sees the question to decide on, without the proposer's "what happens next".
    lead_page = client_for(world.lead).get(_detail(use_case)).content.decode()
    assert 'id="triage"' in lead_page
    assert "Wat gebeurt er nu" not in lead_page


def test_the_checklist_cannot_be_filled_in_before_acceptance(world: World) -> None:
    use_case = services.use_case_submit(
        actor=world.care_worker, organisation=world.org_a, data=QUESTION
    )
    with pytest.raises(ValidationError):
        services.rai_item_update(
            actor=world.care_worker,
            use_case=use_case,
            key=use_case.rai_items.first().key,  # type: ignore[union-attr]
            status="done",
            note="",
        )
    response = client_for(world.care_worker).post(
        reverse("usecases:rai", kwargs={"use_case_id": use_case.pk}),
        {"key": use_case.rai_items.first().key, "status": "done"},  # type: ignore[union-attr]
    )
    assert response.status_code in (200, 302)
    assert not use_case.rai_items.filter(status="done").exists()


def _decide(capture: Callable[..., Any], world: World, cycle: Cycle | None, reason: str) -> str:
    """Submit Sanne's question, let the lead decide, and return the e-mail Sanne gets."""
    use_case = services.use_case_submit(
        actor=world.care_worker, organisation=world.org_a, data=QUESTION
    )
    with capture(execute=True):
        services.use_case_triage(
            actor=world.lead,
            use_case=use_case,
            accept=cycle is not None,
            cycle=cycle,
            criteria={},
            reason=reason,
        )
    (message,) = [m for m in mail.outbox if m.to == [world.care_worker.email]]
    return f"{message.subject}\n{message.body}"


def test_after_acceptance_the_team_sees_the_checklists_and_the_proposer_hears_it(
    world: World, cycle: Cycle, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    message = _decide(django_capture_on_commit_callbacks, world, cycle, "")
    use_case = UseCase.objects.get()
    assert QUESTION["title"] in message
    assert cycle.name in message
    assert _detail(use_case) in message
    page = client_for(world.care_worker).get(_detail(use_case)).content.decode()
    assert 'id="responsible-ai"' in page
    assert "Wat gebeurt er nu" not in page


def test_a_declined_proposer_hears_the_reason(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    message = _decide(django_capture_on_commit_callbacks, world, None, "Past niet in dit voorjaar.")
    assert "Past niet in dit voorjaar." in message
