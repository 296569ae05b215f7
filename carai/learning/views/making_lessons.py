"""Educators make the lessons and quiz questions of a module, with a Markdown preview and
uploaded images."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors, message_service_error
from carai.core.http import is_htmx
from carai.learning.access import (
    access_authoring_lesson,
    access_authoring_module,
    access_authoring_question,
    access_lesson_image,
    authoring_organisations,
)
from carai.learning.forms import (
    LessonCreateForm,
    LessonForm,
    MarkdownPreviewForm,
    QuestionForm,
)
from carai.learning.models import LessonKind, ModuleStatus
from carai.learning.services import authoring
from carai.learning.views.making import lesson_list_context


@login_required
@require_http_methods(["GET", "POST"])
def lesson_new(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    if request.method == "GET":  # e.g. reloading the page after an error
        return redirect("learning:authoring_module", draft_id=module.pk)
    form = LessonCreateForm(request.POST)
    if form.is_valid():
        try:
            lesson = authoring.lesson_create(module=module, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(
                "learning:authoring_lesson", draft_id=module.pk, draft_lesson_id=lesson.pk
            )
    context = lesson_list_context(module)
    context.update({"add_form": form, "working_copy": None, "sessions": []})
    return render(request, "learning/authoring/module.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def lesson_edit(request: HttpRequest, draft_id: int, draft_lesson_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    lesson = access_authoring_lesson(module=module, lesson_id=draft_lesson_id)
    if module.status != ModuleStatus.DRAFT:
        return redirect("learning:authoring_module", draft_id=module.pk)
    form = LessonForm(request.POST or None, request.FILES or None, lesson=lesson)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("image")
        try:
            authoring.lesson_update(
                lesson=lesson,
                image_data=upload.read() if upload else None,
                **form.lesson_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The lesson has been saved."))
            if lesson.kind == LessonKind.QUIZ and not lesson.questions.exists():
                return redirect(
                    "learning:authoring_question_new", draft_id=module.pk, draft_lesson_id=lesson.pk
                )
            return redirect("learning:authoring_module", draft_id=module.pk)
    return render(
        request,
        "learning/authoring/lesson_form.html",
        {
            "module": module,
            "lesson": lesson,
            "form": form,
            "questions": lesson.questions.prefetch_related("options")
            if lesson.kind == LessonKind.QUIZ
            else [],
        },
    )


@login_required
@require_POST
def lesson_move(request: HttpRequest, draft_id: int, draft_lesson_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    lesson = access_authoring_lesson(module=module, lesson_id=draft_lesson_id)
    up = request.POST.get("direction") == "up"
    try:
        authoring.lesson_move(lesson=lesson, up=up)
    except ValidationError as error:
        message_service_error(request, error)
    if is_htmx(request):
        context = lesson_list_context(module)
        context["moved"] = lesson.pk
        response = render(request, "learning/authoring/includes/lesson_list.html", context)
        response["HX-Trigger"] = json.dumps(
            {"carai:announce": {"message": _("Moved up.") if up else _("Moved down.")}}
        )
        return response
    return redirect("learning:authoring_module", draft_id=module.pk)


@login_required
@require_POST
def lesson_delete(request: HttpRequest, draft_id: int, draft_lesson_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    lesson = access_authoring_lesson(module=module, lesson_id=draft_lesson_id)
    try:
        authoring.lesson_delete(lesson=lesson)
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(
            request, _("The lesson “%(title)s” has been removed.") % {"title": lesson.title}
        )
    return redirect("learning:authoring_module", draft_id=module.pk)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(
    request: HttpRequest, draft_id: int, draft_lesson_id: int, question_id: int | None = None
) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    lesson = access_authoring_lesson(module=module, lesson_id=draft_lesson_id)
    question = (
        access_authoring_question(lesson=lesson, question_id=question_id)
        if question_id is not None
        else None
    )
    if module.status != ModuleStatus.DRAFT or lesson.kind != LessonKind.QUIZ:
        return redirect("learning:authoring_module", draft_id=module.pk)
    form = QuestionForm(request.POST or None, question=question)
    if request.method == "POST" and form.is_valid():
        try:
            authoring.question_save(
                lesson=lesson,
                question=question,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                options=form.options(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question has been saved."))
            if "another" in request.POST:
                return redirect(
                    "learning:authoring_question_new", draft_id=module.pk, draft_lesson_id=lesson.pk
                )
            return redirect(
                "learning:authoring_lesson", draft_id=module.pk, draft_lesson_id=lesson.pk
            )
    return render(
        request,
        "learning/authoring/question_form.html",
        {"module": module, "lesson": lesson, "question": question, "form": form},
    )


@login_required
@require_POST
def question_delete(
    request: HttpRequest, draft_id: int, draft_lesson_id: int, question_id: int
) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    lesson = access_authoring_lesson(module=module, lesson_id=draft_lesson_id)
    question = access_authoring_question(lesson=lesson, question_id=question_id)
    try:
        authoring.question_delete(question=question)
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(request, _("The question has been removed."))
    return redirect("learning:authoring_lesson", draft_id=module.pk, draft_lesson_id=lesson.pk)


@login_required
@require_POST
def markdown_preview(request: HttpRequest) -> HttpResponse:
    """htmx: the text as learners will see it. Rendering is the same safe Markdown filter."""
    user = authenticated_user(request)
    if not authoring_organisations(user=user):
        raise Http404("Not an educator.")
    form = MarkdownPreviewForm(request.POST)
    body = form.cleaned_data["body"] if form.is_valid() else ""
    return render(
        request,
        "learning/authoring/includes/markdown_preview.html",
        {"body": body, "invalid": not form.is_valid()},
    )


@login_required
@require_GET
def lesson_image(request: HttpRequest, image_lesson_id: int) -> FileResponse:
    user = authenticated_user(request)
    lesson = access_lesson_image(user=user, lesson_id=image_lesson_id)
    if not lesson.image or not default_storage.exists(lesson.image):
        raise Http404("No image.")
    response = FileResponse(default_storage.open(lesson.image, "rb"))
    response["Cache-Control"] = "private, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
