"""Keeps a person who logged in but still owes the second step (or, past the grace period,
still has to set two-step verification up) on the pages for that, and nowhere else."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

PENDING = "carai_mfa_pending"
SETUP_DUE = "carai_mfa_setup_due"
ALWAYS = {"accounts:logout", "accounts:language_switch", "core:health", "core:favicon"}
WHILE_PENDING = ALWAYS | {"signin:mfa_verify", "signin:key_verify"}
WHILE_SETUP_DUE = ALWAYS | {"signin:mfa", "signin:mfa_setup", "signin:mfa_confirm"}


class SecondStepMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            if session.get(PENDING):
                blocked = self._outside(request, WHILE_PENDING, "signin:mfa_verify")
            elif session.get(SETUP_DUE):
                blocked = self._outside(request, WHILE_SETUP_DUE, "signin:mfa")
            else:
                blocked = None
            if blocked is not None:
                return blocked
        return self.get_response(request)

    @staticmethod
    def _outside(request: HttpRequest, allowed: set[str], target: str) -> HttpResponse | None:
        if request.path_info.startswith(settings.STATIC_URL):
            return None
        try:
            name = resolve(request.path_info).view_name
        except Resolver404:
            return None
        if name in allowed:
            return None
        url = reverse(target)
        if request.method == "GET" and not getattr(request, "htmx", False):
            url = f"{url}?{urlencode({'next': request.get_full_path()})}"
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return HttpResponseRedirect(url)
