from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "carai.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from carai.accounts.personal_data import personal_data_register
        from carai.community import audit  # noqa: F401  (declares the audit actions)
        from carai.community import personal_data as data

        personal_data_register(
            name="memberships", export=data.memberships_export, erase=data.memberships_erase
        )
        personal_data_register(
            name="invitations_received",
            export=data.invitations_export,
            erase=data.invitations_erase,
        )
