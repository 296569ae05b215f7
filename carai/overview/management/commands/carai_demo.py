"""Load the fictional demo community (idempotent) and print the demo log-ins."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from carai.community.demo import DEMO_PASSWORD, PERSONAS, load_demo_community, load_demo_events
from carai.insights.demo import load_demo_insights
from carai.kpis.store import kpi_data_changed
from carai.learning.demo import load_demo_learning
from carai.literacy.demo import load_demo_literacy
from carai.practice.content import read_cases
from carai.practice.services import case_import
from carai.register.demo import load_demo_register
from carai.usecases.demo import load_demo_use_cases


class Command(BaseCommand):
    help = "Load the fictional demo community. Safe to run again; it updates what it made."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print log-ins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("The demo community is not for production (CARAI_ENV=production).")
        people = load_demo_community()
        modules = load_demo_learning()
        cases = read_cases(Path(settings.BASE_DIR) / "content")
        for data in cases:
            case_import(data=data)
        tools = load_demo_register()
        goals = load_demo_literacy()
        use_cases = load_demo_use_cases()
        event_count = load_demo_events()
        load_demo_insights()
        kpi_data_changed()  # the demo also writes with update(), which sends no signal
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo community ready: {len(people)} made-up people in 9 made-up organisations, "
                f"{modules} learning modules with demo progress, {len(cases)} practice cases, "
                f"{tools} AI tools in Lindehof's register, {goals} goals in its AI literacy "
                f"plan, {use_cases} use cases, "
                f"{event_count} events, a finished AI maturity round and a pre/post survey at "
                "Lindehof."
            )
        )
        if options["quiet_logins"]:
            return
        self.stdout.write("")
        self.stdout.write(f"Demo log-ins (password for all: {DEMO_PASSWORD})")
        width = max(len(p.email) for p in PERSONAS)
        for person in PERSONAS:
            self.stdout.write(f"  {person.email.ljust(width)}  {person.label}")
