from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "carai.insights"
    label = "insights"
    verbose_name = _("Insights: maturity and surveys")

    def ready(self) -> None:
        from carai.accounts.personal_data import personal_data_register
        from carai.insights import audit  # noqa: F401  (declares the audit actions)
        from carai.insights import personal_data as data

        personal_data_register(
            name="maturity_self_assessment", export=data.maturity_export, erase=data.maturity_erase
        )
        personal_data_register(name="surveys", export=data.surveys_export, erase=data.surveys_erase)
