"""Pages of the literacy register: the gap overview (privacy officer, admin), the manager's
team, a person's own needs, external certificates and their review, extra requirements per
tool, the plan and the evidence files. Thin: access function → form → service → template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from carai.accounts.http import authenticated_user
from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.community.selectors import organisation_teams
from carai.core.forms import add_service_errors, message_service_error
from carai.core.http import is_htmx
from carai.core.language import content_language
from carai.core.paging import page_of, query_without_page
from carai.literacy import access, selectors, services
from carai.literacy.evidence import plan_on
from carai.literacy.forms import (
    EvidenceFileForm,
    ExternalCertificateForm,
    PeopleFilterForm,
    PlanGoalForm,
    RequirementForm,
    ReviewForm,
)
from carai.literacy.models import EvidenceFile, EvidenceStatus, PlanStep, ToolRequirement
from carai.literacy.rules import Requirement
from carai.register.access import access_tool

# The gap overview ------------------------------------------------------------------------


def _register_page(
    request: HttpRequest,
    organisation: Organisation,
    *,
    teams: tuple[str, ...] | None,
    url_name: str,
    title: str,
) -> HttpResponse:
    scope = selectors.scope_of(organisation=organisation, teams=teams)
    labels = selectors.requirement_labels(scope.requirements, content_language())
    team_choices = (
        list(teams) if teams is not None else organisation_teams(organisation=organisation)
    )
    form = PeopleFilterForm(request.GET or None, teams=team_choices, tools=scope.tools)
    chosen = form.filters()
    filters = selectors.PeopleFilters(
        q=chosen["q"],
        role=chosen["role"],
        team=chosen["team"],
        tool=int(chosen["tool"]) if chosen["tool"] else None,
        status=chosen["status"],
    )
    page = page_of(request, selectors.people(scope, filters))
    context: dict[str, object] = {
        "organisation": organisation,
        "title": title,
        "url_name": url_name,
        "teams": teams,
        "form": form,
        "page": page,
        "records": selectors.person_records(scope, list(page), labels=labels),
        "page_query": query_without_page(request),
        "page_target": "#people-results",
    }
    if is_htmx(request):
        return render(request, "literacy/includes/people_results.html", context)
    context.update(
        overview=selectors.overview(scope, labels=labels),
        per_role=selectors.coverage_by(scope, "role"),
        per_team=selectors.coverage_by(scope, "team"),
        to_review=selectors.external_to_review(organisation=organisation, teams=teams).count(),
    )
    return render(request, "literacy/overview.html", context)


@login_required
@require_GET
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.access_literacy(user=authenticated_user(request), slug=slug)
    return _register_page(
        request,
        organisation,
        teams=None,
        url_name="literacy:overview",
        title=_("AI literacy register"),
    )


@login_required
@require_GET
def team(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, teams = access.access_literacy_team(user=authenticated_user(request), slug=slug)
    return _register_page(
        request,
        organisation,
        teams=teams,
        url_name="literacy:team",
        title=_("AI literacy of my team"),
    )


# A person's own needs and external certificates -----------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def mine(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access.access_own_literacy(user=user, slug=slug)
    modules = selectors.module_choices(organisation=organisation, language=content_language())
    form = ExternalCertificateForm(request.POST or None, modules=modules)
    if request.method == "POST" and form.is_valid():
        try:
            services.external_declare(organisation=organisation, user=user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you. A manager or the privacy officer will review it.")
            )
            return redirect("literacy:mine", slug=slug)
    scope = selectors.scope_of(organisation=organisation)
    record = selectors.person_record(scope, user)
    return render(
        request,
        "literacy/mine.html",
        {
            "organisation": organisation,
            "record": record,
            "links": selectors.missing_links(
                organisation=organisation, record=record, language=content_language()
            ),
            "tasks": selectors.open_tasks(
                organisation=organisation, user=user, language=content_language()
            ),
            "externals": selectors.external_of(organisation=organisation, user=user),
            "form": form,
        },
    )


@login_required
@require_GET
def reviews(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, teams = access.access_reviews(user=authenticated_user(request), slug=slug)
    page = page_of(request, selectors.external_to_review(organisation=organisation, teams=teams))
    return render(
        request,
        "literacy/reviews.html",
        {"organisation": organisation, "page": page, "page_query": query_without_page(request)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, slug: str, external_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation, _teams = access.access_reviews(user=user, slug=slug)
    external = access.access_external(user=user, organisation=organisation, external_id=external_id)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.external_review(
                actor=user,
                external=external,
                accept=form.cleaned_data["decision"] == "accept",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your review is saved."))
            return redirect("literacy:reviews", slug=slug)
    labels = selectors.requirement_labels(
        [Requirement("module", external.module_key)], content_language()
    )
    return render(
        request,
        "literacy/review.html",
        {
            "organisation": organisation,
            "external": external,
            "module_title": labels[f"module:{external.module_key}"],
            "form": form,
        },
    )


# Extra requirements per tool -------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def requirements(request: HttpRequest, slug: str, tool_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access.access_literacy(user=user, slug=slug)
    tool = access_tool(organisation=organisation, tool_id=tool_id)
    if request.method == "POST" and "remove" in request.POST:
        raw = str(request.POST["remove"])
        requirement = (
            ToolRequirement.objects.filter(tool=tool, pk=int(raw), removed_at__isnull=True).first()
            if raw.isdigit()
            else None
        )
        if requirement is None:
            raise Http404("No such requirement.")
        services.requirement_remove(actor=user, requirement=requirement)
        messages.success(request, _("The requirement is removed."))
        return redirect("literacy:requirements", slug=slug, tool_id=tool.pk)
    form = RequirementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.requirement_add(actor=user, tool=tool, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The requirement is added."))
            return redirect("literacy:requirements", slug=slug, tool_id=tool.pk)
    current = list(
        ToolRequirement.objects.filter(tool=tool, removed_at__isnull=True).order_by("kind", "key")
    )
    labels = selectors.requirement_labels(
        [Requirement(r.kind, r.key) for r in current], content_language()
    )
    return render(
        request,
        "literacy/requirements.html",
        {
            "organisation": organisation,
            "tool": tool,
            "modules": list(tool.required_modules.all()),
            "current": [(r, labels.get(f"{r.kind}:{r.key}", r.key)) for r in current],
            "form": form,
        },
    )


# The plan --------------------------------------------------------------------------------


def _people(organisation: Organisation) -> object:
    return User.objects.filter(
        pk__in=Membership.objects.active_in(organisation=organisation).values("user_id")
    ).order_by("full_name", "email")


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access.access_literacy(user=user, slug=slug)
    form = PlanGoalForm(request.POST or None, people=_people(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_goal_save(actor=user, organisation=organisation, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The goal is added to the plan."))
            return redirect("literacy:plan", slug=slug)
    scope = selectors.scope_of(organisation=organisation)
    return render(
        request,
        "literacy/plan.html",
        {
            "organisation": organisation,
            "steps": PlanStep.choices,
            "goals": plan_on(organisation=organisation, at=scope.at),
            "overview": selectors.overview(scope),
            "per_role": selectors.coverage_by(scope, "role"),
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_goal(request: HttpRequest, slug: str, goal_id: int) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access.access_literacy(user=user, slug=slug)
    goal = access.access_plan_goal(organisation=organisation, goal_id=goal_id)
    if request.method == "POST" and "remove" in request.POST:
        services.plan_goal_remove(actor=user, goal=goal)
        messages.success(request, _("The goal is removed from the plan."))
        return redirect("literacy:plan", slug=slug)
    form = PlanGoalForm(
        request.POST or None, instance=goal, people=_people(organisation), with_evaluation=True
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_goal_save(
                actor=user, organisation=organisation, data=form.cleaned_data, goal=goal
            )
        except ValidationError as error:
            message_service_error(request, error)
        else:
            messages.success(request, _("The goal is saved. The earlier version is kept."))
            return redirect("literacy:plan", slug=slug)
    return render(
        request,
        "literacy/plan_goal.html",
        {"organisation": organisation, "goal": goal, "form": form},
    )


# Evidence files --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def evidence(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access.access_literacy(user=user, slug=slug)
    form = EvidenceFileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_file_request(
                actor=user,
                organisation=organisation,
                as_of=form.cleaned_data["as_of"],
                language=content_language(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The evidence file is being made. It appears below."))
            return redirect("literacy:evidence", slug=slug)
    files = EvidenceFile.objects.filter(organisation=organisation).defer("pdf", "xlsx")
    page = page_of(request, files.order_by("-requested_at", "-pk"), per_page=10)
    context = {
        "organisation": organisation,
        "form": form,
        "page": page,
        "waiting": any(f.status == EvidenceStatus.QUEUED for f in page),
        "page_query": query_without_page(request),
    }
    if is_htmx(request):
        return render(request, "literacy/includes/evidence_files.html", context)
    return render(request, "literacy/evidence.html", context)


@login_required
@require_GET
def evidence_download(request: HttpRequest, slug: str, file_id: int, fmt: str) -> HttpResponse:
    organisation = access.access_literacy(user=authenticated_user(request), slug=slug)
    made = access.access_evidence_file(organisation=organisation, file_id=file_id)
    if made.status != EvidenceStatus.DONE or fmt not in ("pdf", "xlsx"):
        raise Http404("Not ready.")
    if fmt == "pdf":
        content, kind = bytes(made.pdf), "application/pdf"
    else:
        content = bytes(made.xlsx)
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=kind)
    name = f"ai-geletterdheid-{organisation.slug}-{made.as_of.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
