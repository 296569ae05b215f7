from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from carai.core.mail import mail_relay


class Command(BaseCommand):
    help = (
        "Queue again e-mails of the outbox that waited much longer than their next try "
        "(the task queue lost them). Run every few minutes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = mail_relay()
        if options["verbosity"] > 0:
            self.stdout.write(f"Queued again: {count}")
