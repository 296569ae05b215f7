"""Enqueue the daily literacy follow-up (assignments for what people need). Run from cron."""

from typing import Any

from django.core.management.base import BaseCommand

from carai.literacy.tasks import literacy_follow_up


class Command(BaseCommand):
    help = (
        "Queue the daily AI literacy follow-up: assignments for modules that AI tools "
        "require, refreshes before certificates expire, and ending what people no longer need."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = literacy_follow_up.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Literacy follow-up queued ({result.id})."))
