"""The look-up every organisation page starts with (the organisation by its address and the
person's roles in it) is kept in the cache: every write that changes the answer must show on
the very next request, and one person's answer is never another's. All people are made up."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.access import (
    TEAM_LEARNING_ROLES,
    access_organisation,
    access_organisation_and_roles,
)
from carai.community.models import Membership, Organisation, Role
from carai.community.personal_data import memberships_erase
from tests.conftest import World, client_for
from tests.factories import UserFactory


def _team_status(user: User, organisation: Organisation) -> int:
    url = reverse("learning:team", kwargs={"slug": organisation.slug})
    return client_for(user).get(url).status_code


def _can_manage(user: User, organisation: Organisation) -> bool:
    try:
        access_organisation(
            user=user, slug=organisation.slug, roles=TEAM_LEARNING_ROLES, lead_allowed=False
        )
    except Http404:
        return False
    return True


def test_a_membership_that_ends_or_changes_role_closes_the_door(world: World) -> None:
    membership = Membership.objects.get(
        user=world.manager, organisation=world.org_a, role=Role.MANAGER
    )
    assert _team_status(world.manager, world.org_a) == 200
    assert _team_status(world.manager, world.org_a) == 200  # now from the cache
    membership.role = Role.PROFESSIONAL
    membership.save()
    assert _team_status(world.manager, world.org_a) == 404
    membership.role = Role.MANAGER
    membership.save()
    assert _team_status(world.manager, world.org_a) == 200
    membership.ended_at = timezone.now()
    membership.save()
    assert _team_status(world.manager, world.org_a) == 404


def test_a_new_membership_and_a_deleted_one_show_at_once(world: World) -> None:
    newcomer = UserFactory.create(full_name="Nieuwe Manager (fictief)", email="nm@zorg-a.example")
    assert not _can_manage(newcomer, world.org_a)
    membership = Membership.objects.create(
        user=newcomer, organisation=world.org_a, role=Role.MANAGER
    )
    assert _can_manage(newcomer, world.org_a)
    membership.delete()
    assert not _can_manage(newcomer, world.org_a)


def test_an_organisation_made_inactive_or_given_a_new_address(world: World) -> None:
    assert _can_manage(world.manager, world.org_a)
    world.org_a.is_active = False
    world.org_a.save()
    assert not _can_manage(world.manager, world.org_a)
    world.org_a.is_active = True
    world.org_a.save()
    assert _can_manage(world.manager, world.org_a)
    old_slug = world.org_a.slug
    world.org_a.slug = "zorg-a-nieuw"
    world.org_a.save()
    with pytest.raises(Http404):
        access_organisation(user=world.manager, slug=old_slug)
    assert _can_manage(world.manager, world.org_a)


def test_erasing_a_person_ends_their_access(world: World) -> None:
    """The erasure ends the memberships in one update, which sends no signals."""
    assert _can_manage(world.manager, world.org_a)
    memberships_erase(world.manager)
    assert not _can_manage(world.manager, world.org_a)


def test_the_answer_is_per_person(world: World) -> None:
    """The manager's answer, cached first, is not the outsider's or the care worker's."""
    assert _can_manage(world.manager, world.org_a)
    assert not _can_manage(world.outsider, world.org_a)
    assert not _can_manage(world.care_worker, world.org_a)
    _org, held = access_organisation_and_roles(user=world.care_worker, slug=world.org_a.slug)
    assert held == {Role.PROFESSIONAL}
    with pytest.raises(Http404):
        access_organisation_and_roles(user=world.outsider, slug=world.org_a.slug)


def test_a_person_made_inactive_is_refused_with_a_cached_answer(world: World) -> None:
    assert _can_manage(world.manager, world.org_a)
    world.manager.is_active = False
    assert not _can_manage(world.manager, world.org_a)
    with pytest.raises(Http404):
        access_organisation_and_roles(user=world.manager, slug=world.org_a.slug)
