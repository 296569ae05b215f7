"""Background work for the community app (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from carai.community.kpi_store import kpi_figures_compute
from carai.community.kpis import KpiFilters
from carai.community.models import KpiSnapshot


@task()
def kpi_figures_refresh(*, key: str) -> float | None:
    """Compute and store the key figures for one choice of filters (``KpiFilters.key()``).
    Returns how many seconds it took; None when the filters no longer make sense."""
    filters = KpiFilters.from_key(key)
    if filters is None:
        KpiSnapshot.objects.filter(key=key).delete()
        return None
    return kpi_figures_compute(filters=filters).seconds
