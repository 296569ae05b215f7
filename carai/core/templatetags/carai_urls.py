"""``{% url %}`` that remembers what it reversed: a template builtin (settings.TEMPLATES)
that takes the place of Django's own tag.

A page reverses the same twenty-odd names on every view (the menu, the footer, the forms'
actions), and each ``reverse`` walks the URL resolver again. The answer depends only on the
name, the arguments, the URL conf, the script prefix, the current app and the language, so
those are the key; plain text and whole-number arguments only (anything else is reversed
as before). The URL conf does not change while a process runs; when a test changes
ROOT_URLCONF, Django's ``setting_changed`` clears this memo with its own URL caches.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template import defaulttags
from django.template.base import Parser, Token
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from carai.core.memo import ProcessMemo, settings_named

register = template.Library()

# names and arguments seen by one process
_MEMO: ProcessMemo[tuple[Any, ...], str] = ProcessMemo(
    limit=20_000,
    forget_when=settings_named("ROOT_URLCONF", "FORCE_SCRIPT_NAME", "LANGUAGE_CODE", "LANGUAGES"),
)


def _plain(value: object) -> bool:
    return type(value) in (str, SafeString, int)  # names in templates are SafeStrings


def reverse_remembered(
    view_name: str, args: list[Any], kwargs: dict[str, Any], current_app: str | None
) -> str:
    """``reverse(...)``, remembered for plain arguments."""
    if not (_plain(view_name) and all(map(_plain, args)) and all(map(_plain, kwargs.values()))):
        return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    key = (
        get_urlconf(),
        get_script_prefix(),
        get_language(),
        current_app,
        view_name,
        tuple(args),
        tuple(sorted(kwargs.items())),
    )
    url = _MEMO.get(key)
    if url is None:
        url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        _MEMO.remember(key, url)
    return url


class RememberedURLNode(defaulttags.URLNode):
    def render(self, context: template.Context) -> str:  # as URLNode.render, but remembered
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app  # type: ignore[attr-defined]
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace  # type: ignore[attr-defined]
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = reverse_remembered(view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return str(conditional_escape(url)) if context.autoescape else url


@register.tag
def url(parser: Parser, token: Token) -> RememberedURLNode:
    """Django's ``{% url %}`` (same syntax, same errors), remembered."""
    node = defaulttags.url(parser, token)
    node.__class__ = RememberedURLNode
    return node  # type: ignore[return-value]
