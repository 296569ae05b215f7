"""The form renderer: Django's own, with the common widgets written out in Python.

Every form field on a page goes through ``Widget.render`` → ``FORM_RENDERER.render`` with
the widget's template: for a select that is one template per option, and on a filter form
of six selects it was a large part of the page's time (see docs/performance.md). For the
templates below the renderer writes the very same HTML with string joins, from the same
context Django builds (so values, ``checked``, ``selected`` and ids come from Django);
anything it does not know exactly (other templates, labels that are not text) goes to
Django's templates as before. ``tests/core/test_renderers.py`` holds both paths side by
side for every widget kind the forms use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeData, mark_safe

_WIDGETS = "django/forms/widgets/"
_OPTION = _WIDGETS + "select_option.html"


def _format(value: Any) -> str:
    """``{{ value|stringformat:'s' }}`` with autoescaping."""
    if isinstance(value, tuple):
        value = str(value)
    text = "%s" % value  # noqa: UP031 - exactly what the stringformat filter does
    return text if isinstance(value, SafeData) else str(escape(text))


def _text(value: Any) -> str | None:
    """``{{ value }}`` for text (None for anything the template would localise)."""
    if isinstance(value, SafeData):
        return str(value)
    if isinstance(value, str | Promise):
        return str(escape(str(value)))
    return None


def _attrs(attrs: Mapping[str, Any]) -> str | None:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        name_html = _text(name)
        if name_html is None:
            return None
        parts.append(f" {name_html}" if value is True else f' {name_html}="{_format(value)}"')
    return "".join(parts)


def _input(widget: Mapping[str, Any]) -> str | None:
    """django/forms/widgets/input.html."""
    attrs = _attrs(widget["attrs"])
    kind, name = _text(widget["type"]), _text(widget["name"])
    if attrs is None or kind is None or name is None:
        return None
    value = "" if widget["value"] == None else f' value="{_format(widget["value"])}"'  # noqa: E711
    return f'<input type="{kind}" name="{name}"{value}{attrs}>\n'


def _input_included(widget: Mapping[str, Any]) -> str | None:
    """text.html, email.html, checkbox.html, …: input.html included, and a new line."""
    html = _input(widget)
    return None if html is None else html + "\n"


def _select(widget: Mapping[str, Any]) -> str | None:
    """django/forms/widgets/select.html with select_option.html for each option."""
    attrs, name = _attrs(widget["attrs"]), _text(widget["name"])
    if attrs is None or name is None:
        return None
    parts = [f'<select name="{name}"{attrs}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        group = None
        if group_name:
            group = _text(group_name)
            if group is None:
                return None
            parts.append(f'\n  <optgroup label="{group}">')
        for option in group_choices:
            if option["template_name"] != _OPTION:
                return None
            label, option_attrs = _text(option["label"]), _attrs(option["attrs"])
            if label is None or option_attrs is None:
                return None
            parts.append(
                f'\n  <option value="{_format(option["value"])}"{option_attrs}>{label}</option>\n'
            )
        if group is not None:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _textarea(widget: Mapping[str, Any]) -> str | None:
    """django/forms/widgets/textarea.html."""
    attrs, name = _attrs(widget["attrs"]), _text(widget["name"])
    if attrs is None or name is None:
        return None
    value = ""
    if widget["value"]:
        value_html = _text(widget["value"])
        if value_html is None:
            return None
        value = value_html
    return f'<textarea name="{name}"{attrs}>\n{value}</textarea>\n'


_FAST: dict[str, Callable[[Mapping[str, Any]], str | None]] = {
    _WIDGETS + "input.html": _input,
    **{
        f"{_WIDGETS}{kind}.html": _input_included
        for kind in (
            "text",
            "email",
            "number",
            "password",
            "url",
            "search",
            "tel",
            "color",
            "date",
            "datetime",
            "time",
            "hidden",
            "checkbox",
        )
    },
    _WIDGETS + "select.html": _select,
    _WIDGETS + "textarea.html": _textarea,
}


class FastWidgetRenderer(DjangoTemplates):
    """Django's template form renderer, with the common widgets rendered in Python."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        fast = _FAST.get(template_name)
        if fast is not None and request is None and "widget" in context:
            html = fast(context["widget"])
            if html is not None:
                # .strip() as BaseRenderer.render does with the template's output.
                return mark_safe(html.strip())  # noqa: S308 - every value above is escaped
        return str(super().render(template_name, context, request))
