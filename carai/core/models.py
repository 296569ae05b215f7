"""The audit log: an append-only record of security-relevant events.

The kinds of event belong to the apps that write them (``carai.core.audit.audit_actions``),
so a new kind needs no change, and no migration, here."""

from __future__ import annotations

import uuid
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import ACTION_MAX_LENGTH, audit_action_label


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("The audit log cannot be changed.")

    def delete(self) -> NoReturn:
        raise PermissionError("The audit log cannot be changed.")


class AuditEvent(models.Model):
    """Who did what, when, from which address, to which object. Never changed or deleted."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # One of the actions an app declared with ``carai.core.audit.audit_actions``.
    action = models.CharField(_("what"), max_length=ACTION_MAX_LENGTH)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    organisation = models.ForeignKey(
        "community.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    target_type = models.CharField(_("object type"), max_length=60, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_label = models.CharField(_("object"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The audit log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("The audit log cannot be changed.")

    @property
    def action_label(self) -> str:
        return audit_action_label(self.action)


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be delivered")


class MailMessage(models.Model):
    """One e-mail in the outbox (``carai.core.mail``): written in the transaction of whatever
    caused it, sent by the ``mail_deliver`` task, tried again with growing pauses, and left
    in a visible state: sent, or failed with the reason. The text is erased once sent (it may
    hold a log-in or reset link)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    to = models.EmailField(_("to"))
    template = models.CharField(_("kind of e-mail"), max_length=100)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    organisation = models.ForeignKey(
        "community.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    # A worker sending it holds it until then; a worker that died lets go when it passes.
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["organisation", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
