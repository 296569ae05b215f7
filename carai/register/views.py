"""Pages of the AI tool register, the guidelines and "Mag dit?". Thin: access, form, service."""

from __future__ import annotations

import csv
import io
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from carai.accounts.http import authenticated_user
from carai.community.access import roles_in_organisation
from carai.community.models import Organisation
from carai.core.forms import add_service_errors
from carai.core.language import content_language
from carai.practice.selectors import result_pieces
from carai.register import selectors, services
from carai.register.access import (
    EDIT_ROLES,
    access_acknowledgements,
    access_public_register,
    access_register,
    access_tool,
)
from carai.register.forms import (
    AcknowledgeForm,
    AdoptForm,
    CheckForm,
    CsvImportForm,
    GuidelineForm,
    PublishForm,
    ToolForm,
)
from carai.register.models import AITool, DataCategory, DataRule


def _can_edit(request: HttpRequest, organisation: Organisation) -> bool:
    user = authenticated_user(request)
    roles = roles_in_organisation(user=user, organisation=organisation)
    return bool(roles & EDIT_ROLES)


@login_required
@require_GET
def register_home(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_register(user=authenticated_user(request), slug=slug)
    can_edit = _can_edit(request, organisation)
    return render(
        request,
        "register/home.html",
        {
            "organisation": organisation,
            "tools": selectors.tools_of(organisation=organisation),
            "register": selectors.register_of(organisation=organisation),
            "guideline": selectors.current_guideline(organisation=organisation),
            "can_edit": can_edit,
            "check_counts": selectors.check_counts(organisation=organisation) if can_edit else [],
        },
    )


@login_required
@require_GET
def tool_detail(request: HttpRequest, slug: str, tool_id: int) -> HttpResponse:
    organisation = access_register(user=authenticated_user(request), slug=slug)
    tool = access_tool(organisation=organisation, tool_id=tool_id)
    can_edit = _can_edit(request, organisation)
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
    modules = selectors.modules_for_requirements(organisation=organisation)
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


@login_required
@require_GET
def tool_history(request: HttpRequest, slug: str, tool_id: int) -> HttpResponse:
    organisation = access_register(user=authenticated_user(request), slug=slug)
    tool = access_tool(organisation=organisation, tool_id=tool_id)
    revisions = list(tool.revisions.select_related("changed_by").order_by("-number"))
    steps = []
    for revision, previous in zip(revisions, [*revisions[1:], None], strict=True):
        changes = selectors.snapshot_diff(previous.snapshot, revision.snapshot) if previous else []
        steps.append((revision, changes))
    compared = None
    numbers = {r.number: r for r in revisions}
    try:
        first, second = int(request.GET.get("van", "")), int(request.GET.get("naar", ""))
    except ValueError:
        pass
    else:
        if first in numbers and second in numbers:
            compared = (
                first,
                second,
                selectors.snapshot_diff(numbers[first].snapshot, numbers[second].snapshot),
            )
    return render(
        request,
        "register/tool_history.html",
        {
            "organisation": organisation,
            "tool": tool,
            "steps": steps,
            "compared": compared,
            "numbers": sorted(numbers),
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


def _export_tools(organisation: Organisation) -> list[AITool]:
    return list(selectors.tools_of(organisation=organisation))


def _json_response(data: object, filename: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def export_json(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_register(user=authenticated_user(request), slug=slug)
    data = selectors.algoritmeregister_export(
        organisation=organisation,
        tools=_export_tools(organisation),
        language=content_language(),
    )
    return _json_response(data, f"ai-register-{organisation.slug}.json")


@login_required
@require_GET
def export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_register(user=authenticated_user(request), slug=slug)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=selectors.CSV_COLUMNS)
    writer.writeheader()
    for tool in _export_tools(organisation):
        writer.writerow(selectors.tool_to_csv_row(tool))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ai-register-{organisation.slug}.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_csv(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug, edit=True)
    form = CsvImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            created, updated = services.register_import_csv(
                organisation=organisation, actor=user, text=form.cleaned_data["file"]
            )
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(
                request,
                _("Import done: %(created)s tools added, %(updated)s tools updated.")
                % {"created": created, "updated": updated},
            )
            return redirect("register:home", slug=slug)
    return render(
        request,
        "register/import.html",
        {
            "organisation": organisation,
            "form": form,
            "problems": problems,
            "columns": selectors.CSV_COLUMNS,
        },
    )


@require_GET
def public_register(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_public_register(slug=slug)
    tools = list(selectors.tools_of(organisation=organisation))
    if request.GET.get("formaat") == "json":
        data = selectors.algoritmeregister_export(
            organisation=organisation, tools=tools, language=content_language()
        )
        return _json_response(data, f"ai-register-{organisation.slug}.json")
    return render(
        request,
        "register/public.html",
        {
            "organisation": organisation,
            "tools": [(tool, _rule_rows(tool)) for tool in tools],
            "register": selectors.register_of(organisation=organisation),
        },
    )


# Guidelines ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def guidelines(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug)
    guideline = selectors.current_guideline(organisation=organisation)
    if request.method == "POST":
        if guideline is None:
            raise Http404("No guidelines.")
        form = AcknowledgeForm(request.POST)
        if not form.is_valid() or form.cleaned_data["version"] != guideline.version:
            messages.error(
                request, _("A newer version was published meanwhile. Please read it first.")
            )
        else:
            services.guideline_acknowledge(guideline=guideline, user=user)
            messages.success(request, _("Thank you. You confirmed that you read the guidelines."))
        return redirect("register:guidelines", slug=slug)
    acknowledged = guideline is not None and selectors.has_acknowledged(
        guideline=guideline, user=user
    )
    return render(
        request,
        "register/guidelines.html",
        {
            "organisation": organisation,
            "guideline": guideline,
            "acknowledged": acknowledged,
            "can_edit": _can_edit(request, organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def guideline_edit(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug, edit=True)
    current = selectors.current_guideline(organisation=organisation)
    initial = (
        {"title": current.title, "body": current.body}
        if current
        else {"title": _("Our agreements on AI")}
    )
    form = GuidelineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.guideline_publish(
                organisation=organisation,
                actor=user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The new version is published. Members are asked to read it.")
            )
            return redirect("register:guidelines", slug=slug)
    return render(
        request,
        "register/guideline_form.html",
        {"organisation": organisation, "form": form, "current": current},
    )


@login_required
@require_GET
def acknowledgements(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_acknowledgements(user=authenticated_user(request), slug=slug)
    guideline = selectors.current_guideline(organisation=organisation)
    rows, counts = (
        selectors.acknowledgement_overview(guideline=guideline) if guideline else ([], [])
    )
    return render(
        request,
        "register/acknowledgements.html",
        {"organisation": organisation, "guideline": guideline, "rows": rows, "counts": counts},
    )


# "Mag dit?" ---------------------------------------------------------------------------------


@sensitive_post_parameters("text")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug)
    tools = list(selectors.tools_of(organisation=organisation))
    form = CheckForm(request.POST or None, tools=tools)
    context: dict[str, object] = {"organisation": organisation, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            check = services.tool_check(
                organisation=organisation,
                user=user,
                tools=tools,
                tool=form.chosen_tool(),
                text=(form.cleaned_data.get("text") or "").strip(),
                categories=set(form.cleaned_data.get("categories") or []),
                about_staff=form.cleaned_data["about"] == "staff",
            )
        except services.EngineStarting:
            context["starting"] = True
        else:
            context.update(_check_context(check, form, organisation))
    return render(request, "register/check.html", context)


def _check_context(
    check: services.ToolCheck, form: CheckForm, organisation: Organisation
) -> dict[str, object]:
    """The answer of "Mag dit?" in words, for the template."""
    category_labels = dict(DataCategory.choices)
    decision = check.decision
    return {
        "decision": decision,
        "tool": check.tool,
        "other_tool": form.cleaned_data.get("other_tool", "").strip(),
        "categories": [category_labels[c] for c in DataCategory.values if c in check.categories],
        "reasons": [
            _reason_text(code, category_labels.get(detail, detail))
            for code, detail in decision.reasons
        ],
        "conditions": [
            (category_labels.get(c, ""), text) for c, text in decision.conditions if text
        ],
        "result": check.result,
        "pieces": result_pieces(check.result) if check.result and check.result.spans else [],
        "pseudonymise_helps": check.pseudonymise_helps,
        "alternatives": check.alternatives,
        "contacts": selectors.privacy_officers(organisation=organisation),
    }


def _reason_text(code: str, category: object) -> str:
    texts = {
        "not_in_register": _(
            "This tool is not in your organisation's register: nobody has assessed it yet."
        ),
        "tool_not_allowed": _("Your organisation does not allow this tool."),
        "tool_under_review": _(
            "Your organisation is still assessing this tool. Until then, do not use it."
        ),
        "role_not_allowed": _("This tool is not meant for your role."),
        "module_missing": _("First finish the module %(category)s: this tool asks for it."),
        "category_not_assessed": _(
            "Nobody has decided yet whether %(category)s may go into this tool."
        ),
        "category_not_allowed": _("%(category)s may not go into this tool."),
        "category_allowed": _("%(category)s may go into this tool."),
    }
    return texts[code] % {"category": category}
