"""Survey pages: the list, making a survey (from templates or question by question), sending
it, answering with consent, withdrawing, the results and the researcher's CSV."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.accounts.models import User
from carai.community.models import Organisation, Role
from carai.core.exports import csv_download
from carai.core.forms import add_service_errors, message_service_error
from carai.core.language import content_language
from carai.insights import releases, results
from carai.insights.access import (
    access_community_survey,
    access_community_surveys,
    access_survey,
    access_survey_item,
    access_surveys,
    can_make_surveys,
    can_see_survey_results,
)
from carai.insights.forms import SurveyAnswerForm, SurveyForm, SurveyItemForm, SurveySendForm
from carai.insights.models import Survey
from carai.insights.services import surveys as services
from carai.insights.stats import PairedChange
from carai.insights.templatetags.insights_urls import survey_url

SCALE_NAMES = {
    "ai_literacy": gettext_lazy("AI literacy"),
    "work_pleasure": gettext_lazy("Work pleasure"),
    "admin_minutes": gettext_lazy("Minutes of administration per week"),
}
BANDS = {
    "none": gettext_lazy("no or hardly any effect"),
    "small": gettext_lazy("a small effect"),
    "medium": gettext_lazy("a medium effect"),
    "large": gettext_lazy("a large effect"),
}


def scale_name(scale: str) -> str:
    return str(SCALE_NAMES.get(scale, scale))


def _number(value: float) -> str:
    return number_format(round(value, 2), decimal_pos=2)


def change_in_words(change: PairedChange, band: str) -> str:
    """The pre/post change in plain words."""
    direction = _("went up") if change.mean_change > 0 else _("went down")
    if change.mean_change == 0:
        direction = _("stayed the same")
    text = _(
        "For the %(n)s people who answered both times, the average %(direction)s by "
        "%(change)s (from %(pre)s to %(post)s). With 95%% certainty the real change is between "
        "%(low)s and %(high)s."
    ) % {
        "n": change.n,
        "direction": direction,
        "change": _number(abs(change.mean_change)),
        "pre": _number(change.mean_pre),
        "post": _number(change.mean_post),
        "low": _number(change.ci_low),
        "high": _number(change.ci_high),
    }
    if change.ci_low <= 0 <= change.ci_high:
        text += " " + _("That range includes no change at all, so the change may be chance.")
    if change.dz is not None:
        text += " " + _("That is %(band)s (Cohen's d_z = %(dz)s).") % {
            "band": BANDS[band],
            "dz": _number(change.dz),
        }
    return text


def _to_make(request: HttpRequest, slug: str, survey_id: int) -> tuple[User, Organisation, Survey]:
    """The person, organisation and survey, for pages of the survey's makers only."""
    user = authenticated_user(request)
    organisation = access_surveys(user=user, slug=slug, make=True)
    survey = access_survey(
        user=user, organisation=organisation, survey_id=survey_id, purpose="make"
    )
    return user, organisation, survey


