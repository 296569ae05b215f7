"""Queue delivery of learning records that are due (run every minute, like mail_relay)."""

from typing import Any

from django.core.management.base import BaseCommand

from carai.xapi.tasks import xapi_relay


class Command(BaseCommand):
    help = "Queue sending of xAPI statements that are due to each organisation's LRS."

    def handle(self, *args: Any, **options: Any) -> None:
        count = xapi_relay()
        if options["verbosity"] > 0:
            self.stdout.write(f"Delivery queued for {count} learning record store(s).")
