"""Audit-log receivers for authentication events."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from carai.accounts.audit import AccountAction
from carai.core.audit import audit_record


@receiver(user_logged_in)
def _on_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    audit_record(action=AccountAction.LOGIN, actor=user, request=request, target=user)


@receiver(user_logged_out)
def _on_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(action=AccountAction.LOGOUT, actor=user, request=request, target=user)


@receiver(user_login_failed)
def _on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    attempted = str(credentials.get("username") or credentials.get("email") or "")[:254]
    user = get_user_model().objects.filter(email__iexact=attempted).first()
    audit_record(
        action=AccountAction.LOGIN_FAILED,
        actor=None,
        request=request,
        target=user,
        target_label=attempted,
    )
