"""Requirements that follow changes: assignments for what a tool requires, a refresh before a
certificate expires, and ending what a person no longer needs. Fictional people."""

from __future__ import annotations

import datetime

from django.core.management import call_command
from django.utils import timezone

from carai.learning.models import Assignment, Enrolment
from carai.learning.reminders import _unfinished
from carai.learning.selectors import assignments_for_user
from carai.learning.services.progress import enrolment_renew
from carai.learning.team import (
    BUSY,
    FINISHED,
    TeamFilters,
    assignment_summaries,
    member_rows,
    team_assignments,
    team_members,
)
from carai.literacy.followup import REFRESH_DAYS, follow_up
from carai.literacy.models import AssignmentReason, LiteracyAssignment
from carai.register.services import tool_update
from tests.factories import MembershipFactory, UserFactory
from tests.literacy.conftest import Lit, certify, make_module, make_tool


def _open(lit: Lit) -> list[tuple[int, str, str]]:
    return sorted(
        (made.user_id, made.module_key, made.reason)
        for made in LiteracyAssignment.objects.filter(assignment__withdrawn_at__isnull=True)
    )


def test_a_tool_that_requires_a_module_assigns_it(lit: Lit) -> None:
    counts = follow_up(organisation_id=lit.world.org_a.pk)
    assert counts == {
        "assigned": 1,
        "refresh": 0,
        "withdrawn": 0,
        "tasks": 0,
        "tasks_done": 0,
        "tasks_ended": 0,
        "reminded": 0,
    }
    assignment = Assignment.objects.get()
    assert assignment.user == lit.world.care_worker
    assert assignment.module == lit.module
    assert assignment.assigned_by == lit.world.privacy_officer  # who changed the tool
    assert assignment.due_date == timezone.localdate() + datetime.timedelta(days=30)
    # Running again makes nothing new.
    assert follow_up(organisation_id=lit.world.org_a.pk)["assigned"] == 0
    assert Assignment.objects.count() == 1


def test_new_role_and_changed_requirement_assign(lit: Lit) -> None:
    world = lit.world
    follow_up()
    newcomer = UserFactory.create(full_name="Nadia Nieuw")
    MembershipFactory.create(user=newcomer, organisation=world.org_a, role="professional")
    extra = make_module("ai-privacy", "Privacy en AI (fictief)")
    tool_update(
        tool=lit.tool,
        actor=world.privacy_officer,
        data={"name": lit.tool.name, "purpose": "Brieven"},
        rules={"public": ("allowed", "")},
        modules=[lit.module, extra],
    )
    follow_up()
    assert _open(lit) == sorted(
        [
            (world.care_worker.pk, "ai-basis", AssignmentReason.REQUIRED),
            (world.care_worker.pk, "ai-privacy", AssignmentReason.REQUIRED),
            (newcomer.pk, "ai-basis", AssignmentReason.REQUIRED),
            (newcomer.pk, "ai-privacy", AssignmentReason.REQUIRED),
        ]
    )


def test_people_with_evidence_or_an_assignment_are_not_asked_again(lit: Lit) -> None:
    world = lit.world
    certify(world.care_worker, lit.module)
    assert follow_up()["assigned"] == 0
    assert not Assignment.objects.exists()


def test_expiring_certificate_gets_a_refresh_in_time(lit: Lit) -> None:
    world = lit.world
    issued = timezone.now() - datetime.timedelta(days=330)  # valid 360 days: 30 left
    certificate = certify(world.care_worker, lit.module, issued=issued)
    counts = follow_up()
    assert counts["refresh"] == 1
    assignment = Assignment.objects.get()
    assert assignment.due_date == timezone.localtime(certificate.expires_at).date()
    assert LiteracyAssignment.objects.get().reason == AssignmentReason.REFRESH
    assert follow_up()["refresh"] == 0  # asked once


def test_certificate_far_from_expiry_gets_no_refresh(lit: Lit) -> None:
    certify(lit.world.care_worker, lit.module)
    assert REFRESH_DAYS < 300
    assert follow_up()["refresh"] == 0


def test_leaving_the_role_ends_what_it_required(lit: Lit) -> None:
    world = lit.world
    follow_up()
    assignment = Assignment.objects.get()
    membership = world.care_worker_membership
    membership.ended_at = timezone.now()
    membership.save()
    MembershipFactory.create(user=world.care_worker, organisation=world.org_a, role="student")
    counts = follow_up()
    assert counts["withdrawn"] == 1
    assignment.refresh_from_db()
    assert assignment.withdrawn_at is not None
    assert _open(lit) == []


def test_the_daily_command_runs_the_follow_up(lit: Lit) -> None:
    call_command("literacy_daily")  # the test settings run tasks at once
    assert Assignment.objects.filter(user=lit.world.care_worker).count() == 1


def test_a_tool_for_everyone_assigns_to_everyone_who_lacks_it(lit: Lit) -> None:
    make_tool(lit.world, "Vertaalhulp", modules=[lit.module])
    certify(lit.world.manager, lit.module)
    assert follow_up()["assigned"] == 4  # every member but the manager


def test_a_refresh_is_to_do_until_the_person_renews(lit: Lit) -> None:
    """The finish the certificate came from does not fulfil the refresh: the team page,
    Mijn overzicht and the reminders show it as to do until the module is finished again."""
    world = lit.world
    person = world.care_worker
    long_ago = timezone.now() - datetime.timedelta(days=330)  # valid 360 days: 30 left
    enrolment = Enrolment.objects.create(user=person, module=lit.module)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=long_ago, started_at=long_ago)
    certify(person, lit.module, issued=long_ago)
    assert follow_up()["refresh"] == 1
    refresh = Assignment.objects.get()
    assert refresh.renewal

    def shown() -> tuple[int, int, str, bool, bool]:
        assignments = team_assignments(organisation=world.org_a)
        (row,) = member_rows(
            organisation=world.org_a,
            users=[person],
            assignments=assignments,
            module_key=lit.module.key,
        )
        (summary,) = assignment_summaries(assignments=assignments)
        ((_assignment, mine),) = assignments_for_user(user=person)
        reminded = person in _unfinished(refresh)
        finished_mine = mine is not None and mine.completed_at is not None
        return row.finished, summary.finished, row.status, finished_mine, reminded

    assert shown() == (0, 0, BUSY, False, True)
    busy = team_members(
        organisation=world.org_a,
        filters=TeamFilters(module=lit.module.key, status=BUSY),
        assignments=team_assignments(organisation=world.org_a),
    )
    assert person in busy
    # The renewal round starts: still to do.
    enrolment.refresh_from_db()
    enrolment_renew(enrolment=enrolment)
    assert shown() == (0, 0, BUSY, False, True)
    # Finished again: done.
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=timezone.now())
    assert shown() == (1, 1, FINISHED, True, False)
