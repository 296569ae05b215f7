"""A form never accepts more than its column holds (issue 13).

A field that allows 320 characters where the column holds 254 passes the form and fails in
PostgreSQL (a 500; SQLite would quietly store it). This walks every form class of every app:
a ModelForm's fields are compared with its model's fields of the same name; a plain form that
stores its fields is listed in STORED with the model it writes; every other form is listed in
NOT_STORED with the reason. A new form is in neither and fails until someone says which.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.urls import reverse

from tests.conftest import World, client_for

STORED: dict[str, str] = {  # plain form -> the model whose columns take its fields
    "accounts.NewAccountForm": "accounts.User",
    "accounts.ProfileForm": "accounts.User",
    "community.InvitationForm": "community.Invitation",
    "community.OrganisationForm": "community.Organisation",
    "community.RoleForm": "community.Membership",
    "community.StudyFieldsMixin": "community.Membership",
    "community.TeamFieldMixin": "community.Membership",
    "learning.AssignmentForm": "learning.Assignment",
    "learning.DueDateForm": "learning.Assignment",
    "learning.LessonCreateForm": "learning.Lesson",
    "learning.LessonForm": "learning.Lesson",
    "learning.ModuleForm": "learning.Module",
    "learning.QuestionForm": "learning.Question",
    "learning.SessionForm": "learning.WorkshopSession",
    "register.GuidelineForm": "register.Guideline",
    "register.PublishForm": "register.Register",
    "usecases.CycleForm": "usecases.Cycle",
    "usecases.JoinDecisionForm": "usecases.JoinRequest",
    "usecases.JoinRequestForm": "usecases.JoinRequest",
    "usecases.PhaseForm": "usecases.PhaseRecord",
    "usecases.RecruitingForm": "usecases.UseCase",
    "usecases.ResponsibleAIForm": "usecases.ResponsibleAIItem",
    "usecases.SubmitForm": "usecases.UseCase",
    "usecases.TeamAddForm": "usecases.TeamMember",
    "usecases.TriageForm": "usecases.UseCase",
    "xapi.LrsConfigForm": "xapi.LrsConfig",
    "signin.ConnectionForm": "signin.SsoConnection",
    "signin.DomainForm": "signin.SsoDomain",
    "signin.MfaPolicyForm": "signin.MfaPolicy",
    "sandbox.EndpointForm": "sandbox.ModelEndpoint",
    "sandbox.SaveForm": "sandbox.SandboxAttempt",
    "sandbox.CommunityForm": "sandbox.CommunityEndpoint",
    "sandbox.JoinForm": "sandbox.ModelEndpoint",
    "learning.CertificateRevokeForm": "learning.Certificate",
    "literacy.ExternalCertificateForm": "literacy.ExternalCertificate",
    "literacy.RequirementForm": "literacy.ToolRequirement",
    "literacy.ReviewForm": "literacy.ExternalCertificate",
    "insights.RoundStartForm": "insights.MaturityRound",
    "insights.SurveyForm": "insights.Survey",
    "insights.SurveyItemForm": "insights.SurveyItem",
    "insights.SurveySendForm": "insights.Survey",
}
RENAMED = {  # form -> column
    "learning.CertificateRevokeForm": {"reason": "revocation_reason"},
    "literacy.ReviewForm": {"note": "review_note"},
}
NOT_STORED = {
    "accounts.CaraiPasswordResetForm": "looks an address up",
    "accounts.EmailLoginForm": "logs in",
    "accounts.EraseAccountForm": "asks the password",
    "community.MemberFilterForm": "filters a list",
    "overview.SearchForm": "searches, stores nothing",
    "learning.AttendanceForm": "ticks people of a list",
    "learning.BadgeCheckForm": "checks a pasted badge, stores nothing",
    "learning.CatalogueForm": "filters a list",
    "learning.MarkdownPreviewForm": "shows a preview",
    "learning.QuizForm": "answers are option ids",
    "learning.ReflectionForm": "a text column without a limit; the form has one",
    "learning.TeamFilterForm": "filters a list",
    "practice.PreparedTextForm": "the text is never stored",
    "practice.PrivacyCheckForm": "the text is never stored",
    "practice.TickUnitsForm": "ticks parts of a case",
    "register.AcknowledgeForm": "a version number that must exist",
    "register.AcknowledgementFilterForm": "filters a list",
    "register.AdoptForm": "names a template that must exist",
    "register.CheckForm": "the text is never stored",
    "sandbox.PromptForm": "checks and sends a prompt; kept only through SaveForm",
    "register.CsvImportForm": "a file, checked row by row with ToolForm",
    "kpis.KpiFilterForm": "filters the figures",
    "signin.CodeForm": "checks a code, stores nothing",
    "signin.SecondStepForm": "checks a code, stores nothing",
    "signin.SignInStartForm": "looks the organisation's sign-in up",
    "literacy.PeopleFilterForm": "filters a list",
    "literacy.EvidenceFileForm": "a date; the file is made by a task",
    "kpis.KpiTargetForm": "its fields are made in __init__; checked below",
    "insights.MaturityAnswerForm": "ratings 1-4 made in __init__, checked by the service",
    "insights.SurveyAnswerForm": "answers made in __init__, stored by the service per kind",
}


def form_classes() -> dict[str, tuple[type[forms.BaseForm], Any]]:
    """{"app.FormName": (class, model or None)} for every form in every app's forms.py."""
    found: dict[str, tuple[type[forms.BaseForm], Any]] = {}
    for app in apps.get_app_configs():
        if not app.name.startswith("carai."):
            continue
        try:
            module = importlib.import_module(f"{app.name}.forms")
        except ModuleNotFoundError:
            continue
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                meta = getattr(cls, "_meta", None)
                found[f"{app.label}.{name}"] = (cls, getattr(meta, "model", None))
    return found


