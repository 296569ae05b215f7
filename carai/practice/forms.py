from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.forms.boundfield import BoundWidget
from django.utils.translation import gettext_lazy as _

from carai.core.forms import TextToCheckField
from carai.core.validators import validate_plain_text
from carai.practice.content import AiOutput


class PrivacyCheckForm(forms.Form):
    text = TextToCheckField(
        label=_("Your text"),
        max_length=settings.PRIVACY_CHECK_MAX_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        validators=[validate_plain_text],
        help_text=_("Paste the text you want to put into an AI tool. At most 20,000 characters."),
        error_messages={"required": _("Paste or type a text first.")},
    )


class PreparedTextForm(forms.Form):
    text = TextToCheckField(
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


class TickUnitsForm(forms.Form):
    """Tick the units of an AI answer that have a problem; the units are the case's own."""

    hide_optional = True  # ticking nothing is an answer too ("all correct")
    ticked = forms.MultipleChoiceField(
        label=_("Which sentences have a problem?"),
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Tick every sentence that has a problem. Leave a sentence open when it is right."
        ),
    )

    def __init__(self, *args: Any, output: AiOutput, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.output = output
        field = self.fields["ticked"]
        if isinstance(field, forms.MultipleChoiceField):
            field.choices = [(str(n), unit.text) for n, unit in enumerate(output.units)]

    def blocks(self) -> list[tuple[str, list[BoundWidget]]]:
        """The tick boxes grouped as the AI answer's blocks, each with its heading."""
        boxes = iter(self["ticked"])
        return [
            (block.heading, [next(boxes) for _unit in block.units]) for block in self.output.answer
        ]

    def ticked_numbers(self) -> set[int]:
        return {int(value) for value in self.cleaned_data["ticked"]}
