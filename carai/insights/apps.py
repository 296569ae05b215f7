from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "carai.insights"
    label = "insights"
    verbose_name = _("Insights: maturity and surveys")

    def ready(self) -> None:
        from carai.insights import audit  # noqa: F401  (declares the audit actions)
