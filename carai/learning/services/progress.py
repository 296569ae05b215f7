"""A learner's progress: enrolling, finishing lessons, certificates, doing a module again."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Membership
from carai.core.audit import audit_record
from carai.learning import rules
from carai.learning.audit import LearningAction
from carai.learning.elsewhere import is_done_elsewhere
from carai.learning.models import (
    Certificate,
    Enrolment,
    Lesson,
    LessonKind,
    LessonProgress,
    Module,
)


@transaction.atomic
def enrolment_start(*, user: User, module: Module) -> Enrolment:
    enrolment, _created = Enrolment.objects.get_or_create(user=user, module=module)
    return enrolment


def _required_lessons(module: Module) -> set[int]:
    return set(module.lessons.filter(is_active=True, required=True).values_list("pk", flat=True))


def enrolment_check_completion(*, enrolment: Enrolment) -> Enrolment:
    if enrolment.completed_at is not None:
        return enrolment
    done = set(enrolment.current_progress().values_list("lesson_id", flat=True))
    if _required_lessons(enrolment.module) <= done:
        enrolment.completed_at = timezone.now()
        enrolment.completed_version = enrolment.module.version
        enrolment.save(update_fields=["completed_at", "completed_version"])
        certificate_issue(enrolment=enrolment)
    return enrolment


def certificate_issue(*, enrolment: Enrolment) -> Certificate:
    """Issue the certificate for a completed enrolment (once per module version)."""
    module, user = enrolment.module, enrolment.user
    version = enrolment.completed_version or module.version
    earlier = Certificate.objects.filter(user=user, module=module, module_version=version)
    if enrolment.round_started_at is not None:
        earlier = earlier.filter(issued_at__gte=enrolment.round_started_at)
    existing = earlier.first()
    if existing is not None:
        return existing
    membership = (
        Membership.objects.active()
        .filter(user=user)
        .select_related("organisation")
        .order_by("started_at")
        .first()
    )
    issued = enrolment.completed_at or timezone.now()
    return Certificate.objects.create(
        user=user,
        module=module,
        module_version=version,
        module_title=module.title,
        holder_name=user.full_name or user.email,
        organisation_name=membership.organisation.name if membership else "",
        issued_at=issued,
        expires_at=rules.certificate_expiry(issued, module.validity_months),
    )


@transaction.atomic
def certificate_revoke(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    """Withdraw a certificate (given in error, or obtained dishonestly). Its badge then fails
    the status check everywhere; the certificate page says it was revoked."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise ValidationError(_("This certificate was already revoked."))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is revoked.")})
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason
    certificate.save(update_fields=["revoked_at", "revocation_reason"])
    audit_record(
        action=LearningAction.CERTIFICATE_REVOKED,
        actor=actor,
        target=certificate,
        target_label=f"{certificate.module_title} · {certificate.code}",
        details={"reason": reason},
    )
    return certificate


@transaction.atomic
def lesson_complete(*, enrolment: Enrolment, lesson: Lesson, reflection: str = "") -> Enrolment:
    if lesson.module_id != enrolment.module_id:
        raise ValidationError(_("This lesson is not part of this module."))
    if lesson.kind == LessonKind.QUIZ:
        passed = enrolment.current_attempts().filter(lesson=lesson, passed=True).exists()
        if not passed:
            raise ValidationError(_("Pass the quiz to finish this lesson."))
    if lesson.kind == LessonKind.PRACTICE and not practice_passed(
        enrolment=enrolment, lesson=lesson
    ):
        raise ValidationError(_("Pass the practice exercise to finish this lesson."))
    if lesson.kind == LessonKind.SANDBOX and not is_done_elsewhere(
        kind=LessonKind.SANDBOX,
        user=enrolment.user,
        case_key=lesson.practice_case,
        since=enrolment.round_started_at,
    ):
        raise ValidationError(
            _("Keep an attempt on this case in the AI sandbox to finish this lesson.")
        )
    if lesson.kind == LessonKind.WORKSHOP:
        raise ValidationError(
            _("This lesson is done when the educator has marked that you were at the workshop.")
        )
    lesson_progress_record(enrolment=enrolment, lesson=lesson, reflection=reflection)
    enrolment.last_lesson = lesson
    enrolment.save(update_fields=["last_lesson"])
    return enrolment_check_completion(enrolment=enrolment)


def practice_passed(*, enrolment: Enrolment, lesson: Lesson) -> bool:
    """Whether the learner passed the lesson's exercise (any language of the case), in the
    current round of the module."""
    from carai.practice.models import PracticeAttempt

    attempts = PracticeAttempt.objects.filter(
        user=enrolment.user,
        case__key=lesson.practice_case,
        exercise=lesson.practice_exercise,
        passed=True,
    )
    if enrolment.round_started_at is not None:
        attempts = attempts.filter(created_at__gte=enrolment.round_started_at)
    return attempts.exists()


def lesson_progress_record(
    *, enrolment: Enrolment, lesson: Lesson, reflection: str = ""
) -> LessonProgress:
    """Note that a lesson is done; in a renewal round an old record counts again from now."""
    progress, created = LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=lesson, defaults={"reflection": reflection}
    )
    fields = []
    if not created and reflection and progress.reflection != reflection:
        progress.reflection = reflection
        fields.append("reflection")
    round_start = enrolment.round_started_at
    if not created and round_start is not None and progress.completed_at < round_start:
        progress.completed_at = timezone.now()
        fields.append("completed_at")
    if fields:
        progress.save(update_fields=fields)
    return progress


RENEW_BEFORE_DAYS = 60


def enrolment_can_renew(*, enrolment: Enrolment) -> bool:
    """A finished module can be done again when its certificate has expired or will expire
    within two months."""
    if enrolment.completed_at is None:
        return False
    certificate = (
        Certificate.objects.filter(user=enrolment.user, module=enrolment.module)
        .order_by("-issued_at")
        .first()
    )
    return certificate_renewable(certificate)


def certificate_renewable(certificate: Certificate | None) -> bool:
    """``enrolment_can_renew`` for a finished enrolment whose newest certificate is read."""
    if certificate is None:
        return False
    soon = timezone.now() + timedelta(days=RENEW_BEFORE_DAYS)
    return certificate.expired_at is not None or certificate.expires_at <= soon


@transaction.atomic
def enrolment_renew(*, enrolment: Enrolment) -> Enrolment:
    """Start a new round to earn a new certificate. Earlier progress, answers and
    certificates stay as history; the lessons must be done again."""
    if not enrolment_can_renew(enrolment=enrolment):
        raise ValidationError(_("You can do this module again when your certificate expires."))
    enrolment.completed_at = None
    enrolment.completed_version = None
    enrolment.last_lesson = None
    enrolment.round_started_at = timezone.now()
    enrolment.save(
        update_fields=["completed_at", "completed_version", "last_lesson", "round_started_at"]
    )
    return enrolment
