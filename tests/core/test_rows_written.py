"""Writes without a signal per row (``QuerySet.update``, ``bulk_create``, ``bulk_update``)
reach the cache receivers through ``core.cache.rows_written_send``: one call per row for
receivers connected with ``on_write``, every scope bumped once per write. All data made up."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models.signals import post_delete, post_save

from carai.community.models import Organisation
from carai.core.cache import (
    cache_version,
    on_write,
    rows_written,
    rows_written_send,
    scopes_changed,
)


@pytest.fixture
def calls(db: None) -> Any:
    seen: list[dict[str, Any]] = []

    def receiver(sender: Any, instance: Organisation, **kwargs: Any) -> None:
        seen.append({"pk": instance.pk, **kwargs})
        scopes_changed("test:organisations")

    on_write(Organisation, receiver, dispatch_uid="test-rows-written")
    yield seen
    for signal in (post_save, post_delete, rows_written):
        signal.disconnect(sender=Organisation, dispatch_uid="test-rows-written")


def test_each_row_reaches_the_receiver_and_each_scope_is_bumped_once(calls: Any) -> None:
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Zorg {n} (fictief)", slug=f"zorg-{n}-fictief") for n in range(3)
    )
    assert calls == []  # bulk_create sends nothing itself
    before = cache_version("test:organisations")
    Organisation.objects.filter(pk__in=[o.pk for o in organisations]).update(region="Oost")
    rows_written_send(model=Organisation, instances=organisations, update_fields=["region"])
    assert [call["pk"] for call in calls] == [o.pk for o in organisations]
    assert all(call["update_fields"] == frozenset({"region"}) for call in calls)
    assert all(call["created"] is False for call in calls)
    assert all(call["signal"] is rows_written for call in calls)
    assert cache_version("test:organisations") == before + 1  # three rows, one bump


def test_nothing_written_sends_nothing(calls: Any) -> None:
    before = cache_version("test:organisations")
    rows_written_send(model=Organisation, instances=[])
    assert calls == []
    assert cache_version("test:organisations") == before


def test_saves_and_deletes_still_reach_the_receiver(calls: Any) -> None:
    organisation = Organisation.objects.create(name="Zorg X (fictief)", slug="zorg-x-fictief")
    Organisation.objects.filter(pk=organisation.pk).delete()  # a queryset delete: per row
    assert [call["signal"] for call in calls] == [post_save, post_delete]
