"""The kinds of audit event the xAPI app writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import audit_actions


@audit_actions
class XapiAction(models.TextChoices):
    LRS_CONFIGURED = "lrs_configured", _("Learning record store set up")
