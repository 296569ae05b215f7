"""E-mail through an outbox: plain text from a pair of templates, in the recipient's language.

``mail_send`` renders ``<template>_subject.txt`` and ``<template>_body.txt`` with the "text"
template engine (see ``TEMPLATES`` in the settings; it does not HTML-escape, so "Zorg &
Welzijn" arrives as written), writes one ``MailMessage`` row in the caller's transaction
and asks the task worker to send it once that transaction commits. Nothing talks to the
mail server inside a request.

``mail_deliver_now`` (run by the ``mail_deliver`` task) sends one message: it first claims
it for a while (so two workers never send it at the same time, and a message that was
sent is never sent again), sends it with a fixed Message-ID, and records the outcome. A
failure is recorded and raised, so the task queue tries again after a pause; after
``CARAI_MAIL_MAX_ATTEMPTS`` tries the message is marked failed, visible to the
organisation admin and the community lead, who may send it again (``mail_retry``).

``mail_relay`` is the outbox's safety net for jobs the queue lost (Redis down when the
transaction committed, Redis restarted without its data, a database worker that died
mid-task): it queues again every message that waited far longer than its next try.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import InterfaceError, OperationalError, close_old_connections, models, transaction
from django.db.models import F, Q
from django.http import HttpRequest
from django.template import engines
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from carai.core.audit import audit_record
from carai.core.audit_actions import audit_actions
from carai.core.models import MailMessage, MailStatus

logger = logging.getLogger("carai.mail")


@audit_actions
class MailAction(models.TextChoices):
    """What the outbox writes in the audit log."""

    MAIL_RETRIED = "mail_retried", gettext_lazy("Undelivered e-mail sent again")


class MailNotSent(Exception):
    """Raised by the send task so the task queue tries again later."""


def mail_send(
    *,
    to: str,
    language: str,
    template: str,
    context: dict[str, object],
    organisation_id: int | None = None,
) -> MailMessage:
    """Queue one e-mail; it is sent after the caller's transaction commits."""
    engine = engines["text"]
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = engine.get_template(f"{template}_subject.txt").render(context).strip()
        body = engine.get_template(f"{template}_body.txt").render(context)
    message = MailMessage.objects.create(
        to=to,
        template=template,
        subject=" ".join(subject.split())[:300],
        body=body,
        organisation_id=organisation_id,
    )
    message_id = message.pk
    transaction.on_commit(lambda: mail_enqueue(message_id=message_id))
    return message


def mail_enqueue(*, message_id: int) -> None:
    """Hand one message to the task queue. If the queue cannot be reached the message stays
    queued in the outbox and ``mail_relay`` hands it over later: never an error for the
    person whose action caused the e-mail."""
    try:
        mail_deliver.enqueue(message_id=message_id)
    except Exception:
        logger.exception("Could not queue e-mail %s; the outbox relay will", message_id)


def mail_lease() -> timedelta:
    """How long a worker may take to send one message before another may try: longer than
    the slowest conversation with the mail server (several steps, each of which may take
    EMAIL_TIMEOUT; CARAI_MAIL_LEASE_SECONDS, by default 4 x EMAIL_TIMEOUT + 30 s)."""
    return timedelta(seconds=settings.CARAI_MAIL_LEASE_SECONDS)


def mail_retry_delay(attempts: int) -> timedelta:
    """The pause before the next try after ``attempts`` tries (the queue's own schedule)."""
    delays = settings.CARAI_TASK_RETRY_DELAYS
    return timedelta(seconds=delays[min(max(attempts, 1), len(delays)) - 1])


def _message_id_header(message: MailMessage) -> str:
    domain = urlparse(settings.CARAI_BASE_URL).hostname or "carai.invalid"
    return f"<{message.public_id}@{domain}>"


def _claim(message_id: int) -> MailMessage | None:
    now = timezone.now()
    claimed = (
        MailMessage.objects.filter(pk=message_id, status=MailStatus.QUEUED)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + mail_lease(), attempts=F("attempts") + 1, last_attempt_at=now)
    )
    return MailMessage.objects.get(pk=message_id) if claimed else None


