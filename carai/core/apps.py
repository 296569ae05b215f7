from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "carai.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from carai.core import signals  # noqa: F401  (connects the audit log receivers)
