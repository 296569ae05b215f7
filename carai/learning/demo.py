"""Demo learners at different stages (all fictional), on top of the demo community."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from carai.accounts.models import User
from carai.learning import services
from carai.learning.content import read_pack
from carai.learning.models import Certificate, Enrolment, Lesson, LessonKind, Module
from carai.learning.selectors import correct_answers


def finish_lesson(enrolment: Enrolment, lesson: Lesson) -> None:
    """Finish a lesson as a learner would; a quiz is passed with all answers right."""
    if lesson.kind == LessonKind.QUIZ:
        attempt = services.quiz_attempt_start(enrolment=enrolment, lesson=lesson)
        answers = correct_answers(question_ids=attempt.question_order)
        services.quiz_attempt_submit(attempt=attempt, answers=answers)
    else:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)


def _progress(email: str, key: str, lessons_done: int | None) -> None:
    """Enrol ``email`` in module ``key`` (Dutch) and finish the first N lessons (None: all)."""
    user = User.objects.filter(email=email).first()
    module = Module.objects.filter(key=key, language="nl").first()
    if user is None or module is None:
        return
    enrolment = services.enrolment_start(user=user, module=module)
    lessons = list(module.lessons.filter(is_active=True).order_by("order"))
    done = set(enrolment.progress.values_list("lesson_id", flat=True))
    for lesson in lessons[:lessons_done]:
        if lesson.pk not in done:
            finish_lesson(enrolment, lesson)


@transaction.atomic
def load_demo_learning() -> int:
    """Import the shipped content pack and give demo people some progress. Idempotent."""
    content = Path(settings.BASE_DIR) / "content"
    if not (content / "modules").is_dir():
        return 0
    modules = read_pack(content)
    for data in modules:
        services.module_import(data=data)
    _progress("zorgmedewerker@lindehof.example", "wat-is-ai", None)
    _progress("zorgmedewerker@lindehof.example", "privacy-en-ai", 2)
    _progress("student@vakschool.example", "wat-is-ai", 3)
    _progress("aicoach@lindehof.example", "wat-is-ai", None)
    _progress("aicoach@lindehof.example", "ai-uitvoer-controleren", None)
    _progress("manager@lindehof.example", "ai-adoptie-leiden", 1)
    _certificate_dates("aicoach@lindehof.example", "wat-is-ai", expires_in_days=20)
    _certificate_dates("aicoach@lindehof.example", "ai-uitvoer-controleren", expires_in_days=-10)
    return len(modules)


def _certificate_dates(email: str, key: str, *, expires_in_days: int) -> None:
    """Make a demo certificate expire soon (or have expired), to show reminders and expiry."""
    certificate = Certificate.objects.filter(
        user__email=email, module__key=key, module__language="nl"
    ).first()
    if certificate is None:
        return
    now = timezone.now()
    certificate.expires_at = now + timedelta(days=expires_in_days)
    certificate.issued_at = certificate.expires_at - timedelta(days=730)
    certificate.expired_at = now if expires_in_days < 0 else None
    certificate.save(update_fields=["expires_at", "issued_at", "expired_at"])
