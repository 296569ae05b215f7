"""Enqueue the daily follow-up on assignments (reminders, weekly digest). Run from cron."""

from typing import Any

from django.core.management.base import BaseCommand

from carai.learning.tasks import assignments_follow_up


class Command(BaseCommand):
    help = (
        "Queue the daily follow-up on assignments: reminders before and after the due "
        "date to the learner, and the weekly digest to managers."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = assignments_follow_up.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Assignment follow-up queued ({result.id})."))
