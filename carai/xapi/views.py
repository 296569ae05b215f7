"""The organisation admin's page for the learning record store."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from carai.accounts.http import authenticated_user
from carai.community.access import MANAGE_MEMBERS_ROLES, access_organisation
from carai.core.forms import add_service_errors
from carai.xapi import selectors, services
from carai.xapi.forms import LrsConfigForm


@login_required
@require_http_methods(["GET", "POST"])
def lrs_settings(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_organisation(
        user=user, slug=slug, roles=MANAGE_MEMBERS_ROLES, lead_allowed=False
    )
    config = selectors.lrs_of(organisation=organisation)
    initial = (
        {
            "is_active": config.is_active,
            "endpoint": config.endpoint,
            "username": config.username,
            "identify_by": config.identify_by,
        }
        if config
        else {}
    )
    form = LrsConfigForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.lrs_config_save(actor=user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("xapi:settings", slug=organisation.slug)
    return render(
        request,
        "xapi/settings.html",
        {
            "organisation": organisation,
            "form": form,
            "config": config,
            "counts": selectors.statement_counts(lrs=config) if config else None,
        },
    )
