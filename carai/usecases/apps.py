from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UseCasesConfig(AppConfig):
    name = "carai.usecases"
    label = "usecases"
    verbose_name = _("Use cases")
