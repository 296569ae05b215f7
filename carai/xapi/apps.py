from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    name = "carai.xapi"
    label = "xapi"
    verbose_name = _("Learning records (xAPI)")

    def ready(self) -> None:
        from carai.accounts.personal_data import personal_data_register
        from carai.xapi import receivers
        from carai.xapi.personal_data import xapi_erase, xapi_export

        receivers.connect()
        personal_data_register(
            name="learning_records_for_lrs", export=xapi_export, erase=xapi_erase
        )
