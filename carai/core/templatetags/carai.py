"""Template helpers: accessible form widgets, Markdown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from carai.core.templatetags.carai_urls import reverse_remembered

register = template.Library()

_WIDGET_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom",
}


@register.simple_tag
def widget(bound: forms.BoundField) -> SafeString:
    """Render a field's widget with classes and the ARIA links to its help text and errors."""
    css = "utrecht-textbox utrecht-textbox--html-input"
    for widget_type, classes in _WIDGET_CLASSES.items():
        if isinstance(bound.field.widget, widget_type):
            css = classes
    described = []
    if bound.help_text:
        described.append(f"{bound.auto_id}_help")
    attrs: dict[str, str | bool] = {"class": css}
    if bound.errors:
        described.append(f"{bound.auto_id}_error")
        attrs["aria-invalid"] = "true"
        attrs["class"] = f"{css} utrecht-textbox--invalid utrecht-select--invalid"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound.field.required and not isinstance(bound.field.widget, forms.CheckboxInput):
        attrs["aria-required"] = "true"
    return bound.as_widget(attrs=attrs)


@register.filter
def lookup(mapping: Mapping[str, Any] | None, key: str) -> Any:
    """``{{ links|lookup:code }}``: a dictionary's value for a key from the template ("" when
    it is missing)."""
    return (mapping or {}).get(key, "")


@register.filter
def is_checkbox(bound: forms.BoundField) -> bool:
    return isinstance(bound.field.widget, forms.CheckboxInput)


@register.filter
def is_choice_group(bound: forms.BoundField) -> bool:
    """Checkbox lists and radio buttons: shown as a fieldset with a legend."""
    return isinstance(bound.field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect)


@register.filter
def markdown(value: str) -> SafeString:
    from carai.core.markdown import render_markdown

    return render_markdown(value or "")


@register.simple_tag(takes_context=True)
def nav_item(context: template.Context, section: str, url_name: str, label: str) -> SafeString:
    """One item of the main menu; the current one gets ``aria-current`` (see
    ``core.context_processors``). Written here rather than as an included template: the
    menu is on every page."""
    current = ""
    if context.get("nav_section") == section:
        current = format_html(' aria-current="{}"', context.get("nav_current", ""))
    return format_html(
        '<li><a class="carai-nav__link" href="{}"{}>{}</a></li>',
        reverse_remembered(url_name, [], {}, None),
        current,
        label,
    )
