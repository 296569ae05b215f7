"""Requirements other than modules follow changes too: the current guidelines, a practice
exercise or a workshop become tasks the person sees on their own page, with an e-mail when
made and a reminder when late; done with the evidence, ended when no longer needed.
Everyone here is fictional."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from django.core import mail as django_mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from carai.core.models import MailMessage
from carai.literacy.followup import follow_up
from carai.literacy.models import LiteracyTask
from carai.literacy.services import requirement_add, requirement_remove
from carai.register.models import Guideline
from carai.register.services import guideline_acknowledge, guideline_publish
from tests.conftest import client_for
from tests.factories import MembershipFactory, UserFactory
from tests.literacy.conftest import Lit, certify

Committed = Callable[[], AbstractContextManager[Any]]


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Callable[..., Any]) -> Committed:
    """Run what waits for the commit (the queued follow-up) at the end of the block, as a
    real transaction would; what was queued before the block is taken as committed first
    (the follow-up is queued once per organisation and transaction)."""

    @contextmanager
    def run() -> Iterator[None]:
        pending = list(connection.run_on_commit)
        connection.run_on_commit.clear()
        for entry in pending:  # (savepoints, function, robust)
            entry[1]()
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return run


def _open(lit: Lit) -> list[tuple[int, str, str]]:
    return sorted(
        (t.user_id, t.kind, t.key)
        for t in LiteracyTask.objects.filter(done_at__isnull=True, ended_at__isnull=True)
    )


def _guidelines(lit: Lit) -> None:
    world = lit.world
    guideline_publish(
        organisation=world.org_a, actor=world.privacy_officer, title="AI-regels", body="Tekst"
    )


def test_a_new_requirement_makes_tasks_by_itself_with_an_email(
    lit: Lit, committed: Committed
) -> None:
    world = lit.world
    _guidelines(lit)
    # Adding the requirement queues the follow-up (the test settings run tasks at once).
    with committed():
        requirement_add(actor=world.privacy_officer, tool=lit.tool, kind="guidelines")
    assert _open(lit) == [(world.care_worker.pk, "guidelines", "")]  # only the professional
    task = LiteracyTask.objects.get()
    assert task.due_date == timezone.localdate() + datetime.timedelta(days=30)
    mail = MailMessage.objects.get(template="literacy/email/task_new")
    assert mail.to == world.care_worker.email
    (sent,) = [m for m in django_mail.outbox if m.to == [world.care_worker.email]]
    assert "/ai-geletterdheid/zorg-a/mijn/" in sent.body
    # Running again makes nothing new and sends nothing new.
    counts = follow_up()
    assert counts["tasks"] == 0
    assert MailMessage.objects.filter(template="literacy/email/task_new").count() == 1


def test_the_person_sees_the_task_until_it_is_done(lit: Lit, committed: Committed) -> None:
    world = lit.world
    _guidelines(lit)
    with committed():
        requirement_add(actor=world.privacy_officer, tool=lit.tool, kind="guidelines")
    client = client_for(world.care_worker)
    url = reverse("literacy:mine", kwargs={"slug": world.org_a.slug})
    response = client.get(url)
    assert [t.task.kind for t in response.context["tasks"]] == ["guidelines"]
    guideline_url = reverse("register:guidelines", kwargs={"slug": world.org_a.slug})
    assert guideline_url in response.content.decode()
    guideline = Guideline.objects.get(organisation=world.org_a)
    guideline_acknowledge(guideline=guideline, user=world.care_worker)
    assert client.get(url).context["tasks"] == []  # done: gone at once
    assert follow_up()["tasks_done"] == 1
    task = LiteracyTask.objects.get()
    assert task.done_at is not None
    # A new version of the guidelines: to read again.
    with committed():
        guideline_publish(
            organisation=world.org_a, actor=world.privacy_officer, title="AI-regels", body="Nieuw"
        )
    assert _open(lit) == [(world.care_worker.pk, "guidelines", "")]


def test_leaving_the_role_or_removing_the_requirement_ends_the_task(
    lit: Lit, committed: Committed
) -> None:
    world = lit.world
    _guidelines(lit)
    with committed():
        requirement = requirement_add(actor=world.privacy_officer, tool=lit.tool, kind="guidelines")
    newcomer = UserFactory.create(full_name="Nadia Nieuw (fictief)")
    with committed():
        membership = MembershipFactory.create(
            user=newcomer, organisation=world.org_a, role="professional"
        )
    assert _open(lit) == sorted(
        [(world.care_worker.pk, "guidelines", ""), (newcomer.pk, "guidelines", "")]
    )
    membership.ended_at = timezone.now()
    with committed():
        membership.save()  # leaving queues the follow-up too
    assert _open(lit) == [(world.care_worker.pk, "guidelines", "")]
    ended = LiteracyTask.objects.get(user=newcomer)
    assert ended.ended_at is not None
    assert ended.done_at is None
    with committed():
        requirement_remove(actor=world.privacy_officer, requirement=requirement)
    assert _open(lit) == []


def test_exercise_and_workshop_requirements_make_tasks(lit: Lit, committed: Committed) -> None:
    world = lit.world
    with committed():
        requirement_add(
            actor=world.privacy_officer, tool=lit.tool, kind="practice", key="casus-x:privacy"
        )
        requirement_add(actor=world.privacy_officer, tool=lit.tool, kind="workshop", key="ai-basis")
    assert _open(lit) == sorted(
        [
            (world.care_worker.pk, "practice", "casus-x:privacy"),
            (world.care_worker.pk, "workshop", "ai-basis"),
        ]
    )
    response = client_for(world.care_worker).get(
        reverse("literacy:mine", kwargs={"slug": world.org_a.slug})
    )
    workshop = next(t for t in response.context["tasks"] if t.task.kind == "workshop")
    assert workshop.url == reverse("learning:module_detail", kwargs={"module_id": lit.module.pk})


def test_a_late_task_is_reminded_once(lit: Lit, committed: Committed) -> None:
    world = lit.world
    _guidelines(lit)
    with committed():
        requirement_add(actor=world.privacy_officer, tool=lit.tool, kind="guidelines")
    LiteracyTask.objects.update(due_date=timezone.localdate() - datetime.timedelta(days=1))
    assert follow_up()["reminded"] == 1
    assert follow_up()["reminded"] == 0
    mail = MailMessage.objects.get(template="literacy/email/task_overdue")
    assert mail.to == world.care_worker.email


def test_the_own_page_links_what_is_missing_to_where_it_is_done(lit: Lit) -> None:
    world = lit.world
    client = client_for(world.care_worker)
    url = reverse("literacy:mine", kwargs={"slug": world.org_a.slug})
    module_url = reverse("learning:module_detail", kwargs={"module_id": lit.module.pk})
    response = client.get(url)
    assert response.context["links"] == {f"module:{lit.module.key}": module_url}
    assert f'href="{module_url}"' in response.content.decode()

    certify(world.care_worker, lit.module)
    response = client.get(url)
    assert response.context["links"] == {}
    assert f'href="{module_url}"' not in response.content.decode()
