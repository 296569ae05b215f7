"""Enqueue the daily follow-up of insights: reminders before a survey or a maturity round
closes. Run from cron."""

from typing import Any

from django.core.management.base import BaseCommand

from carai.insights.services.surveys import surveys_follow_up


class Command(BaseCommand):
    help = (
        "Queue the daily follow-up: one reminder before a survey closes, and one to the "
        "invitees of a maturity round who have not answered before it closes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = surveys_follow_up.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Survey follow-up queued ({result.id})."))
