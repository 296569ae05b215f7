from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from carai.accounts.forms import NameField
from carai.community.models import (
    CareBranch,
    Event,
    EventKind,
    OrganisationKind,
    Role,
    StudentLevel,
)
from carai.core.validators import normalise_text, validate_plain_text


class StudyFieldsMixin(forms.Form):
    student_level = forms.ChoiceField(
        label=_("Study level (students only)"),
        choices=[("", _("Not applicable")), *StudentLevel.choices],
        required=False,
    )
    programme = forms.CharField(
        label=_("Study programme (students only)"),
        max_length=150,
        required=False,
        validators=[validate_plain_text],
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("role") == Role.STUDENT and not cleaned.get("student_level"):
            self.add_error("student_level", _("Choose the study level of the student."))
        if cleaned.get("role") and cleaned.get("role") != Role.STUDENT:
            cleaned["student_level"] = ""
            cleaned["programme"] = ""
        return cleaned


class TeamFieldMixin(forms.Form):
    team = forms.CharField(
        label=_("Team or department"),
        max_length=100,
        required=False,
        validators=[validate_plain_text],
        help_text=_("For example: Wijkteam Noord. Managers see learning per team."),
    )

    def clean_team(self) -> str:
        return normalise_text(self.cleaned_data.get("team") or "").strip()


class InvitationForm(TeamFieldMixin, StudyFieldsMixin):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    field_order = ["email", "role", "team", "student_level", "programme"]


class RoleForm(TeamFieldMixin, StudyFieldsMixin):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    field_order = ["role", "team", "student_level", "programme"]


class MemberFilterForm(forms.Form):
    """Find people in a long member list."""

    hide_optional = True  # every filter is optional
    q = forms.CharField(
        label=_("Name or e-mail address"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All roles")), *Role.choices], required=False
    )
    team = forms.ChoiceField(label=_("Team"), choices=[("", _("All teams"))], required=False)

    def __init__(self, *args: Any, teams: list[str], **kwargs: Any) -> None:
        # Its own ids: the page also holds forms with a role field (the inline role form,
        # the assignment form), and two fields may never share an id.
        kwargs.setdefault("auto_id", "filter_%s")
        super().__init__(*args, **kwargs)
        team = self.fields["team"]
        if isinstance(team, forms.ChoiceField):
            team.choices = [("", _("All teams")), *((t, t) for t in teams)]

    filter_names: tuple[str, ...] = ("q", "role", "team")

    def filters(self) -> dict[str, str]:
        """The filters to apply: none where the input was wrong (the form says why)."""
        if not self.is_bound or not self.is_valid():
            return dict.fromkeys(self.filter_names, "")
        return {name: self.cleaned_data.get(name) or "" for name in self.filter_names}


class OrganisationForm(forms.Form):
    name = NameField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=OrganisationKind.choices)
    care_branch = forms.ChoiceField(
        label=_("Care branch"),
        choices=[("", _("Not applicable")), *CareBranch.choices],
        required=False,
    )
    region = forms.CharField(
        label=_("Region"), max_length=100, required=False, validators=[validate_plain_text]
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    is_active = forms.BooleanField(label=_("Active partner"), required=False, initial=True)

    def clean_region(self) -> str:
        return normalise_text(self.cleaned_data.get("region") or "")


class EventForm(forms.ModelForm):  # type: ignore[type-arg]
    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Event
        fields = [
            "title", "kind", "description", "starts_at", "ends_at", "place", "online_url",
            "capacity", "materials",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "materials": forms.Textarea(attrs={"rows": 3}),
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }
        help_texts = {
            "materials": _("Slides, links or a summary, shown after the event. Markdown."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("title", "description", "place", "materials"):
            self.fields[name].validators.append(validate_plain_text)
        # Neither is required on its own, but one of them is: say that, not "(optional)".
        for name in ("place", "online_url"):
            self.fields[name].help_text = _("Give a place, an online link, or both.")
            self.fields[name].hide_optional = True  # type: ignore[attr-defined]
        self.fields["capacity"].min_value = 1  # type: ignore[attr-defined]
        kind = self.fields["kind"]
        if isinstance(kind, forms.ChoiceField):  # words instead of Django's "---------"
            kind.choices = [("", _("Choose a kind")), *EventKind.choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must come after the start."))
        if not data.get("place") and not data.get("online_url"):
            self.add_error("place", _("Give a place, an online link, or both."))
        capacity = data.get("capacity")
        if capacity is not None and capacity < 1:
            self.add_error("capacity", _("An event needs at least one place."))
        return data
