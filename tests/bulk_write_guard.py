"""The rule of docs/architecture.md, "Writes without signals", checked in every test.

A write that sends no signal per row (``QuerySet.update``, ``bulk_create``, ``bulk_update``)
of a model that a cache listens to must be followed by ``core.cache.rows_written_send`` for
that model, or the cached pages go stale until their time runs out. Nothing in the code can
enforce that; this guard does, in the test suite: it wraps the three methods, notes every such
write that platform code (``carai/``) makes of a model with a ``rows_written`` receiver and
that changes at least one row, and clears the note when ``rows_written`` is sent for the
model afterwards. A note still open when a test ends fails that test, naming the model and
the line that wrote.

Writes made by test code itself (set-up with factories, planted faults) are not checked: the
first frame outside Django decides, and only a frame in ``carai/`` counts. Data migrations
are not checked either: they run with a new release, and every cache key holds the release.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import django
from django.apps import apps
from django.db.models import Model, QuerySet

from carai.core.cache import rows_written

CARAI = Path(__file__).resolve().parent.parent / "carai"
DJANGO = Path(django.__file__).resolve().parent
METHODS = ("update", "bulk_create", "bulk_update")


@dataclass
class BulkWriteGuard:
    watched: frozenset[type[Model]]
    open_writes: dict[type[Model], list[str]] = field(default_factory=dict)
    # bulk_update runs update per batch: only the outer write is noted (per thread: the
    # browser tests' live server writes in its own)
    nesting: threading.local = field(default_factory=threading.local)

    def written(self, model: type[Model], method: str, rows: int, frame: FrameType | None) -> None:
        if rows == 0 or model not in self.watched:
            return
        where = _platform_caller(frame)
        if where is not None:
            notes = self.open_writes.setdefault(model, [])
            note = f"{model._meta.label}.{method} in {where}"
            if note not in notes:
                notes.append(note)

    def told(self, sender: type[Model], **kwargs: Any) -> None:
        self.open_writes.pop(sender, None)

    def problems(self) -> list[str]:
        return [write for writes in self.open_writes.values() for write in writes]


def _platform_caller(frame: FrameType | None) -> str | None:
    """``file:line (function)`` of the first caller outside Django and this module, when it is
    platform code; None when it is a test, a factory or a library."""
    here = Path(__file__).resolve()
    while frame is not None:
        path = Path(frame.f_code.co_filename).resolve()
        if path != here and not path.is_relative_to(DJANGO):
            if path.is_relative_to(CARAI) and "migrations" not in path.parts:
                return f"{path.relative_to(CARAI.parent)}:{frame.f_lineno} ({frame.f_code.co_name})"
            return None
        frame = frame.f_back
    return None


def _row_count(method: str, result: Any) -> int:
    """Rows a write changed: ``bulk_create`` returns the objects, the others a count."""
    return len(result) if method == "bulk_create" else int(result or 0)


def _wrapped(
    guard: BulkWriteGuard, method: str, original: Callable[..., Any]
) -> Callable[..., Any]:
    def write(self: QuerySet[Any], *args: Any, **kwargs: Any) -> Any:
        depth = getattr(guard.nesting, "depth", 0)
        guard.nesting.depth = depth + 1
        try:
            result = original(self, *args, **kwargs)
        finally:
            guard.nesting.depth = depth
        if depth == 0:
            guard.written(self.model, method, _row_count(method, result), sys._getframe(1))
        return result

    write.__name__ = method
    write.__doc__ = original.__doc__
    return write


def watched_models() -> frozenset[type[Model]]:
    """The models some cache listens to through ``rows_written`` (read before the guard
    connects its own receiver, which listens to all)."""
    return frozenset(m for m in apps.get_models() if rows_written.has_listeners(sender=m))


def installed(guard: BulkWriteGuard) -> Iterator[None]:
    """Wrap the three methods and listen to ``rows_written`` while the generator is open."""
    originals = {method: getattr(QuerySet, method) for method in METHODS}
    for method, original in originals.items():
        setattr(QuerySet, method, _wrapped(guard, method, original))
    rows_written.connect(guard.told, weak=False, dispatch_uid="tests-bulk-write-guard")
    try:
        yield
    finally:
        rows_written.disconnect(dispatch_uid="tests-bulk-write-guard")
        for method, original in originals.items():
            setattr(QuerySet, method, original)
