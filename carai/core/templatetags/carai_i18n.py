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
from django.template.base import Parser, Token
from django.templatetags import i18n as django_i18n
from django.utils.translation import get_language

from carai.core.memo import ProcessMemo, settings_named

register = template.Library()
register.tags.update(django_i18n.register.tags)
register.filters.update(django_i18n.register.filters)

_MEMO: ProcessMemo[tuple[Any, ...], str] = ProcessMemo(
    limit=20_000,
    forget_when=settings_named("LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"),
    catalogue=True,
)


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
            _MEMO.remember(key, value)
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
