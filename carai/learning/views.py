"""Thin views for learning: access function, form, service, template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.community.access import TEAM_LEARNING_ROLES, access_organisation
from carai.core.forms import add_service_errors, message_service_error
from carai.core.http import is_htmx
from carai.core.language import content_language
from carai.learning import selectors, services
from carai.learning.access import (
    access_certificate_by_code,
    access_lesson,
    access_module,
    access_own_attempt,
    access_own_certificate,
    access_own_enrolment,
)
from carai.learning.certificates import certificate_pdf, open_badge, verification_url
from carai.learning.forms import AssignmentForm, CatalogueForm, QuizForm, ReflectionForm
from carai.learning.models import (
    CHECKED_KINDS,
    Certificate,
    Enrolment,
    Lesson,
    LessonKind,
    Module,
)
from carai.practice.selectors import practice_completion


@login_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    form = CatalogueForm(request.GET or None)
    filters = selectors.CatalogueFilters()
    if form.is_valid():
        filters = selectors.CatalogueFilters(**form.cleaned_data)
    modules = selectors.catalogue(user=user, filters=filters, language=content_language())
    enrolled = dict(Enrolment.objects.filter(user=user).values_list("module_id", "completed_at"))
    cards = [(module, module.pk in enrolled, enrolled.get(module.pk)) for module in modules]
    context = {"form": form, "modules": cards}
    template = (
        "learning/includes/catalogue_results.html"
        if is_htmx(request)
        else "learning/catalogue.html"
    )
    return render(request, template, context)


def _done_lesson_ids(enrolment: Enrolment | None) -> set[int]:
    if enrolment is None:
        return set()
    return set(enrolment.current_progress().values_list("lesson_id", flat=True))


def _next_lesson(module: Module, done: set[int]) -> Lesson | None:
    return module.lessons.filter(is_active=True).exclude(pk__in=done).first()


@login_required
@require_GET
def module_detail(request: HttpRequest, module_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_module(user=user, module_id=module_id)
    enrolment = Enrolment.objects.filter(user=user, module=module).first()
    done = _done_lesson_ids(enrolment)
    return render(
        request,
        "learning/module_detail.html",
        {
            "module": module,
            "enrolment": enrolment,
            "certificate": Certificate.objects.filter(user=user, module=module).first(),
            "lessons": [
                (lesson, lesson.pk in done) for lesson in module.lessons.filter(is_active=True)
            ],
            "next_lesson": _next_lesson(module, done) if enrolment else None,
            "can_renew": enrolment is not None
            and services.enrolment_can_renew(enrolment=enrolment),
        },
    )


@login_required
@require_POST
def module_renew(request: HttpRequest, module_id: int) -> HttpResponse:
    """Do a finished module again to earn a new certificate before (or after) it expires."""
    user = authenticated_user(request)
    module = access_module(user=user, module_id=module_id)
    enrolment = access_own_enrolment(user=user, module=module)
    try:
        services.enrolment_renew(enrolment=enrolment)
    except ValidationError as error:
        message_service_error(request, error)
        return redirect("learning:module_detail", module_id=module.pk)
    messages.success(request, _("You are doing this module again. Your old certificate stays."))
    lesson = module.lessons.filter(is_active=True).first()
    if lesson is None:
        return redirect("learning:module_detail", module_id=module.pk)
    return redirect("learning:lesson", module_id=module.pk, lesson_id=lesson.pk)


@login_required
@require_POST
def module_enrol(request: HttpRequest, module_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_module(user=user, module_id=module_id)
    enrolment = services.enrolment_start(user=user, module=module)
    lesson = (
        _next_lesson(module, _done_lesson_ids(enrolment))
        or module.lessons.filter(is_active=True).first()
    )
    if lesson is None:
        return redirect("learning:module_detail", module_id=module.pk)
    return redirect("learning:lesson", module_id=module.pk, lesson_id=lesson.pk)


@login_required
@require_http_methods(["GET", "POST"])
def lesson_view(request: HttpRequest, module_id: int, lesson_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_module(user=user, module_id=module_id)
    lesson = access_lesson(module=module, lesson_id=lesson_id)
    enrolment = access_own_enrolment(user=user, module=module)
    progress = enrolment.current_progress().filter(lesson=lesson).first()
    form = None
    if lesson.kind == LessonKind.REFLECTION:
        initial = {"answer": progress.reflection} if progress else None
        form = ReflectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and lesson.kind == LessonKind.PRACTICE:
        try:
            services.lesson_complete(enrolment=enrolment, lesson=lesson)
        except ValidationError as error:
            message_service_error(request, error)
        else:
            messages.success(request, _("Well done: this lesson is finished."))
        return redirect("learning:lesson", module_id=module.pk, lesson_id=lesson.pk)
    if (
        request.method == "POST"
        and lesson.kind not in CHECKED_KINDS
        and (form is None or form.is_valid())
    ):
        answer = form.cleaned_data["answer"] if form is not None else ""
        services.lesson_complete(enrolment=enrolment, lesson=lesson, reflection=answer)
        enrolment.refresh_from_db()
        if enrolment.completed_at:
            messages.success(request, _("Well done: you have finished this module."))
            return redirect("learning:module_detail", module_id=module.pk)
        following = module.lessons.filter(is_active=True, order__gt=lesson.order).first()
        if following is not None:
            return redirect("learning:lesson", module_id=module.pk, lesson_id=following.pk)
        return redirect("learning:module_detail", module_id=module.pk)
    lessons = list(module.lessons.filter(is_active=True))
    position = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk)
    context = {
        "module": module,
        "lesson": lesson,
        "enrolment": enrolment,
        "done": progress is not None,
        "form": form,
        "position": position + 1,
        "total": len(lessons),
        "previous": lessons[position - 1] if position > 0 else None,
        "attempts": enrolment.current_attempts().filter(lesson=lesson, submitted_at__isnull=False),
        "attempts_left": services.attempts_left(enrolment=enrolment, lesson=lesson),
        "practice_case": selectors.practice_case_for(lesson=lesson, language=module.language)
        if lesson.kind == LessonKind.PRACTICE
        else None,
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
        attempt = services.quiz_attempt_start(enrolment=enrolment, lesson=lesson)
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
        form = QuizForm(request.POST or None, attempt=attempt)
        if request.method == "POST" and form.is_valid():
            try:
                attempt = services.quiz_attempt_submit(attempt=attempt, answers=form.answers())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("learning:attempt", attempt_id=attempt.pk)
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
            "attempts_left": services.attempts_left(
                enrolment=attempt.enrolment, lesson=attempt.lesson
            ),
        },
    )


@login_required
@require_GET
def certificate_detail(request: HttpRequest, certificate_id: int) -> HttpResponse:
    user = authenticated_user(request)
    certificate = access_own_certificate(user=user, certificate_id=certificate_id)
    return render(
        request,
        "learning/certificate.html",
        {"certificate": certificate, "verify_url": verification_url(certificate)},
    )


@login_required
@require_GET
def certificate_pdf_download(request: HttpRequest, certificate_id: int) -> HttpResponse:
    user = authenticated_user(request)
    certificate = access_own_certificate(user=user, certificate_id=certificate_id)
    language = get_language() or "nl"
    response = HttpResponse(
        certificate_pdf(certificate, language=language), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="carai-certificaat-{certificate.code}.pdf"'
    )
    return response


@require_GET
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    certificate = access_certificate_by_code(code=code)
    return render(request, "learning/certificate_verify.html", {"certificate": certificate})


@require_GET
def certificate_badge(request: HttpRequest, code: str) -> JsonResponse:
    certificate = access_certificate_by_code(code=code)
    return JsonResponse(open_badge(certificate), json_dumps_params={"ensure_ascii": False})


@login_required
@require_http_methods(["GET", "POST"])
def team_learning(request: HttpRequest, slug: str) -> HttpResponse:
    """For managers: assign modules and see who finished them (not their answers)."""
    user = authenticated_user(request)
    organisation = access_organisation(
        user=user, slug=slug, roles=TEAM_LEARNING_ROLES, lead_allowed=False
    )
    form = AssignmentForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_create(actor=user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The module has been assigned."))
            return redirect("learning:team", slug=organisation.slug)
    modules, rows = selectors.team_progress(organisation=organisation)
    return render(
        request,
        "learning/team.html",
        {
            "organisation": organisation,
            "form": form,
            "modules": modules,
            "rows": rows,
            "practice_rows": practice_completion(organisation=organisation),
        },
    )
