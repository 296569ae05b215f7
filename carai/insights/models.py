"""AI maturity self-assessment rounds of an organisation.

A round is started by an organisation admin, who invites a small group of members. Each
invitee answers alone; the answers are kept per invitation so that a person can change them
until the round closes, and are only ever shown together (``maturity.score_round``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation


class MaturityRound(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="maturity_rounds"
    )
    title = models.CharField(_("title"), max_length=120)
    model_version = models.CharField(max_length=20)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    closes_on = models.DateField(_("closes on"))
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("AI maturity round")

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None or self.closes_on < timezone.localdate()


class MaturityInvite(models.Model):
    round = models.ForeignKey(MaturityRound, on_delete=models.CASCADE, related_name="invites")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="maturity_invites"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="maturity_invite_once")
        ]

    def __str__(self) -> str:
        return f"{self.round} #{self.pk}"


class MaturityAnswer(models.Model):
    invite = models.ForeignKey(MaturityInvite, on_delete=models.CASCADE, related_name="answers")
    statement = models.CharField(max_length=60)  # "<dimension>.<stage>" of the model
    rating = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["invite", "statement"], name="maturity_answer_once"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=4), name="maturity_rating_1_4"
            ),
        ]

    def __str__(self) -> str:
        return self.statement
