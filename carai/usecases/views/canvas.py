"""The use-case canvas: printable page and PDF (for the team, and without names from the
showcase)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from carai.accounts.http import authenticated_user
from carai.usecases import selectors
from carai.usecases.access import (
    access_published_use_case,
    access_use_case,
)
from carai.usecases.canvas import canvas_pdf
from carai.usecases.models import UseCase


@login_required
@require_GET
def canvas(request: HttpRequest, use_case_id: int) -> HttpResponse:
    use_case = access_use_case(user=authenticated_user(request), use_case_id=use_case_id)
    return render(request, "usecases/canvas.html", canvas_context(use_case, show_names=True))


def canvas_context(use_case: UseCase, *, show_names: bool = False) -> dict[str, object]:
    """The canvas; the public showcase shows team roles, never names."""
    return {
        "show_names": show_names,
        "use_case": use_case,
        "team": use_case.team.select_related("user"),
        "rai": selectors.rai_rows(use_case),
        "demonstrators": use_case.demonstrators.all(),
        "steps": selectors.phase_steps(use_case),
    }


@login_required
@require_GET
def canvas_download(request: HttpRequest, use_case_id: int) -> HttpResponse:
    use_case = access_use_case(user=authenticated_user(request), use_case_id=use_case_id)
    return _pdf_response(use_case, show_names=True)


@require_GET
def showcase_canvas_download(request: HttpRequest, use_case_id: int) -> HttpResponse:
    return _pdf_response(access_published_use_case(use_case_id=use_case_id), show_names=False)


def _pdf_response(use_case: UseCase, *, show_names: bool) -> HttpResponse:
    response = HttpResponse(
        canvas_pdf(use_case, show_names=show_names), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="use-case-{use_case.pk}.pdf"'
    return response
