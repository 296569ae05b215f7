"""AI maturity self-assessment rounds of an organisation.

A round is started by an organisation admin, who invites a small group of members. Each
invitee answers alone; the answers are kept per invitation so that a person can change them
until the round closes, and are only ever shown together (``maturity.score_round``).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation
from carai.insights.pseudonym import respondent_key


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
    # When the invitees who had not answered yet were reminded (once per round).
    reminded_at = models.DateTimeField(null=True, blank=True)

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


# Surveys ----------------------------------------------------------------------------------


class ItemKind(models.TextChoices):
    LIKERT = "likert", _("Agree or disagree (1 to 5)")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    NUMBER = "number", _("A number")
    TEXT = "text", _("Open answer")


def new_key_salt() -> str:
    return secrets.token_hex(32)


class Survey(models.Model):
    """A survey of an organisation, sent to a group. A survey with ``pre_survey`` is the
    after-measurement of that survey: the same person's answers to both are linked through
    the same pseudonymous key (``insights.pseudonym``), never through their name."""

    # None: a community survey, made by the community lead and sent to the people of every
    # active partner organisation (``SurveyRecipient.organisation`` says through which one).
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="surveys"
    )
    title = models.CharField(_("title"), max_length=160)
    consent_text = models.TextField(_("consent text"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    pre_survey = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="post_surveys"
    )
    # The secret of the pseudonymous keys of this survey's chain (``insights.pseudonym``):
    # random per first measurement, copied to its after-measurements; never SECRET_KEY, so
    # rotating SECRET_KEY keeps pre/post pairs and withdrawal working.
    key_salt = models.CharField(max_length=64, default=new_key_salt, editable=False)
    # The group: the organisation's members, narrowed to a role, a module's learners, the
    # team of a use case and/or the teams of a cycle's use cases.
    role = models.CharField(max_length=30, blank=True)
    module = models.ForeignKey(
        "learning.Module", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    use_case = models.ForeignKey(
        "usecases.UseCase", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cycle = models.ForeignKey(
        "usecases.Cycle", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    closes_on = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_community(self) -> bool:
        return self.organisation_id is None

    @property
    def chain_id(self) -> int:
        """The id that the pseudonymous keys of a pre/post pair share."""
        return self.pre_survey_id or self.pk

    def key_of(self, user_id: int) -> str:
        """The person's pseudonymous key in this survey's chain."""
        return respondent_key(salt=self.key_salt, chain_id=self.chain_id, user_id=user_id)

    @property
    def is_open(self) -> bool:
        return (
            self.sent_at is not None
            and self.closed_at is None
            and self.closes_on is not None
            and self.closes_on >= timezone.localdate()
        )


class SurveyItem(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveIntegerField()
    section_nl = models.CharField(max_length=160, blank=True)
    section_en = models.CharField(max_length=160, blank=True)
    code = models.CharField(max_length=40)
    kind = models.CharField(max_length=10, choices=ItemKind.choices)
    text_nl = models.TextField()
    text_en = models.TextField()
    choices = models.JSONField(default=list, blank=True)  # [{"nl": ..., "en": ...}]
    scale = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["survey", "code"], name="survey_item_code")]

    def __str__(self) -> str:
        return self.code

    def text(self, language: str) -> str:
        return self.text_en if language == "en" else self.text_nl

    def section(self, language: str) -> str:
        return self.section_en if language == "en" else self.section_nl

    def choice_labels(self, language: str) -> list[str]:
        return [str(c.get(language) or c.get("nl") or "") for c in self.choices]


class SurveyRecipient(models.Model):
    """Who was asked (for the invitation and the reminder). Not linked to any answer."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_invitations"
    )
    # The organisation through which the person was asked (for a community survey: one of
    # their active memberships; else the survey's organisation).
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="survey_recipient_once")
        ]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class SurveyResponse(models.Model):
    """One person's answers, under a pseudonymous key instead of their name."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    respondent_key = models.CharField(max_length=64)
    role = models.CharField(max_length=30, blank=True)  # for the role filter of the results
    # For the per-organisation split of a community survey's results (never shown per person).
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    consented_at = models.DateTimeField()
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent_key"], name="survey_response_once"
            )
        ]

    def __str__(self) -> str:
        return self.respondent_key


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(SurveyItem, on_delete=models.CASCADE, related_name="answers")
    number = models.FloatField(null=True, blank=True)  # likert 1-5, single choice index, number
    choices = models.JSONField(default=list, blank=True)  # multiple: the chosen indexes
    # An open answer is kept as typed only until the privacy engine masked it (a task).
    text = models.TextField(blank=True)
    text_masked = models.TextField(blank=True)
    masked = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="survey_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.response} {self.item}"


class SurveyRelease(models.Model):
    """The results of a survey as published (``insights.releases``): what the results page,
    the key figures and the CSV show until the next release. A new release is made only when
    at least five answers were added, changed or withdrawn since the last one, so comparing
    two views never shows one person's answers. The release keeps figures (counts, means,
    sums), never a person's answers; withdrawing still deletes those at once."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="releases")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    # The responses (ids) the release was made from: to see when five have changed.
    responses = models.JSONField(default=list)
    # Per figure ("<group>|<cell>"): the responses of its last shown version.
    figures = models.JSONField(default=dict)
    # Per group: its results as shown (``releases.dump``), read by the results page and
    # the key figures.
    results = models.JSONField(default=dict)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="survey_release_once")
        ]

    def __str__(self) -> str:
        return f"{self.survey} #{self.number}"
