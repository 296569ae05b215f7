"""Two-step verification: setting it up, the second step after the password, recovery
codes, trusted devices, the requirement for admins. All people are made up."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from carai.community.models import Membership, Role
from carai.core.models import AuditEvent
from carai.signin import mfa, mfa_services
from carai.signin.audit import SigninAction
from carai.signin.models import TotpDevice
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "een-lang-fictief-wachtwoord"


@pytest.fixture
def enforced(settings):
    settings.CARAI_MFA_ENFORCED = True
    settings.AXES_ENABLED = False
    return settings


def _with_app(user) -> tuple[pyotp.TOTP, list[str]]:
    device = mfa_services.totp_begin(user=user)
    totp = pyotp.TOTP(mfa_services.totp_secret(device))
    codes = mfa_services.totp_confirm(user=user, code=totp.now(), request=None)
    return totp, codes


def _password_login(client: Client, user) -> None:
    user.set_password(PASSWORD)
    user.save()
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302


def test_set_up_through_the_pages(world, enforced) -> None:
    client = Client()
    client.force_login(world.care_worker)
    assert client.post(reverse("signin:mfa_setup")).status_code == 302
    page = client.get(reverse("signin:mfa"))
    secret = page.context["secret"]
    assert "<svg" in page.content.decode()
    assert client.post(reverse("signin:mfa_confirm"), {"code": "000000"}).status_code == 302
    assert TotpDevice.objects.get(user=world.care_worker).confirmed_at is None
    codes_page = client.post(reverse("signin:mfa_confirm"), {"code": pyotp.TOTP(secret).now()})
    assert codes_page.status_code == 200
    assert len(codes_page.context["codes"]) == 10
    assert TotpDevice.objects.get(user=world.care_worker).confirmed_at is not None
    assert AuditEvent.objects.filter(
        action=SigninAction.MFA_ENABLED, organisation=world.org_a
    ).exists()


def test_password_alone_is_not_enough_once_the_app_is_on(world, enforced) -> None:
    totp, _codes = _with_app(world.care_worker)
    client = Client()
    _password_login(client, world.care_worker)
    blocked = client.get(reverse("overview:dashboard"))
    assert blocked.status_code == 302
    assert blocked["Location"].startswith(reverse("signin:mfa_verify"))
    assert client.get(reverse("accounts:profile")).status_code == 302
    wrong = client.post(reverse("signin:mfa_verify"), {"code": "123456"})
    assert wrong.status_code == 200
    assert AuditEvent.objects.filter(action=SigninAction.MFA_FAILED).exists()
    with freeze_time(timezone.now() + timedelta(seconds=31)):
        ok = client.post(reverse("signin:mfa_verify"), {"code": totp.now()})
        assert ok.status_code == 302
        assert client.get(reverse("overview:dashboard")).status_code == 200


def test_a_code_works_once(world, enforced) -> None:
    totp, _codes = _with_app(world.care_worker)  # the confirming code is now used
    client = Client()
    _password_login(client, world.care_worker)
    assert client.post(reverse("signin:mfa_verify"), {"code": totp.now()}).status_code == 200


def test_recovery_code_once_and_trusted_device(world, enforced) -> None:
    _totp, codes = _with_app(world.care_worker)
    client = Client()
    _password_login(client, world.care_worker)
    ok = client.post(reverse("signin:mfa_verify"), {"code": codes[0].upper(), "trust": "on"})
    assert ok.status_code == 302
    assert client.cookies[mfa.TRUST_COOKIE].value
    assert AuditEvent.objects.filter(action=SigninAction.MFA_RECOVERY_CODE_USED).exists()
    client.post(reverse("accounts:logout"))
    _password_login(client, world.care_worker)
    assert client.get(reverse("overview:dashboard")).status_code == 200  # trusted browser
    other = Client()
    _password_login(other, world.care_worker)
    assert other.post(reverse("signin:mfa_verify"), {"code": codes[0]}).status_code == 200
    with freeze_time(timezone.now() + timedelta(days=31)):
        later = Client()
        later.cookies[mfa.TRUST_COOKIE] = client.cookies[mfa.TRUST_COOKIE].value
        _password_login(later, world.care_worker)
        assert later.get(reverse("overview:dashboard")).status_code == 302  # trust expired


def test_too_many_wrong_codes_are_stopped(world, enforced) -> None:
    totp, _codes = _with_app(world.care_worker)
    client = Client()
    _password_login(client, world.care_worker)
    for _ in range(5):
        client.post(reverse("signin:mfa_verify"), {"code": "000000"})
    with freeze_time(timezone.now() + timedelta(seconds=31)):
        assert client.post(reverse("signin:mfa_verify"), {"code": totp.now()}).status_code == 429


def test_admin_gets_a_grace_period_then_must_set_it_up(world, enforced) -> None:
    client = Client()
    _password_login(client, world.org_admin)
    assert client.get(reverse("overview:dashboard")).status_code == 200
    with freeze_time(timezone.now() + timedelta(days=15)):
        late = Client()
        _password_login(late, world.org_admin)
        response = late.get(reverse("overview:dashboard"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("signin:mfa"))
        assert late.get(reverse("signin:mfa")).status_code == 200


def test_organisation_may_switch_the_requirement_off(world, enforced) -> None:
    client = Client()
    client.force_login(world.org_admin)
    url = reverse("signin:mfa_policy", kwargs={"slug": "zorg-a"})
    assert client.get(url).status_code == 200
    client.post(url, {"grace_days": "14"})  # "required" left unticked
    assert not mfa.requirement(world.org_admin).required
    assert mfa.requirement(world.lead).required  # the community lead always
    assert AuditEvent.objects.filter(
        action=SigninAction.MFA_POLICY_CHANGED, organisation=world.org_a
    ).exists()


def test_care_worker_may_switch_it_off_but_admin_may_not(world, enforced) -> None:
    totp, _codes = _with_app(world.care_worker)
    with freeze_time(timezone.now() + timedelta(seconds=31)):
        mfa_services.totp_disable(user=world.care_worker, code=totp.now(), request=None)
    assert not TotpDevice.objects.filter(user=world.care_worker).exists()
    admin_totp, _ = _with_app(world.org_admin)
    with freeze_time(timezone.now() + timedelta(seconds=31)), pytest.raises(ValidationError):
        mfa_services.totp_disable(user=world.org_admin, code=admin_totp.now(), request=None)


def test_requirement_off_in_test_settings_by_default(world) -> None:
    assert not mfa.requirement(world.org_admin).required


def test_new_privacy_officer_counts_from_their_start(world, enforced) -> None:
    person = UserFactory.create(email="nieuwe.po@zorg-a.example")
    Membership.objects.create(user=person, organisation=world.org_a, role=Role.PRIVACY_OFFICER)
    requirement = mfa.requirement(person)
    assert requirement.required
    assert not requirement.overdue
    assert requirement.deadline is not None
    assert requirement.deadline > timezone.now() + timedelta(days=13)


def test_security_key_needs_the_app_first_and_is_only_removed_by_its_owner(world) -> None:
    from carai.signin.models import SecurityKey

    with pytest.raises(ValidationError):
        mfa_services.security_key_add(
            user=world.care_worker, name="x", credential_id="01", credential_data=b"x", request=None
        )
    _totp, codes = _with_app(world.care_worker)
    key = mfa_services.security_key_add(
        user=world.care_worker,
        name="Sleutel",
        credential_id="02",
        credential_data=b"x",
        request=None,
    )
    url = reverse("signin:key_remove", kwargs={"key_id": key.pk})
    other = Client()
    other.force_login(world.manager)
    assert other.post(url).status_code == 404
    own = Client()
    own.force_login(world.care_worker)  # asks for the second step: the app is on
    assert own.post(url)["Location"].startswith(reverse("signin:mfa_verify"))
    assert SecurityKey.objects.exists()
    own.post(reverse("signin:mfa_verify"), {"code": codes[0]})
    assert own.post(url)["Location"] == reverse("signin:mfa")
    assert not SecurityKey.objects.exists()
    assert AuditEvent.objects.filter(action=SigninAction.MFA_KEY_REMOVED).count() == 1


def test_key_answer_without_a_started_request_is_refused(world, enforced) -> None:
    _with_app(world.care_worker)
    client = Client()
    _password_login(client, world.care_worker)
    response = client.post(
        reverse("signin:key_verify"), data={"credential": {}}, content_type="application/json"
    )
    assert response.status_code == 400
    assert client.get(reverse("overview:dashboard")).status_code == 302


def test_own_data_export_and_erasure(world) -> None:
    from carai.accounts.personal_data import personal_data_sections
    from carai.signin.models import RecoveryCode

    _with_app(world.care_worker)
    section = next(s for s in personal_data_sections() if s.name == "sign_in")
    exported = section.export(world.care_worker)
    assert exported["unused_recovery_codes"] == 10
    assert exported["authenticator_app_since"]
    assert "secret" not in str(exported)
    assert section.erase is not None
    section.erase(world.care_worker)
    assert not TotpDevice.objects.filter(user=world.care_worker).exists()
    assert not RecoveryCode.objects.filter(user=world.care_worker).exists()


def test_provider_mfa_does_not_stand_in_for_the_community_lead(world, enforced) -> None:
    from django.contrib.auth import login
    from django.test import RequestFactory

    from carai.signin.middleware import PENDING

    _with_app(world.lead)
    _with_app(world.care_worker)
    for user, expected in ((world.lead, True), (world.care_worker, False)):
        request = RequestFactory().get("/")
        request.session = Client().session
        request.carai_sso_mfa_done = True  # type: ignore[attr-defined]
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        assert bool(request.session.get(PENDING)) is expected
