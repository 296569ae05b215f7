"""Enqueue the daily survey follow-up (reminders before a survey closes). Run from cron."""

from typing import Any

from django.core.management.base import BaseCommand

from carai.insights.services.surveys import surveys_follow_up


class Command(BaseCommand):
    help = "Queue the daily survey follow-up: one reminder to the group before a survey closes."

    def handle(self, *args: Any, **options: Any) -> None:
        result = surveys_follow_up.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Survey follow-up queued ({result.id})."))
