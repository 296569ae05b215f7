"""The kinds of audit event the learning app writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import audit_actions


@audit_actions
class LearningAction(models.TextChoices):
    """Publishing and sharing modules, and workshop attendance."""

    MODULE_PUBLISHED = "module_published", _("Module published")
    MODULE_SHARED = "module_shared", _("Module shared with the community")
    MODULE_UNSHARED = "module_unshared", _("Module no longer shared with the community")
    MODULE_ARCHIVED = "module_archived", _("Module archived")
    ATTENDANCE_MARKED = "attendance_marked", _("Workshop attendance marked")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")
