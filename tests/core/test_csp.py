"""The Content-Security-Policy header, built once per process for the usual response: the
same as django-csp's own middleware gives, and django-csp's when a view changes it."""

from __future__ import annotations

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from carai.core import csp
from carai.core.csp import PolicyMiddleware


def answer(view: object, path: str = "/overzicht/") -> tuple[HttpRequest, HttpResponse]:
    request = RequestFactory().get(path)
    ours = PolicyMiddleware(view)  # type: ignore[arg-type]
    ours.process_request(request)
    return request, ours(request)  # type: ignore[return-value]


def django_csp(view: object, path: str = "/overzicht/") -> HttpResponse:
    request = RequestFactory().get(path)
    theirs = CSPMiddleware(view)  # type: ignore[arg-type]
    theirs.process_request(request)
    return theirs(request)  # type: ignore[return-value]


def directives(header: str) -> set[str]:
    return {part.strip() for part in header.split(";")}


def plain(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def test_the_same_header_as_django_csp_and_built_once() -> None:
    csp._BUILT.clear()
    for _ in range(2):
        _request, response = answer(plain)
        assert directives(response[HEADER]) == directives(django_csp(plain)[HEADER])
        assert "script-src 'self'" in response[HEADER]
        assert HEADER_REPORT_ONLY not in response
    assert len(csp._BUILT[None]) == 1  # one header, built once and kept


def test_a_nonce_after_the_header_is_an_error_as_in_django_csp() -> None:
    request, _response = answer(plain)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)  # type: ignore[attr-defined]


def test_a_view_that_changes_its_policy_or_asks_for_a_nonce_gets_django_csp() -> None:
    updated = csp_update({"img-src": ["https://kaart.example"]})(plain)
    _request, response = answer(updated)
    assert "https://kaart.example" in response[HEADER]
    assert directives(response[HEADER]) == directives(django_csp(updated)[HEADER])

    def with_nonce(request: HttpRequest) -> HttpResponse:
        return HttpResponse(str(request.csp_nonce))  # type: ignore[attr-defined]

    request, response = answer(with_nonce)
    assert request._csp_nonce == response.content.decode()  # type: ignore[attr-defined]
    assert directives(response[HEADER]) == directives(django_csp(with_nonce)[HEADER])
    with override_settings(
        CONTENT_SECURITY_POLICY={"DIRECTIVES": {"script-src": ["'self'", NONCE]}}
    ):
        _request, response = answer(with_nonce)
        assert f"script-src 'self' 'nonce-{response.content.decode()}'" in response[HEADER]
    _request, response = answer(csp_exempt()(plain))
    assert HEADER not in response


def test_settings_changed_in_a_test_are_followed() -> None:
    answer(plain)  # built with the site's settings
    policy = {"DIRECTIVES": {"default-src": ["'none'"]}, "EXCLUDE_URL_PREFIXES": ["/vrij/"]}
    with override_settings(
        CONTENT_SECURITY_POLICY=policy, CONTENT_SECURITY_POLICY_REPORT_ONLY=policy
    ):
        _request, response = answer(plain)
        assert response[HEADER] == "default-src 'none'"
        assert response[HEADER_REPORT_ONLY] == "default-src 'none'"
        _request, response = answer(plain, "/vrij/iets/")
        assert HEADER not in response
        assert HEADER_REPORT_ONLY not in response
    _request, response = answer(plain)
    assert "script-src 'self'" in response[HEADER]
    assert HEADER_REPORT_ONLY not in response


def test_debug_error_pages_are_left_alone_as_in_django_csp() -> None:
    def missing(request: HttpRequest) -> HttpResponse:
        return HttpResponse("weg", status=404)

    with override_settings(DEBUG=True):
        assert HEADER not in answer(missing)[1]
    assert HEADER in answer(missing)[1]


@pytest.mark.django_db
def test_every_page_of_the_site_gets_it(client: object) -> None:
    response = client.get("/inloggen/")  # type: ignore[attr-defined]
    assert "frame-ancestors 'none'" in response[HEADER]
