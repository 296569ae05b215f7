"""Reading a module as a learner would, before it is published (its educators) or before
it is shared (the community lead)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from carai.accounts.http import authenticated_user
from carai.learning.access import (
    access_authoring_module,
    access_module_for_sharing,
)
from carai.learning.models import LessonKind, Module


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
