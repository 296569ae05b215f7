"""The guard in tests/bulk_write_guard.py notices a service that forgets to tell the caches
about a bulk write, and stays quiet when the service does tell them or a test writes."""

from __future__ import annotations

import pytest

from carai.learning.models import Lesson
from carai.learning.services import authoring
from tests.authoring_helpers import module_fields
from tests.bulk_write_guard import BulkWriteGuard
from tests.conftest import World


def _three_lessons(world: World) -> list[Lesson]:
    draft = authoring.module_create(
        actor=world.educator, organisation=world.org_a, fields=module_fields()
    )
    return [authoring.lesson_create(module=draft, kind="text", title=t) for t in "ABC"]


def test_a_service_that_tells_the_caches_passes(
    world: World, bulk_write_guard: BulkWriteGuard
) -> None:
    lessons = _three_lessons(world)
    authoring.lesson_move(lesson=lessons[2], up=True)  # bulk_update, then rows_written_send
    assert bulk_write_guard.problems() == []


def test_a_service_that_forgets_is_named(
    world: World, bulk_write_guard: BulkWriteGuard, monkeypatch: pytest.MonkeyPatch
) -> None:
    lessons = _three_lessons(world)
    monkeypatch.setattr(authoring, "rows_written_send", lambda **kwargs: None)
    authoring.lesson_move(lesson=lessons[2], up=True)
    problems = list(bulk_write_guard.problems())
    bulk_write_guard.open_writes.clear()  # the planted fault must not fail this test
    # One note for the outer bulk_update (not one per inner update), with the line that wrote.
    assert len(problems) == 1
    assert problems[0].startswith("learning.Lesson.bulk_update in carai/learning/services/")
    assert "(lesson_move)" in problems[0]


def test_a_write_by_test_code_is_not_checked(
    world: World, bulk_write_guard: BulkWriteGuard
) -> None:
    lessons = _three_lessons(world)
    Lesson.objects.filter(pk=lessons[0].pk).update(title="Nieuw")
    assert bulk_write_guard.problems() == []
