from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    """Pages that read across domains: "Mijn overzicht", the partner page, the demo loader."""

    name = "carai.overview"
    label = "overview"
    verbose_name = _("Overview")
