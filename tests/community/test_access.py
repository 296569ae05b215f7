"""The access door (``carai.community.access``) called directly: who gets each object, and
who gets a 404. Written to close the gaps mutation testing found (docs/testing.md); every
person and organisation is fictional."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.utils import timezone

from carai.accounts.models import User
from carai.community.access import (
    MANAGE_MEMBERS_ROLES,
    MEMBER_ROLES,
    VIEW_MEMBERS_ROLES,
    access_community_lead,
    access_invitation,
    access_invitation_by_token,
    access_mail_message,
    access_membership,
    access_organisation,
    access_organisation_as_lead,
    has_organisation_role,
    roles_in_organisation,
)
from carai.community.models import Membership, Role
from carai.core.models import MailMessage, MailStatus
from tests.conftest import World
from tests.factories import InvitationFactory, MembershipFactory


def _deactivate(user: User) -> User:
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


def test_roles_are_the_current_roles_in_that_organisation_only(world: World) -> None:
    MembershipFactory.create(user=world.manager, organisation=world.org_a, role=Role.EDUCATOR)
    MembershipFactory.create(user=world.manager, organisation=world.org_b, role=Role.ORG_ADMIN)
    assert roles_in_organisation(user=world.manager, organisation=world.org_a) == {
        Role.MANAGER,
        Role.EDUCATOR,
    }
    assert roles_in_organisation(user=world.outsider, organisation=world.org_a) == set()
    Membership.objects.filter(user=world.manager, role=Role.EDUCATOR).update(
        ended_at=timezone.now()
    )
    assert roles_in_organisation(user=world.manager, organisation=world.org_a) == {Role.MANAGER}


def test_a_role_counts_only_when_it_is_one_of_the_roles_asked(world: World) -> None:
    a = world.org_a
    assert has_organisation_role(user=world.manager, organisation=a, roles=VIEW_MEMBERS_ROLES)
    assert not has_organisation_role(user=world.manager, organisation=a, roles=MANAGE_MEMBERS_ROLES)
    assert not has_organisation_role(user=world.outsider, organisation=a, roles=MEMBER_ROLES)
    assert not has_organisation_role(user=world.manager, organisation=a, roles=())


def test_an_inactive_person_holds_no_role_not_even_the_lead(world: World) -> None:
    admin, lead = _deactivate(world.org_admin), _deactivate(world.lead)
    for user in (admin, lead):
        assert not has_organisation_role(
            user=user, organisation=world.org_a, roles=MANAGE_MEMBERS_ROLES
        )
        with pytest.raises(Http404):
            access_organisation(user=user, slug=world.org_a.slug)
    with pytest.raises(Http404):
        access_community_lead(user=lead)


def test_the_lead_passes_by_default_and_not_where_the_lead_is_left_out(world: World) -> None:
    a = world.org_a
    assert has_organisation_role(user=world.lead, organisation=a, roles=MANAGE_MEMBERS_ROLES)
    assert not has_organisation_role(
        user=world.lead, organisation=a, roles=MANAGE_MEMBERS_ROLES, lead_allowed=False
    )
    assert access_organisation(user=world.lead, slug=a.slug) == a
    with pytest.raises(Http404):
        access_organisation(user=world.lead, slug=a.slug, lead_allowed=False)
    # A lead who is also a member passes on the role, whatever lead_allowed says.
    MembershipFactory.create(user=world.lead, organisation=a, role=Role.ORG_ADMIN)
    assert access_organisation(user=world.lead, slug=a.slug, lead_allowed=False) == a


def test_access_organisation_checks_the_slug_the_roles_and_that_it_is_active(
    world: World,
) -> None:
    a = world.org_a
    assert access_organisation(user=world.care_worker, slug=a.slug) == a
    assert access_organisation(user=world.manager, slug=a.slug, roles=VIEW_MEMBERS_ROLES) == a
    with pytest.raises(Http404):
        access_organisation(user=world.care_worker, slug=a.slug, roles=VIEW_MEMBERS_ROLES)
    with pytest.raises(Http404):
        access_organisation(user=world.care_worker, slug=world.org_b.slug)
    with pytest.raises(Http404):
        access_organisation(user=world.lead, slug="bestaat-niet")
    a.is_active = False
    a.save(update_fields=["is_active"])
    with pytest.raises(Http404):
        access_organisation(user=world.lead, slug=a.slug)


def test_access_membership_only_for_those_who_manage_members_of_that_organisation(
    world: World, django_assert_num_queries
) -> None:
    a, membership = world.org_a, world.care_worker_membership
    found = access_membership(user=world.org_admin, organisation=a, membership_id=membership.pk)
    assert found == membership
    # The person and the organisation come with it: the pages show both.
    with django_assert_num_queries(0):
        assert (found.user.email, found.organisation.slug) == (world.care_worker.email, a.slug)
    assert access_membership(user=world.lead, organisation=a, membership_id=membership.pk)
    for user in (world.manager, world.care_worker, world.outsider_admin):
        with pytest.raises(Http404):
            access_membership(user=user, organisation=a, membership_id=membership.pk)
    theirs = Membership.objects.get(user=world.outsider, organisation=world.org_b)
    with pytest.raises(Http404):
        access_membership(user=world.org_admin, organisation=a, membership_id=theirs.pk)
    Membership.objects.filter(pk=membership.pk).update(ended_at=timezone.now())
    with pytest.raises(Http404):
        access_membership(user=world.org_admin, organisation=a, membership_id=membership.pk)


def test_access_invitation_only_that_invitation_of_that_organisation(world: World) -> None:
    a, invitation = world.org_a, world.open_invitation
    second = InvitationFactory.create(
        organisation=a, email="tweede@zorg-a.example", invited_by=world.org_admin
    )
    assert access_invitation(user=world.org_admin, organisation=a, invitation_id=invitation.pk) == (
        invitation
    )
    assert access_invitation(user=world.org_admin, organisation=a, invitation_id=second.pk) == (
        second
    )
    assert access_invitation(user=world.lead, organisation=a, invitation_id=second.pk) == second
    for user in (world.manager, world.outsider_admin):
        with pytest.raises(Http404):
            access_invitation(user=user, organisation=a, invitation_id=invitation.pk)
    other = InvitationFactory.create(
        organisation=world.org_b, email="iemand@zorg-b.example", invited_by=world.outsider_admin
    )
    with pytest.raises(Http404):
        access_invitation(user=world.org_admin, organisation=a, invitation_id=other.pk)
    with pytest.raises(Http404):
        access_invitation(user=world.org_admin, organisation=a, invitation_id=other.pk + 1000)


def test_the_lead_pages_need_an_active_community_lead(world: World) -> None:
    access_community_lead(user=world.lead)  # no 404
    with pytest.raises(Http404):
        access_community_lead(user=world.org_admin)
    b = world.org_b
    b.is_active = False
    b.save(update_fields=["is_active"])
    # The lead also reaches a deactivated organisation (to switch it on again).
    assert access_organisation_as_lead(user=world.lead, slug=b.slug) == b
    with pytest.raises(Http404):
        access_organisation_as_lead(user=world.outsider_admin, slug=b.slug)
    with pytest.raises(Http404):
        access_organisation_as_lead(user=world.lead, slug="bestaat-niet")


def test_an_invitation_link_needs_its_own_token(world: World, django_assert_num_queries) -> None:
    invitation = world.open_invitation
    found = access_invitation_by_token(public_id=str(invitation.public_id), token=invitation.token)
    assert found == invitation
    with django_assert_num_queries(0):  # the page names the organisation
        assert found.organisation.name == world.org_a.name
    other = InvitationFactory.create(
        organisation=world.org_b, email="iemand@zorg-b.example", invited_by=world.outsider_admin
    )
    with pytest.raises(Http404):
        access_invitation_by_token(public_id=str(invitation.public_id), token=other.token)
    with pytest.raises(Http404):
        access_invitation_by_token(public_id=str(other.public_id), token=invitation.token)


def _mail(organisation_id: int | None, status: str = MailStatus.FAILED) -> MailMessage:
    return MailMessage.objects.create(
        to="onbekend@zorg.example",
        template="test",
        subject="Fictief bericht",
        organisation_id=organisation_id,
        status=status,
    )


def test_undelivered_mail_of_the_organisation_or_any_for_the_lead(world: World) -> None:
    a, b = world.org_a, world.org_b
    ours, theirs, reset = _mail(a.pk), _mail(b.pk), _mail(None)
    sent = _mail(a.pk, status=MailStatus.SENT)
    assert access_mail_message(user=world.org_admin, organisation=a, message_id=ours.pk) == ours
    with pytest.raises(Http404):
        access_mail_message(user=world.org_admin, organisation=a, message_id=theirs.pk)
    with pytest.raises(Http404):
        access_mail_message(user=world.org_admin, organisation=a, message_id=sent.pk)
    # Without an organisation: every failed e-mail, for the community lead only.
    for message in (ours, theirs, reset):
        assert access_mail_message(user=world.lead, organisation=None, message_id=message.pk) == (
            message
        )
    with pytest.raises(Http404):
        access_mail_message(user=world.lead, organisation=None, message_id=sent.pk)
    with pytest.raises(Http404):
        access_mail_message(user=world.org_admin, organisation=None, message_id=ours.pk)


def test_organisation_and_roles_let_in_whom_access_organisation_lets_in(world: World) -> None:
    """The one-look-up variant answers as ``access_organisation`` (lead allowed) does, and
    gives the roles held there."""
    from carai.community.access import access_organisation_and_roles

    slug = world.org_a.slug
    for user in (world.care_worker, world.privacy_officer, world.lead, world.outsider):
        try:
            expected = access_organisation(user=user, slug=slug)
        except Http404:
            with pytest.raises(Http404):
                access_organisation_and_roles(user=user, slug=slug)
            continue
        organisation, roles = access_organisation_and_roles(user=user, slug=slug)
        assert organisation == expected
        assert roles == roles_in_organisation(user=user, organisation=organisation)
    assert access_organisation_and_roles(user=world.privacy_officer, slug=slug)[1] == {
        Role.PRIVACY_OFFICER
    }
    assert access_organisation_and_roles(user=world.lead, slug=slug)[1] == set()
    with pytest.raises(Http404):  # the roles asked for, not just any
        access_organisation_and_roles(user=world.care_worker, slug=slug, roles={Role.ORG_ADMIN})
    with pytest.raises(Http404):
        access_organisation_and_roles(user=world.care_worker, slug="no-such-organisation")
    with pytest.raises(Http404):
        access_organisation_and_roles(user=_deactivate(world.privacy_officer), slug=slug)
    with pytest.raises(Http404):
        access_organisation_and_roles(user=_deactivate(world.lead), slug=slug)
    world.org_a.is_active = False
    world.org_a.save(update_fields=["is_active"])
    with pytest.raises(Http404):
        access_organisation_and_roles(user=world.care_worker, slug=slug)
