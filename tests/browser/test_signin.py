"""Signing in with the organisation's account in Chromium, through a real OpenID Connect
provider (django-oauth-toolkit in its own process), and two-step verification with an
authenticator app. All people, organisations and domains are made up."""

from __future__ import annotations

import time
from typing import Any

import pyotp
import pytest
import requests
from playwright.sync_api import expect

from carai.accounts.models import User
from carai.community.models import Membership, Role
from carai.signin import saml
from carai.signin.models import Protocol, SsoDomain
from carai.signin.services import connection_save
from tests.browser.helpers import Visit, nl
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.signin.provider import (
    CALLBACK_PATH,
    CLIENT_ID,
    CLIENT_SECRET,
    Provider,
    oidc_provider,  # noqa: F401  (the fixture)
)
from tests.signin.saml_provider import (
    SamlProvider,
    saml_provider,  # noqa: F401  (the fixture)
)

pytestmark = pytest.mark.browser
PASSWORD = "een-lang-fictief-wachtwoord"


@pytest.fixture
def organisation(transactional_db: None, live_server: Any, settings: Any, oidc_provider: Provider):  # noqa: F811
    settings.CARAI_BASE_URL = live_server.url
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    oidc_provider.tool("redirect", CLIENT_ID, f"{live_server.url}{CALLBACK_PATH}")
    org = OrganisationFactory.create(name="Zorggroep Duinzicht (fictief)", slug="duinzicht")
    admin = UserFactory.create(email="beheer@duinzicht.example", full_name="Bram Beheer")
    MembershipFactory.create(user=admin, organisation=org, role=Role.ORG_ADMIN)
    connection = connection_save(
        actor=admin,
        request=None,
        organisation=org,
        is_active=True,
        discovery_url=oidc_provider.discovery_url,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        scopes="openid email profile",
        default_role=Role.PROFESSIONAL,
        groups_claim="groups",
        role_mapping={},
        inactive_days=None,
    )
    SsoDomain.objects.create(
        connection=connection, domain="duinzicht.example", verified_at="2026-01-01T00:00Z"
    )
    return org


def _sign_in_at_provider(visit: Visit, email: str, username: str) -> None:
    page = visit.page
    visit.allow_console_error(r"127\.0\.0\.1:\d+/favicon\.ico")  # the fictional provider has none
    visit.goto("/account/inloggen/")
    visit.check("login-page")
    page.get_by_label(nl("Your work e-mail address")).fill(email)
    page.get_by_role("button", name=nl("Log in with your organisation")).click()
    page.get_by_role("heading", name="Fictional identity provider").wait_for()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("fictional-password-1")
    page.get_by_role("button", name="Sign in").click()


def test_new_employee_signs_in_with_the_organisation(
    visit: Visit,
    organisation: Any,
    oidc_provider: Provider,  # noqa: F811
) -> None:
    oidc_provider.add_person("jasmijn", "jasmijn@duinzicht.example", "Jasmijn Nieuw")
    page = visit.page
    _sign_in_at_provider(visit, "jasmijn@duinzicht.example", "jasmijn")
    page.wait_for_url(visit.url("/overzicht/"))
    visit.check("signed-in")
    user = User.objects.get(email="jasmijn@duinzicht.example")
    assert set(
        Membership.objects.active_in(organisation=organisation)
        .filter(user=user)
        .values_list("role", flat=True)
    ) == {Role.PROFESSIONAL}

    page.get_by_role("button", name=nl("Log out")).first.click()
    oidc_provider.tool("disable", "jasmijn")
    _sign_in_at_provider(visit, "jasmijn@duinzicht.example", "jasmijn")
    # The provider refuses: Jasmijn stays on its log-in page and never comes back to CARAI.
    expect(page.get_by_role("heading", name="Fictional identity provider")).to_be_visible()
    assert page.url.startswith(oidc_provider.url)
    visit.goto("/overzicht/")
    assert "/account/inloggen/" in page.url


def test_settings_page_is_accessible(visit: Visit, organisation: Any) -> None:
    admin = User.objects.get(email="beheer@duinzicht.example")
    admin.set_password(PASSWORD)
    admin.save()
    visit.log_in(admin.email, PASSWORD)
    visit.goto("/organisaties/duinzicht/inloggen/")
    visit.check("sso-settings")
    visit.goto("/organisaties/duinzicht/tweestapsverificatie/")
    visit.check("mfa-policy")


def _log_out_and_in_to_the_second_step(visit: Visit, email: str) -> None:
    page = visit.page
    page.get_by_role("button", name=nl("Log out")).first.click()
    visit.goto("/account/inloggen/")
    page.get_by_label(nl("E-mail address")).fill(email)
    page.get_by_label(nl("Password")).fill(PASSWORD)
    page.get_by_role("button", name=nl("Log in"), exact=True).click()
    page.get_by_role("heading", level=1, name=nl("Second step")).wait_for()


