"""The community lead's KPI dashboard, its exports and the printable report for funders."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from openpyxl import Workbook

from carai.community import kpis
from carai.community.forms import KpiFilterForm, KpiTargetForm
from carai.community.models import KpiKey, KpiTarget
from carai.core.http import authenticated_user


def _lead_only(request: HttpRequest) -> None:
    if not authenticated_user(request).is_community_lead:
        raise Http404("Not for you.")


def _filters(request: HttpRequest) -> tuple[KpiFilterForm, kpis.KpiFilters]:
    form = KpiFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return form, kpis.KpiFilters(
            organisation=data["organisation"],
            branch=data["branch"],
            start=data["start"],
            end=data["end"],
        )
    return form, kpis.KpiFilters()


def _rows(board: kpis.Dashboard) -> list[tuple[str, int, int | None]]:
    """(indicator, value, target) rows for the exports."""
    rows: list[tuple[str, int, int | None]] = [
        (figure.label, figure.value, figure.target) for figure in board.reached
    ]
    rows.append((_("People reached in total"), board.reached_total, None))
    rows.append((board.use_cases.label, board.use_cases.value, board.use_cases.target))
    rows.extend(
        (_("Use cases in phase: %(phase)s") % {"phase": p}, n, None)
        for p, n in board.use_cases_by_phase
    )
    rows.append((board.modules.label, board.modules.value, board.modules.target))
    rows.append((_("Events"), board.events, None))
    rows.append((_("Attendances at events"), board.attendance, None))
    rows.append((_("Demonstrators"), board.demonstrators, None))
    rows.extend((_("Partners: %(kind)s") % {"kind": kind}, n, None) for kind, n in board.partners)
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def kpi_dashboard(request: HttpRequest) -> HttpResponse:
    _lead_only(request)
    target_form = KpiTargetForm(request.POST or None, targets=kpis.targets())
    if request.method == "POST" and target_form.is_valid():
        with transaction.atomic():
            for key in KpiKey.values:
                KpiTarget.objects.update_or_create(
                    key=key, defaults={"value": target_form.cleaned_data[key]}
                )
        messages.success(request, _("The targets are saved."))
        return redirect("community:kpis")
    form, filters = _filters(request)
    board = kpis.dashboard(filters)
    chart = {
        "months": board.months,
        "series": [
            {"label": figure.label, "values": board.reached_by_month.get(figure.key, [])}
            for figure in board.reached
        ],
        "phases": {
            "labels": [p for p, _n in board.use_cases_by_phase],
            "values": [n for _p, n in board.use_cases_by_phase],
        },
    }
    return render(
        request,
        "community/kpis/dashboard.html",
        {
            "form": form,
            "target_form": target_form,
            "board": board,
            "chart": chart,
            "query": request.GET.urlencode(),
            "month_rows": [
                (
                    month,
                    [
                        board.reached_by_month.get(f.key, [0] * len(board.months))[i]
                        for f in board.reached
                    ],
                )
                for i, month in enumerate(board.months)
            ],
        },
    )


@login_required
@require_GET
def kpi_export(request: HttpRequest, fmt: str) -> HttpResponse:
    _lead_only(request)
    _form, filters = _filters(request)
    board = kpis.dashboard(filters)
    rows = _rows(board)
    stamp = timezone.localdate().isoformat()
    header = [_("Indicator"), _("Value"), _("Target")]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        for label, value, target in rows:
            writer.writerow([label, value, "" if target is None else target])
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="carai-kpis-{stamp}.csv"'
        return response
    if fmt != "xlsx":
        raise Http404("No such format.")
    book = Workbook()
    book.remove(book.worksheets[0])
    sheet = book.create_sheet(_("Figures")[:31])
    sheet.append(header)
    for label, value, target in rows:
        sheet.append([label, value, target])
    months = book.create_sheet(_("Per month")[:31])
    months.append([_("Month"), *[figure.label for figure in board.reached]])
    for index, month in enumerate(board.months):
        months.append([month, *[board.reached_by_month[f.key][index] for f in board.reached]])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="carai-kpis-{stamp}.xlsx"'
    return response


@login_required
@require_GET
def kpi_report(request: HttpRequest) -> HttpResponse:
    _lead_only(request)
    _form, filters = _filters(request)
    board = kpis.dashboard(filters)
    return render(
        request,
        "community/kpis/report.html",
        {"board": board, "filters": filters, "rows": _rows(board), "today": timezone.localdate()},
    )
