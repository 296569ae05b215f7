"""Thin views: fetch through the access functions, parse with a form, call a service."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import trigger_client_event

from carai.accounts.forms import NewAccountForm
from carai.accounts.http import authenticated_user
from carai.accounts.models import User
from carai.community import selectors, services
from carai.community.access import (
    MAIL_ROLES,
    MANAGE_MEMBERS_ROLES,
    VIEW_AUDIT_ROLES,
    VIEW_MEMBERS_ROLES,
    access_community_lead,
    access_invitation,
    access_invitation_by_token,
    access_membership,
    access_organisation,
    access_organisation_as_lead,
    has_organisation_role,
    roles_in_organisation,
)
from carai.community.forms import InvitationForm, MemberFilterForm, OrganisationForm, RoleForm
from carai.core.forms import add_service_errors
from carai.core.http import is_htmx
from carai.core.paging import page_of, query_without_page


@login_required
@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation(user=user, slug=slug)
    return render(
        request,
        "community/organisation_detail.html",
        {
            "organisation": organisation,
            "can_view_members": has_organisation_role(
                user=user, organisation=organisation, roles=VIEW_MEMBERS_ROLES
            ),
            "can_view_audit": has_organisation_role(
                user=user, organisation=organisation, roles=VIEW_AUDIT_ROLES
            ),
            "can_view_mail": has_organisation_role(
                user=user, organisation=organisation, roles=MAIL_ROLES
            ),
            "roles": roles_in_organisation(user=user, organisation=organisation),
        },
    )


@login_required
@require_GET
def member_list(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation(user=user, slug=slug, roles=VIEW_MEMBERS_ROLES)
    can_manage = has_organisation_role(
        user=user, organisation=organisation, roles=MANAGE_MEMBERS_ROLES
    )
    form = MemberFilterForm(
        request.GET or None, teams=selectors.organisation_teams(organisation=organisation)
    )
    members = selectors.organisation_members(organisation=organisation, **form.filters())
    context = {
        "organisation": organisation,
        "form": form,
        "page": page_of(request, members),
        "page_query": query_without_page(request),
        "page_target": "#member-results",
        "can_manage": can_manage,
    }
    if is_htmx(request):
        return render(request, "community/includes/member_results.html", context)
    context["invitations"] = (
        selectors.organisation_open_invitations(organisation=organisation) if can_manage else []
    )
    return render(request, "community/member_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation(user=user, slug=slug, roles=MANAGE_MEMBERS_ROLES)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=user, request=request, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("community:member_list", slug=organisation.slug)
    return render(
        request,
        "community/invitation_form.html",
        {"organisation": organisation, "form": form, "days": settings.CARAI_INVITATION_DAYS},
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_revoke(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation(user=user, slug=slug, roles=MANAGE_MEMBERS_ROLES)
    invitation = access_invitation(
        user=user, organisation=organisation, invitation_id=invitation_id
    )
    error = ""
    if request.method == "POST":
        try:
            services.invitation_revoke(actor=user, request=request, invitation=invitation)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("The invitation has been withdrawn."))
            return redirect("community:member_list", slug=organisation.slug)
    return render(
        request,
        "community/invitation_revoke.html",
        {"organisation": organisation, "invitation": invitation, "error": error},
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_role(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation(user=user, slug=slug, roles=MANAGE_MEMBERS_ROLES)
    membership = access_membership(
        user=user, organisation=organisation, membership_id=membership_id
    )
    initial = {
        "role": membership.role,
        "student_level": membership.student_level,
        "programme": membership.programme,
        "team": membership.team,
    }
    form = RoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_change_role(
                actor=user, request=request, membership=membership, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if is_htmx(request):
                response = render(
                    request,
                    "community/includes/member_row.html",
                    {"organisation": organisation, "membership": membership, "can_manage": True},
                )
                announce = _("Saved: %(name)s now has the role %(role)s.") % {
                    "name": membership.user.display_name,
                    "role": membership.get_role_display(),
                }
                return trigger_client_event(response, "carai:announce", {"message": announce})
            messages.success(request, _("The role has been changed."))
            return redirect("community:member_list", slug=organisation.slug)
    template = (
        "community/includes/member_role_form.html"
        if is_htmx(request)
        else "community/membership_role.html"
    )
    return render(
        request, template, {"organisation": organisation, "membership": membership, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation(user=user, slug=slug, roles=MANAGE_MEMBERS_ROLES)
    membership = access_membership(
        user=user, organisation=organisation, membership_id=membership_id
    )
    error = ""
    if request.method == "POST":
        try:
            services.membership_end(actor=user, request=request, membership=membership)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("%(name)s no longer has the role %(role)s in this organisation.")
                % {"name": membership.user.display_name, "role": membership.get_role_display()},
            )
            return redirect("community:member_list", slug=organisation.slug)
    return render(
        request,
        "community/membership_end.html",
        {"organisation": organisation, "membership": membership, "error": error},
    )


@login_required
@require_GET
def audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation(
        user=user, slug=slug, roles=VIEW_AUDIT_ROLES, lead_allowed=False
    )
    page = page_of(
        request, selectors.organisation_audit_events(organisation=organisation), per_page=50
    )
    return render(request, "community/audit_log.html", {"organisation": organisation, "page": page})


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, public_id: str, token: str) -> HttpResponse:
    invitation = access_invitation_by_token(public_id=public_id, token=token)
    context: dict[str, object] = {"invitation": invitation}
    if not invitation.is_open:
        return render(request, "community/invitation_unusable.html", context, status=410)
    if request.user.is_authenticated:
        user = authenticated_user(request)
        context["wrong_account"] = user.email.lower() != invitation.email.lower()
        if request.method == "POST" and not context["wrong_account"]:
            try:
                services.invitation_accept(invitation=invitation, user=user, request=request)
            except ValidationError as exc:
                context["error"] = " ".join(exc.messages)
            else:
                messages.success(
                    request,
                    _("Welcome to %(organisation)s.")
                    % {"organisation": invitation.organisation.name},
                )
                return redirect("overview:dashboard")
        return render(request, "community/invitation_accept.html", context)
    if User.objects.filter(email__iexact=invitation.email).exists():
        context["has_account"] = True
        return render(request, "community/invitation_accept.html", context)
    form = NewAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            new_user = services.invitation_accept_with_new_account(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                preferred_language=form.cleaned_data["preferred_language"],
                request=request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to %(organisation)s.") % {"organisation": invitation.organisation.name},
            )
            return redirect("overview:dashboard")
    context["form"] = form
    return render(request, "community/invitation_accept.html", context)


# Community lead: partner organisations.


@login_required
@require_GET
def lead_organisation_list(request: HttpRequest) -> HttpResponse:
    access_community_lead(user=authenticated_user(request))
    return render(
        request,
        "community/lead_organisation_list.html",
        {"organisations": selectors.organisations_with_counts()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def lead_organisation_create(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    access_community_lead(user=user)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("is_active", None)
        try:
            organisation = services.organisation_create(actor=user, request=request, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s has been added. Now invite its organisation admin.")
                % {"name": organisation.name},
            )
            return redirect("community:invitation_create", slug=organisation.slug)
    return render(request, "community/lead_organisation_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def lead_organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation_as_lead(user=user, slug=slug)
    initial = {
        "name": organisation.name,
        "kind": organisation.kind,
        "care_branch": organisation.care_branch,
        "region": organisation.region,
        "website": organisation.website,
        "is_active": organisation.is_active,
    }
    form = OrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=user, request=request, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The organisation has been saved."))
            return redirect("community:lead_organisation_list")
    return render(
        request,
        "community/lead_organisation_form.html",
        {"form": form, "organisation": organisation},
    )
