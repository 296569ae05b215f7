from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from carai.core.engine import privacy_engine_state


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("overview:dashboard")
    return render(request, "core/home.html")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("img/favicon.svg"), permanent=True)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Readiness, for load balancers and deploys: 200 when the database answers and the
    privacy engine is ready (or, where it is not loaded at start-up, can still load);
    503 with what is not ready otherwise."""
    database = "ok" if database_answers() else "unavailable"
    engine = privacy_engine_state()
    engine_ok = engine == "ready" or (not settings.CARAI_PRIVACY_WARMUP and engine != "failed")
    ready = database == "ok" and engine_ok
    return JsonResponse(
        {
            "status": "ok" if ready else "not ready",
            "database": database,
            "privacy_engine": engine,
        },
        status=200 if ready else 503,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)
