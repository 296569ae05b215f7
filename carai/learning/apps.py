from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "carai.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from carai.accounts.personal_data import personal_data_register
        from carai.learning import audit  # noqa: F401  (declares the audit actions)
        from carai.learning import personal_data as data

        personal_data_register(
            name="learning", export=data.learning_export, erase=data.learning_erase
        )
        personal_data_register(
            name="certificates", export=data.certificates_export, erase=data.certificates_erase
        )
