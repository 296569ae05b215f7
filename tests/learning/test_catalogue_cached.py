"""The catalogue keeps each person's cards in the cache when no filter is used: every write
that changes a card must show on the next view, and one person's cards are never another's.
All people are made up."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Role
from carai.learning.models import Module
from carai.learning.services.progress import enrolment_start, lesson_complete
from tests.conftest import World, client_for


def _cards(user: User, **query: Any) -> dict[str, tuple[str, bool, bool, int, int]]:
    """Per module key: title, started, finished, lessons done, lessons."""
    response = client_for(user).get(reverse("learning:catalogue"), query)
    return {
        m.key: (m.title, started, finished is not None, m.lessons_done, m.lesson_count)
        for m, started, finished in response.context["modules"]
    }


def test_starting_progress_and_finishing_show(module: Module, world: World) -> None:
    user = world.care_worker
    title = module.title
    lessons = list(module.lessons.filter(is_active=True))
    assert _cards(user)[module.key] == (title, False, False, 0, len(lessons))
    assert _cards(user)[module.key] == (title, False, False, 0, len(lessons))  # cached
    enrolment = enrolment_start(user=user, module=module)
    assert _cards(user)[module.key] == (title, True, False, 0, len(lessons))
    lesson_complete(enrolment=enrolment, lesson=lessons[0])
    assert _cards(user)[module.key][3] == 1
    enrolment.refresh_from_db()
    enrolment.completed_at = timezone.now()
    enrolment.save()
    assert _cards(user)[module.key][2] is True
    # Another person's cards, worked out after, are their own.
    assert _cards(world.manager)[module.key] == (title, False, False, 0, len(lessons))


def test_a_new_title_and_a_lesson_taken_out_show(module: Module, world: World) -> None:
    user = world.care_worker
    count = _cards(user)[module.key][4]
    module.title = "Nieuwe titel (fictief)"
    module.save()
    assert _cards(user)[module.key][0] == "Nieuwe titel (fictief)"
    lesson = module.lessons.filter(is_active=True).first()
    assert lesson is not None
    lesson.is_active = False
    lesson.save()
    assert _cards(user)[module.key][4] == count - 1


def test_an_organisations_own_module_follows_the_membership(module: Module, world: World) -> None:
    """A published module owned by organisation B (not shared) is seen by B's members only:
    joining B shows it, leaving B hides it again."""
    module.owner = world.org_b
    module.shared = False
    module.save()
    user = world.care_worker
    assert module.key in _cards(world.outsider)
    assert module.key not in _cards(user)
    membership = Membership.objects.create(
        user=user, organisation=world.org_b, role=Role.PROFESSIONAL
    )
    assert module.key in _cards(user)
    membership.delete()
    assert module.key not in _cards(user)


def test_a_filter_is_never_answered_from_the_cache(module: Module, world: World) -> None:
    user = world.care_worker
    assert module.key in _cards(user)
    assert _cards(user, q="zzzzgeenmodule") == {}
