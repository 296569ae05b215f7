"""End to end against a real SAML 2.0 identity provider (pysaml2's IdP in its own process,
tests/saml_idp): the request in the HTTP-Redirect binding, the signed answer in the HTTP-POST
binding. All people, domains and keys are made up (the keys for this test run only)."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyotp
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from carai.accounts.models import User
from carai.community.models import Membership, Role
from carai.core.models import AuditEvent
from carai.signin import mfa_services, saml
from carai.signin.audit import SigninAction
from carai.signin.middleware import PENDING
from carai.signin.models import Protocol, SamlAssertionUse, SsoConnection, SsoDomain
from carai.signin.services import connection_save, saml_assertions_forget_expired
from carai.signin.views import PENDING_KEY
from tests.signin.saml_provider import SamlProvider, form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def saml_connection(world, saml_provider: SamlProvider, settings) -> SsoConnection:
    settings.CARAI_BASE_URL = "http://testserver"
    saved = connection_save(
        actor=world.org_admin,
        request=None,
        organisation=world.org_a,
        is_active=True,
        protocol=Protocol.SAML,
        saml_metadata_url=saml_provider.metadata_url,
        saml_metadata=saml.read_metadata(saml.fetch_metadata(saml_provider.metadata_url)),
        default_role=Role.PROFESSIONAL,
        groups_claim="groups",
        role_mapping={"Teamleiders": Role.MANAGER},
        inactive_days=None,
    )
    SsoDomain.objects.create(
        connection=saved, domain="zorg-a.example", verified_at="2026-01-01T00:00Z"
    )
    # What the organisation admin gives its provider: CARAI's published metadata.
    published = Client().get(reverse("signin:saml_metadata", args=[world.org_a.slug]))
    assert published.status_code == 200
    saml_provider.register_sp(world.org_a.slug, published.content.decode())
    return saved


def _answer(client: Client, provider: SamlProvider, *, email: str, username: str, **kw: Any):
    """Start at CARAI with ``email``, log in at the provider; return the form the provider
    posts back to CARAI (empty when the provider refused)."""
    start = client.post(reverse("signin:start"), {"sso-email": email})
    assert start.status_code == 200, start.content.decode()[:500]
    return provider.log_in(str(start.context["authorize_url"]), username, **kw)


def _post_back(client: Client, answer: dict[str, str], saml_response: str | None = None):
    """The browser posts the answer to CARAI's assertion consumer address from the
    provider's site: no cookies, no CSRF token (SameSite=Lax). CARAI hands it on to itself;
    that second request carries the session of the sign-in."""
    cross_site = Client(enforce_csrf_checks=True)
    page = cross_site.post(
        urlsplit(answer["_action"]).path,
        {"SAMLResponse": saml_response or answer["SAMLResponse"]},
    )
    assert page.status_code == 200, page.content.decode()[:500]
    assert not page.cookies.get("sessionid")  # the hand-on page starts no session
    onward = form_fields(page.content.decode())
    return client.post(onward["_action"], {"SAMLResponse": onward["SAMLResponse"]})


def _sign_in(client: Client, provider: SamlProvider, *, email: str, username: str):
    return _post_back(client, _answer(client, provider, email=email, username=username))


def _reasons() -> list[Any]:
    return [
        event.details.get("reason")
        for event in AuditEvent.objects.filter(action=SigninAction.SSO_LOGIN_FAILED)
    ]


def test_request_uses_the_redirect_binding(saml_connection, world) -> None:
    start = Client().post(reverse("signin:start"), {"sso-email": "iemand@zorg-a.example"})
    url = urlsplit(str(start.context["authorize_url"]))
    assert f"{url.scheme}://{url.netloc}{url.path}" == saml_connection.saml_sso_url
    assert "SAMLRequest" in parse_qs(url.query)


def test_new_employee_signs_in_end_to_end(saml_connection, saml_provider, world) -> None:
    saml_provider.add_person(
        "lotte", subject="idp-lotte-1", email="lotte.nieuw@zorg-a.example", name="Lotte Nieuw"
    )
    client = Client()
    answer = _sign_in(client, saml_provider, email="lotte.nieuw@zorg-a.example", username="lotte")

    assert answer.status_code == 302, answer.content.decode()[:500]
    assert answer["Location"] == reverse("overview:dashboard")
    user = User.objects.get(email="lotte.nieuw@zorg-a.example")
    assert user.full_name == "Lotte Nieuw"
    assert not user.has_usable_password()
    assert user.sso_identities.get().subject == "idp-lotte-1"
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
    assert SamlAssertionUse.objects.filter(connection=saml_connection).count() == 1

    saml_provider.disable("lotte")
    assert _answer(Client(), saml_provider, email=user.email, username="lotte") == {}


def test_group_attribute_maps_to_a_role(saml_connection, saml_provider, world) -> None:
    saml_provider.add_person(
        "joost",
        subject="idp-joost",
        email="joost@zorg-a.example",
        name="Joost Teamleider",
        groups=["Teamleiders"],
    )
    answer = _sign_in(Client(), saml_provider, email="joost@zorg-a.example", username="joost")
    assert answer.status_code == 302
    user = User.objects.get(email="joost@zorg-a.example")
    roles = set(user.memberships.filter(ended_at__isnull=True).values_list("role", flat=True))
    assert roles == {Role.MANAGER}


def test_unsigned_answer_is_refused(saml_connection, saml_provider, world) -> None:
    saml_provider.add_person("uma", subject="idp-uma", email="uma@zorg-a.example", name="Uma U")
    client = Client()
    answer = _answer(
        client, saml_provider, email="uma@zorg-a.example", username="uma", unsigned=True
    )
    assert "Signature" not in base64.b64decode(answer["SAMLResponse"]).decode()
    refused = _post_back(client, answer)
    assert refused.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="uma@zorg-a.example").exists()
    assert _reasons() == ["saml_response"]


def test_tampered_answer_is_refused(saml_connection, saml_provider, world) -> None:
    # Tom signs in at the provider, then changes the signed address into the manager's.
    saml_provider.add_person("tom", subject="idp-tom", email="tom@zorg-a.example", name="Tom T")
    client = Client()
    answer = _answer(client, saml_provider, email="tom@zorg-a.example", username="tom")
    xml = base64.b64decode(answer["SAMLResponse"]).decode()
    assert "tom@zorg-a.example" in xml
    forged = base64.b64encode(xml.replace("tom@zorg-a.example", world.manager.email).encode())
    refused = _post_back(client, answer, forged.decode())
    assert refused.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not world.manager.sso_identities.exists()
    assert _reasons() == ["saml_response"]


def test_expired_answer_is_refused(saml_connection, saml_provider, world) -> None:
    saml_provider.add_person("eva", subject="idp-eva", email="eva@zorg-a.example", name="Eva E")
    client = Client()
    answer = _answer(client, saml_provider, email="eva@zorg-a.example", username="eva")
    # The provider's assertions are valid 5 minutes; CARAI allows 1 minute of clock skew.
    with freeze_time(timezone.now() + timedelta(minutes=7)):
        refused = _post_back(client, answer)
    assert refused.status_code == 403
    assert "_auth_user_id" not in client.session
    assert _reasons() == ["saml_response"]


def test_replayed_answer_is_refused(saml_connection, saml_provider, world) -> None:
    saml_provider.add_person("rik", subject="idp-rik", email="rik@zorg-a.example", name="Rik R")
    client = Client()
    answer = _answer(client, saml_provider, email="rik@zorg-a.example", username="rik")
    pending = dict(client.session[PENDING_KEY])
    assert _post_back(client, answer).status_code == 302

    # Posted again by another browser: no sign-in was started there.
    other = Client()
    assert _post_back(other, answer).status_code == 400
    # Even with the same pending request in its session, the assertion is used up.
    session = other.session
    session[PENDING_KEY] = pending
    session.save()
    replayed = _post_back(other, answer)
    assert replayed.status_code == 403
    assert "_auth_user_id" not in other.session
    assert _reasons() == ["replay"]


def test_answer_for_another_request_is_refused(saml_connection, saml_provider, world) -> None:
    saml_provider.add_person("ida", subject="idp-ida", email="ida@zorg-a.example", name="Ida I")
    client = Client()
    answer = _answer(client, saml_provider, email="ida@zorg-a.example", username="ida")
    session = client.session
    session[PENDING_KEY] = {**session[PENDING_KEY], "request_id": "id-another-request"}
    session.save()
    assert _post_back(client, answer).status_code == 403
    assert _reasons() == ["saml_response"]


def test_address_outside_verified_domains_cannot_take_over(
    saml_connection, saml_provider, world
) -> None:
    # The provider vouches for Kevin's address (organisation B): no take-over of his account.
    saml_provider.add_person(
        "mallory", subject="idp-mallory", email=world.outsider.email, name="Mallory M"
    )
    client = Client()
    answer = _sign_in(client, saml_provider, email="mallory@zorg-a.example", username="mallory")
    assert answer.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not world.outsider.sso_identities.exists()
    assert _reasons() == ["domain_not_verified"]


def test_existing_account_in_verified_domain_is_linked(
    saml_connection, saml_provider, world
) -> None:
    saml_provider.add_person(
        "sanne", subject="idp-sanne", email=world.care_worker.email, name="Sanne Z"
    )
    client = Client()
    answer = _sign_in(client, saml_provider, email=world.care_worker.email, username="sanne")
    assert answer.status_code == 302
    assert int(client.session["_auth_user_id"]) == world.care_worker.pk
    assert world.care_worker.sso_identities.get().connection == saml_connection
    assert AuditEvent.objects.filter(action=SigninAction.SSO_ACCOUNT_LINKED).count() == 1


@pytest.mark.parametrize("idp_enforces_mfa", [True, False])
def test_second_step_after_saml_unless_the_provider_asks_one(
    saml_connection, saml_provider, world, settings, idp_enforces_mfa
) -> None:
    settings.CARAI_MFA_ENFORCED = True
    SsoConnection.objects.filter(pk=saml_connection.pk).update(idp_enforces_mfa=idp_enforces_mfa)
    device = mfa_services.totp_begin(user=world.manager)
    mfa_services.totp_confirm(
        user=world.manager, code=pyotp.TOTP(mfa_services.totp_secret(device)).now(), request=None
    )
    username = f"ahmed{int(idp_enforces_mfa)}"
    saml_provider.add_person(
        username, subject=f"idp-{username}", email=world.manager.email, name="Ahmed Manager"
    )
    client = Client()
    answer = _sign_in(client, saml_provider, email=world.manager.email, username=username)
    assert answer.status_code == 302
    assert bool(client.session.get(PENDING)) is not idp_enforces_mfa
    dashboard = client.get(reverse("overview:dashboard"))
    assert dashboard.status_code == (200 if idp_enforces_mfa else 302)


def test_admin_sets_up_saml_from_the_metadata_address(saml_provider, world, settings) -> None:
    settings.CARAI_BASE_URL = "http://testserver"
    client = Client()
    client.force_login(world.org_admin)
    url = reverse("signin:settings", args=[world.org_a.slug])
    form = {
        "is_active": "on",
        "protocol": Protocol.SAML,
        "saml_metadata_url": saml_provider.metadata_url,
        "default_role": Role.PROFESSIONAL,
        "groups_claim": "groups",
        "role_mapping": "",
    }
    assert client.post(url, form).status_code == 302
    connection = SsoConnection.objects.get(organisation=world.org_a)
    assert connection.is_saml
    assert connection.saml_idp_entity_id == f"{saml_provider.url}/metadata"
    assert connection.saml_sso_url == f"{saml_provider.url}/sso/redirect"
    assert connection.saml_certificate_fingerprint.count(":") == 31
    page = client.get(url).content.decode()
    for shown in (
        connection.saml_idp_entity_id,
        connection.saml_sso_url,
        connection.saml_certificate_fingerprint,
        "http://testserver/account/organisatie/saml/zorg-a/acs/",
    ):
        assert shown in page
    event = AuditEvent.objects.get(action=SigninAction.SSO_CONNECTION_CHANGED)
    assert event.details["protocol"] == Protocol.SAML
    assert event.details["idp_entity_id"] == connection.saml_idp_entity_id

    # The published SP metadata names CARAI's entity id and reply address.
    published = Client().get(reverse("signin:saml_metadata", args=[world.org_a.slug]))
    xml = published.content.decode()
    assert 'entityID="http://testserver/account/organisatie/saml/zorg-a/"' in xml
    assert 'Location="http://testserver/account/organisatie/saml/zorg-a/acs/"' in xml
    assert Client().get(reverse("signin:saml_metadata", args=["zorg-b"])).status_code == 404


def test_uploaded_metadata_file_and_refusal_of_other_files(saml_provider, world, settings) -> None:
    client = Client()
    client.force_login(world.org_admin)
    url = reverse("signin:settings", args=[world.org_a.slug])
    form: dict[str, Any] = {
        "protocol": Protocol.SAML,
        "default_role": Role.PROFESSIONAL,
        "groups_claim": "groups",
    }
    wrong = SimpleUploadedFile("idp.xml", b"<html>geen metadata</html>", "text/xml")
    answer = client.post(url, {**form, "saml_metadata_file": wrong})
    assert answer.status_code == 200
    assert "saml_metadata_file" in answer.context["form"].errors
    assert not SsoConnection.objects.exists()

    empty = client.post(url, form)
    assert "saml_metadata_url" in empty.context["form"].errors

    good = SimpleUploadedFile("idp.xml", saml_provider.metadata().encode(), "text/xml")
    assert client.post(url, {**form, "saml_metadata_file": good}).status_code == 302
    connection = SsoConnection.objects.get(organisation=world.org_a)
    assert connection.saml_idp_entity_id == f"{saml_provider.url}/metadata"
    assert connection.saml_metadata_url == ""


def test_expired_assertions_are_forgotten(saml_connection) -> None:
    now = timezone.now()
    SamlAssertionUse.objects.create(
        connection=saml_connection, assertion_id="oud", expires_at=now - timedelta(minutes=1)
    )
    SamlAssertionUse.objects.create(
        connection=saml_connection, assertion_id="nieuw", expires_at=now + timedelta(minutes=5)
    )
    assert saml_assertions_forget_expired(now=now) == 1
    assert list(SamlAssertionUse.objects.values_list("assertion_id", flat=True)) == ["nieuw"]


def test_oidc_return_address_refuses_a_pending_saml_sign_in(saml_connection, world) -> None:
    client = Client()
    client.post(reverse("signin:start"), {"sso-email": "iemand@zorg-a.example"})
    assert client.session[PENDING_KEY]["protocol"] == Protocol.SAML
    answer = client.get(reverse("signin:callback") + "?code=x&state=y")
    assert answer.status_code == 400
    assert "_auth_user_id" not in client.session
