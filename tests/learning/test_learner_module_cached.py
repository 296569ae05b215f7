"""The module page and the lesson page keep what they read about one person and one module
in the cache (``learning.catalogue.module_page`` and ``learner_module``): whether the person
may see the module, their enrolment, the lessons they did and (module page) their newest
certificate. Every write that changes one of those must show on the next view. All people
and organisations are made up."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.core.cache import cache_version
from carai.learning.catalogue import learner_scope
from carai.learning.content import read_pack
from carai.learning.demo import finish_lesson
from carai.learning.models import Certificate, Enrolment, Lesson, Module, ModuleStatus
from carai.learning.personal_data import certificates_erase, learning_erase
from carai.learning.services.content import module_import
from carai.learning.services.progress import enrolment_start
from tests.conftest import FIXTURES, World, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _shared_cache(settings) -> None:
    settings.CARAI_CACHE_SHARED = True


@pytest.fixture
def module(world: World) -> Module:
    """A module of organisation A only: who sees it depends on the memberships."""
    (data,) = read_pack(FIXTURES / "pack")
    module = module_import(data=data)
    module.owner = world.org_a
    module.save()
    return module


def _module_page(user: User, module: Module):
    return client_for(user).get(reverse("learning:module_detail", kwargs={"module_id": module.pk}))


def _lesson_page(user: User, module: Module, lesson: Lesson):
    return client_for(user).get(
        reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": lesson.pk})
    )


def _done(user: User, module: Module) -> list[bool]:
    response = _module_page(user, module)
    assert response.status_code == 200
    return [done for _lesson, done in response.context["lessons"]]


def test_access_follows_memberships_and_modules(world: World, module: Module) -> None:
    user = world.care_worker
    enrolment_start(user=user, module=module)
    lesson = module.lessons.filter(is_active=True)[0]
    assert _module_page(user, module).status_code == 200
    assert _lesson_page(user, module, lesson).status_code == 200
    # Someone of another organisation never sees it, cached or not.
    assert _module_page(world.outsider, module).status_code == 404
    assert _module_page(world.outsider, module).status_code == 404

    # The membership ends (a save of it): both pages are gone on the next view.
    membership = world.care_worker_membership
    membership.ended_at = timezone.now()
    membership.save()
    assert _module_page(user, module).status_code == 404
    assert _lesson_page(user, module, lesson).status_code == 404
    membership.ended_at = None
    membership.save()
    assert _module_page(user, module).status_code == 200

    # The module is taken back to a draft (a module save): gone for the learner too.
    module.status = ModuleStatus.DRAFT
    module.save()
    assert _module_page(user, module).status_code == 404
    assert _lesson_page(user, module, lesson).status_code == 404
    module.status = ModuleStatus.PUBLISHED
    module.save()
    assert _lesson_page(user, module, lesson).status_code == 200


def test_enrolment_and_lessons_done_follow_writes(world: World, module: Module) -> None:
    user = world.care_worker
    lessons = list(module.lessons.filter(is_active=True))
    # Not started: no enrolment, and a lesson link leads to the module page.
    assert _module_page(user, module).context["enrolment"] is None
    response = _lesson_page(user, module, lessons[0])
    assert response.status_code == 302
    enrolment = enrolment_start(user=user, module=module)
    assert _module_page(user, module).context["enrolment"] == enrolment
    response = _lesson_page(user, module, lessons[0])
    assert response.status_code == 200
    assert response.context["done"] is False
    assert _done(user, module) == [False] * len(lessons)

    finish_lesson(enrolment, lessons[0])
    assert _done(user, module) == [True] + [False] * (len(lessons) - 1)
    assert _lesson_page(user, module, lessons[0]).context["done"] is True
    assert _module_page(user, module).context["next_lesson"] == lessons[1]
    # Another person's view is their own: nothing done.
    enrolment_start(user=world.manager, module=module)
    assert _done(world.manager, module) == [False] * len(lessons)

    # A progress row deleted (as when a module is reset): not done any more.
    enrolment.progress.filter(lesson=lessons[0]).delete()
    assert _done(user, module) == [False] * len(lessons)
    assert _lesson_page(user, module, lessons[0]).context["done"] is False

    # The enrolment deleted: the module can be started again.
    Enrolment.objects.filter(pk=enrolment.pk).delete()  # post_delete for each row
    assert _module_page(user, module).context["enrolment"] is None
    assert _lesson_page(user, module, lessons[0]).status_code == 302


def test_certificate_follows_saves_and_deletes(world: World, module: Module) -> None:
    user = world.care_worker
    enrolment = enrolment_start(user=user, module=module)
    for lesson in module.lessons.filter(is_active=True).order_by("order"):
        finish_lesson(enrolment, lesson)
    certificate = Certificate.objects.get(user=user, module=module)
    response = _module_page(user, module)
    assert response.context["certificate"] == certificate
    assert response.context["can_renew"] is False
    link = reverse("learning:certificate_detail", kwargs={"certificate_id": certificate.pk})
    assert link in response.content.decode()

    # Expired by the nightly task (a save): the page offers to renew.
    certificate.expired_at = timezone.now()
    certificate.save(update_fields=["expired_at"])
    assert _module_page(user, module).context["can_renew"] is True

    # Deleted: no link, nothing to renew.
    certificate.delete()
    response = _module_page(user, module)
    assert response.context["certificate"] is None
    assert link not in response.content.decode()


def test_erasure_outdates_the_kept_facts(world: World, module: Module) -> None:
    """Erasing writes with updates (no signals); the kept reflections' lessons and the
    certificate (with the holder's name) must not outlive it in the cache."""
    user = world.care_worker
    scope = learner_scope(user.pk)
    before = cache_version(scope)
    certificates_erase(user)
    assert cache_version(scope) > before
    before = cache_version(scope)
    learning_erase(user)
    assert cache_version(scope) > before
