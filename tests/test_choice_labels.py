"""A drop-down that starts empty says in words what to do, not Django's "---------" (a new
user does not know what the dashes mean). One form per app that has such a field."""

from __future__ import annotations

from typing import Any, cast

import pytest
from django import forms
from django.utils import translation

from carai.accounts.models import User
from carai.community.forms import EventForm
from carai.community.models import Organisation
from carai.insights.forms import SurveyForm
from carai.literacy.forms import PlanGoalForm
from carai.register.forms import ToolForm
from carai.sandbox.forms import EndpointForm, JoinForm
from carai.usecases.forms import SubmitForm
from tests.conftest import World


def _first_choices(form: forms.Form) -> dict[str, str]:
    """The label of the empty first choice of every drop-down that has one."""
    out = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.ChoiceField) and not isinstance(
            field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect
        ):
            choices = list(cast(Any, field.choices))
            if choices and choices[0][0] in ("", None):
                out[name] = str(choices[0][1])
    return out


def _forms(world: World) -> list[forms.Form]:
    people = User.objects.filter(pk=world.manager.pk)
    organisations = Organisation.objects.filter(pk__in=[world.org_a.pk, world.org_b.pk])
    kwargs: list[tuple[type[Any], dict[str, Any]]] = [
        (EventForm, {}),
        (PlanGoalForm, {"people": people}),
        (ToolForm, {}),
        (EndpointForm, {"tools": []}),
        (JoinForm, {"tools": []}),
        (SubmitForm, {"organisations": organisations}),
        (SurveyForm, {"organisation": world.org_a, "language": "nl"}),
        (SurveyForm, {"organisation": None, "language": "nl"}),
    ]
    return [form_class(**extra) for form_class, extra in kwargs]


def test_empty_choices_are_words(world: World) -> None:
    with translation.override("nl"):
        labels = {
            f"{type(form).__name__} {n}": _first_choices(form)
            for n, form in enumerate(_forms(world))
        }
    assert all(labels.values()), labels  # every form here has an empty first choice
    for form_name, fields in labels.items():
        for field, label in fields.items():
            assert label.strip("-"), f"{form_name}.{field} starts with {label!r}"


@pytest.mark.parametrize("count", [1, 2])
def test_the_use_case_form_offers_no_empty_line_for_one_organisation(
    world: World, count: int
) -> None:
    ids = [world.org_a.pk, world.org_b.pk][:count]
    form = SubmitForm(organisations=Organisation.objects.filter(pk__in=ids))
    assert ("organisation" in _first_choices(form)) is (count > 1)
