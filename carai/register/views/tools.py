"""The AI tool register of an organisation: the tools, their rules and history, templates
from the community catalogue, and publishing the register."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from carai.accounts.http import authenticated_user
from carai.community.access import ORGANISATIONS_SCOPE
from carai.community.models import Organisation
from carai.core.cache import cached
from carai.core.forms import add_service_errors
from carai.core.language import content_language
from carai.core.paging import page_of, query_without_page
from carai.register import algoritmeregister, selectors, services
from carai.register.access import (
    access_public_register,
    access_register,
    access_register_to_read,
    access_tool,
)
from carai.register.forms import (
    AdoptForm,
    PublishForm,
    ToolForm,
)
from carai.register.models import AITool, DataCategory, DataRule
from carai.register.views.transfer import json_download, public_page_url


@login_required
@require_GET
def register_home(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, can_edit = access_register_to_read(user=authenticated_user(request), slug=slug)
    return render(
        request,
        "register/home.html",
        {
            "organisation": organisation,
            "tool_list": _tool_list_html(organisation),
            "register": selectors.register_of(organisation=organisation) if can_edit else None,
            "can_edit": can_edit,
            "check_counts": selectors.check_counts(organisation=organisation) if can_edit else [],
        },
    )


def _tool_list_html(organisation: Organisation) -> SafeString:
    """The guideline link and the tool table, the same for every member: kept as HTML per
    organisation and language until a tool or guideline of it, or an organisation, changes."""

    def compute() -> str:
        # Rendered without the request: the fragment has no form and nothing per person.
        return render_to_string(
            "register/includes/tool_list.html",
            {
                "organisation": organisation,
                "tools": list(AITool.objects.filter(organisation=organisation)),
                "guideline": selectors.current_guideline(organisation=organisation),
            },
        )

    html = cached(
        f"register-list:{organisation.pk}:{get_language()}",
        scopes=[selectors.register_scope(organisation.pk), ORGANISATIONS_SCOPE],
        compute=compute,
    )
    return mark_safe(html)  # noqa: S308  (the template's output, escaped there)


@login_required
@require_GET
def tool_detail(request: HttpRequest, slug: str, tool_id: int) -> HttpResponse:
    organisation, can_edit = access_register_to_read(user=authenticated_user(request), slug=slug)
    tool = access_tool(organisation=organisation, tool_id=tool_id)
    return render(
        request,
        "register/tool_detail.html",
        {
            "organisation": organisation,
            "tool": tool,
            "rules": _rule_rows(tool),
            "can_edit": can_edit,
            "stats": selectors.requirement_stats(tool=tool) if can_edit else None,
        },
    )


def _rule_rows(tool: AITool) -> list[tuple[str, DataRule | None]]:
    rules = tool.rules()
    return [(str(label), rules.get(category)) for category, label in DataCategory.choices]


def _tool_form_page(request: HttpRequest, slug: str, tool_id: int | None) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug, edit=True)
    tool = access_tool(organisation=organisation, tool_id=tool_id) if tool_id else None
    modules = selectors.modules_for_requirements(
        organisation=organisation, language=content_language(), tool=tool
    )
    form = ToolForm(request.POST or None, instance=tool, modules=modules)
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["required_modules"])
        try:
            if tool is None:
                tool = services.tool_create(
                    organisation=organisation,
                    actor=user,
                    data=form.tool_data(),
                    rules=form.rules(),
                    modules=chosen,
                )
            else:
                tool = services.tool_update(
                    tool=tool, actor=user, data=form.tool_data(), rules=form.rules(), modules=chosen
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The tool has been saved."))
            return redirect("register:tool_detail", slug=slug, tool_id=tool.pk)
    return render(
        request,
        "register/tool_form.html",
        {"organisation": organisation, "tool": tool, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def tool_create(request: HttpRequest, slug: str) -> HttpResponse:
    return _tool_form_page(request, slug, None)


@login_required
@require_http_methods(["GET", "POST"])
def tool_edit(request: HttpRequest, slug: str, tool_id: int) -> HttpResponse:
    return _tool_form_page(request, slug, tool_id)


HISTORY_PER_PAGE = 20


@login_required
@require_GET
def tool_history(request: HttpRequest, slug: str, tool_id: int) -> HttpResponse:
    organisation = access_register(user=authenticated_user(request), slug=slug)
    tool = access_tool(organisation=organisation, tool_id=tool_id)
    revisions = tool.revisions.select_related("changed_by").order_by("-number")
    page = page_of(request, revisions, per_page=HISTORY_PER_PAGE)
    shown = list(page.object_list)
    # Each version with what changed since the one before it (one more row for the page's last).
    before = (
        tool.revisions.filter(number__lt=shown[-1].number).order_by("-number").first()
        if shown
        else None
    )
    steps = []
    for revision, previous in zip(shown, [*shown[1:], before], strict=True):
        changes = (
            selectors.snapshot_diff(previous.snapshot, revision.snapshot) if previous else None
        )
        steps.append((revision, changes))
    compared = None
    try:
        first, second = int(request.GET.get("van", "")), int(request.GET.get("naar", ""))
    except ValueError:
        pass
    else:
        pair = {r.number: r for r in tool.revisions.filter(number__in=[first, second])}
        if first in pair and second in pair:
            compared = (
                first,
                second,
                selectors.snapshot_diff(pair[first].snapshot, pair[second].snapshot),
            )
    return render(
        request,
        "register/tool_history.html",
        {
            "organisation": organisation,
            "tool": tool,
            "steps": steps,
            "compared": compared,
            "latest": tool.revision,
            "page": page,
            "page_query": query_without_page(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def template_list(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug, edit=True)
    templates = selectors.templates_available()
    language = content_language()
    if request.method == "POST":
        form = AdoptForm(request.POST)
        template = (
            templates.filter(slug=form.data.get("template", "")).first()
            if form.is_valid()
            else None
        )
        if template is None:
            messages.error(request, _("Choose one of the tools in the list."))
        else:
            try:
                tool = services.tool_adopt_template(
                    organisation=organisation, actor=user, template=template, language=language
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _(
                        "%(name)s is in your register now, with status 'under review'. "
                        "Check every fact for your contract, then set the status."
                    )
                    % {"name": tool.name},
                )
                return redirect("register:tool_edit", slug=slug, tool_id=tool.pk)
    adopted = set(
        selectors.tools_of(organisation=organisation).values_list("template_id", flat=True)
    )
    return render(
        request,
        "register/templates.html",
        {
            "organisation": organisation,
            "templates": templates,
            "adopted": adopted,
            "language": language,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def register_publish(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug, edit=True)
    register = selectors.register_of(organisation=organisation)
    initial = (
        {"is_public": register.is_public, "contact_email": register.contact_email}
        if register
        else {}
    )
    form = PublishForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.register_publish(
            organisation=organisation,
            actor=user,
            is_public=form.cleaned_data["is_public"],
            contact_email=form.cleaned_data["contact_email"],
        )
        messages.success(request, _("Saved."))
        return redirect("register:home", slug=slug)
    return render(request, "register/publish.html", {"organisation": organisation, "form": form})


@require_GET
def public_register(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_public_register(slug=slug)
    tools = list(selectors.tools_of(organisation=organisation))
    if request.GET.get("formaat") == "json":
        data = algoritmeregister.register_publication(
            organisation=organisation,
            tools=tools,
            website=public_page_url(request, organisation),
        )
        return json_download(data, f"algoritmeregister-{organisation.slug}.json")
    return render(
        request,
        "register/public.html",
        {
            "organisation": organisation,
            "tools": [(tool, _rule_rows(tool)) for tool in tools],
            "register": selectors.register_of(organisation=organisation),
        },
    )
