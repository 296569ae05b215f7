"""The AI sandbox: an organisation's model endpoint, the calls counted per month (never what
was asked) and the attempts a learner chose to keep."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation
from carai.practice.models import Case
from carai.register.models import AITool


class CommunityEndpoint(models.Model):
    """A model the community lead offers to the partner organisations. An organisation uses it
    only after its admin opted in (a ``ModelEndpoint`` that points here, linked to one of the
    organisation's own register tools); the budget is counted per organisation."""

    name = models.CharField(_("name"), max_length=200)
    is_active = models.BooleanField(_("offered to partners"), default=True)
    base_url = models.URLField(_("address (base URL)"), max_length=300)
    model_name = models.CharField(_("model name"), max_length=200)
    key_encrypted = models.TextField(blank=True, editable=False)
    monthly_token_budget = models.PositiveIntegerField(
        _("tokens per organisation per month"), default=200_000
    )
    requests_per_hour = models.PositiveIntegerField(_("requests per person per hour"), default=20)
    price_per_million = models.DecimalField(
        _("price per million tokens (euro)"), max_digits=8, decimal_places=2, default=0
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name} · {self.model_name}"


class ModelEndpoint(models.Model):
    """Where the organisation's sandbox sends prompts: a server that speaks the
    chat-completions protocol, linked to a tool of the organisation's AI register."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="sandbox_endpoint"
    )
    tool = models.ForeignKey(
        AITool, on_delete=models.PROTECT, related_name="+", verbose_name=_("AI tool")
    )
    is_active = models.BooleanField(_("learners may send prompts"), default=True)
    # Set when the organisation opted in to the community's model: address, model, key,
    # budget, hourly limit and price are then the community endpoint's (the budget counted
    # for this organisation alone), and the fields below are not used.
    community = models.ForeignKey(
        CommunityEndpoint,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partners",
        verbose_name=_("community model"),
    )
    base_url = models.URLField(_("address (base URL)"), max_length=300, blank=True)
    model_name = models.CharField(_("model name"), max_length=200, blank=True)
    key_encrypted = models.TextField(blank=True, editable=False)
    monthly_token_budget = models.PositiveIntegerField(_("tokens per month"), default=200_000)
    requests_per_hour = models.PositiveIntegerField(_("requests per person per hour"), default=20)
    price_per_million = models.DecimalField(
        _("price per million tokens (euro)"), max_digits=8, decimal_places=2, default=0
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.organisation} · {self.target_model}"

    def _source(self) -> ModelEndpoint | CommunityEndpoint:
        return self.community if self.community_id and self.community else self

    @property
    def target_url(self) -> str:
        return self._source().base_url

    @property
    def target_model(self) -> str:
        return self._source().model_name

    @property
    def sealed_key(self) -> str:
        return self._source().key_encrypted

    @property
    def token_budget(self) -> int:
        return self._source().monthly_token_budget

    @property
    def hourly_limit(self) -> int:
        return self._source().requests_per_hour

    @property
    def price(self) -> Decimal:
        return self._source().price_per_million


class Call(models.Model):
    """One request to the model: who (for the hourly limit), when and how many tokens. The
    prompt and the answer are never kept here."""

    endpoint = models.ForeignKey(ModelEndpoint, on_delete=models.CASCADE, related_name="calls")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    tokens = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=20, default="started")

    class Meta:
        indexes = [models.Index(fields=["endpoint", "created_at"])]

    def __str__(self) -> str:
        return f"{self.endpoint_id} · {self.created_at:%Y-%m-%d %H:%M} · {self.tokens}"


class Source(models.TextChoices):
    LIVE = "live", _("Live answer of the model")
    RECORDED = "recorded", _("Recorded example answer")


class SandboxAttempt(models.Model):
    """What a learner chose to keep: prompt, answer, marks and reflection. Their own only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sandbox_attempts"
    )
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    task = models.TextField()
    prompt = models.TextField()
    answer = models.TextField()
    source = models.CharField(max_length=10, choices=Source.choices)
    marks = models.JSONField(default=list)  # [{"kind", "text", "detail", "agreed", "own"}]
    reflection = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} · {self.case} · {self.created_at:%Y-%m-%d}"
