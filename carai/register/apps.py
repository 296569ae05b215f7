from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "carai.register"
    label = "register"
    verbose_name = _("AI tool register")

    def ready(self) -> None:
        from carai.register import audit  # noqa: F401  (declares the audit actions)
