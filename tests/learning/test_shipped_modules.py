"""Every shipped module (content/modules/) through the code that uses it: imported as the
content import command does, every quiz answered with its keys (passes with 100) and left
empty (fails with 0), finished to a certificate; and the pack exported and imported again
without a change."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from carai.learning.content import ModuleData, read_pack
from carai.learning.demo import finish_lesson
from carai.learning.models import Certificate, Enrolment, LessonKind, Module
from carai.learning.selectors import correct_answers, module_to_data
from carai.learning.services.content import ImportReport, module_import
from carai.learning.services.progress import enrolment_start
from carai.learning.services.quiz import quiz_attempt_start, quiz_attempt_submit
from tests.conftest import ROOT, World

CONTENT = ROOT / "content"
SHIPPED = read_pack(CONTENT)


def _name(data: ModuleData) -> str:
    return f"{data.key}-{data.language}"


def test_the_pack_holds_the_shipped_modules() -> None:
    folders = {
        p.parent.name + "-" + p.name for p in (CONTENT / "modules").glob("*/*") if p.is_dir()
    }
    assert {_name(data) for data in SHIPPED} == folders
    assert len(SHIPPED) >= 14  # seven modules, Dutch and English


@pytest.fixture
def shipped(db: None) -> list[Module]:
    """The shipped pack imported through the management command, as on a server."""
    call_command("content_import", str(CONTENT), stdout=StringIO())
    return list(Module.objects.order_by("key", "language"))


@pytest.mark.parametrize("data", SHIPPED, ids=_name)
def test_every_quiz_passes_with_its_keys_and_fails_empty_and_the_module_certifies(
    data: ModuleData, shipped: list[Module], world: World
) -> None:
    module = Module.objects.get(key=data.key, language=data.language)
    enrolment = enrolment_start(user=world.care_worker, module=module)
    quizzes = list(module.lessons.filter(kind=LessonKind.QUIZ, is_active=True))
    assert quizzes
    for quiz in quizzes:
        assert quiz.questions.count() >= 6
        for question in quiz.questions.all():
            right = [o.pk for o in question.options.all() if o.is_correct]
            assert right, f"{quiz.slug}: a question without a right option"
            assert question.is_answered_right(right)
        empty = quiz_attempt_submit(
            attempt=quiz_attempt_start(enrolment=enrolment, lesson=quiz), answers={}
        )
        assert (empty.score, empty.passed) == (0, False), quiz.slug
        attempt = quiz_attempt_start(enrolment=enrolment, lesson=quiz)
        keys = correct_answers(question_ids=attempt.question_order)
        attempt = quiz_attempt_submit(attempt=attempt, answers=keys)
        assert (attempt.score, attempt.passed) == (100, True), quiz.slug
    # The other lessons done as well: the module is finished, with one certificate.
    for lesson in module.lessons.filter(is_active=True).exclude(kind=LessonKind.QUIZ):
        finish_lesson(enrolment, lesson)
    assert Enrolment.objects.get(pk=enrolment.pk).completed_at is not None
    assert Certificate.objects.filter(user=world.care_worker, module=module).count() == 1


def test_the_pack_survives_export_and_import_unchanged(
    shipped: list[Module], tmp_path: Path
) -> None:
    # Exported from the database with the export command ...
    call_command("content_export", str(tmp_path), stdout=StringIO())
    exported = read_pack(tmp_path)
    assert sorted(exported, key=_name) == sorted(SHIPPED, key=_name)
    # ... and imported again: every module is recognised as unchanged (no new version).
    report = ImportReport()
    for data in exported:
        module_import(data=data, report=report)
    assert len(report.unchanged) == len(SHIPPED)
    assert not report.created
    assert not report.updated
    assert all(m.version == 1 for m in Module.objects.all())


@pytest.mark.parametrize("data", SHIPPED, ids=_name)
def test_what_the_database_holds_is_what_was_shipped(
    data: ModuleData, shipped: list[Module]
) -> None:
    module = Module.objects.get(key=data.key, language=data.language)
    assert module_to_data(module) == data


def test_a_module_imported_by_an_older_reader_gets_no_new_version(
    shipped: list[Module],
) -> None:
    """Before the audience was read in one order, the stored fingerprint was of the file's
    order; the same content must not become a new version on the next import."""
    Module.objects.update(content_hash="fingerprint-of-an-older-reader")
    report = ImportReport()
    for data in SHIPPED:
        module_import(data=data, report=report)
    assert len(report.unchanged) == len(SHIPPED)
    assert all(m.version == 1 for m in Module.objects.all())
    assert {m.content_hash for m in Module.objects.all()} == {d.content_hash() for d in SHIPPED}
