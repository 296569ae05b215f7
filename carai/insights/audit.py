"""The kinds of audit event the insights app writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import audit_actions


@audit_actions
class InsightsAction(models.TextChoices):
    """Maturity rounds and surveys (never the answers themselves)."""

    MATURITY_ROUND_STARTED = "maturity_round_started", _("AI maturity round started")
    MATURITY_ROUND_CLOSED = "maturity_round_closed", _("AI maturity round closed")
    SURVEY_SENT = "survey_sent", _("Survey sent to a group")
    SURVEY_CLOSED = "survey_closed", _("Survey closed")
