from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carai.accounts.models import User
from carai.community.models import Organisation, Role
from carai.core.forms import ModelsChoiceField
from carai.core.validators import validate_plain_text
from carai.insights.content import MaturityModel, survey_templates
from carai.insights.models import ItemKind, Survey
from carai.insights.selectors import survey_cycles, survey_use_cases
from carai.learning.models import Module
from carai.learning.selectors import one_per_key
from carai.usecases.models import Cycle, UseCase


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


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=160, validators=[validate_plain_text])
    consent_text = forms.CharField(
        label=_("Consent text"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        validators=[validate_plain_text],
        help_text=_("People read this before the first question and agree to it."),
    )
    templates = forms.MultipleChoiceField(
        label=_("Start from these sections"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    pre_survey = forms.ModelChoiceField(
        label=_("After-measurement of"),
        queryset=Survey.objects.none(),
        required=False,
        empty_label=_("No, this is a first measurement"),
        help_text=_(
            "Choose the first measurement to compare with. The new survey gets the same "
            "questions, and each person's answers before and after are linked without a name."
        ),
    )
    role = forms.ChoiceField(label=_("Send to people with the role"), required=False)
    module = forms.ModelChoiceField(
        label=_("Only the learners of the module"),
        queryset=Module.objects.none(),
        required=False,
        empty_label=_("No, everyone"),
        help_text=_("Learners of the Dutch and of the English version both get the survey."),
    )
    use_case = forms.ModelChoiceField(
        label=_("Only the team of the use case"),
        queryset=UseCase.objects.none(),
        required=False,
        empty_label=_("No, everyone"),
        help_text=_("Only this organisation's own members in the team get the survey."),
    )
    cycle = forms.ModelChoiceField(
        label=_("Only the use-case teams of the cycle"),
        queryset=Cycle.objects.none(),
        required=False,
        empty_label=_("No, everyone"),
        help_text=_(
            "Everyone of this organisation who works in the team of a use case of this cycle."
        ),
    )

    def __init__(
        self, *args: Any, organisation: Organisation | None, language: str, **kwargs: Any
    ) -> None:
        """``organisation`` None: a community survey (every active partner organisation;
        no use-case team, any module or cycle)."""
        super().__init__(*args, **kwargs)
        self.fields["templates"].choices = [  # type: ignore[attr-defined]
            (t.key, t.title[language]) for t in survey_templates()
        ]
        self.fields["pre_survey"].queryset = Survey.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation, pre_survey__isnull=True, sent_at__isnull=False
        )
        roles = [("", _("Everyone")), *Role.choices]
        self.fields["role"].choices = roles  # type: ignore[attr-defined]
        if organisation is None:
            del self.fields["use_case"]
            modules = Module.objects.live()
            self.fields["cycle"].queryset = Cycle.objects.order_by("-starts_on", "pk")  # type: ignore[attr-defined]
            self.fields["cycle"].help_text = _(
                "Everyone in a partner organisation who works in the team of a use case of "
                "this cycle."
            )
        else:
            modules = Module.objects.usable_by(organisation_ids=[organisation.pk])
            self.fields["use_case"].queryset = survey_use_cases(  # type: ignore[attr-defined]
                organisation=organisation
            )
            self.fields["cycle"].queryset = survey_cycles(  # type: ignore[attr-defined]
                organisation=organisation
            )
        # A module in two languages is one module to learn: offer it once, in the reader's
        # language; its learners in either language get the survey (``survey_audience``).
        chosen = [m.pk for m in one_per_key(list(modules), language=language)]
        self.fields["module"].queryset = modules.filter(pk__in=chosen).order_by("title")  # type: ignore[attr-defined]
        self.initial.setdefault(
            "consent_text",
            _(
                "Answering is voluntary: you can use CARAI without it, and you may skip any "
                "question. Your answers are stored under a code, not your name. Results show "
                "only for groups of at least 5 people. You can withdraw your answers until the "
                "survey closes; they are then deleted."
            ),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("pre_survey") and not data.get("templates"):
            self.add_error("templates", _("Choose at least one section, or a first measurement."))
        return data


class SurveyItemForm(forms.Form):
    section_nl = forms.CharField(
        label=_("Section (Dutch)"), max_length=160, required=False, validators=[validate_plain_text]
    )
    section_en = forms.CharField(
        label=_("Section (English)"),
        max_length=160,
        required=False,
        validators=[validate_plain_text],
    )
    kind = forms.ChoiceField(label=_("Kind of question"), choices=ItemKind.choices)
    text_nl = forms.CharField(
        label=_("Question (Dutch)"), max_length=500, validators=[validate_plain_text]
    )
    text_en = forms.CharField(
        label=_("Question (English)"),
        max_length=500,
        required=False,
        validators=[validate_plain_text],
    )
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        validators=[validate_plain_text],
        help_text=_("For one or several choices: one choice per line, as Dutch | English."),
    )
    scale = forms.SlugField(
        label=_("Scale"),
        max_length=40,
        required=False,
        help_text=_("Questions with the same scale are averaged into one score per person."),
    )

    def clean_choices(self) -> list[tuple[str, str]]:
        pairs = []
        for line in self.cleaned_data.get("choices", "").splitlines():
            if not line.strip():
                continue
            nl, _sep, en = line.partition("|")
            pairs.append((nl.strip(), en.strip() or nl.strip()))
        return pairs


class SurveySendForm(forms.Form):
    closes_on = forms.DateField(
        label=_("Answers possible until"), widget=forms.DateInput(attrs={"type": "date"})
    )


class SurveyAnswerForm(forms.Form):
    """The consent box and one optional field per question."""

    consent = forms.BooleanField(label=_("I have read this and I agree."), required=True)

    def __init__(self, *args: Any, items: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        likert = [
            ("1", _("Totally disagree")),
            ("2", _("Disagree")),
            ("3", _("Neutral")),
            ("4", _("Agree")),
            ("5", _("Totally agree")),
        ]
        for item in self.items:
            label = item.text(language)
            name = f"item_{item.pk}"
            field: forms.Field
            if item.kind == ItemKind.LIKERT:
                field = forms.TypedChoiceField(
                    label=label, choices=likert, coerce=int, widget=forms.RadioSelect
                )
            elif item.kind == ItemKind.SINGLE:
                field = forms.TypedChoiceField(
                    label=label,
                    choices=[(str(i), c) for i, c in enumerate(item.choice_labels(language))],
                    coerce=int,
                    widget=forms.RadioSelect,
                )
            elif item.kind == ItemKind.MULTIPLE:
                field = forms.TypedMultipleChoiceField(
                    label=label,
                    choices=[(str(i), c) for i, c in enumerate(item.choice_labels(language))],
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                )
            elif item.kind == ItemKind.NUMBER:
                field = forms.IntegerField(label=label, min_value=0, max_value=100_000)
            else:
                field = forms.CharField(
                    label=label,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    validators=[validate_plain_text],
                )
            field.required = False
            self.fields[name] = field

    def answers(self) -> dict[int, Any]:
        return {item.pk: self.cleaned_data.get(f"item_{item.pk}") for item in self.items}

    def sections(self, language: str) -> list[tuple[str, list[forms.BoundField]]]:
        out: list[tuple[str, list[forms.BoundField]]] = []
        for item in self.items:
            section = item.section(language)
            if not out or out[-1][0] != section:
                out.append((section, []))
            out[-1][1].append(self[f"item_{item.pk}"])
        return out
