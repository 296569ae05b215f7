from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiteracyConfig(AppConfig):
    name = "carai.literacy"
    label = "literacy"
    verbose_name = _("AI literacy")

    def ready(self) -> None:
        from carai.literacy import (
            audit,  # noqa: F401  (declares the audit actions)
            receivers,
        )

        receivers.connect()
