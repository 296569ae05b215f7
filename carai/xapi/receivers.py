"""What becomes a learning record: the xAPI app listens to the models of lower apps (they
never import it). Each receiver turns a saved row into a ``Happening`` and queues it for the
learner's organisations' LRSs; a failure here is logged and never fails the learner's action.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.urls import reverse

from carai.accounts.models import User
from carai.community.models import EventRegistration
from carai.core.cache import on_write, scopes_changed
from carai.learning.models import (
    Certificate,
    Enrolment,
    Lesson,
    LessonProgress,
    Module,
    QuizAttempt,
)
from carai.practice.models import Exercise, PracticeAttempt
from carai.xapi.models import LrsConfig
from carai.xapi.selectors import LRS_SCOPE, has_lrs
from carai.xapi.services import statements_record
from carai.xapi.statements import Activity, Happening

logger = logging.getLogger(__name__)


def _base() -> str:
    return settings.CARAI_BASE_URL.rstrip("/")


def module_activity(module: Module) -> Activity:
    return Activity(f"{_base()}/xapi/modules/{module.key}", "course", module.title, module.language)


def lesson_activity(lesson: Lesson, *, kind: str = "lesson") -> Activity:
    module = lesson.module
    return Activity(
        f"{_base()}/xapi/modules/{module.key}/{lesson.slug}", kind, lesson.title, module.language
    )


def _record(user: User, build: Callable[[], Happening]) -> None:
    if not has_lrs(user=user):
        return  # no LRS takes this person's records: nothing to build or queue
    try:
        with transaction.atomic():
            statements_record(user=user, happening=build(), home_page=_base() + "/")
    except Exception:
        logger.exception("Could not queue a learning record")


def on_lesson_progress(sender: Any, instance: LessonProgress, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw"):
        return
    lesson = instance.lesson
    _record(
        instance.enrolment.user,
        lambda: Happening(
            key=f"lesson-progress-{instance.pk}",
            verb="completed",
            activity=lesson_activity(lesson),
            timestamp=instance.completed_at,
            parent=module_activity(lesson.module),
        ),
    )


def on_quiz_attempt(sender: Any, instance: QuizAttempt, **kwargs: Any) -> None:
    if kwargs.get("raw") or instance.submitted_at is None or instance.score is None:
        return
    lesson = instance.lesson
    submitted, score = instance.submitted_at, instance.score
    _record(
        instance.enrolment.user,
        lambda: Happening(
            key=f"quiz-attempt-{instance.pk}",
            verb="passed" if instance.passed else "failed",
            activity=lesson_activity(lesson, kind="assessment"),
            timestamp=submitted,
            score=score,
            success=instance.passed,
            parent=module_activity(lesson.module),
        ),
    )


def on_enrolment(sender: Any, instance: Enrolment, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields") or ()
    completed = instance.completed_at
    if kwargs.get("raw") or completed is None or "completed_at" not in fields:
        return
    _record(
        instance.user,
        lambda: Happening(
            key=f"enrolment-{instance.pk}-{int(completed.timestamp())}",
            verb="completed",
            activity=module_activity(instance.module),
            timestamp=completed,
        ),
    )


def on_certificate(sender: Any, instance: Certificate, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw"):
        return
    path = reverse("learning:certificate_verify", kwargs={"code": instance.code})
    _record(
        instance.user,
        lambda: Happening(
            key=f"certificate-{instance.pk}",
            verb="earned",
            activity=Activity(
                _base() + path, "badge", instance.module_title, instance.module.language
            ),
            timestamp=instance.issued_at,
            parent=module_activity(instance.module),
        ),
    )


def on_practice_attempt(
    sender: Any, instance: PracticeAttempt, created: bool, **kwargs: Any
) -> None:
    if not created or kwargs.get("raw"):
        return
    case = instance.case
    label = str(Exercise(instance.exercise).label) if instance.exercise in Exercise.values else ""
    _record(
        instance.user,
        lambda: Happening(
            key=f"practice-attempt-{instance.pk}",
            verb="passed" if instance.passed else "failed",
            activity=Activity(
                f"{_base()}/xapi/cases/{case.key}/{instance.exercise}",
                "simulation",
                f"{case.title} · {label}" if label else case.title,
                case.language,
            ),
            timestamp=instance.created_at,
            score=instance.score,
            success=instance.passed,
        ),
    )


def on_registration(sender: Any, instance: EventRegistration, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields") or ()
    if kwargs.get("raw") or instance.attended is not True:
        return
    if not kwargs.get("created") and "attended" not in fields:
        return
    event = instance.event
    path = reverse("community:event_detail", kwargs={"event_id": event.pk})
    _record(
        instance.user,
        lambda: Happening(
            key=f"attendance-{instance.pk}",
            verb="attended",
            activity=Activity(_base() + path, "meeting", event.title),
            timestamp=event.starts_at,
        ),
    )


def lrs_changed(sender: Any, **kwargs: Any) -> None:
    """An LRS switched on or off, added or removed: ``has_lrs`` answers afresh."""
    scopes_changed(LRS_SCOPE)


def connect() -> None:
    on_write(LrsConfig, lrs_changed, dispatch_uid="xapi-lrs")
    post_save.connect(on_lesson_progress, sender=LessonProgress, dispatch_uid="xapi-lesson")
    post_save.connect(on_quiz_attempt, sender=QuizAttempt, dispatch_uid="xapi-quiz")
    post_save.connect(on_enrolment, sender=Enrolment, dispatch_uid="xapi-enrolment")
    post_save.connect(on_certificate, sender=Certificate, dispatch_uid="xapi-certificate")
    post_save.connect(on_practice_attempt, sender=PracticeAttempt, dispatch_uid="xapi-practice")
    post_save.connect(on_registration, sender=EventRegistration, dispatch_uid="xapi-attendance")
