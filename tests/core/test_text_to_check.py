"""A text pasted to be checked for personal data has its length checked on the server only:
with ``maxlength`` the browser would cut a longer paste without a word, and the end of the
text, never checked, could still go into an AI tool."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django import forms
from django.conf import settings
from django.utils import translation

from carai.core.forms import TextToCheckField
from carai.core.validators import TEXT_TOO_LONG
from carai.practice.forms import PreparedTextForm, PrivacyCheckForm
from carai.register.forms import CheckForm


def test_the_text_box_has_no_maxlength_but_the_field_still_limits() -> None:
    class Form(forms.Form):
        text = TextToCheckField(max_length=10, widget=forms.Textarea)
        other = forms.CharField(max_length=10)  # an ordinary field keeps its maxlength

    form = Form()
    assert "maxlength" not in str(form["text"])
    assert 'maxlength="10"' in str(form["other"])
    bound = Form({"text": "x" * 11, "other": "y"})
    assert not bound.is_valid()
    assert list(bound.errors) == ["text"]


@pytest.mark.parametrize(
    "make",
    [PrivacyCheckForm, PreparedTextForm, lambda: CheckForm(tools=[])],
    ids=["privacy check", "prepared text", "Mag dit?"],
)
def test_no_check_form_lets_the_browser_cut_a_paste(make: Callable[[], forms.Form]) -> None:
    html = str(make()["text"])
    assert "<textarea" in html
    assert not re.search(r"maxlength", html)


@pytest.mark.parametrize("form_class", [PrivacyCheckForm, PreparedTextForm])
def test_a_too_long_text_gets_the_clear_message(form_class: type[forms.Form]) -> None:
    too_long = "a" * (settings.PRIVACY_CHECK_MAX_CHARS + 1)
    with translation.override("nl"):
        form = form_class({"text": too_long})
        assert not form.is_valid()
        expected = str(TEXT_TOO_LONG) % {
            "limit_value": settings.PRIVACY_CHECK_MAX_CHARS,
            "show_value": len(too_long),
        }
        assert form.errors["text"] == [expected]
        assert "te lang" in expected
