"""The one door to learning objects: modules a user may see, and only their own progress."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from carai.accounts.models import User
from carai.community.models import Membership
from carai.learning.models import (
    Certificate,
    Enrolment,
    Lesson,
    Module,
    ModuleQuerySet,
    QuizAttempt,
)


def modules_visible_to(*, user: User) -> ModuleQuerySet:
    """Published modules of the whole community, and those owned by the user's organisations."""
    organisation_ids = Membership.objects.active().filter(user=user).values("organisation_id")
    return Module.objects.published().filter(
        Q(owner__isnull=True) | Q(owner_id__in=organisation_ids)
    )


def access_module(*, user: User, module_id: int) -> Module:
    module = modules_visible_to(user=user).filter(pk=module_id).first()
    if module is None:
        raise Http404("No such module.")
    return module


def access_lesson(*, module: Module, lesson_id: int) -> Lesson:
    lesson = module.lessons.filter(pk=lesson_id, is_active=True).first()
    if lesson is None:
        raise Http404("No such lesson.")
    return lesson


def access_own_enrolment(*, user: User, module: Module) -> Enrolment:
    enrolment = Enrolment.objects.filter(user=user, module=module).first()
    if enrolment is None:
        raise Http404("Not enrolled.")
    return enrolment


def access_own_attempt(*, user: User, attempt_id: int) -> QuizAttempt:
    """A quiz attempt of the user themself; anyone else's attempt is 404."""
    attempt = (
        QuizAttempt.objects.select_related("enrolment__module", "lesson")
        .filter(pk=attempt_id, enrolment__user=user)
        .first()
    )
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def access_own_certificate(*, user: User, certificate_id: int) -> Certificate:
    certificate = (
        Certificate.objects.select_related("module").filter(pk=certificate_id, user=user).first()
    )
    if certificate is None:
        raise Http404("No such certificate.")
    return certificate


def access_certificate_by_code(*, code: str) -> Certificate:
    """Public check: whoever has the code (printed on the certificate) may see it."""
    certificate = (
        Certificate.objects.select_related("module").filter(code=code.strip().upper()).first()
    )
    if certificate is None:
        raise Http404("No such certificate.")
    return certificate
