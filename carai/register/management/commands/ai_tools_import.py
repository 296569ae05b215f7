"""Import the community catalogue of AI tool templates (idempotent)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from carai.register.content import TemplateError, read_templates
from carai.register.services import template_import


class Command(BaseCommand):
    help = "Import AI tool templates from content/ai-tools/. Safe to run again."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "folder", nargs="?", default=str(Path(settings.BASE_DIR) / "content" / "ai-tools")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            templates = read_templates(Path(options["folder"]))
        except TemplateError as error:
            raise CommandError(str(error)) from error
        created = sum(template_import(data=data)[1] for data in templates)
        self.stdout.write(f"{len(templates)} AI tool templates read, {created} new.")
