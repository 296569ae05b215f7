from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "carai.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from carai.accounts.personal_data import personal_data_register
        from carai.community import (
            access,
            audit,  # noqa: F401  (declares the audit actions)
        )
        from carai.community import personal_data as data
        from carai.community.models import Membership, Organisation
        from carai.core.cache import on_write

        # The cached look-up of an organisation and a person's roles in it (access._door).
        for model, receiver in (
            (Organisation, access.organisation_saved),
            (Membership, access.membership_saved),
        ):
            on_write(model, receiver, dispatch_uid=f"community-door-{model.__name__}")

        personal_data_register(
            name="memberships", export=data.memberships_export, erase=data.memberships_erase
        )
        personal_data_register(
            name="invitations_received",
            export=data.invitations_export,
            erase=data.invitations_erase,
        )
