"""Queue again large register imports whose task the queue lost (run every minute)."""

from typing import Any

from django.core.management.base import BaseCommand

from carai.register.services import tool_imports_relay


class Command(BaseCommand):
    help = "Queue again the register CSV imports that wait longer than two minutes."

    def handle(self, *args: Any, **options: Any) -> None:
        count = tool_imports_relay()
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} import(s) queued again.")
