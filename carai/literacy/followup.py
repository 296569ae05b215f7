"""Requirements that follow changes: the literacy follow-up.

For every module a usable tool requires, per organisation:

- a person who may use such a tool and has no valid certificate (or accepted external
  certificate) for the module, and whom no assignment of the module asks yet, gets one
  (due in ``DUE_DAYS``), made with the existing assignment service;
- a person whose certificate for it expires within ``REFRESH_DAYS`` gets an assignment to
  renew it, due on the day it expires (the learning app reminds them before and after);
- an assignment the follow-up made is withdrawn when the person no longer needs the
  module (they left the role or team, the tool no longer requires it, or they left);
- for the other requirements (the current guidelines, a practice exercise, a workshop) a
  person who lacks the evidence gets a ``LiteracyTask``: shown on their own page, with an
  e-mail when it is made and one reminder the day after its date; it is done when the
  evidence is there and ended when they no longer need it.

Run daily and after changes to the register or to memberships; safe to repeat: it never
makes a second assignment for the same need.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.core.mail import mail_send
from carai.learning.models import Assignment, Certificate, Module
from carai.learning.services.assignments import assignment_create, assignment_withdraw
from carai.literacy import selectors
from carai.literacy.models import (
    AssignmentReason,
    LiteracyAssignment,
    LiteracyTask,
    RequirementKind,
)
from carai.literacy.rules import Requirement
from carai.register.models import ToolRevision

DUE_DAYS = 30
REFRESH_DAYS = 60


def _actor(organisation: Organisation, tool_ids: list[int]) -> User | None:
    """Who the assignment is made in the name of: whoever last changed one of the tools
    that require it, else a privacy officer or admin of the organisation."""
    revision = (
        ToolRevision.objects.filter(tool_id__in=tool_ids, changed_by__isnull=False)
        .select_related("changed_by")
        .order_by("-changed_at")
        .first()
    )
    if revision is not None and revision.changed_by is not None:
        return revision.changed_by
    membership = (
        Membership.objects.active_in(organisation=organisation)
        .filter(role__in=[Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
        .select_related("user")
        .order_by("started_at")
        .first()
    )
    return membership.user if membership else None


def _asked(organisation: Organisation, key: str) -> dict[int, datetime.datetime]:
    """The people an assignment of the module (by key) that still holds asks now, with
    when the latest such assignment was made."""
    asked: dict[int, datetime.datetime] = {}
    for assignment in Assignment.objects.active().filter(
        organisation=organisation, module__key=key
    ):
        for user_id in assignment.assignee_ids().values_list("user_id", flat=True):
            if user_id not in asked or asked[user_id] < assignment.created_at:
                asked[user_id] = assignment.created_at
    return asked


def _module(organisation: Organisation, key: str) -> Module | None:
    modules = list(Module.objects.usable_by(organisation_ids=[organisation.pk]).filter(key=key))
    return next((m for m in modules if m.language == "nl"), modules[0] if modules else None)


def _assign(
    *,
    organisation: Organisation,
    module: Module,
    actor: User,
    user_id: int,
    due: datetime.date,
    reason: str,
) -> None:
    with transaction.atomic():
        assignment = assignment_create(
            actor=actor,
            organisation=organisation,
            module=module,
            due_date=due,
            user=User.objects.get(pk=user_id),
            renewal=reason == AssignmentReason.REFRESH,
        )
        LiteracyAssignment.objects.create(
            assignment=assignment,
            organisation=organisation,
            user_id=user_id,
            module_key=module.key,
            reason=reason,
        )


COUNTS = ("assigned", "refresh", "withdrawn", "tasks", "tasks_done", "tasks_ended", "reminded")


def _task_mail(task: LiteracyTask, template: str) -> None:
    """The e-mail about a task, in the person's language, with a link to their own page."""
    user = task.user
    if not user.is_active or user.erased_at is not None or not user.email:
        return
    language = user.preferred_language or settings.LANGUAGE_CODE
    requirement = Requirement(task.kind, task.key)
    label = selectors.requirement_labels([requirement], language)[requirement.code]
    path = reverse("literacy:mine", kwargs={"slug": task.organisation.slug})
    mail_send(
        to=user.email,
        language=language,
        template=f"literacy/email/{template}",
        context={
            "name": user.full_name or user.email,
            "organisation": task.organisation.name,
            "task": label,
            "due_date": task.due_date,
            "link": settings.CARAI_BASE_URL.rstrip("/") + path,
        },
        organisation_id=task.organisation_id,
    )


