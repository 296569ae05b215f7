"""Passkeys and security keys (WebAuthn) with the fido2 library: the options the browser
needs and the checks of what it sends back (origin, challenge, relying party, signature).
The relying party is the host name of CARAI_BASE_URL."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from fido2.server import Fido2Server
from fido2.webauthn import (
    AttestedCredentialData,
    PublicKeyCredentialRpEntity,
    PublicKeyCredentialUserEntity,
    UserVerificationRequirement,
)

from carai.accounts.models import User


class WebAuthnError(Exception):
    """What the browser sent does not check out."""


def _server() -> Fido2Server:
    rp_id = urlsplit(settings.CARAI_BASE_URL).hostname or "localhost"
    return Fido2Server(PublicKeyCredentialRpEntity(id=rp_id, name="CARAI"))


def registration_options(
    user: User, existing: list[bytes]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Options for ``navigator.credentials.create`` (JSON) and the state to keep."""
    options, state = _server().register_begin(
        PublicKeyCredentialUserEntity(
            id=f"carai-user-{user.pk}".encode(),
            name=user.email,
            display_name=user.full_name or user.email,
        ),
        credentials=[AttestedCredentialData(data) for data in existing],
        user_verification=UserVerificationRequirement.DISCOURAGED,
    )
    return dict(options), dict(state)


def registration_check(state: dict[str, Any], response: dict[str, Any]) -> tuple[str, bytes]:
    """The new credential's id (hex) and data to store."""
    try:
        auth_data = _server().register_complete(state, response)
    except (ValueError, KeyError, TypeError) as exc:
        raise WebAuthnError(str(exc)) from exc
    credential = auth_data.credential_data
    if credential is None:
        raise WebAuthnError("No credential in the answer.")
    return credential.credential_id.hex(), bytes(credential)


def authentication_options(keys: list[bytes]) -> tuple[dict[str, Any], dict[str, Any]]:
    options, state = _server().authenticate_begin(
        [AttestedCredentialData(data) for data in keys],
        user_verification=UserVerificationRequirement.DISCOURAGED,
    )
    return dict(options), dict(state)


def authentication_check(state: dict[str, Any], keys: list[bytes], response: dict[str, Any]) -> str:
    """The id (hex) of the key that signed, when the signature checks out."""
    try:
        credential = _server().authenticate_complete(
            state, [AttestedCredentialData(data) for data in keys], response
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise WebAuthnError(str(exc)) from exc
    return credential.credential_id.hex()
