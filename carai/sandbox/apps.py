from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SandboxConfig(AppConfig):
    name = "carai.sandbox"
    label = "sandbox"
    verbose_name = _("AI sandbox")

    def ready(self) -> None:
        from django.urls import reverse

        from carai.accounts.personal_data import personal_data_register
        from carai.learning.elsewhere import elsewhere_register
        from carai.learning.models import LessonKind
        from carai.sandbox import (
            audit,  # noqa: F401  (declares the audit actions)
            selectors,
        )
        from carai.sandbox.personal_data import sandbox_erase, sandbox_export

        personal_data_register(
            name="ai_sandbox_attempts", export=sandbox_export, erase=sandbox_erase
        )

        # A module's "AI sandbox attempt" lesson is done with an attempt kept on its case.
        elsewhere_register(
            kind=LessonKind.SANDBOX,
            done=selectors.kept_on_case,
            link=lambda *, case: reverse("sandbox:workspace", kwargs={"case_id": case.pk}),
        )