def _follow_tasks(
    organisation: Organisation, scope: selectors.Scope, counts: dict[str, int]
) -> None:
    """Tasks for the requirements that are no module: made, done, ended, reminded."""
    now = timezone.now()
    today = timezone.localdate()
    needed: dict[tuple[str, str], set[int]] = {}
    for requirement in scope.requirements:
        if requirement.kind == RequirementKind.MODULE:
            continue
        audience = selectors.nothing()
        for tool in scope.tools:
            if requirement in tool.requirements:
                audience |= tool.audience()
        members = scope.members().filter(audience)
        needs = needed[(requirement.kind, requirement.key)] = set(
            members.values_list("user_id", flat=True)
        )
        lacking = set(members.exclude(scope.has(requirement)).values_list("user_id", flat=True))
        open_tasks = {
            task.user_id: task
            for task in LiteracyTask.objects.filter(
                organisation=organisation,
                kind=requirement.kind,
                key=requirement.key,
                done_at__isnull=True,
                ended_at__isnull=True,
            )
        }
        for user_id, task in open_tasks.items():
            if user_id in needs and user_id not in lacking:
                task.done_at = now
                task.save(update_fields=["done_at"])
                counts["tasks_done"] += 1
        for user_id in sorted(lacking - open_tasks.keys()):
            with transaction.atomic():
                task = LiteracyTask.objects.create(
                    organisation=organisation,
                    user=User.objects.get(pk=user_id),
                    kind=requirement.kind,
                    key=requirement.key,
                    due_date=today + datetime.timedelta(days=DUE_DAYS),
                )
                _task_mail(task, "task_new")
            counts["tasks"] += 1
    for task in LiteracyTask.objects.filter(
        organisation=organisation, done_at__isnull=True, ended_at__isnull=True
    ).select_related("user", "organisation"):
        if task.user_id not in needed.get((task.kind, task.key), set()):
            task.ended_at = now
            task.save(update_fields=["ended_at"])
            counts["tasks_ended"] += 1
        elif task.due_date < today and task.reminded_at is None:
            with transaction.atomic():
                task.reminded_at = now
                task.save(update_fields=["reminded_at"])
                _task_mail(task, "task_overdue")
            counts["reminded"] += 1


def follow_up_organisation(organisation: Organisation) -> dict[str, int]:
    counts = dict.fromkeys(COUNTS, 0)
    today = timezone.localdate()
    scope = selectors.scope_of(organisation=organisation)
    needed: dict[str, set[int]] = {}
    for requirement in scope.requirements:
        if requirement.kind != RequirementKind.MODULE:
            continue
        key = requirement.key
        tools = [t for t in scope.tools if requirement in t.requirements]
        audience = selectors.nothing()
        for tool in tools:
            audience |= tool.audience()
        members = scope.members().filter(audience)
        needed[key] = set(members.values_list("user_id", flat=True))
        module = _module(organisation, key)
        actor = _actor(organisation, [t.tool_id for t in tools])
        if module is None or actor is None:
            continue
        asked = _asked(organisation, key)
        lacking = set(members.exclude(scope.has(requirement)).values_list("user_id", flat=True))
        for user_id in sorted(lacking - asked.keys()):
            _assign(
                organisation=organisation,
                module=module,
                actor=actor,
                user_id=user_id,
                due=today + datetime.timedelta(days=DUE_DAYS),
                reason=AssignmentReason.REQUIRED,
            )
            counts["assigned"] += 1
        # Certificates that run out soon, of people who still need the module and have
        # no later one: an assignment to renew, due on the day it expires.
        soon = timezone.now() + datetime.timedelta(days=REFRESH_DAYS)
        expiring: dict[int, tuple[datetime.datetime, datetime.datetime]] = {}
        for user_id, issued, expires in (
            Certificate.objects.filter(
                user_id__in=needed[key] - lacking,
                module__key=key,
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
            )
            .order_by("expires_at")
            .values_list("user_id", "issued_at", "expires_at")
        ):
            expiring[user_id] = (issued, expires)  # the latest expiry per person wins
        for user_id, (issued, expires) in sorted(expiring.items()):
            if expires > soon or (user_id in asked and asked[user_id] > issued):
                continue  # not yet, or already asked to renew
            _assign(
                organisation=organisation,
                module=module,
                actor=actor,
                user_id=user_id,
                due=max(timezone.localtime(expires).date(), today),
                reason=AssignmentReason.REFRESH,
            )
            counts["refresh"] += 1
    for made in LiteracyAssignment.objects.filter(
        organisation=organisation, assignment__withdrawn_at__isnull=True
    ).select_related("assignment"):
        if made.user_id not in needed.get(made.module_key, set()):
            actor = made.assignment.assigned_by
            assignment_withdraw(actor=actor, assignment=made.assignment)
            counts["withdrawn"] += 1
    _follow_tasks(organisation, scope, counts)
    return counts


def follow_up(*, organisation_id: int | None = None) -> dict[str, int]:
    """The follow-up of one organisation, or of every active one."""
    totals = dict.fromkeys(COUNTS, 0)
    organisations = Organisation.objects.filter(is_active=True)
    if organisation_id is not None:
        organisations = organisations.filter(pk=organisation_id)
    for organisation in organisations:
        for name, count in follow_up_organisation(organisation).items():
            totals[name] += count
    return totals
