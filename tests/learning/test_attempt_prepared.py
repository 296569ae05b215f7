"""The quiz page's read of the learner's own attempt, and the hand-in's locked re-read, use a
query built once per connection (``core.prepared.PreparedRead``): the same rows, values and
types as the ORM's own query, every time read afresh, and nobody else's attempt. All people
and content are made up."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, models
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from carai.learning.access import access_own_attempt
from carai.learning.models import Module, QuizAttempt
from carai.learning.services.progress import enrolment_start
from carai.learning.services.quiz import quiz_attempt_start, quiz_attempt_submit
from tests.conftest import World


def _started(module: Module, world: World) -> QuizAttempt:
    enrolment = enrolment_start(user=world.care_worker, module=module)
    return quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))


def _values(obj: models.Model) -> dict[str, Any]:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def _same(fast: models.Model, orm: models.Model) -> None:
    assert _values(fast) == _values(orm)
    for name, value in _values(orm).items():
        assert type(getattr(fast, name)) is type(value), name
    assert fast._state.adding is False
    assert fast._state.db == "default"


def test_the_same_attempt_enrolment_module_and_lesson_as_the_orm(
    module: Module, world: World
) -> None:
    attempt = _started(module, world)
    orm = QuizAttempt.objects.select_related("enrolment__module", "lesson").get(pk=attempt.pk)
    for _ in range(2):  # the second time from the query kept on the connection
        with CaptureQueriesContext(connection) as queries:
            fast = access_own_attempt(user=world.care_worker, attempt_id=attempt.pk)
            enrolment, lesson = fast.enrolment, fast.lesson
            found = (enrolment.module, lesson.module, enrolment.user)
        assert len(queries) == 1
        _same(fast, orm)
        _same(enrolment, orm.enrolment)
        _same(found[0], orm.enrolment.module)
        _same(lesson, orm.lesson)
        assert found[1] is found[0]
        assert found[2] is world.care_worker
        assert fast.question_order == orm.question_order
        assert isinstance(fast.question_order, list)


def test_someone_elses_or_no_attempt_is_404(module: Module, world: World) -> None:
    attempt = _started(module, world)
    access_own_attempt(user=world.care_worker, attempt_id=attempt.pk)
    for user, key in ((world.manager, attempt.pk), (world.care_worker, attempt.pk + 1000)):
        with pytest.raises(Http404):
            access_own_attempt(user=user, attempt_id=key)


def test_a_change_since_the_last_read_is_seen(module: Module, world: World) -> None:
    attempt = _started(module, world)
    assert access_own_attempt(user=world.care_worker, attempt_id=attempt.pk).submitted_at is None
    now = timezone.now()
    QuizAttempt.objects.filter(pk=attempt.pk).update(submitted_at=now, score=40)
    Module.objects.filter(pk=module.pk).update(title="Een andere titel (fictief)")
    again = access_own_attempt(user=world.care_worker, attempt_id=attempt.pk)
    assert (again.submitted_at, again.score) == (now, 40)
    assert again.enrolment.module.title == "Een andere titel (fictief)"


def test_handing_in_an_attempt_removed_meanwhile_is_refused(module: Module, world: World) -> None:
    attempt = _started(module, world)
    QuizAttempt.objects.filter(pk=attempt.pk).delete()
    with pytest.raises(QuizAttempt.DoesNotExist):
        quiz_attempt_submit(attempt=attempt, answers={})
