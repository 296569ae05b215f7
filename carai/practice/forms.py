from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from carai.core.validators import validate_plain_text


class PrivacyCheckForm(forms.Form):
    text = forms.CharField(
        label=_("Your text"),
        max_length=settings.PRIVACY_CHECK_MAX_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        validators=[validate_plain_text],
        help_text=_("Paste the text you want to put into an AI tool. At most 20,000 characters."),
        error_messages={
            "required": _("Paste or type a text first."),
            "max_length": _(
                "This text is too long: at most %(limit_value)d characters, you have "
                "%(show_value)d. Check it in parts."
            ),
        },
    )


class PreparedTextForm(forms.Form):
    text = forms.CharField(
        label=_("The text you would put into the AI tool"),
        max_length=settings.PRIVACY_CHECK_MAX_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        validators=[validate_plain_text],
        help_text=_(
            "Remove or replace everything that identifies the client, and keep what the AI "
            "needs for the task."
        ),
        error_messages={"required": _("Paste or type a text first.")},
    )


class TickSentencesForm(forms.Form):
    hide_optional = True  # ticking nothing is an answer too ("all correct")
    ticked = forms.MultipleChoiceField(
        label=_("Which sentences have a problem?"),
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick every sentence that is wrong, missing something, or unfair."),
    )

    def __init__(self, *args: Any, parts: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["ticked"]
        if isinstance(field, forms.MultipleChoiceField):
            field.choices = [(str(n), text) for n, text in enumerate(parts)]

    def ticked_numbers(self) -> set[int]:
        return {int(value) for value in self.cleaned_data["ticked"]}
