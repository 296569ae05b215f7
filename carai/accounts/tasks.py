"""Background work for accounts (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from carai.accounts.audit import AccountAction
from carai.accounts.models import User
from carai.core.audit import audit_record
from carai.core.mail import mail_send


@task()
def password_reset_email_send(*, email: str, ip_address: str | None) -> int:
    """Queue a password-reset link for each active account with this address (none when
    there is none: the request answered the same either way). The token is made here and
    lives in the outbox only until the e-mail is sent. Returns how many were queued."""
    queued = 0
    for user in User.objects.filter(email__iexact=email, is_active=True):
        if not user.has_usable_password():
            continue
        path = reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        with transaction.atomic():
            audit_record(
                action=AccountAction.PASSWORD_RESET_REQUESTED,
                actor=None,
                target=user,
                ip_address=ip_address,
            )
            mail_send(
                to=user.email,
                language=user.preferred_language,
                template="accounts/email/password_reset",
                context={"user": user, "link": settings.CARAI_BASE_URL.rstrip("/") + path},
            )
        queued += 1
    return queued
