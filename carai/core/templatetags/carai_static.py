"""Django's ``static`` template library, with a ``{% static %}`` that remembers its URL.

The site's engine (``carai.core.template_engine``) gives it for every ``{% load static %}``.
Every page asks for the same stylesheets, scripts and images, and each
``{% static "…" %}`` looks the name up in the storage again (in production: the manifest of
hashed names, through several path functions). For a fixed path without filters the URL
depends only on the path and the static settings, which do not change while a process
runs; when a test changes them the memo is emptied. Paths in variables are looked up as
before.
"""

from __future__ import annotations

from django import template
from django.template.base import Parser, Token
from django.templatetags import static as django_static

from carai.core.memo import ProcessMemo, settings_named

register = template.Library()
register.tags.update(django_static.register.tags)
register.filters.update(django_static.register.filters)

_MEMO: ProcessMemo[str, str] = ProcessMemo(
    limit=5_000,
    forget_when=settings_named(
        "DEBUG", "STATIC_URL", "STATIC_ROOT", "STORAGES", "STATICFILES_DIRS", "INSTALLED_APPS"
    ),
)


class RememberedStaticNode(django_static.StaticNode):
    def url(self, context: template.Context) -> str:  # as StaticNode.url, but remembered
        path = self.path
        if path.filters or not isinstance(path.var, str):
            return super().url(context)
        url = _MEMO.get(path.var)
        if url is None:
            url = super().url(context)
            _MEMO.remember(path.var, url)
        return url


@register.tag("static")
def do_static(parser: Parser, token: Token) -> RememberedStaticNode:
    """Django's ``{% static %}`` (same syntax, same errors), remembered."""
    return RememberedStaticNode.handle_token(parser, token)  # type: ignore[return-value]
