"""Import a content pack (Markdown + YAML). Safe to run again: unchanged modules stay as is."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from carai.learning.content import ContentError, read_pack
from carai.learning.services.content import ImportReport, module_import


class Command(BaseCommand):
    help = "Import learning modules from a content pack folder (default: content/)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", nargs="?", default=str(Path(settings.BASE_DIR) / "content"))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            modules = read_pack(Path(options["path"]))
        except ContentError as error:
            raise CommandError(str(error)) from error
        report = ImportReport()
        with transaction.atomic():  # all or nothing
            for data in modules:
                module_import(data=data, report=report)
        self.stdout.write(
            self.style.SUCCESS(
                f"Content pack imported: {len(report.created)} new, {len(report.updated)} "
                f"updated (new version), {len(report.unchanged)} unchanged."
            )
        )
