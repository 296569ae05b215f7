"""Make a new Open Badges signing key (docs/badges.md). Prints it; stores nothing."""

from typing import Any

from django.core.management.base import BaseCommand

from carai.learning import badges


class Command(BaseCommand):
    help = (
        "Print a new Ed25519 signing key for CARAI_BADGE_SIGNING_KEY, and the public key of "
        "the current one (for CARAI_BADGE_RETIRED_KEYS when you rotate)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        current = badges.b64url(badges.signing_key().public_key().public_bytes_raw())
        self.stdout.write(f"CARAI_BADGE_SIGNING_KEY={badges.key_seed_generate()}")
        self.stdout.write(
            f"# public key of the key in use now (add it to the retired keys): {current}"
        )