def choice_values(field: forms.ChoiceField) -> list[str]:
    values: list[str] = []
    for value, label in list(field.choices):  # type: ignore[arg-type]
        if isinstance(label, list | tuple):  # a group
            values.extend(str(v) for v, _label in label)
        elif value not in ("", None):
            values.append(str(value))
    return values


def disagreements(
    form_field: forms.Field, column: models.Field[Any, Any], *, model_form: bool = False
) -> list[str]:
    """What ``form_field`` lets through that ``column`` cannot hold. A ModelForm also runs
    the model's validators, which hold the database's integer range: only plain forms must
    bound their numbers themselves."""
    problems = []
    limit = getattr(column, "max_length", None)
    multiple = isinstance(form_field, forms.MultipleChoiceField)
    if isinstance(form_field, forms.ChoiceField) and not multiple:
        values = choice_values(form_field)
        if limit is not None:
            problems += [f"choice {v!r} is longer than {limit}" for v in values if len(v) > limit]
        if column.choices:
            allowed = {str(value) for value, _label in column.flatchoices}
            problems += [f"choice {v!r} is not the column's" for v in values if v not in allowed]
    elif isinstance(form_field, forms.CharField):
        if column.choices:
            problems.append("free text for a column with choices")
        if limit is not None and (form_field.max_length is None or form_field.max_length > limit):
            problems.append(f"max_length {form_field.max_length} > the column's {limit}")
    elif (
        isinstance(form_field, forms.IntegerField)
        and isinstance(column, models.IntegerField)
        and not model_form
    ):
        # PostgreSQL's ranges (SQLite stores 64 bits in any integer column)
        low, high = BaseDatabaseOperations.integer_field_ranges[column.get_internal_type()]
        if form_field.min_value is None or form_field.min_value < low:
            problems.append(f"min_value {form_field.min_value} < the column's {low}")
        if high is not None and (form_field.max_value is None or form_field.max_value > high):
            problems.append(f"max_value {form_field.max_value} > the column's {high}")
    return problems


def model_field(model: type[models.Model], name: str) -> models.Field[Any, Any] | None:
    try:
        field = model._meta.get_field(name)
    except Exception:
        return None
    if not isinstance(field, models.Field) or field.is_relation:
        return None
    return field


def test_every_form_is_known() -> None:
    found = form_classes()
    unknown = [
        name
        for name, (_cls, model) in found.items()
        if model is None and name not in STORED and name not in NOT_STORED
    ]
    assert not unknown, f"add these forms to STORED or NOT_STORED: {unknown}"
    gone = [name for name in [*STORED, *NOT_STORED] if name not in found]
    assert not gone, f"no longer forms: {gone}"


def test_no_form_accepts_more_than_its_column_holds() -> None:
    problems = []
    checked = 0
    for name, (cls, model) in form_classes().items():
        if model is None:
            if name not in STORED:
                continue
            model = apps.get_model(STORED[name])
        for field_name, form_field in cls.base_fields.items():  # type: ignore[attr-defined]
            column = model_field(model, RENAMED.get(name, {}).get(field_name, field_name))
            if column is None:
                continue
            checked += 1
            problems += [
                f"{name}.{field_name} -> {model._meta.label}.{field_name}: {problem}"
                for problem in disagreements(form_field, column, model_form=name not in STORED)
            ]
    assert checked > 100, f"only {checked} fields compared: the walk is broken"
    assert not problems, "\n".join(problems)


def test_the_fields_made_in_init_fit_too(world: World) -> None:
    from carai.kpis.forms import KpiTargetForm
    from carai.kpis.models import KpiTarget
    from carai.register.forms import ToolForm, conditions_field
    from carai.register.models import AITool, DataRule

    column = KpiTarget._meta.get_field("value")
    form = KpiTargetForm(targets={})
    for field in form.fields.values():
        assert not disagreements(field, column)
    tool_form = ToolForm(instance=AITool(organisation=world.org_a))
    rule_field = tool_form.fields["rule_bsn"]
    assert not disagreements(rule_field, DataRule._meta.get_field("permission"))
    conditions = tool_form.fields[conditions_field("bsn")]
    assert not disagreements(conditions, DataRule._meta.get_field("conditions"))


def test_the_walk_catches_a_field_that_is_too_long() -> None:
    column: models.Field[Any, Any] = models.EmailField()
    assert disagreements(forms.EmailField(), column)  # Django's form allows 320
    assert not disagreements(forms.EmailField(max_length=254), column)
    assert disagreements(forms.CharField(), models.CharField(max_length=10))
    assert disagreements(
        forms.ChoiceField(choices=[("x", "X")]), models.CharField(choices=[("y", "Y")])
    )
    assert disagreements(forms.IntegerField(), models.PositiveIntegerField())


def long_email(length: int) -> str:
    """A well-formed fictional address of exactly ``length`` characters."""
    local = "a" * 64
    domain = ".".join(["b" * 63, "c" * 63, "d" * (length - 64 - 1 - 63 - 1 - 63 - 1 - 3)]) + ".nl"
    address = f"{local}@{domain}"
    assert len(address) == length
    return address


@pytest.mark.django_db
def test_a_contact_email_longer_than_the_column_is_a_form_error(world: World) -> None:
    client = client_for(world.privacy_officer)
    url = reverse("register:publish", kwargs={"slug": world.org_a.slug})
    response = client.post(url, {"is_public": "on", "contact_email": long_email(255)})
    assert response.status_code == 200  # on main: accepted, and a 500 in PostgreSQL
    assert response.context["form"].errors["contact_email"]
    response = client.post(url, {"is_public": "on", "contact_email": long_email(254)})
    assert response.status_code == 302
