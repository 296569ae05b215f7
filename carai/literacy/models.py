"""AI literacy evidence per organisation (EU AI Act, article 4).

What a person needs for the AI tools they may use comes from the register (the tool's roles,
teams and required modules, kept per version as ``ToolRevision``) and from the extra
requirements below. Everything here is dated and never overwritten, so that the state on
a past date can be worked out again: a requirement is ended, not deleted; a plan goal that
changes becomes a new row; an evidence file keeps its bytes and their checksums.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation, Role
from carai.register.models import AIActCategory, AITool


class RequirementKind(models.TextChoices):
    MODULE = "module", _("Module finished (valid certificate)")
    GUIDELINES = "guidelines", _("Current AI guidelines read")
    PRACTICE = "practice", _("Practice exercise passed")
    WORKSHOP = "workshop", _("Workshop attended")


# Kinds kept in ``ToolRequirement``: modules are the register's ``required_modules``.
EXTRA_KINDS = (RequirementKind.GUIDELINES, RequirementKind.PRACTICE, RequirementKind.WORKSHOP)


class ToolRequirement(models.Model):
    """What a tool asks of its users beyond its modules. Ended, never deleted."""

    tool = models.ForeignKey(AITool, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(
        _("kind"), max_length=20, choices=[(k.value, k.label) for k in EXTRA_KINDS]
    )
    # practice: "<case key>:<exercise>"; workshop: the module key; guidelines: "".
    key = models.CharField(_("what"), max_length=120, blank=True)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["tool", "kind", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["tool", "kind", "key"],
                condition=Q(removed_at__isnull=True),
                name="one_open_tool_requirement",
            )
        ]

    def __str__(self) -> str:
        return f"{self.tool_id} · {self.kind} {self.key}"


class ExternalStatus(models.TextChoices):
    DECLARED = "declared", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")


class ExternalCertificate(models.Model):
    """A certificate from elsewhere that a person declares for a module. It counts as
    evidence once a manager or the privacy officer accepted it, from that moment."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="external_certificates"
    )
    module_key = models.SlugField(_("counts for module"), max_length=80)
    title = models.CharField(_("name of the course or certificate"), max_length=200)
    issuer = models.CharField(_("issued by"), max_length=200)
    reference = models.CharField(_("certificate number or link"), max_length=300, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ExternalStatus.choices, default=ExternalStatus.DECLARED
    )
    declared_at = models.DateTimeField(default=timezone.now)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    review_note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-declared_at"]
        verbose_name = _("external certificate")
        verbose_name_plural = _("external certificates")
        indexes = [models.Index(fields=["user", "module_key"], name="external_user_module")]

    def __str__(self) -> str:
        return f"{self.title} · {self.user_id}"


class PlanStep(models.TextChoices):
    IDENTIFY = "identify", _("1. Identify: who uses which AI, with which risk")
    GOALS = "goals", _("2. Set goals per role and risk level")
    CARRY_OUT = "carry_out", _("3. Carry out the measures")
    EVALUATE = "evaluate", _("4. Evaluate and adjust")


class PlanGoal(models.Model):
    """One goal of the organisation's AI literacy plan: for a role (or everyone) and a risk
    level, the measures, who is responsible and when it is evaluated. A change makes a new
    row and marks the old one superseded, so the plan on a past date stays readable."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    risk_level = models.CharField(
        _("risk level"), max_length=20, choices=AIActCategory.choices, blank=True
    )
    goal = models.TextField(_("goal"))
    measures = models.TextField(_("measures"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible person"),
    )
    evaluate_on = models.DateField(_("evaluation date"))
    evaluation = models.TextField(_("evaluation: what worked, what changes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    replaces = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by"
    )
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["role", "risk_level", "created_at"]

    def __str__(self) -> str:
        return self.goal[:80]


class EvidenceStatus(models.TextChoices):
    QUEUED = "queued", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class EvidenceFile(models.Model):
    """The evidence file as it was on ``as_of``: PDF and XLSX, made once by a background
    task and kept with their SHA-256 checksums."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    as_of = models.DateField(_("as it was on"))
    language = models.CharField(max_length=5, default="nl")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    made_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=EvidenceStatus.choices, default=EvidenceStatus.QUEUED
    )
    pdf = models.BinaryField(blank=True, default=b"")
    xlsx = models.BinaryField(blank=True, default=b"")
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    xlsx_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.organisation_id} · {self.as_of}"


class AssignmentReason(models.TextChoices):
    REQUIRED = "required", _("Required for an AI tool")
    REFRESH = "refresh", _("Certificate expires")


class LiteracyAssignment(models.Model):
    """An assignment the literacy follow-up made for a person (so it can end it again when
    the person no longer needs the module)."""

    assignment = models.OneToOneField(
        "learning.Assignment", on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    module_key = models.SlugField(max_length=80)
    reason = models.CharField(max_length=10, choices=AssignmentReason.choices)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user_id} · {self.module_key} · {self.reason}"


class LiteracyTask(models.Model):
    """Something other than a module that a tool the person may use asks of them (read the
    current guidelines, pass a practice exercise, attend a workshop), made by the follow-up:
    the person sees it on their own page and gets an e-mail when it is made and a reminder
    when the date has passed. Done when the evidence is there; ended when they no longer
    need it. Kept, never deleted."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=[(k.value, k.label) for k in EXTRA_KINDS])
    key = models.CharField(max_length=120, blank=True)
    due_date = models.DateField(_("due date"))
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)  # no longer needed
    reminded_at = models.DateTimeField(null=True, blank=True)  # the reminder after the date

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user", "kind", "key"],
                condition=Q(done_at__isnull=True, ended_at__isnull=True),
                name="one_open_literacy_task",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.kind} {self.key}"

    @property
    def is_open(self) -> bool:
        return self.done_at is None and self.ended_at is None
