"""Reads a busy page runs on every request, with the ORM's query built once per connection.

Building a query (filters, joins, the SQL, the column list and value conversions) is most of
the Python work of reading one row by its key. ``PreparedRead`` asks the ORM for that once,
keeps it on the database connection (each thread has its own), and afterwards only sends the
same SQL with new values and turns the rows into objects the way the ORM does, related
objects from ``select_related`` included. Only for queries whose SQL does not depend on the
values (plain ``=`` filters on numbers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import (  # type: ignore[attr-defined]  # not in the stubs
    get_related_populators,
)

M = TypeVar("M", bound=Model)


class PreparedRead(Generic[M]):
    """``build(*values)`` gives the queryset; it is called once per connection with
    placeholder values (distinct negative numbers), which are then looked up in the query's
    parameters, so the order of the filters does not matter."""

    def __init__(self, name: str, build: Callable[..., QuerySet[M]], arity: int) -> None:
        self.attribute = f"carai_prepared_{name}"
        self.build = build
        self.arity = arity

    def _prepare(self, db: str) -> tuple[Any, ...]:
        placeholders = [-1000 - n for n in range(self.arity)]
        queryset = self.build(*placeholders)
        compiler = queryset.query.get_compiler(using=db)
        sql, params = compiler.as_sql()
        if sorted(params) != sorted(placeholders):
            raise ValueError(f"{self.attribute}: each value must appear once as a parameter.")
        order = [placeholders.index(param) for param in params]
        select, klass_info = compiler.select, compiler.klass_info
        if klass_info is None:
            raise ValueError(f"{self.attribute}: the query must read whole objects.")
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        names = [column.target.attname for column, _sql, _alias in select[start:end]]
        converters = compiler.get_converters([column for column, _sql, _alias in select])
        populators = get_related_populators(klass_info, select, db)
        return (
            sql,
            order,
            compiler,
            converters,
            klass_info["model"],
            names,
            start,
            end,
            populators,
        )

    def rows(self, *values: Any, db: str = "default") -> list[M]:
        """The objects the queryset ``build(*values)`` would give, in the order of its SQL."""
        connection = connections[db]
        prepared = getattr(connection, self.attribute, None)
        if prepared is None:
            prepared = self._prepare(db)
            setattr(connection, self.attribute, prepared)
        sql, order, compiler, converters, model, names, start, end, populators = prepared
        params: Sequence[Any] = [values[n] for n in order]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = list(compiler.apply_converters(rows, converters))
        objects = []
        for row in rows:
            obj = model.from_db(db, names, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects
