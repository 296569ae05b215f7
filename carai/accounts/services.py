"""Every write to a person's own account."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Invitation, Membership
from carai.core.audit import audit_record
from carai.core.models import AuditAction, AuditEvent, MailMessage
from carai.core.throttle import throttle_hit
from carai.learning.models import Certificate, Enrolment, LessonProgress

EXPORT_FORMAT_VERSION = 1
logger = logging.getLogger("carai.accounts")


def password_reset_request(*, email: str, client: str | None) -> bool:
    """Ask for a reset link for ``email``. The request does the same work whether or not an
    account exists (two counts in the cache and one task); the task looks the address up.
    Returns False when this client asked too often within the hour (the caller says so).
    An address asked for too often gets no more e-mails that hour, silently."""
    from carai.accounts.tasks import password_reset_email_send

    hour = 60 * 60
    client_ok = throttle_hit(
        scope="reset-client",
        key=client or "unknown",
        limit=settings.CARAI_RESET_PER_CLIENT,
        seconds=hour,
    )
    address_ok = throttle_hit(
        scope="reset-address", key=email, limit=settings.CARAI_RESET_PER_ADDRESS, seconds=hour
    )
    if not client_ok:
        return False
    if address_ok:
        try:
            password_reset_email_send.enqueue(email=email, ip_address=client)
        except Exception:
            logger.exception("Could not queue a password reset")
    return True


def user_update_profile(*, user: User, full_name: str, preferred_language: str) -> User:
    user.full_name = full_name
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "preferred_language"])
    return user


def user_set_language(*, user: User, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


@transaction.atomic
def user_export_data(*, user: User, request: HttpRequest | None) -> dict[str, Any]:
    """Everything CARAI holds about ``user``, as plain JSON-ready data. The download is logged."""
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    invitations = Invitation.objects.filter(email__iexact=user.email).select_related("organisation")
    events = AuditEvent.objects.filter(actor=user).select_related("organisation")
    data: dict[str, Any] = {
        "format": "carai-personal-data",
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "is_community_lead": user.is_community_lead,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "student_level": m.student_level,
                "programme": m.programme,
                "started_at": _iso(m.started_at),
                "ended_at": _iso(m.ended_at),
            }
            for m in memberships
        ],
        "invitations_received": [
            {
                "organisation": i.organisation.name,
                "role": i.role,
                "created_at": _iso(i.created_at),
                "accepted_at": _iso(i.accepted_at),
            }
            for i in invitations
        ],
        "learning": [
            {
                "module": e.module.title,
                "language": e.module.language,
                "started_at": _iso(e.started_at),
                "completed_at": _iso(e.completed_at),
                "lessons_done": [
                    {
                        "lesson": p.lesson.title,
                        "when": _iso(p.completed_at),
                        "reflection": p.reflection,
                    }
                    for p in e.progress.select_related("lesson")
                ],
                "quiz_attempts": [
                    {"quiz": a.lesson.title, "when": _iso(a.submitted_at), "score": a.score}
                    for a in e.attempts.select_related("lesson").filter(submitted_at__isnull=False)
                ],
            }
            for e in Enrolment.objects.filter(user=user).select_related("module")
        ],
        "certificates": [
            {
                "module": c.module_title,
                "version": c.module_version,
                "code": c.code,
                "issued_at": _iso(c.issued_at),
                "valid_until": _iso(c.expires_at),
            }
            for c in Certificate.objects.filter(user=user)
        ],
        "activity_log": [
            {
                "when": _iso(e.created_at),
                "action": e.action,
                "organisation": e.organisation.name if e.organisation else None,
                "object": e.target_label,
                "ip_address": e.ip_address,
            }
            for e in events
        ],
    }
    audit_record(action=AuditAction.DATA_EXPORTED, actor=user, request=request, target=user)
    return data


@transaction.atomic
def user_erase(*, user: User, request: HttpRequest | None) -> None:
    """Anonymise the account: personal fields are wiped, memberships end, counts remain.

    The audit log keeps its rows (they point to the anonymised account), so that what
    happened stays provable without the person's name or e-mail address.
    """
    now = timezone.now()
    audit_record(action=AuditAction.ACCOUNT_ERASED, actor=user, request=request, target=user)
    Membership.objects.active().filter(user=user).update(ended_at=now)
    Invitation.objects.open().filter(email__iexact=user.email).update(revoked_at=now)
    Invitation.objects.filter(email__iexact=user.email).update(email=f"erased-{user.pk}@invalid")
    # The outbox: e-mails to this address (queued ones are not sent any more).
    MailMessage.objects.filter(to__iexact=user.email).delete()
    # Learning: the free text people wrote goes; completion counts stay for the figures.
    LessonProgress.objects.filter(enrolment__user=user).update(reflection="")
    Certificate.objects.filter(user=user).update(holder_name="")
    user.email = f"erased-{user.pk}@invalid"
    user.full_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.is_community_lead = False
    user.erased_at = now
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    # End every session of this account, on every device.
    for session in Session.objects.filter(expire_date__gt=now).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
