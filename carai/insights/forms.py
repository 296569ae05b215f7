from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carai.accounts.models import User
from carai.core.forms import ModelsChoiceField
from carai.core.validators import validate_plain_text
from carai.insights.content import MaturityModel


class MemberChoiceField(ModelsChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name or obj.email)


class RoundStartForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the round"), max_length=120, validators=[validate_plain_text]
    )
    closes_on = forms.DateField(
        label=_("Answers possible until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    invitees = MemberChoiceField(
        label=_("Who answers"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Choose a small, mixed group: for example a manager, the privacy officer, an AI "
            "coach and a care worker. Each person answers alone."
        ),
    )

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["invitees"].queryset = members  # type: ignore[attr-defined]
        self.initial.setdefault("closes_on", timezone.localdate() + datetime.timedelta(days=14))


class MaturityAnswerForm(forms.Form):
    """One choice per statement of the model; the labels are in the reader's language."""

    def __init__(self, *args: Any, model: MaturityModel, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(value), names[language]) for value, names in model.scale]
        for statement in model.statements:
            self.fields[statement.key] = forms.TypedChoiceField(
                label=statement.text[language],
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
            )

    def fields_of(self, dimension_key: str) -> list[forms.BoundField]:
        return [self[key] for key in self.fields if key.startswith(f"{dimension_key}.")]
