"""Writes for the key figures (the stored figures themselves are kept by ``store``)."""

from __future__ import annotations

from django.db import transaction

from carai.kpis.models import KpiKey, KpiTarget


@transaction.atomic
def kpi_targets_set(*, targets: dict[str, int]) -> None:
    """The community lead's targets, one per key figure."""
    for key, value in targets.items():
        if key not in KpiKey.values:
            raise ValueError(f"No key figure {key!r}.")
        KpiTarget.objects.update_or_create(key=key, defaults={"value": value})
