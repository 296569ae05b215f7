"""The rules of two-step verification, edge by edge: which code is accepted (format, time
step, never twice), how recovery codes are compared, and who must use a second factor from
when. All people are made up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from unittest import mock

import pyotp
import pytest
from django.test import override_settings
from django.utils.crypto import salted_hmac

from carai.community.models import Role
from carai.signin import mfa
from carai.signin.models import MfaPolicy
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # a made-up test secret
NOW = datetime(2026, 3, 2, 10, 0, 15, tzinfo=UTC)  # 15 s into a 30 s step
STEP = int(NOW.timestamp()) // 30


def _code(moment: datetime) -> str:
    return pyotp.TOTP(SECRET).at(moment)


@pytest.fixture
def at_now() -> Iterator[None]:
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield


@pytest.mark.parametrize("into_step", [0, 1, 29])
def test_one_step_either_side_wherever_now_is_in_its_step(into_step: int) -> None:
    now = datetime.fromtimestamp(STEP * 30 + into_step, tz=UTC)
    with mock.patch("django.utils.timezone.now", return_value=now):
        for steps in (-1, 0, 1):
            code = _code(now + timedelta(seconds=30 * steps))
            assert mfa.totp_step(SECRET, code, after_step=0) == STEP + steps
        for steps in (-2, 2):
            assert (
                mfa.totp_step(SECRET, _code(now + timedelta(seconds=30 * steps)), after_step=0)
                is None
            )


@pytest.mark.usefixtures("at_now")
def test_the_current_code_gives_its_step_once() -> None:
    code = _code(NOW)
    assert mfa.totp_step(SECRET, code, after_step=0) == STEP
    assert mfa.totp_step(SECRET, code, after_step=STEP - 1) == STEP
    assert mfa.totp_step(SECRET, code, after_step=STEP) is None  # used: never twice


@pytest.mark.usefixtures("at_now")
def test_one_step_either_side_is_accepted_two_are_not() -> None:
    assert mfa.totp_step(SECRET, _code(NOW - timedelta(seconds=30)), after_step=0) == STEP - 1
    assert mfa.totp_step(SECRET, _code(NOW + timedelta(seconds=30)), after_step=0) == STEP + 1
    assert mfa.totp_step(SECRET, _code(NOW - timedelta(seconds=60)), after_step=0) is None
    assert mfa.totp_step(SECRET, _code(NOW + timedelta(seconds=60)), after_step=0) is None


@pytest.mark.usefixtures("at_now")
def test_a_code_is_six_digits_spaces_allowed() -> None:
    code = _code(NOW)
    assert mfa.totp_step(SECRET, f" {code[:3]} {code[3:]}\n", after_step=0) == STEP
    assert mfa.totp_step(SECRET, code[:5], after_step=0) is None
    assert mfa.totp_step(SECRET, code + "0", after_step=0) is None
    assert mfa.totp_step(SECRET, "12345a", after_step=0) is None
    assert mfa.totp_step(SECRET, "", after_step=0) is None
    # Six signs that are not all digits (a letter with an accent too) are refused, not compared.
    assert mfa.totp_step(SECRET, "12345é", after_step=0) is None
    full_width = "".join(chr(0xFF10 + int(d)) for d in _code(NOW))
    arabic = "".join(chr(0x0660 + int(d)) for d in _code(NOW))
    assert full_width.isdigit()
    assert arabic.isdigit()
    assert mfa.totp_step(SECRET, full_width, after_step=0) is None
    assert mfa.totp_step(SECRET, arabic, after_step=0) is None


@pytest.mark.usefixtures("at_now")
def test_a_wrong_code_is_refused() -> None:
    right = {_code(NOW + timedelta(seconds=30 * k)) for k in (-1, 0, 1)}
    wrong = next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in right)
    assert mfa.totp_step(SECRET, wrong, after_step=0) is None


def test_recovery_codes_compare_without_spaces_dashes_or_case() -> None:
    assert mfa.code_hash("abcde-fghjk") == mfa.code_hash(" ABCDE fghjk ")
    assert mfa.code_hash("abcde-fghjk") == mfa.code_hash("abcdefghjk")
    assert mfa.code_hash("abcde-fghjk") != mfa.code_hash("abcde-fghjm")
    assert len(mfa.code_hash("abcde-fghjk")) == 64  # SHA-256, hex


def test_the_stored_form_of_a_recovery_code_stays_the_same() -> None:
    """Codes are stored hashed: a change of salt or normal form would lock out everyone who
    saved their codes before an update."""
    expected = salted_hmac("carai-recovery-code", "abcdefghjk", algorithm="sha256").hexdigest()
    assert mfa.code_hash("ABCDE-FGHJK") == expected


def test_overdue_from_the_deadline_itself() -> None:
    deadline = NOW
    assert mfa.is_overdue(True, deadline, NOW)
    assert mfa.is_overdue(True, deadline, NOW + timedelta(seconds=1))
    assert not mfa.is_overdue(True, deadline, NOW - timedelta(seconds=1))
    assert not mfa.is_overdue(False, deadline, NOW)
    assert not mfa.is_overdue(True, None, NOW)


# Who must, from when --------------------------------------------------------------------------

START = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def enforced() -> Iterator[None]:
    with override_settings(CARAI_MFA_ENFORCED=True, CARAI_MFA_GRACE_DAYS=14):
        yield


def _member(role: str, *, started: datetime = START, **org: object):
    user = UserFactory.create()
    organisation = OrganisationFactory.create(**org)
    MembershipFactory.create(user=user, organisation=organisation, role=role, started_at=started)
    return user, organisation


@pytest.mark.django_db
@pytest.mark.usefixtures("enforced")
@pytest.mark.parametrize("role", [Role.ORG_ADMIN, Role.PRIVACY_OFFICER])
def test_admins_and_privacy_officers_must_after_the_default_grace(role: str) -> None:
    user, _ = _member(role)
    assert mfa.requirement(user) == mfa.Requirement(True, START + timedelta(days=14))


@pytest.mark.django_db
@pytest.mark.usefixtures("enforced")
@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.MANAGER, Role.EDUCATOR])
def test_other_roles_need_not(role: str) -> None:
    user, organisation = _member(role)
    # Someone else's admin role, in the same organisation, is not theirs.
    MembershipFactory.create(organisation=organisation, role=Role.ORG_ADMIN)
    assert mfa.requirement(user) == mfa.Requirement(False, None)


@pytest.mark.django_db
def test_nobody_must_when_it_is_not_enforced() -> None:
    with override_settings(CARAI_MFA_ENFORCED=False):
        user, _ = _member(Role.ORG_ADMIN)
        lead = UserFactory.create(is_community_lead=True)
        assert mfa.requirement(user) == mfa.Requirement(False, None)
        assert mfa.requirement(lead) == mfa.Requirement(False, None)


@pytest.mark.django_db
@pytest.mark.usefixtures("enforced")
def test_the_community_lead_always_from_joining() -> None:
    lead = UserFactory.create(is_community_lead=True, date_joined=START)
    assert mfa.requirement(lead) == mfa.Requirement(True, START + timedelta(days=14))


@pytest.mark.django_db
@pytest.mark.usefixtures("enforced")
def test_an_ended_membership_or_a_deactivated_organisation_requires_nothing() -> None:
    user, _organisation = _member(Role.ORG_ADMIN)
    user.memberships.update(ended_at=START + timedelta(days=1))
    assert mfa.requirement(user) == mfa.Requirement(False, None)
    other, _ = _member(Role.ORG_ADMIN, is_active=False)
    assert mfa.requirement(other) == mfa.Requirement(False, None)


@pytest.mark.django_db
@pytest.mark.usefixtures("enforced")
def test_an_organisation_policy_sets_the_grace_from_its_last_change() -> None:
    user, organisation = _member(Role.ORG_ADMIN)
    policy = MfaPolicy.objects.create(organisation=organisation, required=True, grace_days=3)
    changed = START + timedelta(days=5)
    MfaPolicy.objects.filter(pk=policy.pk).update(updated_at=changed)
    assert mfa.requirement(user) == mfa.Requirement(True, changed + timedelta(days=3))
    # A policy changed before the person started counts from their start.
    MfaPolicy.objects.filter(pk=policy.pk).update(updated_at=START - timedelta(days=30))
    assert mfa.requirement(user) == mfa.Requirement(True, START + timedelta(days=3))


@pytest.mark.django_db
@pytest.mark.usefixtures("enforced")
def test_an_organisation_that_switched_it_off_requires_nothing() -> None:
    user, organisation = _member(Role.PRIVACY_OFFICER)
    MfaPolicy.objects.create(organisation=organisation, required=False, grace_days=3)
    assert mfa.requirement(user) == mfa.Requirement(False, None)


@pytest.mark.django_db
@pytest.mark.usefixtures("enforced")
def test_the_earliest_deadline_of_all_roles_counts() -> None:
    user, strict = _member(Role.ORG_ADMIN, started=START)
    MfaPolicy.objects.create(organisation=strict, required=True, grace_days=30)
    MfaPolicy.objects.filter(organisation=strict).update(updated_at=START)
    # A second organisation without a policy: the default 14 days from a later start.
    lenient = OrganisationFactory.create()
    later = START + timedelta(days=10)
    MembershipFactory.create(
        user=user, organisation=lenient, role=Role.PRIVACY_OFFICER, started_at=later
    )
    # Another organisation's policy does not apply to this membership.
    other = OrganisationFactory.create()
    MfaPolicy.objects.create(organisation=other, required=True, grace_days=1)
    assert mfa.requirement(user) == mfa.Requirement(True, later + timedelta(days=14))
    user.is_community_lead = True
    user.date_joined = START
    user.save()
    assert mfa.requirement(user) == mfa.Requirement(True, START + timedelta(days=14))
