from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiteracyConfig(AppConfig):
    name = "carai.literacy"
    label = "literacy"
    verbose_name = _("AI literacy")

    def ready(self) -> None:
        from carai.accounts.personal_data import personal_data_register
        from carai.literacy import (
            audit,  # noqa: F401  (declares the audit actions)
            receivers,
        )
        from carai.literacy import personal_data as data

        receivers.connect()
        personal_data_register(
            name="external_certificates",
            export=data.external_certificates_export,
            erase=data.external_certificates_erase,
        )
        personal_data_register(name="literacy_tasks", export=data.literacy_tasks_export)
