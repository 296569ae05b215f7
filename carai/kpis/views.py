"""The community lead's KPI dashboard, its exports and the printable report for funders."""

from __future__ import annotations

import datetime
import functools
import hashlib

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseClientRefresh, HttpResponseStopPolling

from carai.accounts.http import authenticated_user
from carai.community.access import ORGANISATIONS_SCOPE, access_community_lead
from carai.community.models import CareBranch
from carai.core.cache import cached
from carai.core.exports import Cell, csv_download, xlsx_download
from carai.kpis import figures as kpis
from carai.kpis import store as kpi_store
from carai.kpis.forms import KpiFilterForm, KpiTargetForm
from carai.kpis.models import KpiKey
from carai.kpis.services import kpi_targets_set


def _lead_only(request: HttpRequest) -> None:
    access_community_lead(user=authenticated_user(request))


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


def _chart(board: kpis.Dashboard) -> dict[str, object]:
    return {
        "months": board.months,
        "series": [
            {"label": figure.label, "values": board.reached_by_month.get(figure.key, [])}
            for figure in board.reached
        ],
        "phases": {
            "labels": [p for p, _n in board.use_cases_by_phase],
            "values": [n for _p, n in board.use_cases_by_phase],
        },
        "activity": {
            "months": board.activity_months,
            "series": [{"label": label, "values": values} for label, values in board.activity],
        },
    }


def _activity_rows(board: kpis.Dashboard) -> list[tuple[str, list[int]]]:
    """(month, [count per activity]) for the table beside the activity chart."""
    return [
        (month, [values[i] for _label, values in board.activity])
        for i, month in enumerate(board.activity_months)
    ]


def _month_rows(board: kpis.Dashboard) -> list[tuple[str, list[int]]]:
    return [
        (
            month,
            [board.reached_by_month.get(f.key, [0] * len(board.months))[i] for f in board.reached],
        )
        for i, month in enumerate(board.months)
    ]


def _labelled(
    rows: list[tuple[str, list[int]]], labels: list[str]
) -> list[tuple[str, list[tuple[str, int]]]]:
    """The rows of a month table with each value's column name: on a phone each month is a
    card, and every figure in it says what it counts (``data-label``)."""
    return [(month, list(zip(labels, values, strict=True))) for month, values in rows]


def _month_table(board: kpis.Dashboard) -> list[tuple[str, list[tuple[str, int]]]]:
    return _labelled(_month_rows(board), [str(figure.label) for figure in board.reached])


def _activity_table(board: kpis.Dashboard) -> list[tuple[str, list[tuple[str, int]]]]:
    return _labelled(_activity_rows(board), [str(label) for label, _values in board.activity])


@login_required
@require_http_methods(["GET", "POST"])
def kpi_dashboard(request: HttpRequest) -> HttpResponse:
    _lead_only(request)
    goal = kpis.targets()
    target_form = KpiTargetForm(request.POST or None, targets=goal)
    if request.method == "POST" and target_form.is_valid():
        kpi_targets_set(targets={key: target_form.cleaned_data[key] for key in KpiKey.values})
        messages.success(request, _("The targets are saved."))
        return redirect("kpis:dashboard")
    form, filters = _filters(request)
    stored = kpi_store.kpi_figures_get(filters=filters)
    context: dict[str, object] = {
        "form": form,
        "target_form": target_form,
        "stored": stored,
        "query": request.GET.urlencode(),
        "status_query": _status_query(request, shown=stored.figures is not None),
    }
    if not form.is_bound:
        # Called by the template as it renders (after the page's own context is recorded).
        context["filter_fields"] = functools.partial(
            _fields_html,
            form,
            name="kpi-filter-fields",
            scopes=[ORGANISATIONS_SCOPE],
            saves_nothing=True,
        )
    if not target_form.is_bound:
        shown = hashlib.sha256(str(sorted(goal.items())).encode()).hexdigest()[:32]
        context["target_fields"] = functools.partial(
            _fields_html, target_form, name=f"kpi-target-fields:{shown}", scopes=[]
        )
    if stored.figures is not None:
        figures = stored.figures
        context.update(
            has_board=True,
            board_html=_board_html(filters, stored, goal),
            # Built only when read (as tests do): the page itself shows the HTML above.
            board=SimpleLazyObject(lambda: kpis.Dashboard.of(figures, goal)),
        )
    return render(request, "kpis/dashboard.html", context)


def _fields_html(
    form: forms.Form, *, name: str, scopes: list[str], saves_nothing: bool = False
) -> SafeString:
    """The fields of an unbound form (no errors, no data), kept as HTML per language: the
    filters under the organisations' scope (their names are the choices), the targets under
    a key that holds their values."""

    def compute() -> str:
        return render_to_string(
            "core/includes/form_fields.html", {"form": form, "saves_nothing": saves_nothing}
        )

    html = cached(f"{name}:{get_language()}", scopes=scopes, compute=compute)
    return mark_safe(html)  # noqa: S308  (the template's output, escaped there)


