"""Import the fictional practice cases from a content pack (idempotent)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from carai.practice.content import CaseError, read_cases
from carai.practice.services import case_import


class Command(BaseCommand):
    help = "Import practice cases from content/cases/ (or another pack). Safe to run again."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("root", nargs="?", default=str(Path(settings.BASE_DIR) / "content"))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            cases = read_cases(Path(options["root"]))
        except CaseError as error:
            raise CommandError(str(error)) from error
        changed = sum(case_import(data=data)[1] for data in cases)
        self.stdout.write(f"{len(cases)} cases read, {changed} new or changed.")