@login_required
@require_GET
def survey_list(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_surveys(user=user, slug=slug)
    sees_results = can_see_survey_results(user=user, organisation=organisation)
    return render(
        request,
        "insights/survey_list.html",
        {
            "organisation": organisation,
            "open_surveys": [
                (s, results.has_answered(survey=s, user=user))
                for s in results.open_surveys_for(user=user, organisation=organisation)
            ],
            "surveys": results.surveys_of(organisation=organisation) if sees_results else None,
            "can_make": can_make_surveys(user=user, organisation=organisation),
        },
    )


def _new(request: HttpRequest, user: User, organisation: Organisation | None) -> HttpResponse:
    form = SurveyForm(request.POST or None, organisation=organisation, language=content_language())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            survey = services.survey_create(
                organisation=organisation,
                actor=user,
                title=data["title"],
                consent_text=data["consent_text"],
                template_keys=data["templates"],
                pre_survey=data["pre_survey"],
                role=data["role"],
                module=data["module"],
                use_case=data.get("use_case"),
                cycle=data["cycle"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(survey_url("survey_edit", organisation, survey_id=survey.pk))
    return render(request, "insights/survey_new.html", {"organisation": organisation, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def survey_new(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_surveys(user=user, slug=slug, make=True)
    return _new(request, user, organisation)


def _edit(request: HttpRequest, organisation: Organisation | None, survey: Survey) -> HttpResponse:
    """The builder: the questions of a draft, a form to add one, and sending."""
    if survey.sent_at is not None:
        return redirect(survey_url("survey_results", organisation, survey_id=survey.pk))
    item_form = SurveyItemForm(request.POST or None)
    if request.method == "POST" and item_form.is_valid():
        try:
            services.survey_item_add(survey=survey, data=item_form.cleaned_data)
        except ValidationError as error:
            add_service_errors(item_form, error)
        else:
            messages.success(request, _("The question was added."))
            return redirect(survey_url("survey_edit", organisation, survey_id=survey.pk))
    return render(
        request,
        "insights/survey_edit.html",
        {
            "organisation": organisation,
            "survey": survey,
            "items": survey.items.all(),
            "language": content_language(),
            "item_form": item_form,
            "send_form": SurveySendForm(),
            "audience": services.survey_audience(survey=survey).count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey_edit(request: HttpRequest, slug: str, survey_id: int) -> HttpResponse:
    _user, organisation, survey = _to_make(request, slug, survey_id)
    return _edit(request, organisation, survey)


def _item_delete(
    request: HttpRequest, organisation: Organisation | None, survey: Survey, item_id: int
) -> HttpResponse:
    item = access_survey_item(survey=survey, item_id=item_id)
    try:
        services.survey_item_delete(item=item)
    except ValidationError as error:
        message_service_error(request, error)
    return redirect(survey_url("survey_edit", organisation, survey_id=survey.pk))


@login_required
@require_POST
def survey_item_delete(
    request: HttpRequest, slug: str, survey_id: int, item_id: int
) -> HttpResponse:
    _user, organisation, survey = _to_make(request, slug, survey_id)
    return _item_delete(request, organisation, survey, item_id)


def _send(
    request: HttpRequest, user: User, organisation: Organisation | None, survey: Survey
) -> HttpResponse:
    form = SurveySendForm(request.POST)
    edit = survey_url("survey_edit", organisation, survey_id=survey.pk)
    if not form.is_valid():
        messages.error(request, _("Choose until when people can answer."))
        return redirect(edit)
    try:
        count = services.survey_send(
            survey=survey, actor=user, closes_on=form.cleaned_data["closes_on"]
        )
    except ValidationError as error:
        message_service_error(request, error)
        return redirect(edit)
    messages.success(request, _("The survey was sent to %(count)s people.") % {"count": count})
    return redirect(survey_url("survey_results", organisation, survey_id=survey.pk))


@login_required
@require_POST
def survey_send(request: HttpRequest, slug: str, survey_id: int) -> HttpResponse:
    user, organisation, survey = _to_make(request, slug, survey_id)
    return _send(request, user, organisation, survey)


def _close(
    request: HttpRequest, user: User, organisation: Organisation | None, survey: Survey
) -> HttpResponse:
    services.survey_close(survey=survey, actor=user)
    messages.success(request, _("The survey is closed."))
    return redirect(survey_url("survey_results", organisation, survey_id=survey.pk))


@login_required
@require_POST
def survey_close(request: HttpRequest, slug: str, survey_id: int) -> HttpResponse:
    user, organisation, survey = _to_make(request, slug, survey_id)
    return _close(request, user, organisation, survey)


@login_required
@require_http_methods(["GET", "POST"])
def survey_answer(request: HttpRequest, slug: str, survey_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_surveys(user=user, slug=slug)
    survey = access_survey(
        user=user, organisation=organisation, survey_id=survey_id, purpose="answer"
    )
    language = content_language()
    form = SurveyAnswerForm(request.POST or None, items=survey.items.all(), language=language)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_respond(
                survey=survey,
                user=user,
                consent=form.cleaned_data["consent"],
                answers=form.answers(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you for your answers."))
            return redirect("insights:survey_list", slug=slug)
    return render(
        request,
        "insights/survey_answer.html",
        {
            "organisation": organisation,
            "survey": survey,
            "form": form,
            "sections": form.sections(language),
            "answered": results.has_answered(survey=survey, user=user),
        },
    )


@login_required
@require_POST
def survey_withdraw(request: HttpRequest, slug: str, survey_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_surveys(user=user, slug=slug)
    survey = access_survey(
        user=user, organisation=organisation, survey_id=survey_id, purpose="answer"
    )
    if services.survey_withdraw(survey=survey, user=user):
        messages.success(request, _("Your answers were deleted."))
    return redirect("insights:survey_list", slug=slug)


def _role_name(role: str) -> str:
    return str(Role(role).label) if role in Role.values else role


def _group_name(group: str, names: dict[str, str]) -> str:
    if group.startswith("org:"):
        return names.get(group, group)
    return _role_name(group)


def _results_page(
    request: HttpRequest,
    *,
    organisation: Organisation | None,
    survey: Survey,
    can_make: bool,
) -> HttpResponse:
    """The published results (``releases``). For a community survey seen through an
    organisation: only that organisation's group, never another's or the whole community."""
    language = content_language()
    groups, visible = releases.published_groups(survey=survey)
    own_group = (
        results.organisation_group(organisation.pk)
        if survey.is_community and organisation is not None
        else None
    )
    if own_group is not None:
        group = own_group
        filters: list[tuple[str, str, bool]] = []
    else:
        wanted = request.GET.get("groep", request.GET.get("rol", results.EVERYONE))
        group = wanted if wanted in groups else results.EVERYONE
        names = {
            results.organisation_group(pk): name
            for pk, name in Organisation.objects.filter(
                pk__in=[int(g[4:]) for g in groups if g.startswith("org:")]
            ).values_list("pk", "name")
        }
        filters = [(g, _group_name(g, names), g in visible) for g in groups]
    outcome = releases.published_results(survey=survey, group=group, language=language)
    changes: list[dict[str, Any]] = [
        {
            "name": scale_name(c.label),
            "change": c.change,
            "words": change_in_words(c.change, c.band),
        }
        for c in outcome.changes or []
    ]
    release = releases.latest(survey=survey)
    return render(
        request,
        "insights/survey_results.html",
        {
            "organisation": organisation,
            "survey": survey,
            "outcome": outcome,
            "release": release,
            "language": language,
            "role": group,
            "own_group": own_group,
            "filters": filters,
            "scales": [(scale_name(s), n, mean) for s, n, mean in outcome.scales],
            "scale_spread": [(scale_name(s), counts) for s, counts in outcome.scale_spread],
            "changes": changes,
            "can_make": can_make,
            "chart": {
                "kind": "change",
                "labels": [c["name"] for c in changes],
                "pre": [round(c["change"].mean_pre, 2) for c in changes],
                "post": [round(c["change"].mean_post, 2) for c in changes],
                "before": pgettext("measurement", "Before"),
                "after": pgettext("measurement", "After"),
            }
            if changes
            else None,
        },
    )


@login_required
@require_GET
def survey_results(request: HttpRequest, slug: str, survey_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_surveys(user=user, slug=slug)
    survey = access_survey(
        user=user, organisation=organisation, survey_id=survey_id, purpose="results"
    )
    can_make = not survey.is_community and can_make_surveys(user=user, organisation=organisation)
    return _results_page(request, organisation=organisation, survey=survey, can_make=can_make)


def _export(survey: Survey, what: str) -> StreamingHttpResponse:
    """The researcher's CSV (``data``) and its codebook (``codebook``)."""
    if what == "codebook":
        header, *rows = list(results.codebook_rows(survey=survey))
    elif what == "data":
        all_rows = list(
            results.export_rows(
                survey=survey, responses=releases.published_responses(survey=survey)
            )
        )
        if not all_rows:
            raise Http404("Too few answers to export.")
        header, *rows = all_rows
    else:
        raise Http404("No such download.")
    return csv_download(
        filename=f"survey-{survey.pk}-{what}.csv", header=[str(h) for h in header], rows=rows
    )


@login_required
@require_GET
def survey_export(
    request: HttpRequest, slug: str, survey_id: int, what: str
) -> StreamingHttpResponse:
    _user, _organisation, survey = _to_make(request, slug, survey_id)
    return _export(survey, what)


# The community's own surveys (the community lead) -----------------------------------------


def _community(request: HttpRequest, survey_id: int) -> tuple[User, Survey]:
    user = authenticated_user(request)
    return user, access_community_survey(user=user, survey_id=survey_id)


@login_required
@require_GET
def community_list(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    access_community_surveys(user=user)
    return render(
        request,
        "insights/community_surveys.html",
        {"surveys": Survey.objects.filter(organisation__isnull=True).select_related("pre_survey")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def community_new(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    access_community_surveys(user=user)
    return _new(request, user, None)


@login_required
@require_http_methods(["GET", "POST"])
def community_edit(request: HttpRequest, community_survey_id: int) -> HttpResponse:
    _user, survey = _community(request, community_survey_id)
    return _edit(request, None, survey)


@login_required
@require_POST
def community_item_delete(
    request: HttpRequest, community_survey_id: int, item_id: int
) -> HttpResponse:
    _user, survey = _community(request, community_survey_id)
    return _item_delete(request, None, survey, item_id)


@login_required
@require_POST
def community_send(request: HttpRequest, community_survey_id: int) -> HttpResponse:
    user, survey = _community(request, community_survey_id)
    return _send(request, user, None, survey)


@login_required
@require_POST
def community_close(request: HttpRequest, community_survey_id: int) -> HttpResponse:
    user, survey = _community(request, community_survey_id)
    return _close(request, user, None, survey)


@login_required
@require_GET
def community_results(request: HttpRequest, community_survey_id: int) -> HttpResponse:
    _user, survey = _community(request, community_survey_id)
    return _results_page(request, organisation=None, survey=survey, can_make=True)


@login_required
@require_GET
def community_export(
    request: HttpRequest, community_survey_id: int, what: str
) -> StreamingHttpResponse:
    _user, survey = _community(request, community_survey_id)
    return _export(survey, what)
