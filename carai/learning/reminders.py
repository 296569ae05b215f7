"""Follow-up on assignments: reminders to the learner and a weekly digest to the manager.

Run once a day by the ``assignments_follow_up`` task (``manage.py assignments_daily`` from
cron or a systemd timer enqueues it, see docs/operations.md). Every e-mail goes through the
outbox, in the recipient's language. Each reminder and digest is remembered in the same
transaction that queues its e-mail, so running the task twice, or again after a crash,
neither skips nor repeats one.

- ``due_soon``: from ``REMIND_DAYS_BEFORE`` days before the due date, to each person the
  assignment asks who has not finished the module (in either language);
- ``overdue``: the day after the due date, to each of them who still has not finished it
  (not for dates more than ``OVERDUE_WINDOW_DAYS`` ago: no flood of old news);
- the digest: once a week (the first run on or after Monday) to each manager of an
  organisation with assignments: who is late, and who finished in the past seven days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.core.mail import mail_send
from carai.learning.models import (
    Assignment,
    AssignmentReminder,
    Enrolment,
    Module,
    ReminderKind,
    TeamDigest,
)

REMIND_DAYS_BEFORE = 3
OVERDUE_WINDOW_DAYS = 14
DIGEST_LIST_LIMIT = 25  # names per assignment in the digest; the team page has the rest


def _link(path: str) -> str:
    return settings.CARAI_BASE_URL.rstrip("/") + path


def _reachable(users: QuerySet[User]) -> QuerySet[User]:
    return users.filter(is_active=True, erased_at__isnull=True).exclude(email="")


def _unfinished(assignment: Assignment) -> QuerySet[User]:
    """The people the assignment asks who have not finished the module in any language."""
    finished = Enrolment.objects.filter(assignment.fulfilled_by(), user=OuterRef("pk"))
    return _reachable(User.objects.filter(pk__in=assignment.assignee_ids())).exclude(
        Exists(finished)
    )


def _module_for(assignment: Assignment, language: str) -> Module:
    """The assigned module in the reader's language, if the organisation may use that one."""
    module = assignment.module
    if module.language == language:
        return module
    other = (
        Module.objects.usable_by(organisation_ids=[assignment.organisation_id])
        .filter(key=module.key, language=language)
        .first()
    )
    return other or module


def _remind(*, assignment: Assignment, user: User, kind: str, today: date) -> bool:
    """Queue one reminder unless it was sent before. True when it was queued now."""
    try:
        with transaction.atomic():
            AssignmentReminder.objects.create(assignment=assignment, user=user, kind=kind)
            language = user.preferred_language or settings.LANGUAGE_CODE
            module = _module_for(assignment, language)
            mail_send(
                to=user.email,
                language=language,
                template=f"learning/email/assignment_{kind}",
                context={
                    "name": user.full_name or user.email,
                    "module": module.title,
                    "organisation": assignment.organisation.name,
                    "due_date": assignment.due_date,
                    "days": (assignment.due_date - today).days,
                    "link": _link(
                        reverse("learning:module_detail", kwargs={"module_id": module.pk})
                    ),
                },
                organisation_id=assignment.organisation_id,
            )
    except IntegrityError:  # another run sent it a moment ago
        return False
    return True


def reminders_send(*, today: date) -> dict[str, int]:
    counts = {ReminderKind.DUE_SOON.value: 0, ReminderKind.OVERDUE.value: 0}
    assignments = (
        Assignment.objects.active()
        .filter(
            organisation__is_active=True,
            due_date__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
            due_date__gte=today - timedelta(days=OVERDUE_WINDOW_DAYS),
        )
        .select_related("module", "organisation")
    )
    for assignment in assignments:
        kind = ReminderKind.OVERDUE if assignment.is_overdue(today) else ReminderKind.DUE_SOON
        sent_before = AssignmentReminder.objects.filter(
            assignment=assignment, user=OuterRef("pk"), kind=kind
        )
        for user in _unfinished(assignment).exclude(Exists(sent_before)):
            if _remind(assignment=assignment, user=user, kind=kind, today=today):
                counts[kind] += 1
    return counts


@dataclass
class DigestLine:
    module: str
    due_date: date
    people: list[str] = field(default_factory=list)
    more: int = 0


def _names(users: QuerySet[User]) -> tuple[list[str], int]:
    names = [str(u) for u in users.order_by("full_name", "email")[: DIGEST_LIST_LIMIT + 1]]
    if len(names) <= DIGEST_LIST_LIMIT:
        return names, 0
    return names[:DIGEST_LIST_LIMIT], users.count() - DIGEST_LIST_LIMIT


def digest_lines(
    *, organisation: Organisation, today: date
) -> tuple[list[DigestLine], list[DigestLine]]:
    """Per assignment of the organisation: who is late, and who finished in the past week."""
    week_ago = timezone.now() - timedelta(days=7)
    late: list[DigestLine] = []
    finished: list[DigestLine] = []
    assignments = (
        Assignment.objects.active()
        .filter(organisation=organisation)
        .select_related("module")
        .order_by("due_date", "pk")
    )
    for assignment in assignments:
        key = assignment.module.key
        asked = User.objects.filter(pk__in=assignment.assignee_ids(), erased_at__isnull=True)
        if assignment.is_overdue(today):
            names, more = _names(_unfinished(assignment))
            if names:
                late.append(DigestLine(assignment.module.title, assignment.due_date, names, more))
        done_recently = Enrolment.objects.filter(
            user=OuterRef("pk"), module__key=key, completed_at__gte=week_ago
        )
        names, more = _names(asked.filter(Exists(done_recently)))
        if names:
            finished.append(DigestLine(assignment.module.title, assignment.due_date, names, more))
    return late, finished


def digests_send(*, today: date) -> int:
    """The weekly digest to each manager; remembered per manager, organisation and week,
    also when there was nothing to tell (then nothing is sent)."""
    week = today - timedelta(days=today.weekday())
    sent = 0
    organisations = Organisation.objects.filter(
        is_active=True, assignments__withdrawn_at__isnull=True
    ).distinct()
    for organisation in organisations:
        managers = _reachable(
            User.objects.filter(
                pk__in=Membership.objects.active_in(organisation=organisation)
                .filter(role=Role.MANAGER)
                .values("user_id")
            )
        ).exclude(
            Exists(
                TeamDigest.objects.filter(organisation=organisation, user=OuterRef("pk"), week=week)
            )
        )
        if not managers.exists():
            continue
        late, finished = digest_lines(organisation=organisation, today=today)
        link = _link(reverse("learning:team", kwargs={"slug": organisation.slug}))
        for manager in managers:
            try:
                with transaction.atomic():
                    TeamDigest.objects.create(organisation=organisation, user=manager, week=week)
                    if late or finished:
                        mail_send(
                            to=manager.email,
                            language=manager.preferred_language or settings.LANGUAGE_CODE,
                            template="learning/email/team_digest",
                            context={
                                "name": manager.full_name or manager.email,
                                "organisation": organisation.name,
                                "late": late,
                                "finished": finished,
                                "link": link,
                            },
                            organisation_id=organisation.pk,
                        )
                        sent += 1
            except IntegrityError:
                continue
    return sent
