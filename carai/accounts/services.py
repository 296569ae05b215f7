"""Every write to a person's own account."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from carai.accounts.audit import AccountAction
from carai.accounts.models import User
from carai.accounts.personal_data import iso, personal_data_sections
from carai.accounts.tasks import password_reset_email_send
from carai.core.audit import audit_record
from carai.core.models import AuditEvent, MailMessage
from carai.core.throttle import throttle_hit

EXPORT_FORMAT_VERSION = 1
logger = logging.getLogger("carai.accounts")


def password_reset_request(*, email: str, client: str | None) -> bool:
    """Ask for a reset link for ``email``. The request does the same work whether or not an
    account exists (two counts in the cache and one task); the task looks the address up.
    Returns False when this client asked too often within the hour (the caller says so).
    An address asked for too often gets no more e-mails that hour, silently."""
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

        def enqueue() -> None:
            try:
                password_reset_email_send.enqueue(email=email, ip_address=client)
            except Exception:
                logger.exception("Could not queue a password reset")

        # Queued once the caller's transaction (if any) commits, never for one rolled back.
        transaction.on_commit(enqueue)
    return True


def user_update_profile(*, user: User, full_name: str, preferred_language: str) -> User:
    user.full_name = full_name
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "preferred_language"])
    return user


@transaction.atomic
def user_password_set(*, user: User, password: str, request: HttpRequest, reset: bool) -> None:
    """A new password, chosen by the person (``reset``: through an e-mailed link)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(
        action=AccountAction.PASSWORD_RESET_DONE if reset else AccountAction.PASSWORD_CHANGED,
        actor=None if reset else user,
        request=request,
        target=user,
    )


def login_record(*, user: User, request: HttpRequest | None) -> None:
    audit_record(action=AccountAction.LOGIN, actor=user, request=request, target=user)


def logout_record(*, user: User, request: HttpRequest | None) -> None:
    audit_record(action=AccountAction.LOGOUT, actor=user, request=request, target=user)


def login_failed_record(*, attempted: str, request: HttpRequest | None) -> None:
    """A failed log-in, with the address that was tried (also when no account has it)."""
    attempted = attempted[:254]
    audit_record(
        action=AccountAction.LOGIN_FAILED,
        actor=None,
        request=request,
        target=User.objects.filter(email__iexact=attempted).first(),
        target_label=attempted,
    )


def community_lead_change_record(*, actor: User, user: User, request: HttpRequest) -> None:
    """The management site gave or took the community-lead role."""
    audit_record(
        action=AccountAction.COMMUNITY_LEAD_CHANGED,
        actor=actor,
        request=request,
        target=user,
        details={"is_community_lead": user.is_community_lead},
    )


def user_set_language(*, user: User, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def user_export_data(*, user: User, request: HttpRequest | None) -> dict[str, Any]:
    """Everything CARAI holds about ``user``, as plain JSON-ready data. The download is logged."""
    data: dict[str, Any] = {
        "format": "carai-personal-data",
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "is_community_lead": user.is_community_lead,
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
        },
    }
    for section in personal_data_sections():
        data[section.name] = section.export(user)
    data["activity_log"] = [
        {
            "when": iso(e.created_at),
            "action": e.action,
            "organisation": str(e.organisation) if e.organisation else None,
            "object": e.target_label,
            "ip_address": e.ip_address,
        }
        for e in AuditEvent.objects.filter(actor=user).select_related("organisation")
    ]
    audit_record(action=AccountAction.DATA_EXPORTED, actor=user, request=request, target=user)
    return data


@transaction.atomic
def user_erase(*, user: User, request: HttpRequest | None) -> None:
    """Anonymise the account: personal fields are wiped, memberships end, counts remain.

    The audit log keeps its rows (they point to the anonymised account), so that what
    happened stays provable without the person's name or e-mail address.
    """
    now = timezone.now()
    audit_record(action=AccountAction.ACCOUNT_ERASED, actor=user, request=request, target=user)
    for section in personal_data_sections():
        if section.erase is not None:
            section.erase(user)
    # The outbox: e-mails to this address (queued ones are not sent any more).
    MailMessage.objects.filter(to__iexact=user.email).delete()
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
    # Every session of this account, on every device, ends at its next request: Django
    # checks each session against the password hash, which set_unusable_password changed,
    # and the account is inactive. (No walk over every session of every user.)
