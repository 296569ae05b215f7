"""System checks of learning: the key that signs the certificates' Open Badges."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

from carai.learning.badges import b64url_decode


@register(Tags.security)
def badge_signing_key_is_valid(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    configured = getattr(settings, "CARAI_BADGE_SIGNING_KEY", "")
    if not configured:
        return []
    try:
        seed = b64url_decode(configured)
    except ValueError:
        seed = b""
    if len(seed) != 32:
        return [
            Error(
                "CARAI_BADGE_SIGNING_KEY is not a 32-byte Ed25519 seed in base64url.",
                hint="Make one with: python manage.py badge_key_generate",
                id="carai.learning.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def badge_signing_key_is_set(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if getattr(settings, "CARAI_BADGE_SIGNING_KEY", ""):
        return []
    return [
        Warning(
            "CARAI_BADGE_SIGNING_KEY is not set: the Open Badges are signed with a key derived "
            "from SECRET_KEY, so changing SECRET_KEY makes every issued badge fail to verify.",
            hint="Make a key with: python manage.py badge_key_generate (see docs/badges.md).",
            id="carai.learning.W001",
        )
    ]
