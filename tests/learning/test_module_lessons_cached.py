"""The module page and the lesson page take a module's lessons from the cache
(``selectors.module_lessons``): every write that changes a lesson must show on the next
view, through a save, a delete or one update of many lessons. All people are made up."""

from __future__ import annotations

import dataclasses

from django.urls import reverse

from carai.accounts.models import User
from carai.learning.content import read_pack
from carai.learning.models import Lesson, LessonKind, Module
from carai.learning.selectors import module_lessons
from carai.learning.services import authoring
from carai.learning.services.content import module_apply_data
from carai.learning.services.progress import enrolment_start
from tests.authoring_helpers import module_fields
from tests.conftest import FIXTURES, World, client_for


def _module_page_titles(user: User, module: Module) -> list[str]:
    response = client_for(user).get(
        reverse("learning:module_detail", kwargs={"module_id": module.pk})
    )
    assert response.status_code == 200
    return [lesson.title for lesson, _done in response.context["lessons"]]


def _lesson_page(user: User, module: Module, lesson: Lesson) -> tuple[int, str]:
    response = client_for(user).get(
        reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": lesson.pk})
    )
    return response.status_code, response.content.decode()


def test_the_pages_follow_saves_and_deletes_of_lessons(module: Module, world: World) -> None:
    user = world.care_worker
    enrolment_start(user=user, module=module)
    lessons = list(module.lessons.filter(is_active=True))
    titles = [lesson.title for lesson in lessons]
    assert _module_page_titles(user, module) == titles
    assert _module_page_titles(user, module) == titles  # from the cache
    first, second = lessons[0], lessons[1]
    assert _lesson_page(user, module, second)[0] == 200

    first.title = "Een nieuwe titel (fictief)"
    first.save()
    assert _module_page_titles(user, module)[0] == "Een nieuwe titel (fictief)"
    status, html = _lesson_page(user, module, first)
    assert status == 200
    assert "Een nieuwe titel (fictief)" in html

    second.body = "Nieuwe uitleg (fictief)."
    second.save()
    assert "Nieuwe uitleg (fictief)." in _lesson_page(user, module, second)[1]

    second.is_active = False
    second.save()
    assert _lesson_page(user, module, second)[0] == 404
    assert "Een nieuwe titel (fictief)" in _module_page_titles(user, module)
    assert second.title not in _module_page_titles(user, module)

    added = Lesson.objects.create(
        module=module, order=999, slug="extra", kind=LessonKind.TEXT, title="Extra les (fictief)"
    )
    assert _module_page_titles(user, module)[-1] == "Extra les (fictief)"
    assert _lesson_page(user, module, added)[0] == 200
    added.delete()
    assert "Extra les (fictief)" not in _module_page_titles(user, module)


def test_one_update_of_many_lessons_shows(module: Module) -> None:
    """A pack applied again without its lessons: they are made inactive in one update (the
    lessons it keeps are saved one by one, which outdates the list by itself)."""
    (data,) = read_pack(FIXTURES / "pack")
    assert len(module_lessons(module=module)) > 1
    module_apply_data(module=module, data=dataclasses.replace(data, lessons=[]), digest="x")
    assert module_lessons(module=module) == []


def test_moving_a_lesson_shows(world: World) -> None:
    draft = authoring.module_create(
        actor=world.educator, organisation=world.org_a, fields=module_fields()
    )
    for title in ("Een", "Twee", "Drie"):
        authoring.lesson_create(module=draft, kind="text", title=title)
    assert [lesson.title for lesson in module_lessons(module=draft)] == ["Een", "Twee", "Drie"]
    third = draft.lessons.get(title="Drie")
    authoring.lesson_move(lesson=third, up=True)
    assert [lesson.title for lesson in module_lessons(module=draft)] == ["Een", "Drie", "Twee"]


def test_the_lessons_are_per_module(module: Module, world: World) -> None:
    """Another module's lessons, cached first, are never this module's."""
    draft = authoring.module_create(
        actor=world.educator, organisation=world.org_a, fields=module_fields()
    )
    authoring.lesson_create(module=draft, kind="text", title="Alleen hier (fictief)")
    assert [lesson.title for lesson in module_lessons(module=draft)] == ["Alleen hier (fictief)"]
    titles = [lesson.title for lesson in module.lessons.filter(is_active=True)]
    assert [lesson.title for lesson in module_lessons(module=module)] == titles
    # The lesson of another module is not found on this module's page.
    other = draft.lessons.get()
    enrolment_start(user=world.care_worker, module=module)
    assert _lesson_page(world.care_worker, module, other)[0] == 404
