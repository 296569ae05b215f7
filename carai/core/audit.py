"""Write to the audit log. The only place that creates AuditEvent rows.

Each app declares the kinds of event it writes (``carai.core.audit_actions``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.http import HttpRequest

from carai.core.audit_actions import audit_action_known
from carai.core.models import AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    if settings.CARAI_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: str,
    actor: AbstractBaseUser | None,
    request: HttpRequest | None = None,
    organisation: models.Model | None = None,
    target: models.Model | None = None,
    target_label: str = "",
    details: dict[str, Any] | None = None,
    ip_address: str | None = None,
) -> AuditEvent:
    if not audit_action_known(action):
        raise ValueError(f"Unknown audit action {action!r}: declare it with @audit_actions.")
    # Typed loosely on purpose: core knows neither the user model nor organisations.
    who: dict[str, Any] = {"actor": actor, "organisation": organisation}
    return AuditEvent.objects.create(
        action=action,
        **who,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=(target_label or (str(target) if target is not None else ""))[:300],
        ip_address=client_ip(request) if request is not None else ip_address,
        details=details or {},
    )
