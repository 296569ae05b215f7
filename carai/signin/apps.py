from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    name = "carai.signin"
    label = "signin"
    verbose_name = _("Sign-in with your organisation")

    def ready(self) -> None:
        from carai.signin import receivers

        receivers.connect()
