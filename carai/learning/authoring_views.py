"""Thin views for educators who make modules and run workshops, and for the lead who shares
modules with the community. Writes go through carai.learning.authoring."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.community.access import AUTHOR_ROLES, access_organisation
from carai.core.forms import add_service_errors, message_service_error
from carai.core.http import is_htmx
from carai.learning import authoring
from carai.learning.access import (
    access_authoring_lesson,
    access_authoring_module,
    access_authoring_question,
    access_lesson,
    access_lesson_image,
    access_module,
    access_module_for_sharing,
    access_session_to_join,
    access_session_to_run,
    authoring_organisations,
    modules_authored_by,
)
from carai.learning.forms import (
    AttendanceForm,
    LessonCreateForm,
    LessonForm,
    MarkdownPreviewForm,
    ModuleForm,
    QuestionForm,
    SessionForm,
)
from carai.learning.models import LessonKind, Module, ModuleStatus, WorkshopSession


def _fields(form: ModuleForm) -> authoring.ModuleFields:
    return authoring.ModuleFields(**form.cleaned_data)


@login_required
@require_GET
def authoring_home(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    organisations = authoring_organisations(user=user)
    if not organisations:
        raise Http404("Not an educator.")
    modules = (
        modules_authored_by(user=user)
        .filter(draft_of__isnull=True)
        .select_related("owner")
        .prefetch_related("drafts")
        .order_by("owner__name", "status", "title")
    )
    return render(
        request,
        "learning/authoring/home.html",
        {"organisations": organisations, "modules": modules},
    )


@login_required
@require_http_methods(["GET", "POST"])
def module_new(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation(user=user, slug=slug, roles=AUTHOR_ROLES, lead_allowed=False)
    form = ModuleForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            module = authoring.module_create(
                actor=user, organisation=organisation, fields=_fields(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The module has been made. Now add lessons."))
            return redirect("learning:authoring_module", draft_id=module.pk)
    return render(
        request,
        "learning/authoring/module_form.html",
        {"form": form, "organisation": organisation, "module": None},
    )


def _lesson_list_context(module: Module) -> dict[str, Any]:
    return {
        "module": module,
        "lessons": list(module.lessons.filter(is_active=True).order_by("order", "pk")),
        "editable": module.status == ModuleStatus.DRAFT,
    }


@login_required
@require_GET
def authoring_module(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    context = _lesson_list_context(module)
    context["add_form"] = LessonCreateForm()
    context["working_copy"] = module.drafts.first() if module.draft_of_id is None else None
    context["sessions"] = (
        WorkshopSession.objects.filter(lesson__module=module, cancelled_at__isnull=True)
        .select_related("lesson", "organisation")
        .order_by("starts_at")
        if module.status == ModuleStatus.PUBLISHED
        else []
    )
    return render(request, "learning/authoring/module.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def module_fields_edit(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    if module.status != ModuleStatus.DRAFT:
        return redirect("learning:authoring_module", draft_id=module.pk)
    form = ModuleForm(request.POST or None, initial=ModuleForm.initial_for(module))
    if request.method == "POST" and form.is_valid():
        try:
            authoring.module_update(module=module, fields=_fields(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("learning:authoring_module", draft_id=module.pk)
    return render(
        request,
        "learning/authoring/module_form.html",
        {"form": form, "organisation": module.owner, "module": module},
    )


@login_required
@require_POST
def module_change(request: HttpRequest, draft_id: int) -> HttpResponse:
    """Start (or go back to) the working copy of a published module."""
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    try:
        copy = authoring.module_working_copy(actor=user, module=module)
    except ValidationError as error:
        message_service_error(request, error)
        return redirect("learning:authoring_module", draft_id=module.pk)
    return redirect("learning:authoring_module", draft_id=copy.pk)


@login_required
@require_POST
def module_publish(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    try:
        live = authoring.module_publish(actor=user, module=module, request=request)
    except ValidationError as error:
        message_service_error(request, error)
        return redirect("learning:authoring_module", draft_id=module.pk)
    messages.success(
        request,
        _("Published: version %(version)s. Learners of your organisation can now find it.")
        % {"version": live.version},
    )
    return redirect("learning:authoring_module", draft_id=live.pk)


@login_required
@require_POST
def module_discard(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    try:
        live = authoring.module_discard_copy(module=module)
    except ValidationError as error:
        message_service_error(request, error)
        return redirect("learning:authoring_module", draft_id=module.pk)
    messages.success(request, _("Your changes have been thrown away."))
    return redirect("learning:authoring_module", draft_id=live.pk)


@login_required
@require_POST
def module_archive(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    try:
        authoring.module_archive(actor=user, module=module, request=request)
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(request, _("The module is archived. Certificates stay valid."))
    return redirect("learning:authoring_module", draft_id=module.pk)


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
    context = _lesson_list_context(module)
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
        context = _lesson_list_context(module)
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
def module_preview(
    request: HttpRequest, draft_id: int, draft_lesson_id: int | None = None
) -> HttpResponse:
    """The module as a learner sees it, lesson by lesson; nothing is saved."""
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    return _preview(request, module, draft_lesson_id, back="authoring")


@login_required
@require_GET
def shared_preview(
    request: HttpRequest, shared_id: int, draft_lesson_id: int | None = None
) -> HttpResponse:
    user = authenticated_user(request)
    module = access_module_for_sharing(user=user, module_id=shared_id)
    return _preview(request, module, draft_lesson_id, back="sharing")


def _preview(
    request: HttpRequest, module: Module, lesson_id: int | None, *, back: str
) -> HttpResponse:
    lessons = list(module.lessons.filter(is_active=True).order_by("order", "pk"))
    if not lessons:
        messages.error(request, _("This module has no lessons yet."))
        return redirect("learning:authoring_module", draft_id=module.pk)
    if lesson_id is None:
        position = 0
    else:
        position = next((i for i, item in enumerate(lessons) if item.pk == lesson_id), -1)
        if position < 0:
            raise Http404("No such lesson.")
    lesson = lessons[position]
    return render(
        request,
        "learning/authoring/preview.html",
        {
            "module": module,
            "lesson": lesson,
            "position": position + 1,
            "total": len(lessons),
            "previous": lessons[position - 1] if position > 0 else None,
            "following": lessons[position + 1] if position + 1 < len(lessons) else None,
            "questions": lesson.questions.prefetch_related("options")
            if lesson.kind == LessonKind.QUIZ
            else [],
            "back": back,
        },
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


# Workshop sessions ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request: HttpRequest, draft_id: int, draft_lesson_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_authoring_module(user=user, module_id=draft_id)
    lesson = access_authoring_lesson(module=module, lesson_id=draft_lesson_id)
    if module.owner is None or lesson.kind != LessonKind.WORKSHOP:
        raise Http404("Not a workshop lesson.")
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            authoring.workshop_session_create(
                actor=user, lesson=lesson, organisation=module.owner, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The session has been planned."))
            return redirect("learning:authoring_module", draft_id=module.pk)
    return render(
        request,
        "learning/authoring/session_form.html",
        {"module": module, "lesson": lesson, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    user = authenticated_user(request)
    session = access_session_to_run(user=user, session_id=session_id)
    registrations = list(session.registrations.select_related("user").order_by("user__full_name"))
    # Not "request.POST or None": nobody ticked is a valid answer (everyone was absent).
    form = AttendanceForm(
        request.POST if request.method == "POST" else None, registrations=registrations
    )
    if request.method == "POST" and form.is_valid():
        try:
            count = authoring.workshop_attendance_mark(
                actor=user, session=session, present=form.present_ids(), request=request
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Attendance saved: %(count)s of %(total)s were there.")
                % {"count": count, "total": len(registrations)},
            )
            return redirect("learning:session_attendance", session_id=session.pk)
    return render(
        request,
        "learning/authoring/session.html",
        {"session": session, "form": form, "registrations": registrations},
    )


@login_required
@require_POST
def session_cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    user = authenticated_user(request)
    session = access_session_to_run(user=user, session_id=session_id)
    try:
        authoring.workshop_session_cancel(session=session)
    except ValidationError as error:
        message_service_error(request, error)
        return redirect("learning:session_attendance", session_id=session.pk)
    messages.success(request, _("The session has been cancelled."))
    return redirect("learning:authoring_module", draft_id=session.lesson.module_id)


@login_required
@require_POST
def session_join(
    request: HttpRequest, module_id: int, lesson_id: int, session_id: int
) -> HttpResponse:
    """A learner signs up for a session, or signs off (``action=leave``)."""
    user = authenticated_user(request)
    module = access_module(user=user, module_id=module_id)
    lesson = access_lesson(module=module, lesson_id=lesson_id)
    session = access_session_to_join(user=user, module=module, session_id=session_id)
    if session.lesson_id != lesson.pk:
        raise Http404("No such session.")
    try:
        if request.POST.get("action") == "leave":
            authoring.workshop_unregister(user=user, session=session)
            messages.success(request, _("You have signed off."))
        else:
            authoring.workshop_register(user=user, session=session)
            messages.success(request, _("You have signed up. See you there!"))
    except ValidationError as error:
        message_service_error(request, error)
    return redirect("learning:lesson", module_id=module.pk, lesson_id=lesson.pk)


# Sharing with the community (community lead) -------------------------------------------------


@login_required
@require_GET
def sharing_list(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    if not user.is_community_lead:
        raise Http404("Not the community lead.")
    modules = (
        Module.objects.published()
        .filter(owner__isnull=False)
        .select_related("owner")
        .order_by("shared", "owner__name", "title")
    )
    return render(request, "learning/authoring/sharing.html", {"modules": modules})


@login_required
@require_POST
def sharing_toggle(request: HttpRequest, shared_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_module_for_sharing(user=user, module_id=shared_id)
    share = request.POST.get("share") == "yes"
    try:
        authoring.module_share(actor=user, module=module, shared=share, request=request)
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(
            request,
            _("“%(title)s” is now shared with the whole community.") % {"title": module.title}
            if share
            else _("“%(title)s” is again only for its own organisation.") % {"title": module.title},
        )
    return redirect("learning:sharing")
