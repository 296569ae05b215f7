"""The kinds of audit event the sandbox writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import audit_actions


@audit_actions
class SandboxAction(models.TextChoices):
    ENDPOINT_SAVED = "sandbox_endpoint_saved", _("AI sandbox model set up")
    COMMUNITY_SAVED = "sandbox_community_saved", _("Community AI model offered")
    COMMUNITY_JOINED = "sandbox_community_joined", _("Community AI model chosen")
