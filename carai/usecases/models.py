"""Action-learning use cases: a practice question from the work floor, triaged by the
community lead into a cycle, worked on by a team across organisations through the Design
Science Research phases, with demonstrators, lessons learned and measured outcomes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation
from carai.usecases.phases import FINISHED, PHASES


class Cycle(models.Model):
    """A semester of about six months in which accepted use cases run."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="cycle_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, waiting for a decision")
    ACCEPTED = "accepted", _("Accepted into a cycle")
    DECLINED = "declined", _("Declined")


class Maturity(models.TextChoices):
    LEARN = "learn", _("Learn")
    INNOVATE = "innovate", _("Innovate")
    OPERATIONALISE = "operationalise", _("Operationalise")


PHASE_CHOICES = [(p.key, p.label) for p in PHASES] + [(FINISHED, _("Finished"))]


class UseCaseQuerySet(models.QuerySet["UseCase"]):
    def open_to_join(self) -> UseCaseQuerySet:
        """Running use cases whose team looks for new members (see ``UseCase.can_be_joined``)."""
        return self.filter(open_to_join=True, status=Status.ACCEPTED).exclude(phase=FINISHED)


class UseCase(models.Model):
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("the problem"))
    who_has_it = models.TextField(_("who has the problem"))
    expected_value = models.TextField(_("what it would bring"))
    data_and_ai = models.TextField(_("which data and AI might be involved"), blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="use_cases"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    decision_reason = models.TextField(_("reason"), blank=True)
    criteria = models.JSONField(default=dict, blank=True)  # {criterion: score 1-5}
    cycle = models.ForeignKey(
        Cycle, on_delete=models.PROTECT, null=True, blank=True, related_name="use_cases"
    )
    phase = models.CharField(max_length=20, choices=PHASE_CHOICES, default=PHASES[0].key)
    maturity = models.CharField(
        _("AI maturity"), max_length=20, choices=Maturity.choices, default=Maturity.LEARN
    )
    is_published = models.BooleanField(_("in the public showcase"), default=False)
    open_to_join = models.BooleanField(_("open to new team members"), default=False)
    looking_for = models.TextField(_("who the team is looking for"), blank=True)
    went_well = models.TextField(_("what went well"), blank=True)
    went_wrong = models.TextField(_("what went wrong"), blank=True)
    advice = models.TextField(_("advice for others"), blank=True)
    time_saved_minutes = models.PositiveIntegerField(
        _("time saved per person per week (minutes, estimate)"), null=True, blank=True
    )
    quality_effect = models.TextField(_("effect on quality of care"), blank=True)
    work_pleasure_before = models.PositiveSmallIntegerField(
        _("work pleasure before (1-10)"), null=True, blank=True
    )
    work_pleasure_after = models.PositiveSmallIntegerField(
        _("work pleasure after (1-10)"), null=True, blank=True
    )
    module = models.ForeignKey(
        "learning.Module",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="use_cases",
        verbose_name=_("learning module made from it"),
    )

    objects = UseCaseQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("use case")
        verbose_name_plural = _("use cases")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="accepted") | models.Q(cycle__isnull=False),
                name="accepted_use_case_has_cycle",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_running(self) -> bool:
        """Accepted into a cycle and not finished yet."""
        return self.status == Status.ACCEPTED and self.phase != FINISHED

    @property
    def can_be_joined(self) -> bool:
        """Whether members may ask to join: the team opened it, and the use case runs."""
        return self.open_to_join and self.is_running

    def lessons_learned(self) -> list[tuple[str, str]]:
        """(label, text) of what went well, what went wrong and the advice."""
        return [
            (str(_("What went well")), self.went_well),
            (str(_("What went wrong")), self.went_wrong),
            (str(_("Advice")), self.advice),
        ]


class PhaseRecord(models.Model):
    """What the team did in one phase: the checklist, notes and deliverables."""

    use_case = models.ForeignKey(UseCase, on_delete=models.CASCADE, related_name="phase_records")
    phase = models.CharField(max_length=20, choices=PHASE_CHOICES)
    checklist = models.JSONField(default=dict, blank=True)  # {item: True}
    notes = models.TextField(_("notes"), blank=True)
    deliverables = models.TextField(_("deliverables"), blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["use_case", "phase"], name="one_record_per_phase")
        ]

    def __str__(self) -> str:
        return f"{self.use_case} · {self.phase}"


class TeamRole(models.TextChoices):
    PROFESSIONAL = "professional", _("Care professional")
    STUDENT = "student", _("Student")
    EDUCATOR = "educator", _("Educator or researcher")
    SERVICE_PROVIDER = "service_provider", _("Service provider")
    OWNER = "owner", _("Problem owner")


class TeamMember(models.Model):
    use_case = models.ForeignKey(UseCase, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="use_case_teams"
    )
    role = models.CharField(_("role in the team"), max_length=20, choices=TeamRole.choices)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["use_case", "user"], name="one_team_place_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.use_case}"


class JoinStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the team")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


JOIN_ROLES = [(key, label) for key, label in TeamRole.choices if key != TeamRole.OWNER]


class JoinRequest(models.Model):
    """A member asks to join a use-case team that is open to new members; the team or the
    community lead accepts (the person joins the team) or declines, with a reply."""

    use_case = models.ForeignKey(UseCase, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="use_case_join_requests"
    )
    role = models.CharField(_("your role in the team"), max_length=20, choices=JOIN_ROLES)
    motivation = models.TextField(_("why you want to join"))
    status = models.CharField(max_length=20, choices=JoinStatus.choices, default="pending")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reply = models.TextField(_("reply"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["use_case", "user"],
                condition=models.Q(status="pending"),
                name="one_open_join_request_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.use_case}: {self.status}"


class CheckStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    NOT_APPLICABLE = "not_applicable", _("Does not apply")


class ResponsibleAIItem(models.Model):
    use_case = models.ForeignKey(UseCase, on_delete=models.CASCADE, related_name="rai_items")
    key = models.CharField(max_length=30)
    status = models.CharField(max_length=20, choices=CheckStatus.choices, default=CheckStatus.OPEN)
    note = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["use_case", "key"], name="one_rai_item_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.use_case} · {self.key}: {self.status}"


class DemonstratorStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PROTOTYPE = "prototype", _("Prototype")
    PILOT = "pilot", _("In a pilot")
    IN_USE = "in_use", _("In use")
    STOPPED = "stopped", _("Stopped")


class Demonstrator(models.Model):
    use_case = models.ForeignKey(UseCase, on_delete=models.CASCADE, related_name="demonstrators")
    name = models.CharField(_("name"), max_length=200)
    what_it_does = models.TextField(_("what it does"))
    ai_used = models.CharField(_("which AI it uses"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=DemonstratorStatus.choices, default="prototype"
    )
    link = models.URLField(_("link"), blank=True)
    file = models.FileField(_("screenshot or file"), upload_to="demonstrators/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name


class HistoryEntry(models.Model):
    """What happened to a use case, by whom, when. Never changed."""

    use_case = models.ForeignKey(UseCase, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    what = models.CharField(max_length=300)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.use_case}: {self.what}"
