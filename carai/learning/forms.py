from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from carai.accounts.models import User
from carai.community.models import CareBranch, Organisation, Role
from carai.core.validators import validate_plain_text
from carai.learning.models import (
    Level,
    Module,
    ModuleFormat,
    Question,
    QuestionKind,
    QuizAttempt,
)


class CatalogueForm(forms.Form):
    hide_optional = True  # every filter is optional; saying so on each is noise
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All roles")), *Role.choices], required=False
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", _("All levels")), *Level.choices], required=False
    )
    branch = forms.ChoiceField(
        label=_("Care branch"),
        choices=[("", _("All branches")), *CareBranch.choices],
        required=False,
    )
    max_minutes = forms.TypedChoiceField(
        label=_("Duration"),
        choices=[("", _("Any duration")), ("30", _("Up to 30 minutes")), ("60", _("Up to 1 hour"))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("All formats")), *ModuleFormat.choices], required=False
    )


class ReflectionForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        validators=[validate_plain_text],
        help_text=_("Only you can see your answer. Do not write names or other data of clients."),
    )


class QuizForm(forms.Form):
    """One field per question of the attempt, in the attempt's order. The correct answers are
    not in this form; scoring happens in services.quiz_attempt_submit."""

    def __init__(self, *args: Any, attempt: QuizAttempt, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        questions = {
            q.pk: q
            for q in Question.objects.filter(pk__in=attempt.question_order).prefetch_related(
                "options"
            )
        }
        self.questions: list[Question] = [
            questions[pk] for pk in attempt.question_order if pk in questions
        ]
        for number, question in enumerate(self.questions, start=1):
            choices = [(str(o.pk), o.text) for o in question.options.all()]
            label = f"{number}. {question.text}"
            if question.kind == QuestionKind.MULTIPLE:
                self.fields[f"q{question.pk}"] = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Choose all answers that are right."),
                    error_messages={"required": _("Choose at least one answer.")},
                )
            else:
                self.fields[f"q{question.pk}"] = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer.")},
                )

    def answers(self) -> dict[int, list[int]]:
        result: dict[int, list[int]] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            values = value if isinstance(value, list) else [value]
            result[question.pk] = [int(v) for v in values if v]
        return result


class AssignmentForm(forms.Form):
    module = forms.ModelChoiceField(label=_("Module"), queryset=Module.objects.none())
    user = forms.ModelChoiceField(
        label=_("To one person"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody in particular"),
    )
    role = forms.ChoiceField(
        label=_("Or to everyone with a role"),
        choices=[("", _("No role")), *Role.choices],
        required=False,
    )
    due_date = forms.DateField(
        label=_("Finished by"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For example 31-12-2026."),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        module_field = self.fields["module"]
        people = self.fields["user"]
        if not isinstance(module_field, forms.ModelChoiceField) or not isinstance(
            people, forms.ModelChoiceField
        ):
            raise TypeError("AssignmentForm fields changed type")
        module_field.queryset = (
            Module.objects.published()
            .filter(Q(owner__isnull=True) | Q(owner=organisation))
            .order_by("language", "title")
        )
        people.queryset = User.objects.filter(
            memberships__organisation=organisation, memberships__ended_at__isnull=True
        ).distinct()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if bool(cleaned.get("user")) == bool(cleaned.get("role")):
            raise forms.ValidationError(_("Choose one person or one role."))
        return cleaned
