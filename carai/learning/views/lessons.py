"""Doing a lesson, and a quiz: start it, hand it in, see why each answer is right or wrong."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors, message_service_error
from carai.core.language import content_language
from carai.learning import selectors
from carai.learning.access import (
    access_lesson,
    access_module,
    access_own_attempt,
    access_own_enrolment,
)
from carai.learning.catalogue import learner_module, learner_module_read
from carai.learning.elsewhere import link_elsewhere
from carai.learning.forms import QuizForm, ReflectionForm, quiz_answers, quiz_form_questions
from carai.learning.models import (
    CASE_KINDS,
    CHECKED_KINDS,
    LessonKind,
)
from carai.learning.services.progress import (
    lesson_complete,
)
from carai.learning.services.quiz import attempts_left, quiz_attempt_start, quiz_attempt_submit


@login_required
@require_http_methods(["GET", "POST"])
def lesson_view(request: HttpRequest, module_id: int, lesson_id: int) -> HttpResponse:
    user = authenticated_user(request)
    # The module (if the person may see it), their enrolment and the lessons they did: kept
    # per person and module for a view, read afresh for a POST (which writes with them).
    facts = (
        learner_module(user=user, module_id=module_id)
        if request.method == "GET"
        else learner_module_read(user=user, module_id=module_id)
    )
    if facts.module is None:
        raise Http404("No such module.")
    module, enrolment = facts.module, facts.enrolment
    # The module's active lessons, from the cache: the lesson itself, its place and the one
    # before it (as access_lesson and module.lessons.filter(is_active=True) would read them).
    lessons = selectors.module_lessons(module=module)
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson_id), None)
    if position is None:
        raise Http404("No such lesson.")
    lesson = lessons[position]
    if enrolment is None:
        if request.method != "GET":
            raise Http404("Not enrolled.")
        # A link to a lesson of a module the person may learn but has not started (shared
        # by a colleague, or after a reset): the module's page, where they can start it.
        messages.info(request, _("Start the module first; then its lessons open."))
        return redirect("learning:module_detail", module_id=module.pk)
    form = None
    if lesson.kind == LessonKind.REFLECTION:
        # Only a reflection shows what was written; other lessons need only "done".
        progress = enrolment.current_progress().filter(lesson=lesson).first()
        initial = {"answer": progress.reflection} if progress else None
        form = ReflectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and lesson.kind in CASE_KINDS:
        try:
            lesson_complete(enrolment=enrolment, lesson=lesson)
        except ValidationError as error:
            message_service_error(request, error)
        else:
            enrolment.refresh_from_db()
            if enrolment.completed_at:
                return redirect("learning:module_finished", module_id=module.pk)
            messages.success(request, _("Well done: this lesson is finished."))
        return redirect("learning:lesson", module_id=module.pk, lesson_id=lesson.pk)
    if (
        request.method == "POST"
        and lesson.kind not in CHECKED_KINDS
        and (form is None or form.is_valid())
    ):
        answer = form.cleaned_data["answer"] if form is not None else ""
        lesson_complete(enrolment=enrolment, lesson=lesson, reflection=answer)
        enrolment.refresh_from_db()
        if enrolment.completed_at:
            return redirect("learning:module_finished", module_id=module.pk)
        following = module.lessons.filter(is_active=True, order__gt=lesson.order).first()
        if following is not None:
            return redirect("learning:lesson", module_id=module.pk, lesson_id=following.pk)
        return redirect("learning:module_detail", module_id=module.pk)
    practice_case = (
        selectors.practice_case_for(lesson=lesson, language=module.language)
        if lesson.kind in CASE_KINDS
        else None
    )
    context = {
        "module": module,
        "lesson": lesson,
        "enrolment": enrolment,
        "done": lesson.pk in facts.done,
        "form": form,
        "position": position + 1,
        "total": len(lessons),
        "previous": lessons[position - 1] if position > 0 else None,
        "attempts": enrolment.current_attempts().filter(lesson=lesson, submitted_at__isnull=False),
        "attempts_left": attempts_left(enrolment=enrolment, lesson=lesson),
        "practice_case": practice_case,
        "sandbox_link": link_elsewhere(kind=LessonKind.SANDBOX, case=practice_case)
        if lesson.kind == LessonKind.SANDBOX
        else "",
        "sessions": selectors.workshop_sessions_for_learner(user=user, lesson=lesson)
        if lesson.kind == LessonKind.WORKSHOP
        else [],
    }
    return render(request, "learning/lesson.html", context)


@login_required
@require_POST
def quiz_start(request: HttpRequest, module_id: int, lesson_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_module(user=user, module_id=module_id)
    lesson = access_lesson(module=module, lesson_id=lesson_id)
    enrolment = access_own_enrolment(user=user, module=module)
    try:
        attempt = quiz_attempt_start(enrolment=enrolment, lesson=lesson)
    except ValidationError as error:
        message_service_error(request, error)
        return redirect("learning:lesson", module_id=module.pk, lesson_id=lesson.pk)
    return redirect("learning:attempt", attempt_id=attempt.pk)


@login_required
@require_http_methods(["GET", "POST"])
def attempt_view(request: HttpRequest, attempt_id: int) -> HttpResponse:
    user = authenticated_user(request)
    attempt = access_own_attempt(user=user, attempt_id=attempt_id)
    module = attempt.enrolment.module
    if attempt.submitted_at is None:
        questions = selectors.quiz_questions(attempt.question_order)
        refused: ValidationError | None = None
        if request.method == "POST":
            # What the form would give when it is valid, without building its fields: a
            # hand-in that is accepted shows no form.
            asked = quiz_form_questions(attempt, questions)
            answers = quiz_answers(request.POST, asked)
            if answers is not None:
                try:
                    attempt = quiz_attempt_submit(
                        attempt=attempt,
                        answers=answers,
                        questions={q.pk: q for q in asked},
                    )
                except ValidationError as error:
                    refused = error
                else:
                    return redirect("learning:attempt", attempt_id=attempt.pk)
        form = QuizForm(request.POST or None, attempt=attempt, questions=questions)
        if refused is not None and form.is_valid():
            add_service_errors(form, refused)
        return render(
            request,
            "learning/attempt.html",
            {"attempt": attempt, "module": module, "form": form},
        )
    # Handed in: show every question with the learner's choice and why it is right or wrong.
    form = QuizForm(attempt=attempt)
    review = []
    for question in form.questions:
        chosen = set(attempt.answers.get(str(question.pk), []))
        options = [(o, o.pk in chosen) for o in question.options.all()]
        review.append((question, options, question.is_answered_right(chosen)))
    following = (
        module.lessons.filter(is_active=True, order__gt=attempt.lesson.order).first()
        if attempt.passed
        else None
    )
    return render(
        request,
        "learning/attempt_result.html",
        {
            "attempt": attempt,
            "module": module,
            "review": review,
            "following": following,
            "finished": selectors.finished_panel(
                user=user, module=module, language=content_language()
            )
            if attempt.passed and attempt.enrolment.completed_at
            else None,
            "attempts_left": attempts_left(enrolment=attempt.enrolment, lesson=attempt.lesson),
        },
    )
