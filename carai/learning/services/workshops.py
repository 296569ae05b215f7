"""Workshop sessions: an educator plans them for a workshop lesson, the organisation's
people sign up, the educator marks who came (which finishes the lesson for them)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.core.audit import audit_record
from carai.learning.audit import LearningAction
from carai.learning.models import (
    Lesson,
    LessonKind,
    ModuleStatus,
    WorkshopRegistration,
    WorkshopSession,
)
from carai.learning.services.progress import (
    enrolment_check_completion,
    enrolment_start,
    lesson_progress_record,
)

# Workshop sessions ---------------------------------------------------------------------------


@transaction.atomic
def workshop_session_create(
    *,
    actor: User,
    lesson: Lesson,
    organisation: Organisation,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int,
    location: str = "",
    online_url: str = "",
) -> WorkshopSession:
    module = lesson.module
    if lesson.kind != LessonKind.WORKSHOP or module.status != ModuleStatus.PUBLISHED:
        raise ValidationError(_("Sessions are planned for a workshop lesson of a module."))
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("Choose a moment in the future.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start.")})
    if not (location or online_url):
        raise ValidationError({"location": _("Give a place, an online link or both.")})
    session = WorkshopSession(
        lesson=lesson,
        organisation=organisation,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        location=location,
        online_url=online_url,
        created_by=actor,
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def workshop_session_cancel(*, session: WorkshopSession) -> WorkshopSession:
    if session.registrations.filter(attended=True).exists():
        raise ValidationError(_("Attendance has been marked; this session can no longer stop."))
    session.cancelled_at = timezone.now()
    session.save(update_fields=["cancelled_at"])
    return session


@transaction.atomic
def workshop_register(*, user: User, session: WorkshopSession) -> WorkshopRegistration:
    """Sign up for a session of the user's own organisation, if there is still a place."""
    session = WorkshopSession.objects.select_for_update().get(pk=session.pk)
    if session.cancelled_at is not None or session.starts_at <= timezone.now():
        raise ValidationError(_("You can no longer sign up for this session."))
    if not Membership.objects.active().filter(user=user, organisation=session.organisation_id):
        raise ValidationError(_("This session is for another organisation."))
    existing = session.registrations.filter(user=user).first()
    if existing is not None:
        return existing
    if session.registrations.count() >= session.capacity:
        raise ValidationError(_("This session is full. Choose another one."))
    enrolment_start(user=user, module=session.lesson.module)
    return WorkshopRegistration.objects.create(session=session, user=user)


@transaction.atomic
def workshop_unregister(*, user: User, session: WorkshopSession) -> None:
    registration = session.registrations.filter(user=user).first()
    if registration is None:
        return
    if registration.attended is not None:
        raise ValidationError(_("Your attendance has been marked; you cannot sign off now."))
    registration.delete()


@transaction.atomic
def workshop_attendance_mark(
    *,
    actor: User,
    session: WorkshopSession,
    present: set[int],
    request: HttpRequest | None = None,
) -> int:
    """Mark who was there (registration ids in ``present``); the rest were absent.

    Being there finishes the workshop lesson for the learner. Returns how many were there.
    """
    if session.starts_at > timezone.now():
        raise ValidationError(_("You can mark attendance once the session has started."))
    registrations = list(session.registrations.select_related("user"))
    unknown = present - {r.pk for r in registrations}
    if unknown:
        raise ValidationError(_("Someone in the list is not signed up for this session."))
    lesson = session.lesson
    for registration in registrations:
        was_there = registration.pk in present
        corrected = registration.attended is True and not was_there
        registration.attended = was_there
        registration.marked_by = actor
        registration.save(update_fields=["attended", "marked_by"])
        enrolment = enrolment_start(user=registration.user, module=lesson.module)
        if was_there:
            lesson_progress_record(enrolment=enrolment, lesson=lesson)
            enrolment_check_completion(enrolment=enrolment)
        elif corrected and enrolment.completed_at is None:
            # A mistake put right before the module was finished: the lesson is open again.
            enrolment.current_progress().filter(lesson=lesson).delete()
    audit_record(
        action=LearningAction.ATTENDANCE_MARKED,
        actor=actor,
        request=request,
        organisation=session.organisation,
        target=session,
        target_label=str(session),
        details={"present": len(present), "signed_up": len(registrations)},
    )
    return len(present)
