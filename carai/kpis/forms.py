from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from carai.community.models import CareBranch, Organisation
from carai.kpis.models import KpiKey


class KpiFilterForm(forms.Form):
    hide_optional = True  # every filter is optional
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(is_active=True),
        required=False,
        empty_label=_("All organisations"),
    )
    branch = forms.ChoiceField(
        label=_("Care branch"),
        choices=[("", _("All branches")), *CareBranch.choices],
        required=False,
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date must come after the start date."))
        return data


class KpiTargetForm(forms.Form):
    def __init__(self, *args: Any, targets: dict[str, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in KpiKey.choices:
            self.fields[key] = forms.IntegerField(
                label=label, min_value=0, max_value=1_000_000, initial=targets.get(key)
            )
