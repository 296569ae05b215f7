"""The e-mail outbox (issue 13): written in the caller's transaction, sent after commit by a
task, tried again, delivered once, failures visible to the organisation admin and the lead;
nothing talks to a mail server or e-mails ADMINS inside a request."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend

from carai.core.mail import MailAction, MailNotSent, mail_deliver_now, mail_relay, mail_send
from carai.core.models import AuditEvent, MailMessage, MailStatus
from tests.conftest import World, client_for

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages: Any) -> int:
        raise smtplib.SMTPRecipientsRefused({"x@y": (450, b"Mailbox unavailable")})


class CountingBackend(BaseEmailBackend):
    """Counts connections opened: inside a request there must be none."""

    opened = 0

    def open(self) -> bool:
        CountingBackend.opened += 1
        return True

    def send_messages(self, email_messages: Any) -> int:
        self.open()
        return len(email_messages)


def _queue(to: str = "iemand@zorg-a.example", **kwargs: Any) -> MailMessage:
    return mail_send(
        to=to,
        language="nl",
        template="accounts/email/password_reset",
        context={"user": None, "link": "https://carai.example/geheim"},
        **kwargs,
    )


def test_written_in_the_callers_transaction_and_sent_after_commit(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = _queue()
        assert mail.outbox == []  # not before the transaction commits
    message.refresh_from_db()
    assert message.status == MailStatus.SENT
    assert message.attempts == 1
    assert message.body == ""  # the link is erased once sent
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == f"<{message.public_id}@127.0.0.1>"


def test_nothing_is_sent_when_the_transaction_rolls_back(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    def queue_then_fail() -> None:
        with transaction.atomic():
            _queue()
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        queue_then_fail()
    assert callbacks == []
    assert not MailMessage.objects.exists()
    assert mail.outbox == []


def test_delivered_once_even_when_the_task_runs_twice(db: None) -> None:
    message = _queue()
    assert mail_deliver_now(message_id=message.pk) == "sent"
    assert mail_deliver_now(message_id=message.pk) == "done"
    assert len(mail.outbox) == 1


def test_a_message_another_worker_is_sending_is_left_alone(db: None) -> None:
    message = _queue()
    MailMessage.objects.filter(pk=message.pk).update(
        claimed_until=timezone.now() + timedelta(minutes=1)
    )
    with pytest.raises(MailNotSent):
        mail_deliver_now(message_id=message.pk)
    assert mail.outbox == []
    # Once the claim of a worker that died has passed, the next try sends it.
    MailMessage.objects.filter(pk=message.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    assert mail_deliver_now(message_id=message.pk) == "sent"


@override_settings(
    EMAIL_BACKEND="tests.core.test_mail_outbox.RefusingBackend", CARAI_MAIL_MAX_ATTEMPTS=3
)
def test_a_refused_message_is_tried_again_then_marked_failed_with_the_reason(db: None) -> None:
    message = _queue()
    for attempt in (1, 2):
        with pytest.raises(MailNotSent):  # the task queue tries again later
            mail_deliver_now(message_id=message.pk)
        message.refresh_from_db()
        assert (message.status, message.attempts) == (MailStatus.QUEUED, attempt)
        assert message.claimed_until is None
    assert mail_deliver_now(message_id=message.pk) == "failed"
    message.refresh_from_db()
    assert message.status == MailStatus.FAILED
    assert "450" in message.last_error
    assert "SMTPRecipientsRefused" in message.last_error
    assert message.body  # kept, so it can be sent again


def test_the_relay_queues_again_what_the_queue_lost(db: None) -> None:
    fresh, lost, sent = _queue("a@x.example"), _queue("b@x.example"), _queue("c@x.example")
    long_ago = timezone.now() - timedelta(hours=1)
    MailMessage.objects.filter(pk__in=[lost.pk, sent.pk]).update(created_at=long_ago)
    MailMessage.objects.filter(pk=sent.pk).update(status=MailStatus.SENT)
    with override_settings(TASKS=DUMMY_TASKS):
        backend = task_backends["default"]
        assert isinstance(backend, DummyBackend)
        assert mail_relay() == 1
        assert [r.kwargs for r in backend.results] == [{"message_id": lost.pk}]
    assert fresh.pk != lost.pk


def test_the_relay_erases_the_text_of_old_failed_messages(db: None) -> None:
    message = _queue()
    MailMessage.objects.filter(pk=message.pk).update(
        status=MailStatus.FAILED, created_at=timezone.now() - timedelta(days=30)
    )
    mail_relay()
    message.refresh_from_db()
    assert message.body == ""


def _failed(world: World, **kwargs: Any) -> MailMessage:
    message = _queue("onbekend@zorg-a.example", **kwargs)
    MailMessage.objects.filter(pk=message.pk).update(
        status=MailStatus.FAILED, attempts=6, last_error="SMTPRecipientsRefused: 550 unknown user"
    )
    message.refresh_from_db()
    return message


def test_the_organisation_admin_sees_undelivered_mail_and_sends_it_again(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    message = _failed(world, organisation_id=world.org_a.pk)
    other = _failed(world, organisation_id=world.org_b.pk)
    admin = client_for(world.org_admin)
    detail = admin.get(reverse("community:organisation_detail", kwargs={"slug": "zorg-a"}))
    url = reverse("community:mail_undelivered", kwargs={"slug": "zorg-a"})
    assert url in detail.content.decode()  # reachable from the organisation's page
    page = admin.get(url).content.decode()
    assert "onbekend@zorg-a.example" in page
    assert "550 unknown user" in page
    assert "Opnieuw versturen" in page
    assert str(other.pk) not in [str(m.pk) for m in admin.get(url).context["page"]]
    resend = reverse("community:mail_resend", kwargs={"slug": "zorg-a", "message_id": message.pk})
    # Organisation B's admin cannot send A's e-mail, not even through B's own address.
    outsider = client_for(world.outsider_admin)
    assert outsider.get(url).status_code == 404
    wrong = reverse("community:mail_resend", kwargs={"slug": "zorg-b", "message_id": message.pk})
    assert outsider.post(wrong).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(resend).status_code == 302
    message.refresh_from_db()
    assert message.status == MailStatus.SENT
    assert [m.to for m in mail.outbox] == [["onbekend@zorg-a.example"]]
    assert AuditEvent.objects.filter(
        action=MailAction.MAIL_RETRIED, organisation=world.org_a, actor=world.org_admin
    ).exists()
    assert admin.post(resend).status_code == 404  # sent: nothing left to send again


def test_the_lead_sees_every_undelivered_mail(world: World) -> None:
    reset = _failed(world)  # a password reset belongs to no organisation
    lead = client_for(world.lead)
    dashboard = lead.get(reverse("overview:dashboard")).content.decode()
    url = reverse("community:lead_mail_undelivered")
    assert url in dashboard
    assert reset in lead.get(url).context["page"]
    assert client_for(world.org_admin).get(url).status_code == 404


@override_settings(TASKS=DUMMY_TASKS, EMAIL_BACKEND="tests.core.test_mail_outbox.CountingBackend")
def test_no_mail_server_is_contacted_inside_a_request(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    CountingBackend.opened = 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.org_admin).post(
            reverse("community:invitation_create", kwargs={"slug": "zorg-a"}),
            {"email": "nieuw.iemand@zorg-a.example", "role": "manager"},
        )
    assert response.status_code == 302
    assert CountingBackend.opened == 0
    message = MailMessage.objects.get(to="nieuw.iemand@zorg-a.example")
    assert message.status == MailStatus.QUEUED
    assert message.organisation_id == world.org_a.pk
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    assert [r.kwargs for r in backend.results] == [{"message_id": message.pk}]


def test_email_timeout_is_set() -> None:
    assert get_connection(backend="django.core.mail.backends.smtp.EmailBackend").timeout == 60


def test_errors_are_logged_never_emailed_to_admins() -> None:
    from django.conf import settings
    from django.utils.log import AdminEmailHandler

    assert settings.ADMINS == []
    loggers = [logging.getLogger(), *map(logging.getLogger, logging.root.manager.loggerDict)]
    handlers = [h for logger in loggers for h in getattr(logger, "handlers", [])]
    assert not [h for h in handlers if isinstance(h, AdminEmailHandler)]


# Password reset


def _reset(client: Client, email: str) -> Any:
    return client.post(reverse("accounts:password_reset"), {"email": email})


@override_settings(TASKS=DUMMY_TASKS)
def test_reset_does_the_same_work_whether_or_not_the_account_exists(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    statements = []
    for email in (world.care_worker.email, "niemand.bekend@zorg-a.example"):
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = _reset(Client(), email)
        assert response.status_code == 302
        statements.append([q["sql"] for q in queries.captured_queries])
    assert statements[0] == statements[1]
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    assert [r.task.name for r in backend.results] == ["password_reset_email_send"] * 2


def test_reset_sends_at_most_three_an_hour_to_one_address(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    for n in range(6):
        client = Client(REMOTE_ADDR=f"192.0.2.{n + 1}")  # different clients, one address
        with django_capture_on_commit_callbacks(execute=True):
            assert _reset(client, world.care_worker.email.upper()).status_code == 302
    assert len(mail.outbox) == 3


def test_reset_refuses_a_client_that_asks_too_often(db: None) -> None:
    client = Client(REMOTE_ADDR="198.51.100.7")
    for n in range(10):
        assert _reset(client, f"persoon{n}@zorg-a.example").status_code == 302
    refused = _reset(client, "nog.een@zorg-a.example")
    assert refused.status_code == 429
    assert "te vaak" in refused.content.decode()
    assert _reset(Client(REMOTE_ADDR="198.51.100.8"), "ander@zorg-a.example").status_code == 302


def test_erasing_an_account_removes_its_e_mails_from_the_outbox(world: World) -> None:
    from carai.accounts.services import user_erase

    _queue(world.care_worker.email.upper())
    other = _queue("iemand.anders@zorg-a.example")
    user_erase(user=world.care_worker, request=None)
    assert list(MailMessage.objects.all()) == [other]
