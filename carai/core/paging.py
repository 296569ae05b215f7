"""Long lists in pages: every list a lead, admin or manager sees is paged, so that a page's
cost does not grow with the size of an organisation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_PARAM = "pagina"
T = TypeVar("T")


def page_of(
    request: HttpRequest,
    items: QuerySet[Any] | Sequence[T],
    *,
    per_page: int = 25,
    count: int | None = None,
) -> Page[Any]:
    """The page the request asks for (``?pagina=``); a wrong number gives the nearest page.
    A queryset must be ordered, so that pages do not overlap. ``count``, when the caller
    knows a cheaper way to count the items, saves the ``COUNT(*)`` over them."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.__dict__["count"] = count  # Paginator.count is a cached property
    return paginator.get_page(request.GET.get(PAGE_PARAM))


def query_without_page(request: HttpRequest) -> str:
    """The request's filters as a query string, for the links to other pages."""
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    return query.urlencode()
