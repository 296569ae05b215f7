"""Follow-up on assignments: each reminder goes exactly once, in the person's language, and
the manager gets one digest a week. Time is moved with freezegun. All people are made up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from carai.community.models import Membership, Role
from carai.learning.models import AssignmentReminder, Enrolment, Module, TeamDigest
from carai.learning.services.assignments import assignment_create, assignment_withdraw
from carai.learning.tasks import assignments_follow_up
from tests.conftest import World
from tests.factories import UserFactory

# A Friday at 07:00 Amsterdam; the assignment is due the Monday after.
START = datetime(2026, 3, 6, 6, 0, tzinfo=UTC)
DUE = date(2026, 3, 9)

Runner = Callable[[], dict[str, int]]


@pytest.fixture
def run(django_capture_on_commit_callbacks: Any) -> Runner:
    def _run() -> dict[str, int]:
        with django_capture_on_commit_callbacks(execute=True):
            return assignments_follow_up.call()

    return _run


def _sent_to(address: str) -> list[str]:
    return [str(m.subject) for m in mail.outbox if m.to == [address]]


def test_each_reminder_goes_once(module: Module, world: World, run: Runner) -> None:
    english = UserFactory.create(
        full_name="Tom Test (fictief)", email="tom@zorg-a.example", preferred_language="en"
    )
    Membership.objects.create(user=english, organisation=world.org_a, role=Role.PROFESSIONAL)
    with freeze_time(START - timedelta(days=7)):
        assignment = assignment_create(
            actor=world.manager,
            organisation=world.org_a,
            module=module,
            due_date=DUE,
            role=Role.PROFESSIONAL,
        )
    address = world.care_worker.email
    # Wednesday: five days to go, nothing yet.
    with freeze_time(START - timedelta(days=2)):
        assert run() == {"due_soon": 0, "overdue": 0, "digests": 0}
    assert not _sent_to(address)
    # Friday: three days to go: one reminder each, in their own language.
    with freeze_time(START):
        assert run()["due_soon"] == 2
        assert run()["due_soon"] == 0  # the same day again: nothing
    (dutch,) = _sent_to(address)
    assert "Herinnering" in dutch
    assert module.title in dutch
    (in_english,) = _sent_to(english.email)
    assert in_english.startswith("Reminder")
    # Saturday and Monday (the due date itself): no repeats.
    for day in (1, 3):
        with freeze_time(START + timedelta(days=day)):
            assert run()["due_soon"] == 0
    # Tom finishes on Monday; Tuesday: Sanne is late and hears it once, Tom not.
    Enrolment.objects.create(user=english, module=module, completed_at=timezone.now())
    for day in (4, 5, 6):
        with freeze_time(START + timedelta(days=day)):
            counts = run()
            assert counts["overdue"] == (1 if day == 4 else 0)
    assert len(_sent_to(address)) == 2
    assert len(_sent_to(english.email)) == 1
    assert AssignmentReminder.objects.filter(assignment=assignment).count() == 3


def test_withdrawn_finished_and_old_assignments_stay_quiet(
    module: Module, world: World, run: Runner
) -> None:
    with freeze_time(START - timedelta(days=40)):
        old = assignment_create(
            actor=world.manager,
            organisation=world.org_a,
            module=module,
            due_date=(START - timedelta(days=30)).date(),
            user=world.care_worker,
        )
        withdrawn = assignment_create(
            actor=world.manager,
            organisation=world.org_a,
            module=module,
            due_date=DUE,
            user=world.org_admin,
        )
        assignment_withdraw(actor=world.manager, assignment=withdrawn)
    with freeze_time(START):
        counts = run()
    assert counts["due_soon"] == counts["overdue"] == 0
    assert not AssignmentReminder.objects.filter(assignment__in=[old, withdrawn]).exists()


def test_weekly_digest_to_the_manager(module: Module, world: World, run: Runner) -> None:
    late = UserFactory.create(full_name="Lotte Laat (fictief)", email="lotte@zorg-a.example")
    Membership.objects.create(user=late, organisation=world.org_a, role=Role.PROFESSIONAL)
    Membership.objects.create(user=world.outsider, organisation=world.org_b, role=Role.MANAGER)
    with freeze_time(START - timedelta(days=14)):
        assignment_create(
            actor=world.manager,
            organisation=world.org_a,
            module=module,
            due_date=(START - timedelta(days=3)).date(),
            role=Role.PROFESSIONAL,
        )
    Enrolment.objects.create(user=world.care_worker, module=module, completed_at=timezone.now())
    # Monday: the digest; Tuesday to Sunday: no second one; the next Monday: the next.
    monday = datetime(2026, 3, 9, 6, 0, tzinfo=UTC)
    with freeze_time(monday - timedelta(days=3)):
        Enrolment.objects.filter(user=world.care_worker).update(completed_at=timezone.now())
    with freeze_time(monday):
        assert run()["digests"] == 1
    (digest,) = [m for m in mail.outbox if m.to == [world.manager.email]]
    assert "Zorg A (fictief)" in digest.subject
    assert "Lotte Laat (fictief)" in digest.body
    late_part, finished_part = digest.body.split("Afgerond in de afgelopen zeven dagen")
    assert "Sanne Zorgmedewerker" in finished_part
    assert "Sanne" not in late_part
    assert "/leren/team/zorg-a/" in digest.body
    for day in range(1, 7):
        with freeze_time(monday + timedelta(days=day)):
            assert run()["digests"] == 0
    with freeze_time(monday + timedelta(days=7)):
        assert run()["digests"] == 1
    assert TeamDigest.objects.filter(user=world.manager).count() == 2
    # The manager of another organisation hears nothing about A's people.
    assert not [m for m in mail.outbox if m.to == [world.outsider.email]]


def test_daily_command_queues_the_task(world: World) -> None:
    from io import StringIO

    out = StringIO()
    call_command("assignments_daily", stdout=out)
    assert "queued" in out.getvalue()
