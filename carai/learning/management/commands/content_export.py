"""Export community modules to a content pack folder, to share with other communities."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from carai.learning.content import write_module
from carai.learning.models import Module
from carai.learning.selectors import module_to_data


class Command(BaseCommand):
    help = "Write published community modules to a content pack folder."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("out", help="Folder to write the pack to.")

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["out"])
        modules = Module.objects.published().filter(owner__isnull=True)
        for module in modules:
            write_module(module_to_data(module), root)
        self.stdout.write(self.style.SUCCESS(f"{modules.count()} modules written to {root}."))
