from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from carai.accounts.models import Language
from carai.accounts.services import user_set_language
from carai.community.models import Role
from carai.community.selectors import upcoming_registrations
from carai.core.http import authenticated_user
from carai.core.selectors import overview_for_user
from carai.learning.access import authoring_organisations
from carai.learning.selectors import (
    assignments_for_user,
    certificates_for_user,
    enrolments_for_user,
    module_language,
)
from carai.register.selectors import tools_for_user, unread_guidelines
from carai.usecases import selectors as usecase_selectors


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    return render(request, "core/home.html")


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    overview = overview_for_user(user=user)
    roles = sorted({m.role for entry in overview for m in entry.memberships})
    enrolments = list(enrolments_for_user(user=user))
    return render(
        request,
        "core/dashboard.html",
        {
            "overview": overview,
            "roles": roles,
            "Role": Role,
            "in_progress": [e for e in enrolments if e.completed_at is None],
            "finished": [e for e in enrolments if e.completed_at is not None],
            "certificates": certificates_for_user(user=user),
            "assignments": assignments_for_user(user=user),
            "is_author": bool(authoring_organisations(user=user)),
            "my_tools": tools_for_user(user=user, language=module_language(get_language())),
            "unread_guidelines": unread_guidelines(user=user),
            "my_events": upcoming_registrations(user=user, limit=5),
            "my_use_cases": list(usecase_selectors.use_cases_of(user=user)[:5]),
            "join_requests_waiting": usecase_selectors.join_requests_for_my_teams(
                user=user
            ).count(),
        },
    )


@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    if language not in Language.values:
        language = settings.LANGUAGE_CODE
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(next_url)
    if request.user.is_authenticated:
        user_set_language(user=authenticated_user(request), language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=60 * 60 * 24 * 365,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("img/favicon.svg"), permanent=True)


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: answers 200 when the database can be reached."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)
