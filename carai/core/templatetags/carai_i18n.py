"""Django's ``i18n`` template library, with a ``{% translate %}`` that remembers its answer.

The site's engine (``carai.core.template_engine``) gives it for every ``{% load i18n %}``;
all other tags and filters are Django's own. A page translates dozens of fixed texts
("Log out", column names, button labels), and each ``{% translate "…" %}`` goes through
gettext and escaping again. For a fixed text without filters the rendered answer depends
only on the text, its context, ``noop``, the active language and autoescaping, so those are
the key. Texts in variables, or with filters, are translated as before. The catalogues do
not change while a process runs; when a test changes the language settings, the memo is
emptied with Django's own translation caches.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import Parser, Token
from django.templatetags import i18n as django_i18n
from django.utils.autoreload import file_changed
from django.utils.translation import get_language

register = template.Library()
register.tags.update(django_i18n.register.tags)
register.filters.update(django_i18n.register.filters)

_MEMO: dict[tuple[Any, ...], str] = {}
_MEMO_LIMIT = 20_000


@receiver(setting_changed)
def _forget(*, setting: str, **_kwargs: Any) -> None:
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"}:
        _MEMO.clear()


@receiver(file_changed)
def _forget_catalogue(*, file_path: Any, **_kwargs: Any) -> None:
    """The development server reloads a changed catalogue (.mo) without restarting."""
    if str(file_path).endswith(".mo"):
        _MEMO.clear()


def _fixed(node: django_i18n.TranslateNode) -> tuple[Any, ...] | None:
    """The part of the key that the template fixes, or None when the text is not fixed."""
    expression = node.filter_expression
    if expression.filters or getattr(expression.var, "lookups", True) is not None:
        return None
    context = node.message_context
    if context is not None and (context.filters or not isinstance(context.var, str)):
        return None
    return (
        str(expression.var.literal),
        None if context is None else str(context.var),
        node.noop,
    )


class RememberedTranslateNode(django_i18n.TranslateNode):
    def render(self, context: template.Context) -> str:  # as TranslateNode, but remembered
        fixed = _fixed(self)
        if fixed is None:
            return super().render(context)
        key = (get_language(), context.autoescape, *fixed)
        value = _MEMO.get(key)
        if value is None:  # Django's render; a node never changes (threads share it)
            value = super().render(context)
            if self.asvar:
                value = context[self.asvar]
            if len(_MEMO) >= _MEMO_LIMIT:
                _MEMO.clear()
            _MEMO[key] = value
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value


def _remembered(parser: Parser, token: Token) -> RememberedTranslateNode:
    """Django's ``{% translate %}`` (same syntax, same errors), remembered."""
    node = django_i18n.do_translate(parser, token)
    node.__class__ = RememberedTranslateNode
    return node  # type: ignore[return-value]


register.tag("translate", _remembered)
register.tag("trans", _remembered)
