"""The WSGI handler remembers which view a path resolves to (carai/core/wsgi.py): the same
match as Django's, its own kwargs per request, nothing kept for a 404, and a new URL conf
(the setting or ``request.urlconf``) never answered from the memo of the old one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import RequestFactory, override_settings
from django.urls import Resolver404, resolve, set_urlconf
from django.urls.resolvers import URLResolver

from carai.core import wsgi
from carai.core.wsgi import RememberingWSGIHandler
from tests.core import wsgi_urls

FIELDS = ("func", "args", "kwargs", "url_name", "app_names", "namespaces", "route", "view_name")
PATHS = [
    "/overzicht/",
    "/leren/",
    "/leren/modules/3/",
    "/leren/modules/3/lessen/8/",
    "/community/kpis/",
    "/leren/team/zorggroep-fictief/",
    "/oefenen/privacycheck/",
]


@pytest.fixture
def resolves(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The paths Django's resolver was asked for (the root resolver's calls)."""
    asked: list[str] = []
    original = URLResolver.resolve

    def counting(self: URLResolver, path: Any) -> Any:
        if str(self.pattern) == "^/":
            asked.append(path)
        return original(self, path)

    monkeypatch.setattr(URLResolver, "resolve", counting)
    wsgi.matches_forget()
    yield asked
    wsgi.matches_forget()
    set_urlconf(None)  # as Django's handler does when a request ends (request.urlconf)


def resolved(path: str, **attributes: Any) -> Any:
    request = RequestFactory().get(path)
    for name, value in attributes.items():
        setattr(request, name, value)
    match = RememberingWSGIHandler().resolve_request(request)
    assert request.resolver_match is match
    return match


def test_gunicorn_serves_the_remembering_handler() -> None:
    from carai.wsgi import application

    assert isinstance(application, RememberingWSGIHandler)


def test_the_same_match_as_django_the_second_time_from_the_memo(resolves) -> None:
    for path in PATHS:
        expected = resolve(path)
        resolves.clear()
        first, second = resolved(path), resolved(path)
        assert resolves == [path]  # the second from the memo
        for field in FIELDS:
            assert getattr(first, field) == getattr(expected, field), (path, field)
            assert getattr(second, field) == getattr(expected, field), (path, field)


def test_each_request_gets_its_own_kwargs(resolves) -> None:
    three = resolved("/leren/modules/3/")
    four = resolved("/leren/modules/4/")
    assert (three.kwargs, four.kwargs) == ({"module_id": 3}, {"module_id": 4})
    three.kwargs["module_id"] = 99
    assert resolved("/leren/modules/3/").kwargs == {"module_id": 3}


def test_a_path_of_no_page_is_not_kept(resolves) -> None:
    for _ in range(2):
        with pytest.raises(Resolver404):
            resolved("/bestaat-niet/")
    assert resolves == ["/bestaat-niet/", "/bestaat-niet/"]


def test_another_url_conf_is_not_answered_from_the_memo(resolves) -> None:
    assert resolved("/overzicht/").url_name == "dashboard"
    with override_settings(ROOT_URLCONF="tests.core.wsgi_urls"):
        assert resolved("/overzicht/").func is wsgi_urls.other
    assert resolved("/overzicht/", urlconf="tests.core.wsgi_urls").func is wsgi_urls.other
    assert resolved("/overzicht/").url_name == "dashboard"


def test_the_memo_stays_within_its_limit(resolves, monkeypatch) -> None:
    monkeypatch.setattr(wsgi._matches, "limit", 3)
    for module_id in range(1, 8):
        assert resolved(f"/leren/modules/{module_id}/").kwargs == {"module_id": module_id}
        assert len(wsgi._matches) <= 3
