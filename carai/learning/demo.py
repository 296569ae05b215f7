"""Demo learners at different stages (all fictional), on top of the demo community."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import transaction

from carai.accounts.models import User
from carai.learning import services
from carai.learning.content import read_pack
from carai.learning.models import Enrolment, Lesson, LessonKind, Module


def _finish_lesson(enrolment: Enrolment, lesson: Lesson) -> None:
    if lesson.kind == LessonKind.QUIZ:
        attempt = services.quiz_attempt_start(enrolment=enrolment, lesson=lesson)
        answers = {
            q.pk: [o.pk for o in q.options.all() if o.is_correct]
            for q in lesson.questions.prefetch_related("options")
        }
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
            _finish_lesson(enrolment, lesson)


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
    return len(modules)
