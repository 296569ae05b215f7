"""Write to the audit log. The only place that creates AuditEvent rows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest

from carai.core.models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from carai.accounts.models import User
    from carai.community.models import Organisation


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
    action: AuditAction,
    actor: User | None,
    request: HttpRequest | None = None,
    organisation: Organisation | None = None,
    target: models.Model | None = None,
    target_label: str = "",
    details: dict[str, Any] | None = None,
    ip_address: str | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        organisation=organisation,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=(target_label or (str(target) if target is not None else ""))[:300],
        ip_address=client_ip(request) if request is not None else ip_address,
        details=details or {},
    )
