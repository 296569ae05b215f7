"""Enqueue the daily certificate check (reminders and expiry). Run from cron once a day."""

from typing import Any

from django.core.management.base import BaseCommand

from carai.learning.tasks import certificates_check_expiry


class Command(BaseCommand):
    help = "Queue the daily certificate check: reminders 30 and 7 days ahead, mark expired."

    def handle(self, *args: Any, **options: Any) -> None:
        result = certificates_check_expiry.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Certificate check queued ({result.id})."))