def test_two_step_verification_with_an_authenticator_app(
    visit: Visit, transactional_db: None, settings: Any
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    person = UserFactory.create(email="tessa@duinzicht.example", full_name="Tessa Twee")
    person.set_password(PASSWORD)
    person.save()
    page = visit.page
    visit.log_in(person.email, PASSWORD)
    visit.goto("/account/tweestapsverificatie/")
    visit.check("mfa-off")
    page.get_by_role("button", name=nl("Set up two-step verification")).click()
    secret = page.locator("#totp-secret").inner_text()
    visit.check("mfa-qr")
    totp = pyotp.TOTP(secret)
    page.get_by_label(nl("Code from your app")).fill(totp.now())
    page.get_by_role("button", name=nl("Switch on")).click()
    codes = page.locator("#recovery-codes li")
    expect(codes).to_have_count(10)
    visit.check("recovery-codes")

    _log_out_and_in_to_the_second_step(visit, person.email)
    visit.check("second-step")
    visit.goto("/overzicht/")  # not yet
    page.get_by_role("heading", level=1, name=nl("Second step")).wait_for()
    page.get_by_label(nl("Code")).fill(totp.at(time.time() + 30))  # a newer code than the last
    page.get_by_label(nl("Trust this device")).check()
    page.get_by_role("button", name=nl("Continue")).click()
    page.wait_for_url(visit.url("/overzicht/"))
    visit.check("after-second-step")


def test_second_step_with_a_security_key(
    visit: Visit, live_server: Any, transactional_db: None, settings: Any
) -> None:
    """WebAuthn with Chromium's virtual authenticator (CDP WebAuthn domain)."""
    settings.CARAI_BASE_URL = live_server.url  # the relying party: localhost
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    person = UserFactory.create(email="kees@duinzicht.example", full_name="Kees Sleutel")
    person.set_password(PASSWORD)
    person.save()
    page = visit.page
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": False,
                "hasUserVerification": False,
                "isUserVerified": False,
                "automaticPresenceSimulation": True,
            }
        },
    )
    visit.log_in(person.email, PASSWORD)
    visit.goto("/account/tweestapsverificatie/")
    page.get_by_role("button", name=nl("Set up two-step verification")).click()
    totp = pyotp.TOTP(page.locator("#totp-secret").inner_text())
    page.get_by_label(nl("Code from your app")).fill(totp.now())
    page.get_by_role("button", name=nl("Switch on")).click()
    page.get_by_role("link", name=nl("I have kept them")).click()
    page.get_by_label(nl("Name of the key")).fill("Sleutel van Kees")
    page.get_by_role("button", name=nl("Add a passkey or security key")).click()
    expect(page.locator("#security-keys")).to_contain_text("Sleutel van Kees")
    visit.check("key-added")

    _log_out_and_in_to_the_second_step(visit, person.email)
    visit.check("second-step-with-key")
    page.get_by_role("button", name=nl("Use a passkey or security key")).click()
    page.wait_for_url(visit.url("/overzicht/"))
    visit.check("after-key")


@pytest.fixture
def saml_organisation(
    transactional_db: None,
    live_server: Any,
    settings: Any,
    saml_provider: SamlProvider,  # noqa: F811
):
    """An organisation that signs in with SAML 2.0 at the fictional pysaml2 provider. The
    provider runs on 127.0.0.1 and CARAI on localhost: two sites, as in real life, so the
    browser sends no CARAI cookies with the provider's POST (SameSite=Lax)."""
    settings.CARAI_BASE_URL = live_server.url
    org = OrganisationFactory.create(name="Kustzorg (fictief)", slug="kustzorg")
    admin = UserFactory.create(email="beheer@kustzorg.example", full_name="Kim Beheer")
    MembershipFactory.create(user=admin, organisation=org, role=Role.ORG_ADMIN)
    connection = connection_save(
        actor=admin,
        request=None,
        organisation=org,
        is_active=True,
        protocol=Protocol.SAML,
        saml_metadata_url=saml_provider.metadata_url,
        saml_metadata=saml.read_metadata(saml.fetch_metadata(saml_provider.metadata_url)),
        default_role=Role.PROFESSIONAL,
        groups_claim="groups",
        role_mapping={},
        inactive_days=None,
    )
    SsoDomain.objects.create(
        connection=connection, domain="kustzorg.example", verified_at="2026-01-01T00:00Z"
    )
    published = requests.get(f"{live_server.url}/account/organisatie/saml/kustzorg/", timeout=10)
    published.raise_for_status()
    saml_provider.register_sp("kustzorg", published.text)
    return org


def test_new_employee_signs_in_with_saml(
    visit: Visit,
    saml_organisation: Any,
    saml_provider: SamlProvider,  # noqa: F811
) -> None:
    saml_provider.add_person(
        "daan", subject="idp-daan", email="daan@kustzorg.example", name="Daan Nieuw"
    )
    page = visit.page
    visit.allow_console_error(r"127\.0\.0\.1:\d+/favicon\.ico")  # the fictional provider has none
    visit.goto("/account/inloggen/")
    page.get_by_label(nl("Your work e-mail address")).fill("daan@kustzorg.example")
    page.get_by_role("button", name=nl("Log in with your organisation")).click()
    page.get_by_label("Gebruiker").fill("daan")
    assert page.url.startswith(f"{saml_provider.url}/sso/redirect?SAMLRequest=")
    page.get_by_label("Wachtwoord").fill("fictional-password-1")
    page.get_by_role("button", name="Inloggen").click()
    # The provider posts the signed answer to CARAI, which hands it on to itself.
    page.wait_for_url(visit.url("/overzicht/"))
    visit.check("signed-in-saml")
    user = User.objects.get(email="daan@kustzorg.example")
    assert set(
        Membership.objects.active_in(organisation=saml_organisation)
        .filter(user=user)
        .values_list("role", flat=True)
    ) == {Role.PROFESSIONAL}


def test_saml_settings_page_is_accessible(visit: Visit, saml_organisation: Any) -> None:
    admin = User.objects.get(email="beheer@kustzorg.example")
    admin.set_password(PASSWORD)
    admin.save()
    visit.log_in(admin.email, PASSWORD)
    visit.goto("/organisaties/kustzorg/inloggen/")
    visit.check("sso-settings-saml")
