from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carai.community.forms import MemberFilterForm
from carai.community.models import Role
from carai.core.validators import validate_plain_text
from carai.learning.models import Module
from carai.literacy.models import EXTRA_KINDS, PlanGoal
from carai.literacy.selectors import BLOCKED, READY, ToolState
from carai.register.models import AIActCategory


class PeopleFilterForm(MemberFilterForm):
    """Find people in the literacy register."""

    tool = forms.ChoiceField(label=_("May use the AI tool"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            ("", _("Everyone")),
            (BLOCKED, _("Not allowed to use a tool yet")),
            (READY, _("Meets every requirement")),
        ],
        required=False,
    )
    filter_names = (*MemberFilterForm.filter_names, "tool", "status")

    def __init__(self, *args: Any, tools: list[ToolState], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tool"]
        if isinstance(field, forms.ChoiceField):
            field.choices = [("", _("All tools")), *((str(t.tool_id), t.name) for t in tools)]


def _module_choices(modules: list[Module]) -> list[tuple[str, str]]:
    return [(m.key, m.title) for m in modules]


class ExternalCertificateForm(forms.Form):
    module_key = forms.ChoiceField(label=_("Counts for the module"))
    title = forms.CharField(
        label=_("Name of the course or certificate"),
        max_length=200,
        validators=[validate_plain_text],
    )
    issuer = forms.CharField(label=_("Issued by"), max_length=200, validators=[validate_plain_text])
    reference = forms.CharField(
        label=_("Certificate number or link"),
        max_length=300,
        required=False,
        validators=[validate_plain_text],
        help_text=_("So the reviewer can check it."),
    )
    issued_on = forms.DateField(
        label=_("Issued on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty if it does not expire."),
    )

    def __init__(self, *args: Any, modules: list[Module], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "external_%s")
        super().__init__(*args, **kwargs)
        field = self.fields["module_key"]
        if isinstance(field, forms.ChoiceField):
            field.choices = _module_choices(modules)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("reject", _("Do not accept"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        validators=[validate_plain_text],
        help_text=_("Required when you do not accept it: say why."),
    )


class RequirementForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Requirement"), choices=[(k.value, k.label) for k in EXTRA_KINDS]
    )
    key = forms.CharField(
        label=_("Which one"),
        max_length=120,
        required=False,
        help_text=_(
            "Practice exercise: case key and exercise, like overdracht:privacy. Workshop: the "
            "key of the module with the workshop. Guidelines: leave empty."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "requirement_%s")
        super().__init__(*args, **kwargs)


def _display_name(user: Any) -> str:
    return str(user.display_name)


class PlanGoalForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PlanGoal
        fields = ["role", "risk_level", "goal", "measures", "responsible", "evaluate_on"]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "measures": forms.Textarea(attrs={"rows": 3}),
            "evaluate_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, people: Any, with_evaluation: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["role"] = forms.ChoiceField(
            label=_("Role"), choices=[("", _("Everyone")), *Role.choices], required=False
        )
        self.fields["risk_level"] = forms.ChoiceField(
            label=_("Risk level"),
            choices=[("", _("Every level")), *AIActCategory.choices],
            required=False,
        )
        responsible = self.fields["responsible"]
        if isinstance(responsible, forms.ModelChoiceField):
            responsible.queryset = people
            responsible.empty_label = _("Nobody chosen yet")
            responsible.label_from_instance = _display_name  # type: ignore[method-assign,assignment]
        if with_evaluation:
            self.fields["evaluation"] = forms.CharField(
                label=_("Evaluation: what worked, what changes"),
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                validators=[validate_plain_text],
            )
            self.initial.setdefault("evaluation", self.instance.evaluation)
        for name in ("goal", "measures"):
            self.fields[name].validators.append(validate_plain_text)


class EvidenceFileForm(forms.Form):
    as_of = forms.DateField(
        label=_("As it was on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Today, or a day in the past."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "evidence_%s")
        kwargs.setdefault("initial", {"as_of": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def clean_as_of(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["as_of"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Choose today or a day in the past."))
        return value
