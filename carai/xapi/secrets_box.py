"""The LRS password, encrypted at rest (``carai.core.secrets_box``, this app's purpose)."""

from __future__ import annotations

from carai.core import secrets_box

PURPOSE = "carai-xapi-lrs-password-v1"  # unchanged: passwords saved before still open


def seal(text: str) -> str:
    return secrets_box.seal(text, purpose=PURPOSE)


def unseal(token: str) -> str:
    return secrets_box.unseal(token, purpose=PURPOSE)
