"""The catalogue and a module's page: find, start and redo modules."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import message_service_error
from carai.core.http import is_htmx
from carai.core.language import content_language
from carai.learning import selectors
from carai.learning.access import (
    access_module,
    access_own_enrolment,
)
from carai.learning.catalogue import catalogue_cards, module_page
from carai.learning.forms import CatalogueForm
from carai.learning.models import (
    Enrolment,
    Lesson,
    Module,
)
from carai.learning.services.progress import (
    certificate_renewable,
    enrolment_renew,
    enrolment_start,
)


@login_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    form = CatalogueForm(request.GET or None)
    filters = selectors.CatalogueFilters()
    if form.is_valid():
        filters = selectors.CatalogueFilters(**form.cleaned_data)
    language = content_language()
    cards = catalogue_cards(user=user, filters=filters, language=language)
    filters_used = form.is_valid() and any(
        form.cleaned_data.get(name) for name in form.fields if name != "q"
    )
    context = {
        "form": form,
        "modules": cards,
        "language": language,
        "filtered": filters_used or bool(form.errors),
    }
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
    # The module (if the person may see it), their enrolment, the lessons done, the newest
    # certificate once finished and the other language version: kept per person and module.
    page = module_page(user=user, module_id=module_id)
    if page.module is None:
        raise Http404("No such module.")
    module, enrolment, done, certificate = page.module, page.enrolment, page.done, page.certificate
    lessons = selectors.module_lessons(module=module)
    finished = enrolment is not None and enrolment.completed_at is not None
    return render(
        request,
        "learning/module_detail.html",
        {
            "module": module,
            "versions": page.versions,
            "language": content_language(),
            "enrolment": enrolment,
            "certificate": certificate,
            "lessons": [(lesson, lesson.pk in done) for lesson in lessons],
            # The first active lesson not done yet, in the lessons' own order (as _next_lesson).
            "next_lesson": next((x for x in lessons if x.pk not in done), None)
            if enrolment
            else None,
            # As enrolment_can_renew, with the certificate read above (the clock decides).
            "can_renew": finished and certificate_renewable(certificate),
        },
    )


@login_required
@require_GET
def module_finished(request: HttpRequest, module_id: int) -> HttpResponse:
    """ "Module afgerond": the certificate and what is next, once the module is finished."""
    user = authenticated_user(request)
    module = access_module(user=user, module_id=module_id)
    enrolment = access_own_enrolment(user=user, module=module)
    if enrolment.completed_at is None:
        return redirect("learning:module_detail", module_id=module.pk)
    return render(
        request,
        "learning/module_finished.html",
        {
            "module": module,
            "enrolment": enrolment,
            "finished": selectors.finished_panel(
                user=user, module=module, language=content_language()
            ),
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
        enrolment_renew(enrolment=enrolment)
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
    enrolment = enrolment_start(user=user, module=module)
    lesson = (
        _next_lesson(module, _done_lesson_ids(enrolment))
        or module.lessons.filter(is_active=True).first()
    )
    if lesson is None:
        return redirect("learning:module_detail", module_id=module.pk)
    return redirect("learning:lesson", module_id=module.pk, lesson_id=lesson.pk)
