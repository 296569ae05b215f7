"""The WSGI handler gunicorn serves (``carai.wsgi``): Django's, remembering which view a
path resolves to.

Django finds the view of every request by trying the URL patterns in order, from the top of
the URL conf down into each include: 50-190 microseconds per request for the key pages
(``/overzicht/`` tries some 140 patterns first). The answer depends only on the URL conf
(the resolver object, which Django makes anew when ``ROOT_URLCONF`` changes or
``request.urlconf`` names another), the path and, for translated routes, the language; so
the handler keeps it per process under those three. Each request gets its own copy of the
match (its own ``kwargs``), as Django gives it. A path that resolves to nothing (404) is
not kept. The memo (``core.memo.ProcessMemo``) holds at most ``LIMIT`` paths and is emptied
when it is full (paths with ids in them are many; the common ones come back at once).
"""

from __future__ import annotations

from typing import Any

from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest
from django.urls import ResolverMatch, get_resolver, set_urlconf
from django.utils.translation import get_language

from carai.core.memo import ProcessMemo, settings_named

LIMIT = 4096

_matches: ProcessMemo[tuple[Any, str, str | None], ResolverMatch] = ProcessMemo(
    limit=LIMIT, forget_when=settings_named("ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE")
)


def matches_forget() -> None:
    _matches.clear()


class RememberingWSGIHandler(WSGIHandler):
    def resolve_request(self, request: HttpRequest) -> ResolverMatch:
        # As Django's BaseHandler.resolve_request, with the match kept.
        if hasattr(request, "urlconf"):
            urlconf = request.urlconf
            set_urlconf(urlconf)
            resolver = get_resolver(urlconf)
        else:
            resolver = get_resolver()
        key = (resolver, request.path_info, get_language())
        kept = _matches.get(key)
        if kept is None:
            # Resolver404 is raised, not kept
            kept = _matches.remember(key, resolver.resolve(request.path_info))
        # A copy with its own kwargs (ResolverMatch refuses copy.copy: it cannot be pickled).
        match = object.__new__(ResolverMatch)
        match.__dict__.update(kept.__dict__)
        match.kwargs = dict(kept.kwargs)
        request.resolver_match = match
        return match
