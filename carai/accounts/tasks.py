"""Background work for accounts (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from carai.accounts.models import User
from carai.core.mail import mail_send


@task()
def password_reset_email_send(*, user_id: int) -> bool:
    """Send a password-reset link. The token is made here, so none is stored in the queue."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return False
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    mail_send(
        to=user.email,
        language=user.preferred_language,
        template="accounts/email/password_reset",
        context={"user": user, "link": settings.CARAI_BASE_URL.rstrip("/") + path},
    )
    return True
