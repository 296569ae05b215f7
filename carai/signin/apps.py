from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    name = "carai.signin"
    label = "signin"
    verbose_name = _("Sign-in with your organisation")

    def ready(self) -> None:
        from carai.accounts.personal_data import personal_data_register
        from carai.signin import receivers
        from carai.signin.personal_data import signin_erase, signin_export

        receivers.connect()
        personal_data_register(name="sign_in", export=signin_export, erase=signin_erase)
