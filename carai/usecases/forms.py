from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation
from carai.core.validators import validate_plain_text
from carai.usecases.models import (
    JOIN_ROLES,
    CheckStatus,
    Cycle,
    Demonstrator,
    TeamRole,
    UseCase,
)
from carai.usecases.phases import CRITERIA, Phase

MAX_UPLOAD = 5 * 1024 * 1024


def _text(
    label: Any, *, rows: int = 3, required: bool = True, help_text: Any = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=5000,
        help_text=help_text,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class SubmitForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("For which organisation?"), queryset=Organisation.objects.none()
    )
    title = forms.CharField(
        label=_("A short title"), max_length=200, validators=[validate_plain_text]
    )
    problem = _text(
        _("What is the problem in your work?"),
        rows=4,
        help_text=_("Describe what happens now. Do not write names or other data of clients."),
    )
    who_has_it = _text(_("Who has this problem?"))
    expected_value = _text(
        _("What would it bring if it were solved?"),
        help_text=_("For example: time saved, better care, more work pleasure."),
    )
    data_and_ai = _text(_("Which data and AI might be involved?"), required=False)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = organisations
            if organisations.count() == 1:
                field.initial = organisations.first()
                field.empty_label = None  # nothing to choose: no empty line above it
            else:
                field.empty_label = _("Choose an organisation")

    def use_case_data(self) -> dict[str, Any]:
        return {
            k: self.cleaned_data[k]
            for k in ("title", "problem", "who_has_it", "expected_value", "data_and_ai")
        }


class TriageForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept into a cycle")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    cycle = forms.ModelChoiceField(label=_("Cycle"), queryset=Cycle.objects.all(), required=False)
    reason = _text(
        _("Reason"),
        required=False,
        help_text=_("Needed when you decline; it is shown to the person who asked."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in CRITERIA:
            self.fields[f"criterion_{key}"] = forms.TypedChoiceField(
                label=str(label),
                choices=[(str(n), str(n)) for n in range(1, 6)],
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "carai-scale"}),
                help_text=_("1 = not at all, 5 = very much"),
            )

    def criteria(self) -> dict[str, int]:
        return {key: self.cleaned_data[f"criterion_{key}"] for key, _label in CRITERIA}


class PhaseForm(forms.Form):
    # Saving half-done work is fine; going to the next phase needs the deliverables and the
    # whole checklist (the service says so), so "(optional)" would mislead here.
    hide_optional = True
    checklist = forms.MultipleChoiceField(
        label=_("Checklist"), required=False, widget=forms.CheckboxSelectMultiple
    )
    deliverables = _text(_("Deliverables"), required=False)
    notes = _text(_("Notes"), rows=4, required=False)

    def __init__(self, *args: Any, phase: Phase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["checklist"]
        if isinstance(field, forms.MultipleChoiceField):
            field.choices = list(phase.checklist)
        self.fields["deliverables"].help_text = str(phase.deliverable)


class TeamAddForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"))
    role = forms.ChoiceField(
        label=_("Role in the team"), choices=[c for c in TeamRole.choices if c[0] != TeamRole.OWNER]
    )


class RecruitingForm(forms.Form):
    hide_optional = True  # the text is needed only when the team opens up; the service says so
    open_to_join = forms.BooleanField(
        label=_("Members of the community may ask to join this team"), required=False
    )
    looking_for = _text(
        _("Who the team is looking for"),
        required=False,
        help_text=_(
            "Every member of the community reads this, with the title. Say in a few sentences "
            "what the team works on and who you need. Write no names and nothing about clients."
        ),
    )


class JoinRequestForm(forms.Form):
    role = forms.ChoiceField(label=_("Your role in the team"), choices=JOIN_ROLES)
    motivation = forms.CharField(
        label=_("Why you want to join"),
        max_length=1000,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you bring and what you hope to learn. At most 1,000 characters."),
    )


class JoinDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        error_messages={"required": _("Choose to accept or to decline.")},
    )
    reply = forms.CharField(
        label=_("Reply to the person"),
        required=False,
        max_length=1000,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ResponsibleAIForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=30)
    status = forms.ChoiceField(label=_("Status"), choices=CheckStatus.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, validators=[validate_plain_text]
    )


class DemonstratorForm(forms.ModelForm):  # type: ignore[type-arg]
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https", max_length=200)
    file = forms.FileField(
        label=_("Screenshot or file (optional)"),
        required=False,
        help_text=_(
            "A picture (PNG, JPEG, WebP, at most 2 MB) or a PDF (at most 5 MB). "
            "Only fictional data."
        ),
    )

    class Meta:
        model = Demonstrator
        fields = ["name", "what_it_does", "ai_used", "status", "link"]
        widgets = {"what_it_does": forms.Textarea(attrs={"rows": 3})}

    def clean_file(self) -> bytes | None:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is too large (at most 5 MB)."))
        return bytes(upload.read())


class LessonsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = UseCase
        fields = [
            "maturity", "went_well", "went_wrong", "advice", "time_saved_minutes",
            "quality_effect", "work_pleasure_before", "work_pleasure_after",
        ]  # fmt: skip
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("went_well", "went_wrong", "advice", "quality_effect")
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("work_pleasure_before", "work_pleasure_after"):
            value = data.get(name)
            if value is not None and not 1 <= value <= 10:
                self.add_error(name, _("Give a number from 1 to 10."))
        return data


class CycleForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        validators=[validate_plain_text],
        help_text=_("For example: Spring 2027"),
    )
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] <= data["starts_on"]:
            self.add_error("ends_on", _("The end date must come after the start date."))
        return data
