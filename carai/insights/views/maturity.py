"""Pages of the AI maturity self-assessment: the organisation's page with its rounds and
growth, starting and closing a round, answering, the results, and the community lead's
distribution across partners."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.community.access import access_community_lead
from carai.community.models import Organisation
from carai.core.forms import add_service_errors, message_service_error
from carai.core.language import content_language
from carai.insights import selectors
from carai.insights.access import (
    access_maturity,
    access_own_invite,
    access_round,
    can_manage_maturity,
    sees_all_rounds,
)
from carai.insights.content import MaturityModel, shipped_model
from carai.insights.forms import MaturityAnswerForm, RoundStartForm
from carai.insights.maturity import MIN_ANSWERERS, DimensionResult
from carai.insights.services import maturity as services


def _stage_name(model: MaturityModel, level: int, language: str) -> str:
    if level == 0:
        return _("Not yet started")
    return model.stages[level - 1][1][language]


def _dimension_rows(
    model: MaturityModel,
    results: list[DimensionResult],
    language: str,
    organisation: Organisation,
) -> list[dict[str, Any]]:
    rows = []
    for dimension, result in zip(model.dimensions, results, strict=True):
        texts = {s.key: s.text[language] for s in dimension.statements}
        rows.append(
            {
                "key": dimension.key,
                "name": dimension.name[language],
                "level": result.level,
                "stage": _stage_name(model, result.level, language),
                "lowest": result.lowest,
                "highest": result.highest,
                "statements": [
                    {
                        "stage": model.stages[i][1][language],
                        "text": s.text[language],
                        "mean": mean,
                        "disagreement": s.key in result.disagreements,
                    }
                    for i, (s, mean) in enumerate(
                        zip(dimension.statements, result.mean_ratings, strict=True)
                    )
                ],
                "disagreements": [texts[key] for key in result.disagreements],
                "advice": dimension.advice[language],
                "links": [
                    {
                        "label": link.label[language],
                        "url": reverse(link.url, kwargs={"slug": organisation.slug})
                        if link.needs_slug
                        else reverse(link.url),
                    }
                    for link in dimension.links
                ],
                "sources": [source[language] for source in dimension.sources],
            }
        )
    return rows


@login_required
@require_GET
def maturity_home(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_maturity(user=user, slug=slug)
    model = shipped_model()
    language = content_language()
    sees_all = sees_all_rounds(user=user, organisation=organisation)
    rounds = selectors.rounds_of(organisation=organisation) if sees_all else None
    growth = selectors.growth(organisation=organisation) if sees_all else []
    dimension_names = [d.name[language] for d in model.dimensions]
    growth_rows = [
        (
            result.maturity_round,
            [d.level for d in result.dimensions or []],
        )
        for result in growth
    ]
    return render(
        request,
        "insights/maturity_home.html",
        {
            "organisation": organisation,
            "invites": selectors.open_invites(user=user, organisation=organisation),
            "rounds": rounds,
            "can_manage": can_manage_maturity(user=user, organisation=organisation),
            "dimension_names": dimension_names,
            # Each level with its subject's name: the name labels the value when the table
            # stacks into cards on a phone.
            "growth_table": [
                (r, list(zip(dimension_names, levels, strict=True))) for r, levels in growth_rows
            ],
            "chart": {
                "kind": "growth",
                "labels": [r.title for r, _levels in growth_rows],
                "series": [
                    {"label": name, "values": [levels[i] for _r, levels in growth_rows]}
                    for i, name in enumerate(dimension_names)
                ],
                "max": len(model.stages),
            }
            if len(growth_rows) >= 2
            else None,
            "stages": [names[language] for _key, names in model.stages],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_start(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_maturity(user=user, slug=slug, manage=True)
    members = selectors.invitable_members(organisation=organisation)
    form = RoundStartForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            maturity_round = services.maturity_round_start(
                organisation=organisation,
                actor=user,
                title=form.cleaned_data["title"],
                closes_on=form.cleaned_data["closes_on"],
                invitee_ids=[u.pk for u in form.cleaned_data["invitees"]],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The round has started. We sent the invitations."))
            return redirect("insights:round_detail", slug=slug, round_id=maturity_round.pk)
    return render(
        request,
        "insights/round_start.html",
        {"organisation": organisation, "form": form, "min_answerers": MIN_ANSWERERS},
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_answer(request: HttpRequest, slug: str, round_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_maturity(user=user, slug=slug)
    invite = access_own_invite(user=user, organisation=organisation, round_id=round_id)
    model = shipped_model()
    language = content_language()
    form = MaturityAnswerForm(
        request.POST or None,
        model=model,
        language=language,
        initial={k: str(v) for k, v in selectors.own_answers(invite=invite).items()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.maturity_answers_save(invite=invite, ratings=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you. You can change your answers until the round closes.")
            )
            return redirect("insights:home", slug=slug)
    sections = [
        {"name": d.name[language], "fields": form.fields_of(d.key)} for d in model.dimensions
    ]
    return render(
        request,
        "insights/round_answer.html",
        {
            "organisation": organisation,
            "invite": invite,
            "maturity_round": invite.round,
            "form": form,
            "sections": sections,
        },
    )


@login_required
@require_GET
def round_detail(request: HttpRequest, slug: str, round_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_maturity(user=user, slug=slug)
    maturity_round = access_round(user=user, organisation=organisation, round_id=round_id)
    model = shipped_model()
    language = content_language()
    result = selectors.round_result(maturity_round=maturity_round, model=model)
    rows = (
        _dimension_rows(model, result.dimensions, language, organisation)
        if result.dimensions is not None and maturity_round.is_closed
        else []
    )
    return render(
        request,
        "insights/round_detail.html",
        {
            "organisation": organisation,
            "maturity_round": maturity_round,
            "result": result,
            "rows": rows,
            "invited": maturity_round.invites.count(),
            "min_answerers": MIN_ANSWERERS,
            "can_manage": can_manage_maturity(user=user, organisation=organisation),
            "stages": [names[language] for _key, names in model.stages],
            "chart": {
                "kind": "levels",
                "labels": [row["name"] for row in rows],
                "values": [row["level"] for row in rows],
                "max": len(model.stages),
            }
            if rows
            else None,
        },
    )


@login_required
@require_POST
def round_close(request: HttpRequest, slug: str, round_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_maturity(user=user, slug=slug, manage=True)
    maturity_round = access_round(user=user, organisation=organisation, round_id=round_id)
    try:
        services.maturity_round_close(maturity_round=maturity_round, actor=user)
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(request, _("The round is closed."))
    return redirect("insights:round_detail", slug=slug, round_id=round_id)


@login_required
@require_GET
def community(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    access_community_lead(user=user)
    model = shipped_model()
    language = content_language()
    distribution = selectors.community_distribution()
    levels = [_("Not yet started")] + [names[language] for _key, names in model.stages]
    rows = (
        [
            (d.name[language], list(zip(levels, distribution.levels[d.key], strict=True)))
            for d in model.dimensions
        ]
        if distribution
        else []
    )
    return render(
        request,
        "insights/community.html",
        {
            "distribution": distribution,
            "min_organisations": selectors.MIN_ORGANISATIONS,
            "levels": levels,
            "rows": rows,
        },
    )
