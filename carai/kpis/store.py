"""Stored key figures: the lead's page answers in the same short time however large the
community grows.

Computing the figures (``figures.figures_compute``) reads every reaching moment, so its cost
grows with the community. The result is therefore stored per choice of filters
(``KpiSnapshot``), together with the *data version* it shows. Every save or delete of
something the figures count raises the version by one (``kpi_data_changed``, connected to
the models in ``KpisConfig.ready``; a service that writes them with ``QuerySet.update`` or
``bulk_create`` reports the rows with ``core.cache.rows_written_send``). Stored figures are
current while their version is the latest and they are less than an hour old (the monthly
series follows the calendar).

Outdated figures are computed again while the lead waits when that took less than a second
the last time; otherwise a background task (django-tasks) does it, and the page shows the
previous figures, or a progress notice, until the new ones are ready.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F, Model, Q, Subquery
from django.utils import timezone
from django_tasks import task

from carai.kpis.figures import Figures, KpiFilters, figures_compute
from carai.kpis.models import KpiDataVersion, KpiSnapshot

STALE_AFTER = datetime.timedelta(hours=1)
INLINE_UP_TO_SECONDS = 1.0  # compute while the lead waits when it took less last time
REQUEST_EXPIRES = datetime.timedelta(minutes=10)  # then ask the background worker again
FORGET_AFTER = datetime.timedelta(days=30)  # figures nobody asked for since are removed


def kpi_data_changed(**_signal: Any) -> None:
    """Mark every stored figure as outdated (also a signal receiver)."""
    if not KpiDataVersion.objects.filter(pk=1).update(value=F("value") + 1):
        KpiDataVersion.objects.get_or_create(pk=1, defaults={"value": 1})


# Per model, the fields the figures read. A save that names its fields (``update_fields``)
# and touches none of these, such as the last lesson a learner opened, changes nothing.
COUNTED_FIELDS: dict[str, frozenset[str]] = {
    "community.Organisation": frozenset({"is_active", "kind", "care_branch"}),
    "community.Membership": frozenset({"user", "organisation", "role"}),
    "community.Event": frozenset({"starts_at"}),
    "community.EventRegistration": frozenset({"user", "event", "attended"}),
    "learning.Enrolment": frozenset({"user", "module", "started_at"}),
    "learning.Module": frozenset({"key", "status", "owner", "draft_of"}),
    "usecases.Cycle": frozenset({"starts_on", "ends_on"}),
    "usecases.UseCase": frozenset({"status", "phase", "cycle", "organisation"}),
    "usecases.TeamMember": frozenset({"user", "use_case", "joined_at"}),
    "usecases.Demonstrator": frozenset({"use_case"}),
}


def kpi_data_saved(
    sender: type[Model], created: bool, update_fields: frozenset[str] | None, **_signal: Any
) -> None:
    """post_save receiver: outdate the figures unless the save touched nothing counted."""
    counted = COUNTED_FIELDS.get(sender._meta.label)
    if created or update_fields is None or counted is None or counted & set(update_fields):
        kpi_data_changed()


def kpi_rows_written(
    sender: type[Model], update_fields: frozenset[str] | None, **_signal: Any
) -> None:
    """``core.cache.rows_written`` receiver (a write without a signal per row, reported by
    its service): outdate the figures once unless it set nothing counted."""
    kpi_data_saved(sender, created=False, update_fields=update_fields)


def kpi_data_version() -> int:
    return KpiDataVersion.objects.filter(pk=1).values_list("value", flat=True).first() or 0


@dataclass(frozen=True)
class StoredFigures:
    figures: Figures | None  # None: not computed yet
    computed_at: datetime.datetime | None
    is_current: bool
    last_seconds: float  # how long the last computation took
    requested_at: datetime.datetime | None  # when the background refresh was asked for

    @property
    def waiting_seconds(self) -> int:
        if self.requested_at is None:
            return 0
        return max(0, round((timezone.now() - self.requested_at).total_seconds()))


def _is_current(snapshot: KpiSnapshot | None, version: int) -> bool:
    return (
        snapshot is not None
        and snapshot.computed_at is not None
        and snapshot.data_version == version
        and timezone.now() - snapshot.computed_at < STALE_AFTER
        and Figures.readable(snapshot.figures)
    )


def _stored(snapshot: KpiSnapshot | None, version: int) -> StoredFigures:
    if snapshot is None:
        return StoredFigures(None, None, False, 0.0, None)
    return StoredFigures(
        figures=Figures.from_json(snapshot.figures)
        if snapshot.computed_at and Figures.readable(snapshot.figures)
        else None,
        computed_at=snapshot.computed_at,
        is_current=_is_current(snapshot, version),
        last_seconds=snapshot.seconds,
        requested_at=snapshot.requested_at,
    )


def _quick_enough(snapshot: KpiSnapshot | None) -> bool:
    """Whether computing these figures now keeps the page fast, judged by the last time."""
    if snapshot is not None and snapshot.computed_at is not None:
        return snapshot.seconds < INLINE_UP_TO_SECONDS
    recent = list(
        KpiSnapshot.objects.filter(computed_at__isnull=False)
        .order_by("-computed_at")
        .values_list("seconds", flat=True)[:5]
    )
    # Never computed at all: once, while the lead waits. Otherwise judge by the others.
    return not recent or max(recent) < INLINE_UP_TO_SECONDS


def kpi_figures_compute(*, filters: KpiFilters) -> KpiSnapshot:
    """Compute the figures now and store them with the data version they show."""
    version = kpi_data_version()  # read first: a change during the work makes them outdated
    started = time.perf_counter()
    figures = figures_compute(filters)
    seconds = time.perf_counter() - started
    now = timezone.now()
    snapshot, _created = KpiSnapshot.objects.update_or_create(
        key=filters.key(),
        defaults={
            "figures": figures.as_json(),
            "data_version": version,
            "computed_at": now,
            "seconds": seconds,
        },
    )
    forgotten = now - FORGET_AFTER
    KpiSnapshot.objects.filter(
        Q(computed_at__lt=forgotten) | Q(computed_at__isnull=True, requested_at__lt=forgotten)
    ).delete()
    return snapshot


@task()
def kpi_figures_refresh(*, key: str) -> float | None:
    """Compute and store the key figures for one choice of filters (``KpiFilters.key()``).
    Returns how many seconds it took; None when the filters no longer make sense."""
    filters = KpiFilters.from_key(key)
    if filters is None:
        KpiSnapshot.objects.filter(key=key).delete()
        return None
    return kpi_figures_compute(filters=filters).seconds


def kpi_figures_request(*, filters: KpiFilters) -> None:
    """Ask the background worker to compute these figures, unless it was already asked."""
    version = kpi_data_version()
    now = timezone.now()
    with transaction.atomic():
        snapshot, _created = KpiSnapshot.objects.select_for_update().get_or_create(
            key=filters.key()
        )
        if (
            snapshot.requested_version == version
            and snapshot.requested_at is not None
            and now - snapshot.requested_at < REQUEST_EXPIRES
        ):
            return
        snapshot.requested_version = version
        snapshot.requested_at = now
        snapshot.save(update_fields=["requested_version", "requested_at"])
        # Queued once the request is stored; when the queue cannot be reached the request
        # expires (REQUEST_EXPIRES) and the next visitor asks again.
        key = filters.key()
        transaction.on_commit(lambda: kpi_figures_refresh.enqueue(key=key), robust=True)


def kpi_figures_get(*, filters: KpiFilters) -> StoredFigures:
    """The figures for ``filters``: the stored ones when current; otherwise computed now
    when that is quick, or else asked of the background worker."""
    # The stored figures and the latest data version in one query (the page's usual case:
    # current figures); without a stored row the version is read on its own.
    snapshot = (
        KpiSnapshot.objects.filter(key=filters.key())
        .annotate(latest_version=Subquery(KpiDataVersion.objects.filter(pk=1).values("value")[:1]))
        .first()
    )
    version = (snapshot.latest_version or 0) if snapshot is not None else kpi_data_version()
    if _is_current(snapshot, version):
        return _stored(snapshot, version)
    if _quick_enough(snapshot):
        return _stored(kpi_figures_compute(filters=filters), version)
    kpi_figures_request(filters=filters)
    # A worker that runs tasks at once (as in the tests) may have finished already.
    return kpi_figures_peek(filters=filters)


def kpi_figures_current(*, filters: KpiFilters) -> tuple[Figures, datetime.datetime | None]:
    """Current figures and when they were computed, computing them now if needed (for
    downloads and the printed report, which must never show outdated figures)."""
    snapshot = KpiSnapshot.objects.filter(key=filters.key()).first()
    if snapshot is None or not _is_current(snapshot, kpi_data_version()):
        snapshot = kpi_figures_compute(filters=filters)
    return Figures.from_json(snapshot.figures), snapshot.computed_at


def kpi_figures_peek(*, filters: KpiFilters) -> StoredFigures:
    """What is stored for ``filters`` now, without computing anything."""
    version = kpi_data_version()
    return _stored(KpiSnapshot.objects.filter(key=filters.key()).first(), version)
