"""Pages that read across domains: "Mijn overzicht" and the partners of the community."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from carai.accounts.http import authenticated_user
from carai.community.models import Role
from carai.community.selectors import overview_for_user, upcoming_registrations
from carai.core.language import content_language
from carai.learning.access import authoring_organisations
from carai.learning.selectors import (
    assignments_for_user,
    certificates_for_user,
    enrolments_for_user,
)
from carai.overview import selectors, start
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
            "start_path": start.start_path(user=user, language=content_language()),
            "continue_at": start.continue_at(user=user),
            "roles": roles,
            "Role": Role,
            "in_progress": [e for e in enrolments if e.completed_at is None],
            "finished": [e for e in enrolments if e.completed_at is not None],
            "certificates": certificates_for_user(user=user),
            "assignments": assignments_for_user(user=user),
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
