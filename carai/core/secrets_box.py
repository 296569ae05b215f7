"""Secrets (passwords, API keys) encrypted at rest with a key derived from SECRET_KEY (Fernet).

Each use has its own ``purpose``: the key is derived per purpose (HKDF ``info``), so a token
sealed for one use cannot be opened as another. Used by xapi (the LRS password) and sandbox
(the model endpoint's API key).
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


def _box(purpose: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()).derive(
        settings.SECRET_KEY.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def seal(text: str, *, purpose: str) -> str:
    return _box(purpose).encrypt(text.encode()).decode("ascii")


def unseal(token: str, *, purpose: str) -> str:
    """The secret, or "" when it cannot be read (SECRET_KEY changed: enter it again)."""
    try:
        return _box(purpose).decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError):
        return ""
