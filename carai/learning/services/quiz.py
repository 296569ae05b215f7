"""Quizzes: starting an attempt and scoring it on the server."""

from __future__ import annotations

import random
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.core.prepared import PreparedRead
from carai.learning import rules
from carai.learning.models import (
    Enrolment,
    Lesson,
    LessonKind,
    Question,
    QuizAttempt,
)
from carai.learning.selectors import quiz_questions
from carai.learning.services.progress import lesson_complete

# The attempt's row locked, of it only whether it was handed in (the query built once per
# connection).
_LOCKED_ATTEMPT = PreparedRead(
    "locked_attempt",
    lambda attempt_id: (
        QuizAttempt.objects.select_for_update()
        .only("submitted_at")
        .filter(pk=attempt_id)
        .order_by()
    ),
    arity=1,
)


def attempts_left(*, enrolment: Enrolment, lesson: Lesson) -> int | None:
    if lesson.max_attempts is None:
        return None
    used = enrolment.current_attempts().filter(lesson=lesson, submitted_at__isnull=False).count()
    return rules.attempts_left(max_attempts=lesson.max_attempts, used=used)


@transaction.atomic
def quiz_attempt_start(*, enrolment: Enrolment, lesson: Lesson) -> QuizAttempt:
    if lesson.kind != LessonKind.QUIZ or lesson.module_id != enrolment.module_id:
        raise ValidationError(_("This lesson has no quiz."))
    open_attempt = (
        enrolment.current_attempts().filter(lesson=lesson, submitted_at__isnull=True).first()
    )
    if open_attempt is not None:
        return open_attempt
    if attempts_left(enrolment=enrolment, lesson=lesson) == 0:
        raise ValidationError(_("You have used all attempts for this quiz."))
    order = list(lesson.questions.values_list("pk", flat=True))
    if lesson.shuffle:
        random.shuffle(order)
    return QuizAttempt.objects.create(enrolment=enrolment, lesson=lesson, question_order=order)


@transaction.atomic
def quiz_attempt_submit(
    *,
    attempt: QuizAttempt,
    answers: dict[int, list[int]],
    questions: Mapping[int, Question] | None = None,
) -> QuizAttempt:
    """Score on the server. Options that do not belong to the question are refused.

    ``attempt``: as the caller read it, with its lesson and enrolment (the page's access
    check reads them, and the learner, in its one query; other callers get them read when
    needed). Of the attempt only whether it was handed in is read again, under a lock on
    its row, so that two hand-ins of the same attempt cannot both count; its lesson,
    enrolment and question order never change once it is started.
    ``questions``: the attempt's questions with their options, when the caller has just
    read them (the quiz form does); otherwise they are read here."""
    locked = _LOCKED_ATTEMPT.rows(attempt.pk)
    if not locked:
        raise QuizAttempt.DoesNotExist("QuizAttempt matching query does not exist.")
    if locked[0].submitted_at is not None:
        raise ValidationError(_("This attempt has already been handed in."))
    if questions is None:
        questions = quiz_questions(attempt.question_order)
    if set(questions) != set(attempt.question_order):
        raise ValidationError(_("This quiz has changed. Start a new attempt."))
    correct_count = 0
    stored: dict[str, list[int]] = {}
    for question_id in attempt.question_order:
        question = questions[question_id]
        valid = {o.pk for o in question.options.all()}
        chosen = set(answers.get(question_id, []))
        if not chosen <= valid:
            raise ValidationError(_("An answer does not belong to this question."))
        if not rules.answer_count_allowed(kind=question.kind, chosen=chosen):
            raise ValidationError(_("Choose one answer for each of these questions."))
        correct_count += question.is_answered_right(chosen)
        stored[str(question_id)] = sorted(chosen)
    attempt.answers = stored
    attempt.score = rules.quiz_score(correct=correct_count, questions=len(attempt.question_order))
    attempt.passed = attempt.lesson.passes(attempt.score)
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["answers", "score", "passed", "submitted_at"])
    if attempt.passed:
        lesson_complete(enrolment=attempt.enrolment, lesson=attempt.lesson)
    return attempt
