"""The kinds of audit event the community app writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import audit_actions


@audit_actions
class CommunityAction(models.TextChoices):
    """Changes to organisations, their members and invitations."""

    INVITATION_SENT = "invitation_sent", _("Invitation sent")
    INVITATION_REVOKED = "invitation_revoked", _("Invitation withdrawn")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    MEMBERSHIP_ADDED = "membership_added", _("Membership added")
    ROLE_CHANGED = "role_changed", _("Role changed")
    MEMBERSHIP_ENDED = "membership_ended", _("Member removed")
    ORGANISATION_CREATED = "organisation_created", _("Organisation created")
    ORGANISATION_CHANGED = "organisation_changed", _("Organisation changed")
    EVENT_WAITLIST_JOINED = "event_waitlist_joined", _("Put on an event's waiting list")
    EVENT_PLACE_GIVEN = "event_place_given", _("Moved up from an event's waiting list")
