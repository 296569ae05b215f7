"""Joining a use-case team: the team says who it looks for, members ask, the team answers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors, message_service_error
from carai.usecases import selectors, services
from carai.usecases.access import (
    access_join_request_for_team,
    access_open_use_case,
    access_own_join_request,
    access_use_case,
    in_team,
)
from carai.usecases.forms import (
    JoinDecisionForm,
    JoinRequestForm,
    RecruitingForm,
)
from carai.usecases.views.work import back_to, detail_context


@login_required
@require_POST
def recruiting_save(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    form = RecruitingForm(request.POST)
    if form.is_valid():
        try:
            services.use_case_recruiting_set(
                actor=user,
                use_case=use_case,
                open_to_join=form.cleaned_data["open_to_join"],
                looking_for=form.cleaned_data["looking_for"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Members of the community can now ask to join.")
                if use_case.open_to_join
                else _("The team no longer looks for new members."),
            )
            return back_to(use_case, "team")
    return render(
        request, "usecases/detail.html", detail_context(request, use_case, recruiting_form=form)
    )


@login_required
@require_POST
def join_decide(request: HttpRequest, join_request_id: int) -> HttpResponse:
    user = authenticated_user(request)
    join_request = access_join_request_for_team(user=user, join_request_id=join_request_id)
    use_case = access_use_case(user=user, use_case_id=join_request.use_case_id)
    form = JoinDecisionForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            services.join_request_decide(
                actor=user,
                join_request=join_request,
                accept=accept,
                reply=form.cleaned_data["reply"],
            )
        except ValidationError as error:
            message_service_error(request, error)
        else:
            name = join_request.user.display_name
            messages.success(
                request,
                _("%(name)s is now in the team. We let them know by e-mail.") % {"name": name}
                if accept
                else _("We let %(name)s know by e-mail that the team declined.") % {"name": name},
            )
        return back_to(use_case, "team")
    return render(
        request,
        "usecases/detail.html",
        detail_context(request, use_case, decision_form=form, decision_for=join_request.pk),
    )


@login_required
@require_GET
def open_list(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    return render(
        request,
        "usecases/open_list.html",
        {
            "open_use_cases": selectors.open_use_cases(),
            "my_requests": selectors.join_requests_of(user=user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_open_use_case(user=user, use_case_id=use_case_id)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_create(
                actor=user,
                use_case=use_case,
                role=form.cleaned_data["role"],
                motivation=form.cleaned_data["motivation"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent. The team will answer you."))
            return redirect("usecases:join", use_case_id=use_case.pk)
    return render(
        request,
        "usecases/join.html",
        {
            "use_case": use_case,
            "form": form,
            "mix": selectors.team_mix(use_case),
            "in_team": in_team(user=user, use_case=use_case),
            "pending": selectors.pending_join_request(use_case=use_case, user=user),
            "is_member": selectors.submit_organisations(user=user).exists(),
        },
    )


@login_required
@require_POST
def join_withdraw(request: HttpRequest, join_request_id: int) -> HttpResponse:
    user = authenticated_user(request)
    join_request = access_own_join_request(user=user, join_request_id=join_request_id)
    try:
        services.join_request_withdraw(actor=user, join_request=join_request)
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(request, _("Your request is withdrawn."))
    return redirect("usecases:open")
