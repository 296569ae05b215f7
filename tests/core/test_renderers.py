"""The fast form renderer writes exactly what Django's widget templates write."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from carai.core import renderers
from carai.core.renderers import FastWidgetRenderer
from carai.learning.forms import CatalogueForm

TRICKY = "a \"quoted\" <b>&amp; 'x'"


class EveryWidget(forms.Form):
    text = forms.CharField(max_length=20, help_text="help")
    optional = forms.CharField(required=False)
    email = forms.EmailField()
    number = forms.IntegerField(min_value=0)
    decimal = forms.DecimalField(required=False)
    password = forms.CharField(widget=forms.PasswordInput(render_value=True))
    url = forms.URLField(required=False, assume_scheme="https")
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "data-x": TRICKY}))
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    agree = forms.BooleanField(required=False)
    choice = forms.ChoiceField(choices=[("", "—"), ("a", TRICKY), ("b", gettext_lazy("Role"))])
    grouped = forms.ChoiceField(
        choices=[("", "none"), ("Group <1>", [("x", "X"), ("y", "Y")]), ("z", "Z")]
    )
    numbers = forms.TypedChoiceField(choices=[(1, "one"), (2, "two")], coerce=int)
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B"), ("c", "C")])
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    safe = forms.CharField(
        widget=forms.TextInput(attrs={"placeholder": mark_safe("<i>safe</i>")}), required=False
    )


DATA: list[dict[str, Any] | None] = [
    None,
    {},
    {
        "text": TRICKY,
        "email": "a@example.org",
        "number": "12",
        "decimal": "1234.5",
        "password": "geheim<",
        "url": "https://example.org/?a=1&b=2",
        "search": "zoek",
        "day": "2026-12-04",
        "hidden": "h&",
        "agree": "on",
        "choice": "a",
        "grouped": "y",
        "numbers": "2",
        "many": ["a", "c"],
        "note": "line 1\n<line 2>",
        "safe": "s",
    },
    {"number": "not a number", "choice": "nope", "note": ""},
]


def _both(bound: forms.BoundField, attrs: dict[str, Any] | None = None) -> tuple[str, str]:
    fast = bound.as_widget(attrs=dict(attrs) if attrs else None)
    built = bound.build_widget_attrs(dict(attrs or {}), bound.field.widget)
    built.setdefault("id", bound.auto_id)  # as BoundField.as_widget does
    slow = bound.field.widget.render(
        name=bound.html_name, value=bound.value(), attrs=built, renderer=DjangoTemplates()
    )
    return str(fast), str(slow)


def test_the_site_uses_the_fast_renderer() -> None:
    assert settings.FORM_RENDERER == "carai.core.renderers.FastWidgetRenderer"


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("attrs", [None, {"class": "c", "aria-invalid": "true", "x": False}])
def test_every_widget_is_written_as_django_writes_it(
    data: dict[str, Any] | None, attrs: dict[str, Any] | None
) -> None:
    form = EveryWidget(data, initial={"day": datetime.date(2026, 1, 2), "number": 3})
    form.renderer = FastWidgetRenderer()
    form.is_valid()
    for bound in form:
        fast, slow = _both(bound, attrs)
        assert fast == slow, bound.name


def test_the_fast_path_is_taken_for_the_common_widgets() -> None:
    """Not a silent fallback to the templates for everything."""
    form = EveryWidget(DATA[2])
    for bound in form:
        widget = bound.field.widget
        context = widget.get_context(bound.html_name, bound.value(), {"id": bound.auto_id})
        written = renderers._FAST[widget.template_name](context["widget"])
        assert written is not None, bound.name


def test_unknown_templates_and_labels_go_to_django() -> None:
    radio = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)
    dated = forms.ChoiceField(choices=[("a", datetime.date(2026, 1, 2))])

    class Other(forms.Form):
        pick = radio
        when = dated

    form = Other({"pick": "a", "when": "a"})
    form.renderer = FastWidgetRenderer()
    for bound in form:
        fast, slow = _both(bound)
        assert fast == slow
    when = form["when"]
    context = when.field.widget.get_context("when", "a", {})
    assert renderers._select(context["widget"]) is None  # a date label is localised


@pytest.mark.parametrize("data", [None, {"q": "ai <b>", "role": "manager", "max_minutes": "30"}])
def test_a_real_form_renders_the_same(data: dict[str, Any] | None) -> None:
    fast_form, slow_form = CatalogueForm(data), CatalogueForm(data)
    slow_form.renderer = DjangoTemplates()
    for fast, slow in zip(fast_form, slow_form, strict=True):
        assert str(fast) == str(slow)
