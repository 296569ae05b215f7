from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "carai.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from carai.accounts.personal_data import personal_data_register
        from carai.community import (
            access,
            audit,  # noqa: F401  (declares the audit actions)
        )
        from carai.community import personal_data as data
        from carai.community.models import Membership, Organisation

        # The cached look-up of an organisation and a person's roles in it (access._door).
        for model, receiver in (
            (Organisation, access.organisation_saved),
            (Membership, access.membership_saved),
        ):
            uid = f"community-door-{model.__name__}"
            post_save.connect(receiver, sender=model, dispatch_uid=uid)
            post_delete.connect(receiver, sender=model, dispatch_uid=uid)

        personal_data_register(
            name="memberships", export=data.memberships_export, erase=data.memberships_erase
        )
        personal_data_register(
            name="invitations_received",
            export=data.invitations_export,
            erase=data.invitations_erase,
        )
