"""Pages that read across domains: "Mijn overzicht", the partners of the community, and
search."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from carai.accounts.http import authenticated_user
from carai.community.models import Role
from carai.community.selectors import overview_for_user, upcoming_registrations
from carai.core.http import is_htmx
from carai.core.language import content_language
from carai.core.paging import page_of, query_without_page
from carai.learning.access import authoring_organisations
from carai.learning.selectors import (
    assignments_for_user,
    certificates_for_user,
    enrolments_for_user,
)
from carai.overview import selectors
from carai.overview.forms import SearchForm
from carai.overview.search import KINDS, MIN_LENGTH, search_everything
from carai.register.selectors import tools_for_user, unread_guidelines
from carai.usecases import selectors as usecase_selectors


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    overview = overview_for_user(user=user)
    roles = [Role(r) for r in sorted({m.role for entry in overview for m in entry.memberships})]
    enrolments = list(enrolments_for_user(user=user))
    return render(
        request,
        "overview/dashboard.html",
        {
            "overview": overview,
            "roles": roles,
            "Role": Role,
            "in_progress": [e for e in enrolments if e.completed_at is None],
            "finished": [e for e in enrolments if e.completed_at is not None],
            "certificates": certificates_for_user(user=user),
            "assignments": assignments_for_user(user=user, language=content_language()),
            "is_author": bool(authoring_organisations(user=user)),
            "my_tools": tools_for_user(user=user, language=content_language()),
            "unread_guidelines": unread_guidelines(user=user),
            "my_events": upcoming_registrations(user=user, limit=5),
            "my_use_cases": list(usecase_selectors.use_cases_of(user=user)[:5]),
            "join_requests_waiting": usecase_selectors.join_requests_for_my_teams(
                user=user
            ).count(),
        },
    )


@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    """Public: the partners of the learning community, by kind."""
    return render(
        request,
        "overview/partner_list.html",
        {"organisations": selectors.partner_organisations()},
    )


@login_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """One search over what the person may see; live results with htmx, a form without."""
    user = authenticated_user(request)
    form = SearchForm(request.GET or None)
    q, kind = "", ""
    if form.is_valid():
        q, kind = form.cleaned_data["q"], form.cleaned_data["soort"]
    result = search_everything(user=user, q=q, language=content_language(), kind=kind)
    context = {
        "form": form,
        "q": q if len(q.strip()) >= MIN_LENGTH else "",
        "kind": kind,
        "kinds": [(name, label, result.counts.get(name, 0)) for name, label in KINDS.items()],
        "total": sum(result.counts.values()),
        "page": page_of(request, result.hits, per_page=20),
        "page_query": query_without_page(request),
        "page_target": "#search-results",
    }
    template = (
        "overview/includes/search_results.html" if is_htmx(request) else "overview/search.html"
    )
    return render(request, template, context)
