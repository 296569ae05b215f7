"""What the sign-in app keeps about a person, for the own-data export and erasure (see
``carai.accounts.personal_data``). Secrets (the app's key, hashes of recovery codes and of
trusted-device cookies, key material) are never exported."""

from __future__ import annotations

from typing import Any

from carai.accounts.models import User
from carai.accounts.personal_data import iso
from carai.signin.models import RecoveryCode, SecurityKey, SsoIdentity, TotpDevice, TrustedDevice


def signin_export(user: User) -> dict[str, Any]:
    device = TotpDevice.objects.filter(user=user).first()
    return {
        "organisation_accounts": [
            {
                "organisation": identity.connection.organisation.name,
                "subject": identity.subject,
                "linked_at": iso(identity.created_at),
                "last_sign_in": iso(identity.last_login_at),
            }
            for identity in SsoIdentity.objects.filter(user=user).select_related(
                "connection__organisation"
            )
        ],
        "authenticator_app_since": iso(device.confirmed_at) if device else None,
        "unused_recovery_codes": RecoveryCode.objects.filter(
            user=user, used_at__isnull=True
        ).count(),
        "security_keys": [
            {"name": key.name, "added": iso(key.created_at), "last_used": iso(key.last_used_at)}
            for key in SecurityKey.objects.filter(user=user)
        ],
        "trusted_devices_until": [
            iso(device.expires_at) for device in TrustedDevice.objects.filter(user=user)
        ],
    }


def signin_erase(user: User) -> None:
    for model in (SsoIdentity, TotpDevice, RecoveryCode, SecurityKey, TrustedDevice):
        model.objects.filter(user=user).delete()
