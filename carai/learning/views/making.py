"""Educators make their organisation's modules: the module, its fields and its life
(publish, working copy, discard, archive). Writes go through carai.learning.services.authoring."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.community.access import AUTHOR_ROLES, access_organisation
from carai.core.forms import add_service_errors, message_service_error
from carai.learning.access import (
    access_authoring_module,
    authoring_organisations,
    modules_authored_by,
)
from carai.learning.content import ModuleFields
from carai.learning.forms import (
    LessonCreateForm,
    ModuleForm,
)
from carai.learning.models import Module, ModuleStatus, WorkshopSession
from carai.learning.services import authoring


def _fields(form: ModuleForm) -> ModuleFields:
    return ModuleFields(**form.cleaned_data)


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


def lesson_list_context(module: Module) -> dict[str, Any]:
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
    context = lesson_list_context(module)
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
