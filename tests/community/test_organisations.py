"""Invitations, memberships and roles: services and views."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from carai.community import services
from carai.community.audit import CommunityAction
from carai.community.models import Invitation, Membership, Role
from carai.core.models import AuditEvent
from tests.conftest import World, client_for
from tests.factories import MembershipFactory, UserFactory


def accept_url(invitation: Invitation) -> str:
    return reverse(
        "community:invitation_accept",
        kwargs={"public_id": invitation.public_id, "token": invitation.token},
    )


def test_invite_sends_email_with_working_single_use_link(
    world: World, django_capture_on_commit_callbacks
) -> None:
    client = client_for(world.org_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:invitation_create", kwargs={"slug": "zorg-a"}),
            {"email": "Nieuwe.Collega@Zorg-A.example", "role": "manager"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="nieuwe.collega@zorg-a.example")
    assert invitation.invited_by == world.org_admin
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuwe.collega@zorg-a.example"]
    assert accept_url(invitation) in message.body
    assert AuditEvent.objects.filter(
        action=CommunityAction.INVITATION_SENT, organisation=world.org_a, actor=world.org_admin
    ).exists()

    # The invitee creates an account through the link and becomes a manager of A.
    anonymous = client_for(None)
    response = anonymous.post(
        accept_url(invitation),
        {
            "full_name": "Nieuwe Collega",
            "preferred_language": "nl",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="nieuwe.collega@zorg-a.example")
    assert (membership.organisation, membership.role) == (world.org_a, Role.MANAGER)
    # Single use: the same link no longer works.
    assert client_for(None).get(accept_url(invitation)).status_code == 410


def test_expired_and_revoked_invitations_cannot_be_used(world: World) -> None:
    invitation = world.open_invitation
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    response = client_for(None).get(accept_url(invitation))
    assert response.status_code == 410
    with pytest.raises(ValidationError):
        services.invitation_accept_with_new_account(
            invitation=invitation,
            full_name="Laat",
            password="een-lang-wachtwoord-42",
            preferred_language="nl",
            request=None,
        )
    assert not Membership.objects.filter(user__email=invitation.email).exists()


def test_revoke_invitation(world: World) -> None:
    client = client_for(world.org_admin)
    url = reverse(
        "community:invitation_revoke",
        kwargs={"slug": "zorg-a", "invitation_id": world.open_invitation.pk},
    )
    assert client.post(url).status_code == 302
    world.open_invitation.refresh_from_db()
    assert world.open_invitation.status == "revoked"
    assert client_for(None).get(accept_url(world.open_invitation)).status_code == 410


def test_invitation_for_other_address_is_refused_for_logged_in_user(world: World) -> None:
    client = client_for(world.outsider)
    response = client.post(accept_url(world.open_invitation))
    assert response.status_code == 200
    assert not Membership.objects.filter(user=world.outsider, organisation=world.org_a).exists()


def test_existing_account_accepts_and_gets_second_organisation(world: World) -> None:
    invitation = services.invitation_create(
        actor=world.org_admin,
        request=None,
        organisation=world.org_a,
        email=world.outsider.email,
        role=Role.STUDENT,
        student_level="hbo",
        programme="Verpleegkunde",
    )
    response = client_for(world.outsider).post(accept_url(invitation))
    assert response.status_code == 302
    orgs = set(
        Membership.objects.active()
        .filter(user=world.outsider)
        .values_list("organisation__slug", flat=True)
    )
    assert orgs == {"zorg-a", "zorg-b"}


def test_duplicate_invitation_and_existing_role_are_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        services.invitation_create(
            actor=world.org_admin,
            request=None,
            organisation=world.org_a,
            email=world.open_invitation.email,
            role=world.open_invitation.role,
        )
    with pytest.raises(ValidationError):
        services.invitation_create(
            actor=world.org_admin,
            request=None,
            organisation=world.org_a,
            email=world.care_worker.email,
            role=Role.PROFESSIONAL,
        )


def test_student_needs_level(world: World) -> None:
    response = client_for(world.org_admin).post(
        reverse("community:invitation_create", kwargs={"slug": "zorg-a"}),
        {"email": "stagiair@zorg-a.example", "role": "student"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["student_level"]
    assert not Invitation.objects.filter(email="stagiair@zorg-a.example").exists()


def test_change_role_with_htmx_returns_row_and_is_logged(world: World) -> None:
    url = reverse(
        "community:membership_role",
        kwargs={"slug": "zorg-a", "membership_id": world.care_worker_membership.pk},
    )
    client = client_for(world.org_admin)
    response = client.get(url, headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b'name="role"' in response.content
    response = client.post(url, {"role": "ai_coach"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert response.content.lstrip().startswith(b"<tr")  # swaps cleanly into the table
    assert f'id="membership-{world.care_worker_membership.pk}"'.encode() in response.content
    trigger = json.loads(response["HX-Trigger"])
    assert trigger["carai:announce"]["message"] == (
        "Opgeslagen: Sanne Zorgmedewerker heeft nu de rol AI-coach."
    )
    world.care_worker_membership.refresh_from_db()
    assert world.care_worker_membership.role == Role.AI_COACH
    event = AuditEvent.objects.get(action=CommunityAction.ROLE_CHANGED)
    assert event.details == {"from": "professional", "to": "ai_coach"}
    assert event.organisation == world.org_a


def test_last_org_admin_cannot_leave_or_change_role(world: World) -> None:
    admin_membership = Membership.objects.get(user=world.org_admin, organisation=world.org_a)
    with pytest.raises(ValidationError):
        services.membership_end(actor=world.org_admin, request=None, membership=admin_membership)
    with pytest.raises(ValidationError):
        services.membership_change_role(
            actor=world.org_admin, request=None, membership=admin_membership, role="manager"
        )
    # With a second admin it is allowed.
    MembershipFactory.create(
        user=UserFactory.create(), organisation=world.org_a, role=Role.ORG_ADMIN
    )
    services.membership_end(actor=world.org_admin, request=None, membership=admin_membership)
    admin_membership.refresh_from_db()
    assert admin_membership.ended_at is not None


def test_remove_member_keeps_row_for_counts_and_hides_from_list(world: World) -> None:
    client = client_for(world.org_admin)
    url = reverse(
        "community:membership_end",
        kwargs={"slug": "zorg-a", "membership_id": world.care_worker_membership.pk},
    )
    assert client.post(url).status_code == 302
    world.care_worker_membership.refresh_from_db()
    assert world.care_worker_membership.ended_at is not None
    members = client.get(reverse("community:member_list", kwargs={"slug": "zorg-a"}))
    assert world.care_worker.email not in members.content.decode()
    # The removed person no longer reaches A.
    response = client_for(world.care_worker).get(
        reverse("community:organisation_detail", kwargs={"slug": "zorg-a"})
    )
    assert response.status_code == 404


def test_manager_sees_members_but_cannot_manage(world: World) -> None:
    client = client_for(world.manager)
    response = client.get(reverse("community:member_list", kwargs={"slug": "zorg-a"}))
    assert response.status_code == 200
    assert world.care_worker.email in response.content.decode()
    assert b"membership_role" not in response.content
    url = reverse(
        "community:membership_role",
        kwargs={"slug": "zorg-a", "membership_id": world.care_worker_membership.pk},
    )
    assert client.post(url, {"role": "manager"}).status_code == 404


def test_org_admin_sees_only_own_audit_log(world: World) -> None:
    services.invitation_create(
        actor=world.outsider_admin,
        request=None,
        organisation=world.org_b,
        email="geheim@zorg-b.example",
        role=Role.PROFESSIONAL,
    )
    services.invitation_create(
        actor=world.org_admin,
        request=None,
        organisation=world.org_a,
        email="zichtbaar@zorg-a.example",
        role=Role.PROFESSIONAL,
    )
    body = (
        client_for(world.org_admin)
        .get(reverse("community:audit_log", kwargs={"slug": "zorg-a"}))
        .content.decode()
    )
    assert "zichtbaar@zorg-a.example" in body
    assert "Uitnodiging verstuurd" in body  # the action's label, in the reader's language
    assert "geheim@zorg-b.example" not in body


def test_lead_creates_and_edits_organisation(world: World) -> None:
    client = client_for(world.lead)
    response = client.post(
        reverse("community:lead_organisation_create"),
        {"name": "Thuiszorg Nieuw (fictief)", "kind": "care", "care_branch": "vvt"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/organisaties/thuiszorg-nieuw-fictief/uitnodigen/")
    response = client.post(
        reverse("community:lead_organisation_edit", kwargs={"slug": "thuiszorg-nieuw-fictief"}),
        {
            "name": "Thuiszorg Nieuw (fictief)",
            "kind": "care",
            "care_branch": "primary",
            "region": "Noord",
            "website": "thuiszorg.example",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=CommunityAction.ORGANISATION_CHANGED)
    assert event.details["changed"]["care_branch"] == ["vvt", "primary"]
    assert event.details["changed"]["website"] == ["", "https://thuiszorg.example"]


def test_public_partner_page_lists_active_organisations_only(world: World) -> None:
    world.org_b.is_active = False
    world.org_b.save()
    body = client_for(None).get(reverse("overview:partner_list")).content.decode()
    assert "Zorg A (fictief)" in body
    assert "Zorg B (fictief)" not in body
    assert world.care_worker.email not in body


def test_demo_community_is_idempotent_and_fictional(db: None) -> None:
    from carai.accounts.models import User
    from carai.community.demo import load_demo_community
    from carai.community.models import Organisation

    load_demo_community()
    counts = (User.objects.count(), Membership.objects.count(), Organisation.objects.count())
    load_demo_community()
    assert counts == (
        User.objects.count(),
        Membership.objects.count(),
        Organisation.objects.count(),
    )
    assert counts[0] >= 55
    assert counts[2] >= 8
    assert all(u.email.endswith(".example") for u in User.objects.all())
    assert all("(demo)" in o.name for o in Organisation.objects.all())
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == {"care", "welfare", "education", "service_provider"}


def test_member_list_query_count_does_not_grow_with_members(
    world: World, django_assert_max_num_queries
) -> None:
    client = client_for(world.org_admin)
    url = reverse("community:member_list", kwargs={"slug": "zorg-a"})
    client.get(url)  # warm up session and content types
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for _ in range(30):
        MembershipFactory.create(organisation=world.org_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_dashboard_query_count_does_not_grow_with_organisations(
    world: World, django_assert_max_num_queries, settings
) -> None:
    settings.CARAI_CACHE_SHARED = False  # count the panels' own work, not the cache
    client = client_for(world.care_worker)
    client.get(reverse("overview:dashboard"))
    # 14: twelve for the panels before, two for "My use cases" (the list, the waiting requests);
    # 8 for "Begin hier" (memberships, the path's modules, finished modules, passed practice,
    # guidelines) and "Ga verder waar je was" (last progress, last quiz, last practice);
    # 1 for the assignments' modules in the reader's language
    with django_assert_max_num_queries(23) as few:
        client.get(reverse("overview:dashboard"))
    for _ in range(10):
        MembershipFactory.create(user=world.care_worker)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("overview:dashboard"))
    assert len(response.context["overview"]) == 11
