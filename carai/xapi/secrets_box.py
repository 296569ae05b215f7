"""The LRS password, encrypted at rest with a key derived from SECRET_KEY (Fernet)."""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


def _box() -> Fernet:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"carai-xapi-lrs-password-v1"
    ).derive(settings.SECRET_KEY.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def seal(text: str) -> str:
    return _box().encrypt(text.encode()).decode("ascii")


def unseal(token: str) -> str:
    """The password, or "" when it cannot be read (SECRET_KEY changed: enter it again)."""
    try:
        return _box().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError):
        return ""
