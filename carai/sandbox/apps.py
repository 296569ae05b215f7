from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SandboxConfig(AppConfig):
    name = "carai.sandbox"
    label = "sandbox"
    verbose_name = _("AI sandbox")

    def ready(self) -> None:
        from carai.accounts.personal_data import personal_data_register
        from carai.sandbox import audit  # noqa: F401  (declares the audit actions)
        from carai.sandbox.personal_data import sandbox_erase, sandbox_export

        personal_data_register(
            name="ai_sandbox_attempts", export=sandbox_export, erase=sandbox_erase
        )
