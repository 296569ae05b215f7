"""Template helpers: accessible form widgets, Markdown, the menu, fixed layout fragments."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms, template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.defaulttags import CsrfTokenNode
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from carai.core.memo import ProcessMemo, any_setting
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


# Fixed fragments of the layout ------------------------------------------------------------

# any setting may show in a fragment (URLs, static files, languages)
_FRAGMENTS: ProcessMemo[tuple[Any, ...], SafeString] = ProcessMemo(
    limit=5_000, forget_when=any_setting, catalogue=True
)
_PLAIN = (str, SafeString, int, bool, type(None))


class RememberedNode(template.Node):
    # Not searched for blocks by {% extends %} on every render: it may hold none (see below).
    child_nodelists = ()

    def __init__(self, name: str, values: list[FilterExpression], nodelist: NodeList) -> None:
        self.name = name
        self.values = values
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        values = [value.resolve(context) for value in self.values]
        if not all(type(value) in _PLAIN for value in values):
            return mark_safe(self.nodelist.render(context))  # noqa: S308 (rendered template)
        key = (
            self.name,
            get_language(),
            get_urlconf(),
            get_script_prefix(),
            context.autoescape,
            *values,
        )
        html = _FRAGMENTS.get(key)
        if html is None:
            html = mark_safe(self.nodelist.render(context))  # noqa: S308 (rendered template)
            _FRAGMENTS.remember(key, html)
        return html


@register.tag("remembered")
def do_remembered(parser: Parser, token: Token) -> RememberedNode:
    """``{% remembered "name" value… %}…{% endremembered %}``: the fragment rendered once per
    process for each language, URL conf and combination of the values (plain text, numbers,
    booleans), then repeated. Only for what the layout fixes: what is inside may depend on
    nothing but the language, URLs, static files and the values named. Never put a form's
    CSRF token, the request's path or anything read from the database inside."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError("'remembered' needs a quoted name first")
    values = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    for kind in (BlockNode, CsrfTokenNode, RememberedNode):
        if nodelist.get_nodes_by_type(kind):
            raise template.TemplateSyntaxError(
                f"'remembered' cannot hold a {kind.__name__}: it differs per page or request"
            )
    return RememberedNode(bits[1][1:-1], values, nodelist)
