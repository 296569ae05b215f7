"""Every write of two-step verification. MFA changes are logged in the audit log of each
organisation the person belongs to (or the platform's, when none)."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.core.audit import audit_record
from carai.core.secrets_box import seal, unseal
from carai.signin import mfa
from carai.signin.audit import SigninAction
from carai.signin.models import (
    MfaPolicy,
    RecoveryCode,
    SecurityKey,
    TotpDevice,
    TrustedDevice,
)


def _record(
    *, action: str, user: User, request: HttpRequest | None, details: dict[str, Any] | None = None
) -> None:
    organisations = Organisation.objects.filter(
        pk__in=Membership.objects.active().filter(user=user).values("organisation_id")
    )
    for organisation in organisations or [None]:
        audit_record(
            action=action,
            actor=user,
            request=request,
            organisation=organisation,
            target=user,
            details=details,
        )


@transaction.atomic
def totp_begin(*, user: User) -> TotpDevice:
    """A new, unconfirmed authenticator secret (replaces an unconfirmed one)."""
    device = TotpDevice.objects.select_for_update().filter(user=user).first()
    if device is not None and device.confirmed_at is not None:
        raise ValidationError(_("Two-step verification is already on."))
    if device is None:
        device = TotpDevice(user=user)
    device.secret_encrypted = seal(mfa.new_secret(), purpose=mfa.TOTP_BOX)
    device.last_step = 0
    device.save()
    return device


def totp_secret(device: TotpDevice) -> str:
    return unseal(device.secret_encrypted, purpose=mfa.TOTP_BOX)


@transaction.atomic
def totp_confirm(*, user: User, code: str, request: HttpRequest | None) -> list[str]:
    """Switch two-step verification on with a first code; returns new recovery codes (shown
    once)."""
    device = TotpDevice.objects.select_for_update().filter(user=user).first()
    if device is None or device.confirmed_at is not None:
        raise ValidationError(_("Start setting up the authenticator app again."))
    step = mfa.totp_step(totp_secret(device), code, after_step=device.last_step)
    if step is None:
        raise ValidationError({"code": _("This code is not right. Try the newest code.")})
    device.last_step = step
    device.confirmed_at = timezone.now()
    device.save(update_fields=["last_step", "confirmed_at"])
    _record(action=SigninAction.MFA_ENABLED, user=user, request=request)
    return _recovery_codes_replace(user=user)


def _recovery_codes_replace(*, user: User) -> list[str]:
    codes = mfa.new_recovery_codes()
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(user=user, code_hash=mfa.code_hash(code)) for code in codes]
    )
    return codes


@transaction.atomic
def recovery_codes_new(*, user: User, code: str, request: HttpRequest | None) -> list[str]:
    if not _check_code(user=user, code=code, request=request, recovery_allowed=False):
        raise ValidationError({"code": _("This code is not right. Try the newest code.")})
    _record(action=SigninAction.MFA_RECOVERY_CODES_NEW, user=user, request=request)
    return _recovery_codes_replace(user=user)


@transaction.atomic
def totp_disable(*, user: User, code: str, request: HttpRequest | None) -> None:
    if mfa.requirement(user).required:
        raise ValidationError(_("Your role requires two-step verification: it stays on."))
    if not _check_code(user=user, code=code, request=request, recovery_allowed=True):
        raise ValidationError({"code": _("This code is not right. Try the newest code.")})
    TotpDevice.objects.filter(user=user).delete()
    SecurityKey.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    TrustedDevice.objects.filter(user=user).delete()
    _record(action=SigninAction.MFA_DISABLED, user=user, request=request)


def _check_code(
    *, user: User, code: str, request: HttpRequest | None, recovery_allowed: bool
) -> bool:
    device = TotpDevice.objects.select_for_update().filter(user=user).first()
    if device is None or device.confirmed_at is None:
        return False
    step = mfa.totp_step(totp_secret(device), code, after_step=device.last_step)
    if step is not None:
        device.last_step = step
        device.save(update_fields=["last_step"])
        return True
    if recovery_allowed:
        used = RecoveryCode.objects.filter(
            user=user, code_hash=mfa.code_hash(code), used_at__isnull=True
        ).update(used_at=timezone.now())
        if used:
            _record(action=SigninAction.MFA_RECOVERY_CODE_USED, user=user, request=request)
            return True
    return False


def second_step_check(*, user: User, code: str, request: HttpRequest | None) -> bool:
    """The second step of logging in: a code from the app or an unused recovery code.
    A wrong code is logged (and counts in the caller's throttle)."""
    with transaction.atomic():
        if _check_code(user=user, code=code, request=request, recovery_allowed=True):
            return True
    second_step_failed_record(user=user, request=request)
    return False


def second_step_failed_record(*, user: User, request: HttpRequest | None) -> None:
    _record(action=SigninAction.MFA_FAILED, user=user, request=request)


@transaction.atomic
def device_trust(*, user: User, request: HttpRequest | None) -> tuple[str, int]:
    """Remember this browser for CARAI_MFA_TRUST_DAYS: returns the cookie's token and its
    age in seconds."""
    token = secrets.token_urlsafe(32)
    days = settings.CARAI_MFA_TRUST_DAYS
    TrustedDevice.objects.create(
        user=user,
        token_hash=mfa.token_hash(token),
        expires_at=timezone.now() + timedelta(days=days),
    )
    _record(action=SigninAction.MFA_DEVICE_TRUSTED, user=user, request=request)
    return token, days * 24 * 60 * 60


def device_is_trusted(*, user: User, token: str) -> bool:
    return (
        bool(token)
        and TrustedDevice.objects.filter(
            user=user, token_hash=mfa.token_hash(token), expires_at__gt=timezone.now()
        ).exists()
    )


@transaction.atomic
def policy_save(
    *,
    actor: User,
    request: HttpRequest | None,
    organisation: Organisation,
    required: bool,
    grace_days: int,
) -> MfaPolicy:
    policy, _created = MfaPolicy.objects.update_or_create(
        organisation=organisation, defaults={"required": required, "grace_days": grace_days}
    )
    audit_record(
        action=SigninAction.MFA_POLICY_CHANGED,
        actor=actor,
        request=request,
        organisation=organisation,
        target=policy,
        details={"required": required, "grace_days": grace_days},
    )
    return policy


@transaction.atomic
def security_key_add(
    *,
    user: User,
    name: str,
    credential_id: str,
    credential_data: bytes,
    request: HttpRequest | None,
) -> SecurityKey:
    if not TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists():
        raise ValidationError(_("Set up the authenticator app first."))
    key = SecurityKey.objects.create(
        user=user,
        name=name[:100] or _("Security key"),
        credential_id=credential_id,
        credential_data=credential_data,
    )
    _record(
        action=SigninAction.MFA_KEY_ADDED, user=user, request=request, details={"name": key.name}
    )
    return key


@transaction.atomic
def security_key_remove(*, user: User, key: SecurityKey, request: HttpRequest | None) -> None:
    _record(
        action=SigninAction.MFA_KEY_REMOVED, user=user, request=request, details={"name": key.name}
    )
    key.delete()


def security_key_used(*, user: User, credential_id: str) -> bool:
    return bool(
        SecurityKey.objects.filter(user=user, credential_id=credential_id).update(
            last_used_at=timezone.now()
        )
    )
