"""The kinds of audit event the register app writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import audit_actions


@audit_actions
class RegisterAction(models.TextChoices):
    """Changes to the AI tool register and the AI guidelines."""

    AI_TOOL_CHANGED = "ai_tool_changed", _("AI tool in the register added or changed")
    AI_REGISTER_IMPORTED = "ai_register_imported", _("AI tool register imported from CSV")
    AI_REGISTER_PUBLISHED = "ai_register_published", _("AI tool register made public")
    AI_REGISTER_HIDDEN = "ai_register_hidden", _("AI tool register no longer public")
    GUIDELINES_PUBLISHED = "guidelines_published", _("AI guidelines published")
