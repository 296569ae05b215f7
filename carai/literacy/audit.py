"""The kinds of audit event the literacy app writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import audit_actions


@audit_actions
class LiteracyAction(models.TextChoices):
    """External certificates, extra tool requirements, the literacy plan and evidence files."""

    EXTERNAL_DECLARED = "literacy_external_declared", _("External certificate declared")
    EXTERNAL_ACCEPTED = "literacy_external_accepted", _("External certificate accepted")
    EXTERNAL_REJECTED = "literacy_external_rejected", _("External certificate not accepted")
    REQUIREMENT_ADDED = "literacy_requirement_added", _("AI tool requirement added")
    REQUIREMENT_REMOVED = "literacy_requirement_removed", _("AI tool requirement removed")
    PLAN_GOAL_SAVED = "literacy_plan_goal_saved", _("AI literacy plan goal saved")
    PLAN_GOAL_REMOVED = "literacy_plan_goal_removed", _("AI literacy plan goal removed")
    EVIDENCE_FILE_MADE = "literacy_evidence_file_made", _("AI literacy evidence file made")
