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
from django.utils.formats import number_format

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
            "limit_value": number_format(settings.PRIVACY_CHECK_MAX_CHARS, force_grouping=True),
            "show_value": number_format(len(too_long), force_grouping=True),
        }
        assert form.errors["text"] == [expected]
        assert "te lang" in expected


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Deze tekst is te lang: maximaal 20.000 tekens, jij hebt er 27.300."),
        ("en", "This text is too long: at most 20,000 characters, you have 27,300."),
    ],
)
def test_the_numbers_in_the_message_are_written_as_the_language_writes_them(
    language: str, message: str
) -> None:
    """The help text says 20.000 (Dutch) or 20,000 (English): the error says it the same way,
    also for a field of another form and another limit."""

    class Form(forms.Form):
        text = TextToCheckField(max_length=20_000, widget=forms.Textarea)
        short = TextToCheckField(max_length=999, widget=forms.Textarea)

    with translation.override(language):
        form = Form({"text": "a" * 27_300, "short": "b" * 1_000})
        assert not form.is_valid()
        assert form.errors["text"] == [
            message + {"nl": " Controleer hem in delen.", "en": " Check it in parts."}[language]
        ]
        # Below a thousand there is nothing to group; the length still reads as a number.
        assert "999" in form.errors["short"][0]
        assert {"nl": "1.000", "en": "1,000"}[language] in form.errors["short"][0]


def test_a_text_of_exactly_the_limit_passes() -> None:
    class Form(forms.Form):
        text = TextToCheckField(max_length=20_000, widget=forms.Textarea)

    assert Form({"text": "a" * 20_000}).is_valid()
    assert not Form({"text": "a" * 20_001}).is_valid()
