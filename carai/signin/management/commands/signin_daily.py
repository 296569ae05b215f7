"""Enqueue the daily check for people who no longer sign in through their organisation."""

from typing import Any

from django.core.management.base import BaseCommand

from carai.signin.tasks import sso_members_deactivate


class Command(BaseCommand):
    help = "Queue the daily end of memberships of people without a recent sign-in (SSO)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = sso_members_deactivate.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Sign-in check queued ({result.id})."))
