"""Workshop sessions: educators plan them and mark attendance; learners sign up."""

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
from carai.learning.access import (
    access_authoring_lesson,
    access_authoring_module,
    access_lesson,
    access_module,
    access_session_to_join,
    access_session_to_run,
)
from carai.learning.forms import (
    AttendanceForm,
    SessionForm,
)
from carai.learning.models import LessonKind
from carai.learning.services import workshops

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
            workshops.workshop_session_create(
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
            count = workshops.workshop_attendance_mark(
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
        workshops.workshop_session_cancel(session=session)
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
            workshops.workshop_unregister(user=user, session=session)
            messages.success(request, _("You have signed off."))
        else:
            workshops.workshop_register(user=user, session=session)
            messages.success(request, _("You have signed up. See you there!"))
    except ValidationError as error:
        message_service_error(request, error)
    return redirect("learning:lesson", module_id=module.pk, lesson_id=lesson.pk)
