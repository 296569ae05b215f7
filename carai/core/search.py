"""Text search over a queryset: PostgreSQL full-text search with Dutch stemming (ranked;
every word must match, also as the start of a longer word), and on SQLite a simple
fallback where every word must appear somewhere in one of the fields."""

from __future__ import annotations

import re
from typing import Any, TypeVar, cast

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import FloatField, Model, Q, QuerySet, Value

M = TypeVar("M", bound=Model)

# Field name -> weight ("A" counts most, "D" least).
Weights = dict[str, str]


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def text_search(items: QuerySet[M], q: str, fields: Weights) -> QuerySet[M]:
    """``items`` that match ``q``, annotated with ``rank`` (0 on SQLite)."""
    if uses_full_text():
        vector: Any = None
        for name, weight in fields.items():
            part = SearchVector(name, weight=weight, config="dutch")
            vector = part if vector is None else vector + part
        words = re.findall(r"[^\W_]+", q)
        if not words:
            return items.none()
        # Every word, stemmed, also as the start of a longer word ("netwerk" finds
        # "netwerkbijeenkomst"), so live results make sense while someone types.
        raw = " & ".join(f"{word}:*" for word in words)
        query = SearchQuery(raw, config="dutch", search_type="raw")
        return cast(
            "QuerySet[M]", items.annotate(rank=SearchRank(vector, query)).filter(rank__gt=0)
        )
    for word in q.split():
        match = Q()
        for name in fields:
            match |= Q(**{f"{name}__icontains": word})
        items = items.filter(match)
    return cast("QuerySet[M]", items.annotate(rank=Value(0.0, output_field=FloatField())))
