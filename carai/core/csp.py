"""The Content-Security-Policy header (django-csp), built once per process for the usual case.

django-csp builds the header afresh for every response: it copies the policy parts and
turns the settings into text (a few hundred Python calls, on every page and every htmx
answer). The header depends only on the settings unless a view changed the policy for its
response (django-csp's decorators) or asked for a nonce; those responses go to django-csp
as before. The settings do not change while a process runs; when a test changes them the
built headers are forgotten.
"""

from __future__ import annotations

import http.client

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from carai.core.memo import ProcessMemo

# What django-csp's decorators put on a response to change its policy.
_PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
# (header, its policy text, the attribute that exempts a response, its excluded prefixes)
_Built = list[tuple[str, str, str, tuple[str, ...]]]
_BUILT: ProcessMemo[None, _Built] = ProcessMemo(
    limit=1, forget_when=lambda setting: setting.startswith("CONTENT_SECURITY_POLICY")
)


def _headers() -> _Built:
    built = _BUILT.get(None)
    if built is None:
        built = []
        for header, setting, exempt, report_only in (
            (HEADER, "CONTENT_SECURITY_POLICY", "_csp_exempt", False),
            (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", "_csp_exempt_ro", True),
        ):
            policy = build_policy(report_only=report_only)
            if policy:
                prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES")
                built.append((header, policy, exempt, tuple(prefixes or ())))
        _BUILT.remember(None, built)
    return built


class PolicyMiddleware(CSPMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in _PER_RESPONSE
        ):
            return super().process_response(request, response)
        if settings.DEBUG and response.status_code in (
            http.client.INTERNAL_SERVER_ERROR,
            http.client.NOT_FOUND,
        ):
            return response  # Django's debug pages, as django-csp leaves them
        for header, policy, exempt, prefixes in _headers():
            if (
                header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(prefixes)
            ):
                response[header] = policy
        # As django-csp: a nonce asked for after the header was written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response
