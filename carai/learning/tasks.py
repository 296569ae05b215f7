"""Background work for learning (django-tasks): certificate expiry reminders."""

from __future__ import annotations

import math
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from carai.core.mail import mail_send
from carai.learning.certificates import verification_url
from carai.learning.models import Certificate
from carai.learning.reminders import digests_send, reminders_send


def _remind(certificate: Certificate) -> None:
    user = certificate.user
    seconds_left = (certificate.expires_at - timezone.now()).total_seconds()
    days = max(1, math.ceil(seconds_left / 86400))
    if not user.is_active or user.erased_at is not None:
        return
    mail_send(
        to=user.email,
        language=user.preferred_language,
        template="learning/email/expiry",
        context={"certificate": certificate, "days": days, "link": verification_url(certificate)},
    )


@task()
def certificates_check_expiry() -> dict[str, int]:
    """Remind 30 and 7 days before expiry (once each) and mark expired certificates.

    Run daily (``python manage.py certificates_daily`` from cron enqueues it). Each reminder
    is queued in the outbox in the same transaction that marks it sent, so running this
    again after a crash neither skips nor repeats one."""
    now = timezone.now()
    counts = {"reminded_30": 0, "reminded_7": 0, "expired": 0}
    active = Certificate.objects.filter(expired_at__isnull=True).select_related("user")
    for certificate in active.filter(expires_at__lte=now):
        certificate.expired_at = now
        certificate.save(update_fields=["expired_at"])
        counts["expired"] += 1
    soon = active.filter(expires_at__gt=now)
    for certificate in soon.filter(
        expires_at__lte=now + timedelta(days=7), reminded_7_at__isnull=True
    ):
        with transaction.atomic():
            _remind(certificate)
            certificate.reminded_7_at = now
            certificate.reminded_30_at = certificate.reminded_30_at or now
            certificate.save(update_fields=["reminded_7_at", "reminded_30_at"])
        counts["reminded_7"] += 1
    for certificate in soon.filter(
        expires_at__lte=now + timedelta(days=30), reminded_30_at__isnull=True
    ):
        with transaction.atomic():
            _remind(certificate)
            certificate.reminded_30_at = now
            certificate.save(update_fields=["reminded_30_at"])
        counts["reminded_30"] += 1
    return counts


@task()
def assignments_follow_up() -> dict[str, int]:
    """Reminders before and after an assignment's due date, and the managers' weekly digest.

    Run daily (``python manage.py assignments_daily`` from cron enqueues it); safe to run
    more often or twice: each reminder and digest is sent once (see ``learning.reminders``)."""
    today = timezone.localdate()
    counts = reminders_send(today=today)
    counts["digests"] = digests_send(today=today)
    return counts
