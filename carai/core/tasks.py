"""Background work of the core app (django-tasks): sending e-mail from the outbox."""

from __future__ import annotations

from django_tasks import task

from carai.core.mail import mail_deliver_now


@task()
def mail_deliver(*, message_id: int) -> str:
    """Send one message of the outbox (see ``carai.core.mail``). Raises to be tried again."""
    return mail_deliver_now(message_id=message_id)
