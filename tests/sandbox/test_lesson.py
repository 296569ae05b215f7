"""A module lesson that asks for an attempt in the AI sandbox: the educator sets it, the
learner sees a link to the case in the sandbox, and the lesson counts as done only once an
attempt on the case's own task is kept (by this learner, in this round)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from carai.accounts.models import User
from carai.learning.content import ContentError, LessonData, read_pack
from carai.learning.elsewhere import is_done_elsewhere, link_elsewhere
from carai.learning.forms import LessonForm
from carai.learning.models import Lesson, LessonKind, Module
from carai.learning.services.authoring import module_publish
from carai.learning.services.content import module_import
from carai.practice.models import Case
from carai.sandbox.models import SandboxAttempt
from tests.conftest import FIXTURES, World, client_for


def _module(case: Case, *, required: bool = True) -> Module:
    (data,) = read_pack(FIXTURES / "pack")
    data.lessons = [
        LessonData(
            slug="ai-oefenen",
            order=1,
            kind="sandbox",
            title="Oefen met echte AI",
            practice_case=case.key,
            required=required,
        )
    ]
    return module_import(data=data)


def _keep(user: User, case: Case, *, task: str | None = None) -> SandboxAttempt:
    return SandboxAttempt.objects.create(
        user=user,
        case=case,
        task=case.as_data().task if task is None else task,
        prompt="Maak een overdracht.",
        answer="Dhr. Visser viel om 03:40.",
        source="recorded",
    )


def _lesson_url(module: Module, lesson: Lesson) -> str:
    return reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": lesson.pk})


def test_the_lesson_links_to_the_case_and_is_done_only_after_a_kept_attempt(
    world: World, case: Case
) -> None:
    module = _module(case)
    lesson = module.lessons.get(slug="ai-oefenen")
    assert lesson.kind == LessonKind.SANDBOX
    client = client_for(world.care_worker)
    client.post(reverse("learning:module_enrol", kwargs={"module_id": module.pk}))
    url = _lesson_url(module, lesson)
    page = client.get(url).content.decode()
    assert reverse("sandbox:workspace", kwargs={"case_id": case.pk}) in page
    enrolment = module.enrolments.get(user=world.care_worker)

    client.post(url)  # nothing kept yet: the lesson stays open
    assert not enrolment.progress.exists()

    _keep(world.manager, case)  # someone else's attempt does not count
    _keep(world.care_worker, case, task="Leg het zorgplan uit aan de familie.")  # own task
    client.post(url)
    assert not enrolment.progress.exists()

    _keep(world.care_worker, case)
    response = client.post(url)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "learning:module_finished", kwargs={"module_id": module.pk}
    )
    assert "✓" in client.get(url).content.decode()


def test_a_learner_cannot_mark_it_done_without_the_attempt(world: World, case: Case) -> None:
    from carai.learning.services.progress import enrolment_start, lesson_complete

    module = _module(case)
    lesson = module.lessons.get()
    enrolment = enrolment_start(user=world.care_worker, module=module)
    with pytest.raises(ValidationError):
        lesson_complete(enrolment=enrolment, lesson=lesson)


def test_a_renewal_round_asks_for_a_new_attempt(world: World, case: Case) -> None:
    attempt = _keep(world.care_worker, case)

    def done(since: datetime | None) -> bool:
        return is_done_elsewhere(
            kind=LessonKind.SANDBOX, user=world.care_worker, case_key=case.key, since=since
        )

    assert done(None)
    assert done(attempt.created_at - timedelta(seconds=1))
    assert not done(timezone.now() + timedelta(seconds=1))
    assert not is_done_elsewhere(
        kind=LessonKind.SANDBOX, user=world.care_worker, case_key="een-andere-casus", since=None
    )
    assert not is_done_elsewhere(
        kind="unknown", user=world.care_worker, case_key=case.key, since=None
    )
    assert link_elsewhere(kind=LessonKind.SANDBOX, case=case) == reverse(
        "sandbox:workspace", kwargs={"case_id": case.pk}
    )
    assert link_elsewhere(kind=LessonKind.SANDBOX, case=None) == ""


def test_the_educator_chooses_the_case_and_publishing_needs_one(world: World, case: Case) -> None:
    module = _module(case)
    lesson = module.lessons.get()
    form = LessonForm(lesson=lesson)
    assert set(form.fields) == {"title", "body", "practice_case", "required"}
    assert (case.key, case.title) in list(form.fields["practice_case"].choices)  # type: ignore[attr-defined]

    module.status = "draft"
    module.owner = world.org_a
    module.save()
    Lesson.objects.filter(pk=lesson.pk).update(practice_case="")
    with translation.override("en"), pytest.raises(ValidationError, match="needs a case"):
        module_publish(actor=world.educator, module=module)


def test_a_pack_lesson_of_this_kind_names_its_case(tmp_path: object) -> None:
    from pathlib import Path

    from carai.learning.content import read_lesson

    path = Path(str(tmp_path)) / "01-ai-oefenen.md"
    path.write_text("---\nkind: sandbox\ntitle: Oefen met AI\n---\nTekst.\n", encoding="utf-8")
    with pytest.raises(ContentError, match="names its 'case'"):
        read_lesson(path)
    path.write_text(
        "---\nkind: sandbox\ntitle: Oefen met AI\ncase: valincident\n---\nTekst.\n",
        encoding="utf-8",
    )
    assert read_lesson(path).practice_case == "valincident"
