"""Two-step verification pieces: TOTP codes (pyotp, RFC 6238), recovery codes, the trusted
device cookie, and who must use a second factor by when."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp
import segno
from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from carai.accounts.models import User
from carai.community.models import Membership, Role
from carai.signin.models import MfaPolicy

TOTP_BOX = "signin-totp-secret"  # the purpose its secret is sealed under (core.secrets_box)
ISSUER = "CARAI"
RECOVERY_CODE_COUNT = 10
TRUST_COOKIE = "carai_trusted_device"
REQUIRING_ROLES = frozenset({Role.ORG_ADMIN, Role.PRIVACY_OFFICER})


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The otpauth address as an inline SVG QR code (no styles: the CSP forbids them)."""
    return str(segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff"))


def totp_step(secret: str, code: str, *, after_step: int) -> int | None:
    """The time step ``code`` belongs to (now, or one step either side), if it is newer than
    ``after_step``; None for a wrong or already used code."""
    code = "".join(code.split())
    # isascii: str.isdigit() also takes the digits of other scripts (full-width, Arabic),
    # which compare_digest refuses with a TypeError.
    if not (code.isascii() and code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = timezone.now()
    for offset in (0, -1, 1):
        moment = now + timedelta(seconds=30 * offset)
        if secrets.compare_digest(totp.at(moment), code):
            step = int(moment.timestamp()) // 30
            return step if step > after_step else None
    return None


def code_hash(code: str) -> str:
    normal = "".join(code.split()).replace("-", "").lower()
    return salted_hmac("carai-recovery-code", normal, algorithm="sha256").hexdigest()


def new_recovery_codes() -> list[str]:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(alphabet) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def token_hash(token: str) -> str:
    return salted_hmac("carai-trusted-device", token, algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class Requirement:
    required: bool
    deadline: datetime | None  # until then the person may still log in without it

    @property
    def overdue(self) -> bool:
        return is_overdue(self.required, self.deadline, timezone.now())


def is_overdue(required: bool, deadline: datetime | None, now: datetime) -> bool:
    """Enforced from the deadline itself on (a plain function: mutmut skips properties)."""
    return required and deadline is not None and now >= deadline


def requirement(user: User) -> Requirement:
    """Whether ``user`` must use a second factor, and from when it is enforced: community
    leads always; organisation admins and privacy officers where their organisation
    requires it (the default), each after the grace period from the start of that role."""
    if not settings.CARAI_MFA_ENFORCED:
        return Requirement(False, None)
    grace_default = timedelta(days=settings.CARAI_MFA_GRACE_DAYS)
    deadlines: list[datetime] = []
    if user.is_community_lead:
        deadlines.append(user.date_joined + grace_default)
    memberships = Membership.objects.active().filter(
        user=user, role__in=REQUIRING_ROLES, organisation__is_active=True
    )
    policies = {
        policy.organisation_id: policy
        for policy in MfaPolicy.objects.filter(
            organisation_id__in=[m.organisation_id for m in memberships]
        )
    }
    for membership in memberships:
        policy = policies.get(membership.organisation_id)
        if policy is None:
            deadlines.append(membership.started_at + grace_default)
        elif policy.required:
            start = max(membership.started_at, policy.updated_at)
            deadlines.append(start + timedelta(days=policy.grace_days))
    if not deadlines:
        return Requirement(False, None)
    return Requirement(True, min(deadlines))
