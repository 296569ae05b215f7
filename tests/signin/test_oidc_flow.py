"""End to end against a real OpenID Connect provider (django-oauth-toolkit in its own
process): code flow with PKCE, state and nonce. All people and domains are made up."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.test import Client
from django.urls import reverse

from carai.accounts.models import User
from carai.community.models import Membership, Role
from carai.core.models import AuditEvent
from carai.signin.audit import SigninAction
from carai.signin.models import SsoConnection, SsoDomain
from carai.signin.services import connection_save
from tests.signin.flow import authorize_url, provider_log_in, sign_in
from tests.signin.provider import CLIENT_ID, CLIENT_SECRET

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(world, oidc_provider, settings) -> SsoConnection:
    settings.CARAI_BASE_URL = "http://testserver"
    saved = connection_save(
        actor=world.org_admin,
        request=None,
        organisation=world.org_a,
        is_active=True,
        discovery_url=oidc_provider.discovery_url,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        scopes="openid email profile",
        default_role=Role.PROFESSIONAL,
        groups_claim="groups",
        role_mapping={"Teamleiders": Role.MANAGER},
        inactive_days=None,
    )
    SsoDomain.objects.create(
        connection=saved, domain="zorg-a.example", verified_at="2026-01-01T00:00Z"
    )
    return saved


def test_authorization_request_uses_pkce_state_and_nonce(connection) -> None:
    start = Client().post(reverse("signin:start"), {"sso-email": "iemand@zorg-a.example"})
    query = parse_qs(urlsplit(authorize_url(start)).query)
    assert query["response_type"] == ["code"]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert len(query["state"][0]) >= 20
    assert len(query["nonce"][0]) >= 20
    assert query["client_id"] == [CLIENT_ID]
    assert query["redirect_uri"] == ["http://testserver/account/organisatie/terug/"]


def test_new_employee_signs_in_and_is_refused_once_disabled(connection, oidc_provider, world):
    oidc_provider.add_person("lotte", "lotte.nieuw@zorg-a.example", "Lotte Nieuwkomer")
    client, browser = Client(), requests.Session()

    answer = sign_in(client, browser, email="lotte.nieuw@zorg-a.example", username="lotte")

    assert answer is not None
    assert answer.status_code == 302, answer.content[:400]
    assert answer["Location"] == reverse("overview:dashboard")
    user = User.objects.get(email="lotte.nieuw@zorg-a.example")
    assert user.full_name == "Lotte Nieuwkomer"
    assert not user.has_usable_password()
    roles = set(
        Membership.objects.active_in(organisation=world.org_a)
        .filter(user=user)
        .values_list("role", flat=True)
    )
    assert roles == {Role.PROFESSIONAL}
    assert not Membership.objects.filter(user=user).exclude(organisation=world.org_a).exists()
    assert client.get(reverse("overview:dashboard")).status_code == 200
    actions = set(
        AuditEvent.objects.filter(organisation=world.org_a).values_list("action", flat=True)
    )
    assert {SigninAction.SSO_ACCOUNT_CREATED, SigninAction.SSO_LOGIN} <= actions

    oidc_provider.tool("disable", "lotte")
    fresh = Client()
    again = sign_in(fresh, browser, email="lotte.nieuw@zorg-a.example", username="lotte")
    assert again is None  # the provider no longer sends Lotte back to CARAI
    assert "_auth_user_id" not in fresh.session


def test_group_claim_maps_to_a_role(connection, oidc_provider, world) -> None:
    oidc_provider.add_person("joost", "joost@zorg-a.example", "Joost Teamleider", "Teamleiders")
    answer = sign_in(Client(), requests.Session(), email="joost@zorg-a.example", username="joost")
    assert answer is not None
    assert answer.status_code == 302
    user = User.objects.get(email="joost@zorg-a.example")
    roles = set(user.memberships.filter(ended_at__isnull=True).values_list("role", flat=True))
    assert roles == {Role.MANAGER}


def test_provider_address_outside_verified_domains_cannot_take_over(
    connection, oidc_provider, world
) -> None:
    # The provider lets Mallory claim the address of Kevin, a member of organisation B.
    oidc_provider.add_person("mallory", world.outsider.email, "Mallory Overnemer")
    client = Client()
    # Mallory starts with an address of A's domain, the provider answers with Kevin's.
    answer = sign_in(client, requests.Session(), email="mallory@zorg-a.example", username="mallory")
    assert answer is not None
    assert answer.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not world.outsider.sso_identities.exists()
    failed = AuditEvent.objects.get(action=SigninAction.SSO_LOGIN_FAILED)
    assert failed.details == {"reason": "domain_not_verified"}
    assert failed.organisation == world.org_a


def test_existing_account_in_verified_domain_is_linked(connection, oidc_provider, world) -> None:
    oidc_provider.add_person("sanne", world.care_worker.email, "Sanne Zorgmedewerker")
    client = Client()
    answer = sign_in(client, requests.Session(), email=world.care_worker.email, username="sanne")
    assert answer is not None
    assert answer.status_code == 302
    assert int(client.session["_auth_user_id"]) == world.care_worker.pk
    assert world.care_worker.sso_identities.get().connection == connection
    roles = set(
        world.care_worker.memberships.filter(ended_at__isnull=True).values_list("role", flat=True)
    )
    assert roles == {Role.PROFESSIONAL}  # no second membership
    assert (
        AuditEvent.objects.filter(
            action=SigninAction.SSO_ACCOUNT_LINKED, organisation=world.org_a
        ).count()
        == 1
    )


def test_replayed_callback_is_refused(connection, oidc_provider, world) -> None:
    oidc_provider.add_person("ruben", "ruben@zorg-a.example", "Ruben Herhaal")
    client, browser = Client(), requests.Session()
    start = client.post(reverse("signin:start"), {"sso-email": "ruben@zorg-a.example"})
    back = provider_log_in(browser, authorize_url(start), "ruben")
    assert back is not None
    parts = urlsplit(back)
    assert client.get(f"{parts.path}?{parts.query}").status_code == 302
    other = Client()
    assert other.get(f"{parts.path}?{parts.query}").status_code == 400  # no pending sign-in


def test_id_token_with_another_nonce_is_refused(connection, oidc_provider, world) -> None:
    oidc_provider.add_person("nina", "nina@zorg-a.example", "Nina Nonce")
    client, browser = Client(), requests.Session()
    start = client.post(reverse("signin:start"), {"sso-email": "nina@zorg-a.example"})
    back = provider_log_in(browser, authorize_url(start), "nina")
    assert back is not None
    session = client.session
    session["carai_signin_pending"] = {**session["carai_signin_pending"], "nonce": "another"}
    session.save()
    parts = urlsplit(back)
    answer = client.get(f"{parts.path}?{parts.query}")
    assert answer.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="nina@zorg-a.example").exists()
    assert AuditEvent.objects.get(action=SigninAction.SSO_LOGIN_FAILED).details == {
        "reason": "token"
    }


@pytest.mark.parametrize("idp_enforces_mfa", [True, False])
def test_second_step_after_sso_unless_the_provider_asks_one(
    connection, oidc_provider, world, settings, idp_enforces_mfa
) -> None:
    from carai.signin import mfa_services

    settings.CARAI_MFA_ENFORCED = True
    SsoConnection.objects.filter(pk=connection.pk).update(idp_enforces_mfa=idp_enforces_mfa)
    device = mfa_services.totp_begin(user=world.manager)
    import pyotp

    mfa_services.totp_confirm(
        user=world.manager, code=pyotp.TOTP(mfa_services.totp_secret(device)).now(), request=None
    )
    username = f"ahmed{int(idp_enforces_mfa)}"
    oidc_provider.add_person(username, world.manager.email, "Ahmed Manager")
    client = Client()
    answer = sign_in(client, requests.Session(), email=world.manager.email, username=username)
    assert answer is not None
    assert answer.status_code == 302
    dashboard = client.get(reverse("overview:dashboard"))
    assert dashboard.status_code == (200 if idp_enforces_mfa else 302)
