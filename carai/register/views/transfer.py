"""The register as files: CSV export and import, and the Algoritmeregister JSON export."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseStopPolling

from carai.accounts.http import authenticated_user
from carai.community.models import Organisation
from carai.core.exports import csv_download
from carai.core.http import is_htmx
from carai.register import algoritmeregister, selectors, services
from carai.register.access import (
    access_register,
)
from carai.register.forms import CsvImportForm, csv_columns
from carai.register.models import AITool


def _export_tools(organisation: Organisation) -> list[AITool]:
    return list(selectors.tools_of(organisation=organisation))


def json_download(data: object, filename: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def public_page_url(request: HttpRequest, organisation: Organisation) -> str:
    """The public register page, the publication's ``website``, when it is published."""
    register = selectors.register_of(organisation=organisation)
    if register is None or not register.is_public:
        return ""
    return request.build_absolute_uri(
        reverse("register:public", kwargs={"slug": organisation.slug})
    )


@login_required
@require_GET
def export_json(request: HttpRequest, slug: str) -> HttpResponse:
    """The tools as an Algoritmeregister v1.0 publication (only the standard's fields)."""
    organisation = access_register(user=authenticated_user(request), slug=slug)
    data = algoritmeregister.register_publication(
        organisation=organisation,
        tools=_export_tools(organisation),
        website=public_page_url(request, organisation),
    )
    return json_download(data, f"algoritmeregister-{organisation.slug}.json")


@login_required
@require_GET
def export_companion_json(request: HttpRequest, slug: str) -> HttpResponse:
    """What CARAI keeps beyond the standard (data rules, AI Act category, ...), every tool."""
    organisation = access_register(user=authenticated_user(request), slug=slug)
    data = algoritmeregister.register_companion(
        organisation=organisation, tools=_export_tools(organisation)
    )
    return json_download(data, f"ai-register-{organisation.slug}-carai.json")


@login_required
@require_GET
def export_csv(request: HttpRequest, slug: str) -> HttpResponseBase:
    organisation = access_register(user=authenticated_user(request), slug=slug)
    columns = selectors.CSV_COLUMNS
    rows = (
        [row[column] for column in columns]
        for row in map(selectors.tool_to_csv_row, _export_tools(organisation))
    )
    return csv_download(filename=f"ai-register-{organisation.slug}.csv", header=columns, rows=rows)


@login_required
@require_http_methods(["GET", "POST"])
def import_csv(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug, edit=True)
    form = CsvImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    problem_count = 0
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"]
        if text.count("\n") > services.BACKGROUND_LINES:
            job = services.tool_import_queue(organisation=organisation, actor=user, text=text)
            return redirect("register:import_status", slug=slug, import_id=job.pk)
        try:
            created, updated = services.register_import_csv(
                organisation=organisation, actor=user, text=text
            )
        except ValidationError as error:
            problems = error.messages
            problem_count = getattr(error, "count", len(problems))
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
            "problem_count": problem_count,
            "columns": csv_columns(selectors.CSV_COLUMNS),
            "max_rows": number_format(services.MAX_IMPORT_ROWS, force_grouping=True),
            "max_field_chars": number_format(services.MAX_FIELD_CHARS, force_grouping=True),
            "max_seconds": services.MAX_IMPORT_SECONDS,
        },
    )


@login_required
@require_GET
def import_status(request: HttpRequest, slug: str, import_id: int) -> HttpResponse:
    """A large import in the background: its progress (asked every 2 s by htmx while it
    runs) and then its result."""
    organisation = access_register(user=authenticated_user(request), slug=slug, edit=True)
    job = selectors.tool_import_of(organisation=organisation, import_id=import_id)
    context = {"organisation": organisation, "job": job}
    if is_htmx(request):
        html = render_to_string("register/includes/import_progress.html", context, request)
        return HttpResponseStopPolling(html) if job.is_finished else HttpResponse(html)
    return render(request, "register/import_status.html", context)
