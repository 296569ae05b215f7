"""The AI tool register of an organisation: which AI tools, for which data, on what terms.

Every change to a tool is kept as a numbered ``ToolRevision`` (a full snapshot), so nothing
is lost by editing and any two versions can be compared. Guidelines are versioned the same
way; members acknowledge the current version.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation
from carai.core.markdown import render_markdown


class ToolStatus(models.TextChoices):
    ALLOWED = "allowed", _("Allowed")
    CONDITIONS = "allowed_with_conditions", _("Allowed with conditions")
    UNDER_REVIEW = "under_review", _("Under review")
    NOT_ALLOWED = "not_allowed", _("Not allowed")


class Permission(models.TextChoices):
    ALLOWED = "allowed", _("May go in")
    CONDITIONS = "allowed_with_conditions", _("May go in under conditions")
    NOT_ALLOWED = "not_allowed", _("May not go in")


class DataCategory(models.TextChoices):
    PUBLIC = "public", _("Public information")
    INTERNAL = "internal", _("Internal work information")
    STAFF_PERSONAL = "staff_personal", _("Personal data of staff")
    CLIENT_PERSONAL = "client_personal", _("Personal data of clients")
    HEALTH = "health", _("Health data of clients (special category)")
    PSEUDONYMISED = "pseudonymised", _("Pseudonymised client data")
    BSN = "bsn", _("BSN (citizen service number)")


class DataLocation(models.TextChoices):
    EU = "eu", _("Inside the EU")
    OUTSIDE_EU = "outside_eu", _("Outside the EU")
    UNKNOWN = "unknown", _("Unknown")


class AIActCategory(models.TextChoices):
    PROHIBITED = "prohibited", _("Prohibited practice")
    HIGH_RISK = "high_risk", _("High risk")
    LIMITED = "limited", _("Limited risk (transparency duties)")
    MINIMAL = "minimal", _("Minimal risk")


class ToolTemplate(models.Model):
    """A community-wide template for a common AI tool (``content/ai-tools/``)."""

    slug = models.SlugField(_("key"), max_length=80, unique=True)
    checked_on = models.DateField(_("facts checked on"))
    name = models.CharField(_("name"), max_length=200)
    vendor = models.CharField(_("vendor"), max_length=200)
    product = models.CharField(_("product or model"), max_length=200)
    version = models.CharField(_("version"), max_length=100, blank=True)
    suggested_status = models.CharField(max_length=30, choices=ToolStatus.choices)
    data_location = models.CharField(max_length=20, choices=DataLocation.choices)
    hosting = models.CharField(max_length=300)
    processor_agreement = models.BooleanField(default=False)
    ai_act_category = models.CharField(max_length=20, choices=AIActCategory.choices)
    general_purpose = models.BooleanField(default=False)
    texts = models.JSONField(default=dict)  # {"nl": {"description": ...}, "en": {...}}
    data_rules = models.JSONField(default=dict)  # {category: {"permission", "nl", "en"}}
    sources = models.JSONField(default=list)  # [{"title", "url"}]
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("AI tool template")
        verbose_name_plural = _("AI tool templates")

    def __str__(self) -> str:
        return self.name

    def text(self, field: str, language: str) -> str:
        texts = self.texts.get(language) or self.texts.get("nl") or {}
        return str(texts.get(field, ""))


class Register(models.Model):
    """Per organisation: whether its register is published on a public page."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.PROTECT, related_name="ai_register"
    )
    is_public = models.BooleanField(_("published on a public page"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    contact_email = models.EmailField(_("contact e-mail for the register"), blank=True)

    def __str__(self) -> str:
        return str(self.organisation)


class AITool(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="ai_tools"
    )
    template = models.ForeignKey(
        ToolTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="tools"
    )
    name = models.CharField(_("name"), max_length=200)
    vendor = models.CharField(_("vendor"), max_length=200)
    product = models.CharField(_("product or model"), max_length=200, blank=True)
    version = models.CharField(_("version"), max_length=100, blank=True)
    description = models.TextField(_("short description"), blank=True)
    purpose = models.TextField(_("purpose"))
    approved_uses = models.TextField(_("approved uses"), blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=ToolStatus.choices, default=ToolStatus.UNDER_REVIEW
    )
    roles = models.JSONField(_("who may use it"), default=list, blank=True)  # [] = everyone
    teams = models.CharField(_("teams or departments"), max_length=300, blank=True)
    hosting = models.CharField(_("hosting"), max_length=300, blank=True)
    data_location = models.CharField(
        _("where the data is kept"),
        max_length=20,
        choices=DataLocation.choices,
        default=DataLocation.UNKNOWN,
    )
    processor_agreement = models.BooleanField(_("processor agreement in place"), default=False)
    dpia_done = models.BooleanField(_("DPIA done"), default=False)
    dpia_date = models.DateField(_("DPIA date"), null=True, blank=True)
    dpia_link = models.URLField(_("link to the DPIA"), blank=True)
    ai_act_category = models.CharField(
        _("AI Act category"), max_length=20, choices=AIActCategory.choices, blank=True
    )
    general_purpose = models.BooleanField(_("built on a general-purpose AI model"), default=False)
    human_oversight = models.TextField(_("human oversight"), blank=True)
    known_risks = models.TextField(_("known risks"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    next_review = models.DateField(_("next review"), null=True, blank=True)
    required_modules = models.ManyToManyField(
        "learning.Module", blank=True, related_name="+", verbose_name=_("modules required")
    )
    revision = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("AI tool")
        verbose_name_plural = _("AI tools")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="one_tool_name_per_org")
        ]

    def __str__(self) -> str:
        return self.name

    def role_labels(self) -> list[str]:
        from carai.community.models import Role

        return [str(Role(role).label) for role in self.roles if role in Role.values]

    def rules(self) -> dict[str, DataRule]:
        return {rule.category: rule for rule in self.data_rules.all()}


class DataRule(models.Model):
    tool = models.ForeignKey(AITool, on_delete=models.CASCADE, related_name="data_rules")
    category = models.CharField(max_length=20, choices=DataCategory.choices)
    permission = models.CharField(max_length=30, choices=Permission.choices)
    conditions = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["tool", "category"], name="one_rule_per_category")
        ]

    def __str__(self) -> str:
        return f"{self.tool} · {self.category}: {self.permission}"


