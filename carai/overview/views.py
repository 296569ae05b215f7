"""Pages that read across domains: "Mijn overzicht" and the partners of the community."""

from __future__ import annotations

from dataclasses import fields

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from carai.accounts.http import authenticated_user
from carai.community.models import Role
from carai.core.language import content_language
from carai.overview import selectors
from carai.overview.panels import panels_for


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    panels = panels_for(user=user, language=content_language())
    context = {field.name: getattr(panels, field.name) for field in fields(panels)}
    return render(request, "overview/dashboard.html", {**context, "Role": Role})


@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    """Public: the partners of the learning community, by kind."""
    return render(
        request,
        "overview/partner_list.html",
        {"organisations": selectors.partner_organisations()},
    )
