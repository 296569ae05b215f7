"""Practice questions come in, and the community lead plans cycles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors
from carai.usecases import selectors, services
from carai.usecases.forms import (
    CycleForm,
    SubmitForm,
)
from carai.usecases.models import Cycle


@login_required
@require_GET
def use_case_list(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    return render(
        request,
        "usecases/list.html",
        {
            "mine": selectors.use_cases_of(user=user),
            "queue": selectors.triage_queue() if user.is_community_lead else [],
            "everything": selectors.all_use_cases() if user.is_community_lead else [],
            "can_submit": selectors.submit_organisations(user=user).exists(),
            "waiting": selectors.join_requests_for_my_teams(user=user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def use_case_submit(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    organisations = selectors.submit_organisations(user=user)
    form = SubmitForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            use_case = services.use_case_submit(
                actor=user,
                organisation=form.cleaned_data["organisation"],
                data=form.use_case_data(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you. Your question has been sent. Below you can read what happens next."),
            )
            return redirect("usecases:detail", use_case_id=use_case.pk)
    return render(
        request, "usecases/submit.html", {"form": form, "has_organisation": organisations.exists()}
    )


@login_required
@require_http_methods(["GET", "POST"])
def cycles(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    if not user.is_community_lead:
        raise Http404("Not for you.")
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cycle_create(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The cycle is added."))
            return redirect("usecases:cycles")
    return render(request, "usecases/cycles.html", {"form": form, "cycles": Cycle.objects.all()})