def _board_html(
    filters: kpis.KpiFilters, stored: kpi_store.StoredFigures, goal: dict[str, int]
) -> SafeString:
    """The figures, charts and tables, kept as HTML. The key names all they show: the
    filters, when these figures were computed (new figures, a new key), the targets and
    the language; so no write can leave it outdated, and nothing needs bumping."""
    figures = stored.figures
    assert figures is not None  # noqa: S101  (the caller checked)

    def compute() -> str:
        board = kpis.Dashboard.of(figures, goal)
        # Rendered without the request: the fragment has no form and nothing per person.
        return render_to_string(
            "kpis/includes/board.html",
            {
                "board": board,
                "chart": _chart(board),
                "month_rows": _month_table(board),
                "activity_rows": _activity_table(board),
            },
        )

    computed = stored.computed_at.isoformat() if stored.computed_at else ""
    shown = f"{filters.key()}|{computed}|{sorted(goal.items())}"
    digest = hashlib.sha256(shown.encode()).hexdigest()[:32]
    html = cached(f"kpi-board:{get_language()}:{digest}", scopes=[], compute=compute)
    return mark_safe(html)  # noqa: S308  (the template's output, escaped there)


def _status_query(request: HttpRequest, *, shown: bool) -> str:
    query = request.GET.copy()
    query["shown"] = "1" if shown else "0"
    return query.urlencode()


@login_required
@require_GET
def kpi_status(request: HttpRequest) -> HttpResponse:
    """Asked every few seconds by a page that waits for new figures (htmx)."""
    _lead_only(request)
    _form, filters = _filters(request)
    stored = kpi_store.kpi_figures_peek(filters=filters)
    if not stored.is_current:
        kpi_store.kpi_figures_request(filters=filters)  # again, if the worker lost it
        return HttpResponse(status=204)  # still working: htmx leaves the page as it is
    if request.GET.get("shown") != "1":
        return HttpResponseClientRefresh()  # nothing on the page yet: show the figures now
    query = request.GET.copy()
    query.pop("shown", None)
    html = render_to_string(
        "kpis/includes/status.html",
        {"stored": stored, "query": query.urlencode()},
        request=request,
    )
    return HttpResponseStopPolling(html)  # ready: offer a link, stop asking


def _current_board(
    request: HttpRequest,
) -> tuple[kpis.KpiFilters, kpis.Dashboard, datetime.datetime | None]:
    """For downloads and the report: current figures, computed now when they are not."""
    _form, filters = _filters(request)
    figures, computed_at = kpi_store.kpi_figures_current(filters=filters)
    return filters, kpis.Dashboard.of(figures, kpis.targets()), computed_at


@login_required
@require_GET
def kpi_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    _lead_only(request)
    if fmt not in ("csv", "xlsx"):
        raise Http404("No such format.")
    _filters_used, board, _computed_at = _current_board(request)
    rows = _rows(board)
    stamp = timezone.localdate().isoformat()
    header = [_("Indicator"), _("Value"), _("Target")]
    figures: list[list[Cell]] = [[label, value, target] for label, value, target in rows]
    effect: list[list[Cell]] = [[label, value, note] for label, value, note in board.effect]
    if fmt == "csv":
        figures.extend([label, value, None] for label, value, _note in board.effect)
        return csv_download(filename=f"carai-kpis-{stamp}.csv", header=header, rows=figures)
    months: list[list[Cell]] = [[month, *values] for month, values in _month_rows(board)]
    activity: list[list[Cell]] = [[month, *values] for month, values in _activity_rows(board)]
    return xlsx_download(
        filename=f"carai-kpis-{stamp}.xlsx",
        sheets=[
            (_("Figures"), header, figures),
            (_("Per month"), [_("Month"), *[figure.label for figure in board.reached]], months),
            (
                _("Activity per month"),
                [_("Month"), *[label for label, _values in board.activity]],
                activity,
            ),
            (_("Effect"), [_("Indicator"), _("Value"), _("How to read it")], effect),
        ],
    )


@login_required
@require_GET
def kpi_report(request: HttpRequest) -> HttpResponse:
    _lead_only(request)
    filters, board, computed_at = _current_board(request)
    return render(
        request,
        "kpis/report.html",
        {
            "board": board,
            "filters": filters,
            "rows": _rows(board),
            "activity_rows": _activity_table(board),
            "today": timezone.localdate(),
            "computed_at": computed_at,
            "branch_label": CareBranch(filters.branch).label if filters.branch else "",
        },
    )
