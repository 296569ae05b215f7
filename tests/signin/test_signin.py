"""The rules of signing in with an organisation's account, without a provider: domains,
linking, roles, the settings page, deactivation. All people and domains are made up."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from carai.accounts.models import User
from carai.community.models import Membership, Role
from carai.core.models import AuditEvent
from carai.core.secrets_box import unseal
from carai.signin import selectors
from carai.signin.audit import SigninAction
from carai.signin.models import SIGNIN_BOX, SsoConnection, SsoIdentity
from carai.signin.services import (
    SignInRefused,
    connection_save,
    domain_add,
    members_deactivate_inactive,
    sign_in_complete,
)
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _connection(world, **changes) -> SsoConnection:
    values: dict[str, Any] = {
        "is_active": True,
        "discovery_url": "https://login.zorg-a.example/.well-known/openid-configuration",
        "client_id": "client-a",
        "client_secret": "geheim-a",
        "scopes": "openid email profile",
        "default_role": Role.PROFESSIONAL,
        "groups_claim": "groups",
        "role_mapping": {},
        "inactive_days": None,
    } | changes
    return connection_save(actor=world.org_admin, request=None, organisation=world.org_a, **values)


def test_secret_is_stored_encrypted_and_kept_when_left_empty(world) -> None:
    connection = _connection(world)
    assert "geheim-a" not in connection.client_secret_encrypted
    assert unseal(connection.client_secret_encrypted, purpose=SIGNIN_BOX) == "geheim-a"
    _connection(world, client_secret="")
    connection.refresh_from_db()
    assert unseal(connection.client_secret_encrypted, purpose=SIGNIN_BOX) == "geheim-a"
    events = AuditEvent.objects.filter(action=SigninAction.SSO_CONNECTION_CHANGED)
    assert events.count() == 2
    assert "geheim-a" not in str(list(events.values_list("details", flat=True)))


def test_admin_domain_waits_for_the_lead(world) -> None:
    connection = _connection(world)
    domain = domain_add(
        actor=world.org_admin, request=None, connection=connection, domain="zorg-a.example"
    )
    assert not bool(domain.is_verified)  # bool(): mypy keeps no narrowing past refresh
    assert selectors.connection_for_email(email="x@zorg-a.example") is None
    client_for(world.lead).post(
        reverse("signin:domain_verify", kwargs={"slug": "zorg-a", "domain_id": domain.pk})
    )
    domain.refresh_from_db()
    assert domain.is_verified
    assert domain.verified_by == world.lead
    assert selectors.connection_for_email(email="X@Zorg-A.example") == connection


def test_admin_cannot_verify_own_domain(world) -> None:
    connection = _connection(world)
    domain = domain_add(
        actor=world.org_admin, request=None, connection=connection, domain="zorg-a.example"
    )
    client_for(world.org_admin).post(
        reverse("signin:domain_verify", kwargs={"slug": "zorg-a", "domain_id": domain.pk})
    )
    domain.refresh_from_db()
    assert not domain.is_verified


def test_domain_belongs_to_one_connection_only(world) -> None:
    connection = _connection(world)
    domain_add(actor=world.lead, request=None, connection=connection, domain="zorg-a.example")
    other = connection_save(
        actor=world.outsider_admin,
        request=None,
        organisation=world.org_b,
        is_active=True,
        discovery_url="https://idp.zorg-b.example",
        client_id="b",
        client_secret="s",
        scopes="openid email",
        default_role=Role.PROFESSIONAL,
        groups_claim="groups",
        role_mapping={},
        inactive_days=None,
    )
    response = client_for(world.outsider_admin).post(
        reverse("signin:domain_add", kwargs={"slug": "zorg-b"}), {"domain": "zorg-a.example"}
    )
    assert response.status_code == 302
    assert not other.domains.exists()


def _verified(world, **changes) -> SsoConnection:
    connection = _connection(world, **changes)
    domain_add(actor=world.lead, request=None, connection=connection, domain="zorg-a.example")
    return connection


def test_unverified_domain_refuses_and_never_links(world) -> None:
    connection = _connection(world)
    domain_add(actor=world.org_admin, request=None, connection=connection, domain="zorg-a.example")
    with pytest.raises(SignInRefused):
        sign_in_complete(
            connection=connection,
            claims={"sub": "1", "email": world.care_worker.email},
            request=None,
        )
    assert not SsoIdentity.objects.exists()
    assert AuditEvent.objects.filter(action=SigninAction.SSO_LOGIN_FAILED).count() == 1


def test_a_second_subject_cannot_take_a_linked_account(world) -> None:
    connection = _verified(world)
    email = world.care_worker.email
    assert (
        sign_in_complete(connection=connection, claims={"sub": "a", "email": email}, request=None)
        == world.care_worker
    )
    with pytest.raises(SignInRefused) as refused:
        sign_in_complete(connection=connection, claims={"sub": "b", "email": email}, request=None)
    assert refused.value.reason == "other_subject"


def test_switched_off_account_is_refused(world) -> None:
    connection = _verified(world)
    User.objects.filter(pk=world.care_worker.pk).update(is_active=False)
    with pytest.raises(SignInRefused):
        sign_in_complete(
            connection=connection,
            claims={"sub": "a", "email": world.care_worker.email},
            request=None,
        )


def test_mapped_group_adds_role_but_default_only_for_newcomers(world) -> None:
    connection = _verified(world, role_mapping={"ai-coaches": Role.AI_COACH})
    user = sign_in_complete(
        connection=connection,
        claims={"sub": "c", "email": "coach@zorg-a.example", "groups": ["ai-coaches", "other"]},
        request=None,
    )
    assert set(user.memberships.values_list("role", flat=True)) == {Role.AI_COACH}
    manager = sign_in_complete(
        connection=connection, claims={"sub": "m", "email": world.manager.email}, request=None
    )
    assert set(manager.memberships.values_list("role", flat=True)) == {Role.MANAGER}


def test_inactive_people_lose_this_membership_only(world) -> None:
    connection = _verified(world, inactive_days=30)
    worker = world.care_worker
    Membership.objects.create(user=worker, organisation=world.org_b, role=Role.STUDENT)
    sign_in_complete(
        connection=connection, claims={"sub": "s", "email": worker.email}, request=None
    )
    assert members_deactivate_inactive(now=timezone.now() + timedelta(days=29)) == 0
    assert members_deactivate_inactive(now=timezone.now() + timedelta(days=31)) == 1
    assert not Membership.objects.active_in(organisation=world.org_a).filter(user=worker).exists()
    assert Membership.objects.active_in(organisation=world.org_b).filter(user=worker).exists()
    assert members_deactivate_inactive(now=timezone.now() + timedelta(days=32)) == 0
    assert (
        AuditEvent.objects.filter(
            action=SigninAction.SSO_MEMBER_DEACTIVATED, organisation=world.org_a
        ).count()
        == 1
    )


def test_last_org_admin_is_never_ended(world) -> None:
    connection = _verified(world, inactive_days=30)
    sign_in_complete(
        connection=connection, claims={"sub": "adm", "email": world.org_admin.email}, request=None
    )
    members_deactivate_inactive(now=timezone.now() + timedelta(days=60))
    assert (
        Membership.objects.active_in(organisation=world.org_a).filter(user=world.org_admin).exists()
    )


def test_settings_page_saves_and_shows_the_redirect_address(world) -> None:
    client = client_for(world.org_admin)
    url = reverse("signin:settings", kwargs={"slug": "zorg-a"})
    page = client.get(url)
    assert page.status_code == 200
    assert "/account/organisatie/terug/" in page.content.decode()
    response = client.post(
        url,
        {
            "is_active": "on",
            "discovery_url": "https://login.zorg-a.example",
            "client_id": "abc",
            "client_secret": "s3cret",
            "scopes": "openid email profile",
            "default_role": Role.STUDENT,
            "groups_claim": "groups",
            "role_mapping": "Docenten = educator\n",
            "inactive_days": "90",
        },
    )
    assert response.status_code == 302
    connection = SsoConnection.objects.get(organisation=world.org_a)
    assert connection.role_mapping == {"Docenten": Role.EDUCATOR}
    assert connection.default_role == Role.STUDENT
    assert "s3cret" not in client.get(url).content.decode()


def test_start_with_unknown_domain_says_so(world) -> None:
    from django.test import Client

    response = Client().post(reverse("signin:start"), {"sso-email": "iemand@onbekend.example"})
    assert response.status_code == 200
    assert "sso-email" in response.content.decode()
    assert response.context["form"].errors["email"]


def test_login_page_offers_signing_in_with_the_organisation(client) -> None:
    page = client.get(reverse("accounts:login"))
    assert reverse("signin:start") in page.content.decode()


def test_callback_without_a_started_sign_in_is_refused(client) -> None:
    assert client.get(reverse("signin:callback") + "?code=x&state=y").status_code == 400


@pytest.mark.parametrize(
    ("language", "example"),
    [("nl", "professional (Zorgprofessional)"), ("en", "professional (Care professional)")],
)
def test_roles_by_group_names_each_code_with_its_role_in_the_persons_language(
    world, language: str, example: str
) -> None:
    """The codes must be typed, so they show; each with the role's name in words, in the
    language of the page (the help was once written at start-up, in one language for all)."""
    world.org_admin.preferred_language = language
    world.org_admin.save()
    # (in an override, so that the page's language does not stay on for the next tests)
    with translation.override(language):
        page = client_for(world.org_admin).get(
            reverse("signin:settings", kwargs={"slug": "zorg-a"})
        )
        assert page.status_code == 200
        help_text = str(page.context["form"]["role_mapping"].help_text)
        assert example in page.content.decode()
        for role in Role:
            assert f"{role.value} ({role.label})" in help_text, role
    other = {"nl": "Care professional", "en": "Zorgprofessional"}[language]
    assert other not in help_text
