"""An organisation's learning record store (LRS) and the xAPI statements on their way to it.

Statements wait in ``Statement`` (an outbox) until the LRS accepted them, so a learner never
waits for the LRS and nothing is lost when it is down: ``tasks.xapi_deliver`` sends them in
batches and tries again later after a failure; ``manage.py xapi_relay`` (every minute) queues
what is due. The LRS password is stored encrypted (``carai.xapi.secrets``)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation


class Identify(models.TextChoices):
    PSEUDONYM = "pseudonym", _("A pseudonym (no name or e-mail address leaves CARAI)")
    EMAIL = "email", _("The learner's e-mail address")


def _salt() -> str:
    return secrets.token_hex(16)


# The purpose under which the LRS password is sealed (core.secrets_box): never change it.
LRS_BOX = "xapi-lrs-password"


class LrsConfig(models.Model):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="lrs_config"
    )
    is_active = models.BooleanField(_("send learning records"), default=False)
    endpoint = models.URLField(_("LRS address (xAPI endpoint)"), max_length=300)
    username = models.CharField(_("user name (key)"), max_length=200)
    password_encrypted = models.TextField(editable=False)
    identify_by = models.CharField(
        _("learners are named by"),
        max_length=20,
        choices=Identify.choices,
        default=Identify.PSEUDONYM,
    )
    pseudonym_salt = models.CharField(max_length=64, default=_salt, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.organisation} · {self.endpoint}"


class StatementState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")


class Statement(models.Model):
    lrs = models.ForeignKey(LrsConfig, on_delete=models.CASCADE, related_name="statements")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    statement_id = models.UUIDField()
    body = models.JSONField()
    state = models.CharField(
        max_length=10, choices=StatementState.choices, default=StatementState.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lrs", "statement_id"], name="one_statement_per_lrs")
        ]
        indexes = [models.Index(fields=["lrs", "state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.statement_id} · {self.state}"