def _record(message_id: int, **fields: object) -> None:
    """Write the outcome, waiting out a short database outage: a message the mail server
    accepted but that is not marked sent would be sent twice."""
    pauses = [1, 2, 4, 8, 15, 30]
    while True:
        try:
            MailMessage.objects.filter(pk=message_id).update(**fields)
            return
        except (OperationalError, InterfaceError):
            if not pauses:
                raise
            close_old_connections()
            time.sleep(pauses.pop(0))


def mail_deliver_now(*, message_id: int) -> str:
    """Send one queued message once. Returns "sent", "failed" (tried often enough) or
    "done" (sent or given up before: nothing to do). Raises MailNotSent to be tried again."""
    message = _claim(message_id)
    if message is None:
        current = MailMessage.objects.filter(pk=message_id).values_list("status", flat=True)
        if not current or current[0] != MailStatus.QUEUED:
            return "done"
        raise MailNotSent(f"E-mail {message_id} is being sent by another worker.")
    email = EmailMessage(
        message.subject,
        message.body,
        None,
        [message.to],
        headers={"Message-ID": _message_id_header(message)},
    )
    try:
        email.send()
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:500]
        final = message.attempts >= settings.CARAI_MAIL_MAX_ATTEMPTS
        _record(
            message_id,
            status=MailStatus.FAILED if final else MailStatus.QUEUED,
            last_error=error,
            claimed_until=None,
        )
        logger.warning(
            "E-mail %s not delivered (attempt %s): %s", message_id, message.attempts, error
        )
        if final:
            return "failed"
        raise MailNotSent(error) from exc
    _record(
        message_id,
        status=MailStatus.SENT,
        sent_at=timezone.now(),
        body="",
        claimed_until=None,
        last_error="",
    )
    return "sent"


def mail_relay() -> int:
    """Queue again each message that waits much longer than its next try should take.
    Returns how many. Run every few minutes (``manage.py mail_relay``; ``bin/run`` and the
    systemd timer in docs/operations.md do)."""
    moment = timezone.now()
    # RQ tries again by itself: step in only long after. The database backend does not.
    retries_itself = settings.TASKS_BACKEND == "django_tasks_rq.RQBackend"
    grace = timedelta(minutes=10) if retries_itself else timedelta(0)
    due: list[int] = []
    waiting = MailMessage.objects.filter(status=MailStatus.QUEUED).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=moment)
    )
    for pk, attempts, created_at, last_attempt_at in waiting.values_list(
        "pk", "attempts", "created_at", "last_attempt_at"
    ).iterator():
        since = last_attempt_at or created_at
        wait = mail_retry_delay(attempts) if attempts else timedelta(minutes=1)
        if since + wait + grace <= moment:
            due.append(pk)
    for pk in due:
        mail_enqueue(message_id=pk)
    # A failed message keeps its text only as long as a link in it may still work.
    MailMessage.objects.filter(
        status=MailStatus.FAILED,
        created_at__lt=moment - timedelta(days=settings.CARAI_INVITATION_DAYS),
    ).exclude(body="").update(body="")
    return len(due)


@transaction.atomic
def mail_retry(
    *, actor: AbstractBaseUser, request: HttpRequest | None, message: MailMessage
) -> MailMessage:
    """Send a message that could not be delivered once more (the retry button)."""
    if message.status != MailStatus.FAILED or not message.body:
        raise ValidationError(_("This e-mail can no longer be sent again."))
    message.status = MailStatus.QUEUED
    message.attempts = 0
    message.claimed_until = None
    message.save(update_fields=["status", "attempts", "claimed_until"])
    audit_record(
        action=MailAction.MAIL_RETRIED,
        actor=actor,
        request=request,
        organisation=message.organisation,
        target=message,
        target_label=message.to,
    )
    message_id = message.pk
    transaction.on_commit(lambda: mail_enqueue(message_id=message_id))
    return message


@task()
def mail_deliver(*, message_id: int) -> str:
    """Send one message of the outbox. Raises to be tried again (the queue retries)."""
    return mail_deliver_now(message_id=message_id)
