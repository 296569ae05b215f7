"""The public showcase of published use cases (no names)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from carai.usecases import selectors
from carai.usecases.access import (
    access_published_use_case,
)
from carai.usecases.views.canvas import canvas_context


@require_GET
def showcase(request: HttpRequest) -> HttpResponse:
    return render(request, "usecases/showcase.html", {"use_cases": selectors.showcase()})


@require_GET
def showcase_detail(request: HttpRequest, use_case_id: int) -> HttpResponse:
    use_case = access_published_use_case(use_case_id=use_case_id)
    return render(request, "usecases/showcase_detail.html", canvas_context(use_case))