class ToolRevision(models.Model):
    """A full snapshot of a tool after each change. Never changed afterwards."""

    tool = models.ForeignKey(AITool, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["tool", "number"], name="one_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.tool} v{self.number}"


class Guideline(models.Model):
    """One published version of an organisation's AI guidelines (Markdown)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="ai_guidelines"
    )
    version = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    body_html = models.TextField(blank=True, editable=False)  # made on save
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "version"], name="one_guideline_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)


class Acknowledgement(models.Model):
    guideline = models.ForeignKey(
        Guideline, on_delete=models.PROTECT, related_name="acknowledgements"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["guideline", "user"], name="acknowledge_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.guideline}"


class CheckCount(models.Model):
    """How often "Mag dit?" was asked per tool, verdict and day. Nothing else is kept."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    tool = models.ForeignKey(AITool, on_delete=models.CASCADE, null=True, related_name="+")
    verdict = models.CharField(max_length=30)
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "tool", "verdict", "day"],
                condition=models.Q(tool__isnull=False),
                name="one_count_per_tool_day",
            ),
            models.UniqueConstraint(
                fields=["organisation", "verdict", "day"],
                condition=models.Q(tool__isnull=True),
                name="one_count_per_unknown_tool_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tool or '-'} {self.verdict} {self.day}: {self.count}"


# Every field of a tool that people fill in: the form, the CSV, the history snapshot.
TOOL_FIELDS = [
    "name", "vendor", "product", "version", "description", "purpose", "approved_uses",
    "status", "roles", "teams", "hosting", "data_location", "processor_agreement",
    "dpia_done", "dpia_date", "dpia_link", "ai_act_category", "general_purpose",
    "human_oversight", "known_risks", "contact_person", "contact_email", "next_review",
]  # fmt: skip


def tool_snapshot(tool: AITool) -> dict[str, Any]:
    """Everything a version of a tool says, as plain JSON (for history and diffs)."""
    return snapshot_of(
        tool,
        rules={rule.category: (rule.permission, rule.conditions) for rule in tool.data_rules.all()},
        module_keys=[m.key for m in tool.required_modules.all()],
    )


def snapshot_of(
    tool: AITool, *, rules: dict[str, tuple[str, str]], module_keys: list[str]
) -> dict[str, Any]:
    """``tool_snapshot`` of a tool whose rules and modules are not (yet) in the database."""
    data: dict[str, Any] = {}
    for field in TOOL_FIELDS:
        value = getattr(tool, field)
        data[field] = value.isoformat() if hasattr(value, "isoformat") else value
    data["data_rules"] = {
        category: {"permission": permission, "conditions": conditions}
        for category, (permission, conditions) in rules.items()
    }
    data["required_modules"] = sorted(module_keys)
    return data


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Being checked")
    DONE = "done", _("Imported")
    REFUSED = "refused", _("Nothing imported")


class ToolImport(models.Model):
    """A large CSV import that a background task runs; the page polls its progress. The
    file's text is kept only until the task has run."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="tool_imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True)
    problem_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.REFUSED)

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.rows_checked / self.rows_total)) if self.rows_total else 0
