"""Learning modules, their lessons and quizzes, and each learner's progress.

A module is identified by ``key`` and ``language``. When its content changes it gets a new
``version``; lessons are kept by ``slug`` (changed in place, removed ones made inactive),
so progress and certificates earned on an older version are never lost.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carai.community.models import Membership, Organisation, Role
from carai.core.markdown import render_markdown
from carai.learning import rules
from carai.practice.models import Exercise as PracticeExercise


class ModuleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class ModuleFormat(models.TextChoices):
    E_LEARNING = "e-learning", _("E-learning")
    WORKSHOP = "workshop", _("Workshop")
    PRACTICE = "practice", _("Practice")
    BLENDED = "blended", _("Blended")


class Level(models.TextChoices):
    MBO = "mbo", _("MBO")
    HBO = "hbo", _("HBO")
    WO = "wo", _("WO")
    PROFESSIONAL = "professional", _("Working professional")


def _tags(values: list[str]) -> str:
    """Store a list as ',a,b,' so 'contains ,a,' filters work on SQLite and PostgreSQL."""
    return "," + ",".join(sorted(set(values))) + "," if values else ""


def _untag(value: str) -> list[str]:
    return [part for part in value.split(",") if part]


class ModuleQuerySet(models.QuerySet["Module"]):
    def published(self) -> ModuleQuerySet:
        return self.filter(status=ModuleStatus.PUBLISHED, draft_of__isnull=True)

    def usable_by(self, *, organisation_ids: Iterable[int] | QuerySet[Any]) -> ModuleQuerySet:
        """What these organisations' people may learn and be asked to learn: published
        modules of the whole community, those the lead shared with everyone, and the
        organisations' own."""
        return self.published().filter(
            Q(owner__isnull=True) | Q(shared=True) | Q(owner_id__in=organisation_ids)
        )

    def live(self) -> ModuleQuerySet:
        """Modules as learners know them: not the private working copies of their editors."""
        return self.filter(draft_of__isnull=True)

    def for_role(self, role: str) -> ModuleQuerySet:
        return self.filter(Q(audience_roles="") | Q(audience_roles__contains=f",{role},"))

    def for_level(self, level: str) -> ModuleQuerySet:
        return self.filter(Q(audience_levels="") | Q(audience_levels__contains=f",{level},"))

    def for_branch(self, branch: str) -> ModuleQuerySet:
        return self.filter(Q(audience_branches="") | Q(audience_branches__contains=f",{branch},"))


class Module(models.Model):
    key = models.SlugField(_("key"), max_length=80)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    objectives = models.JSONField(_("learning objectives"), default=list, blank=True)
    audience_roles = models.CharField(_("roles"), max_length=300, blank=True)
    audience_levels = models.CharField(_("levels"), max_length=100, blank=True)
    audience_branches = models.CharField(_("care branches"), max_length=300, blank=True)
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes"), default=30)
    format = models.CharField(
        _("format"), max_length=20, choices=ModuleFormat.choices, default=ModuleFormat.E_LEARNING
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=ModuleStatus.choices, default=ModuleStatus.DRAFT
    )
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="modules",
        verbose_name=_("owner"),
        help_text=_("Empty: the whole learning community."),
    )
    shared = models.BooleanField(
        _("shared with the whole community"),
        default=False,
        help_text=_("Set by the community lead: learners of every partner organisation see it."),
    )
    draft_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="drafts",
        help_text=_("A working copy of a published module; publishing it makes a new version."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made by"),
    )
    licence = models.CharField(_("licence"), max_length=60, default="CC BY-SA 4.0")
    references = models.JSONField(_("references"), default=list, blank=True)
    validity_months = models.PositiveIntegerField(_("certificate valid for (months)"), default=24)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ModuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "language"],
                condition=Q(draft_of__isnull=True),
                name="one_module_per_language",
            ),
            models.UniqueConstraint(fields=["draft_of"], name="one_working_copy_per_module"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def live_id(self) -> int:
        """The id learners know this module by (a working copy answers for its original)."""
        return self.draft_of_id or self.pk

    @property
    def roles(self) -> list[str]:
        return _untag(self.audience_roles)

    @property
    def levels(self) -> list[str]:
        return _untag(self.audience_levels)

    @property
    def branches(self) -> list[str]:
        return _untag(self.audience_branches)

    def set_audience(self, *, roles: list[str], levels: list[str], branches: list[str]) -> None:
        self.audience_roles = _tags(roles)
        self.audience_levels = _tags(levels)
        self.audience_branches = _tags(branches)


class LessonKind(models.TextChoices):
    TEXT = "text", _("Text")
    IMAGE = "image", _("Image")
    VIDEO = "video", _("Video")
    REFLECTION = "reflection", _("Reflection question")
    QUIZ = "quiz", _("Quiz")
    WORKSHOP = "workshop", _("Workshop session")
    PRACTICE = "practice", _("Practice exercise")
    SANDBOX = "sandbox", _("AI sandbox attempt")


# Lessons a learner cannot mark as done themselves.
CHECKED_KINDS = frozenset(
    {LessonKind.QUIZ, LessonKind.WORKSHOP, LessonKind.PRACTICE, LessonKind.SANDBOX}
)
# Lessons on a fictional case (``practice_case``).
CASE_KINDS = frozenset({LessonKind.PRACTICE, LessonKind.SANDBOX})


class Lesson(models.Model):
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("module")
    )
    slug = models.SlugField(max_length=80)
    order = models.PositiveIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=LessonKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"), blank=True)
    # The body as safe HTML, made on every save: pages never render Markdown themselves.
    body_html = models.TextField(blank=True, editable=False)
    video_url = models.URLField(_("video link"), blank=True)
    transcript = models.TextField(_("transcript of the video"), blank=True)
    practice_case = models.SlugField(
        _("practice case"), max_length=80, blank=True, help_text=_("The key of a fictional case.")
    )
    practice_exercise = models.CharField(
        _("exercise"), max_length=20, choices=PracticeExercise.choices, blank=True
    )
    image = models.CharField(_("image"), max_length=200, blank=True)
    alt = models.CharField(_("image description (alt text)"), max_length=300, blank=True)
    required = models.BooleanField(_("required for completion"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    pass_mark = models.PositiveIntegerField(_("pass mark (%)"), default=70)
    max_attempts = models.PositiveIntegerField(_("maximum attempts"), null=True, blank=True)
    shuffle = models.BooleanField(_("shuffle questions"), default=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["module", "order"]
        constraints = [
            models.UniqueConstraint(fields=["module", "slug"], name="lesson_slug_per_module")
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_html = render_markdown(self.body)
        fields = kwargs.get("update_fields")
        if fields is not None and "body" in fields:
            kwargs["update_fields"] = {*fields, "body_html"}
        super().save(*args, **kwargs)

    def passes(self, score: int) -> bool:
        """A quiz score (percentage) at or above the pass mark passes."""
        return rules.passes(score=score, pass_mark=self.pass_mark)


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One answer")
    MULTIPLE = "multiple", _("More answers")
    TRUE_FALSE = "true_false", _("True or false")


class Question(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    text = models.TextField()

    class Meta:
        ordering = ["lesson", "order"]

    def __str__(self) -> str:
        return self.text[:80]

    def is_answered_right(self, chosen: Iterable[int]) -> bool:
        """Right only when exactly the correct options are chosen: every one of them (for a
        question with more answers) and nothing else."""
        return rules.answered_right(
            chosen=chosen, correct=[o.pk for o in self.options.all() if o.is_correct]
        )


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveIntegerField(default=0)
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField(default=False)
    feedback = models.TextField(blank=True)

    class Meta:
        ordering = ["question", "order"]

    def __str__(self) -> str:
        return self.text[:80]


def questions_with_options(question_ids: Collection[int]) -> dict[int, Question]:
    """The questions with these ids by id, each with its options in their order, in two
    reads. Neither read orders by the default orderings (question and option both order by
    their lesson and module first, which joins three tables): the caller puts the questions
    in its own order, and a question's options come in the order they have within it."""
    options = Prefetch("options", queryset=Option.objects.order_by("order", "pk"))
    questions = Question.objects.filter(pk__in=question_ids).order_by().prefetch_related(options)
    return {question.pk: question for question in questions}


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments"
    )
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="enrolments")
    started_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_version = models.PositiveIntegerField(null=True, blank=True)
    last_lesson = models.ForeignKey(
        Lesson, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set when the learner does the module again to renew a certificate: only progress and
    # quiz attempts from this moment count for the new round. Older ones stay as history.
    round_started_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="one_enrolment_per_module")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.module}"

    def current_progress(self) -> models.QuerySet[LessonProgress]:
        progress = self.progress.all()
        if self.round_started_at is not None:
            progress = progress.filter(completed_at__gte=self.round_started_at)
        return progress

    def current_attempts(self) -> models.QuerySet[QuizAttempt]:
        attempts = self.attempts.all()
        if self.round_started_at is not None:
            attempts = attempts.filter(started_at__gte=self.round_started_at)
        return attempts


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey(Lesson, on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)
    reflection = models.TextField(blank=True)  # private to the learner

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="one_progress_per_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.lesson}"


class QuizAttempt(models.Model):
    """One try at a quiz. Answers are private to the learner; managers see only completion."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    lesson = models.ForeignKey(Lesson, on_delete=models.PROTECT, related_name="+")
    question_order = models.JSONField(default=list)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True)  # question id -> [option ids]
    score = models.PositiveIntegerField(null=True, blank=True)  # percentage
    passed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.lesson} · {self.score}%"


def _certificate_code() -> str:
    import secrets

    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: easy to type over
    return "".join(secrets.choice(alphabet) for _ in range(12))


class Certificate(models.Model):
    """Proof that someone finished a module. Anyone with the code can check it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="certificates")
    module_version = models.PositiveIntegerField(_("module version"))
    module_title = models.CharField(_("module"), max_length=200)
    holder_name = models.CharField(_("name"), max_length=150)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    code = models.CharField(
        _("verification code"), max_length=12, unique=True, default=_certificate_code
    )
    issued_at = models.DateTimeField(_("issued at"))
    expires_at = models.DateTimeField(_("valid until"))
    reminded_30_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_7_at = models.DateTimeField(null=True, blank=True, editable=False)
    expired_at = models.DateTimeField(_("expired at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revocation_reason = models.CharField(
        _("reason for revoking"), max_length=300, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.module_title} · {self.code}"

    @property
    def is_valid(self) -> bool:
        from django.utils import timezone

        return rules.certificate_valid(
            revoked_at=self.revoked_at,
            expired_at=self.expired_at,
            expires_at=self.expires_at,
            now=timezone.now(),
        )


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def active(self) -> AssignmentQuerySet:
        """Assignments that still hold (not withdrawn by a manager)."""
        return self.filter(withdrawn_at__isnull=True)


class Assignment(models.Model):
    """A manager asks a person, or everyone with a role, in the organisation to do a module.

    The module counts by its key: finishing it in either language fulfils the assignment."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="assignments"
    )
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="assignments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, blank=True)
    due_date = models.DateField(_("due date"))
    # To renew a certificate that runs out: only finishing the module again (a round
    # finished after the assignment was made) fulfils it, not the finish it renews.
    renewal = models.BooleanField(_("to renew a certificate"), default=False)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_date"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(role=""))
                | (Q(user__isnull=True) & ~Q(role="")),
                name="assignment_to_person_or_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.module} · {self.user or self.role} · {self.due_date}"

    def assignee_ids(self) -> QuerySet[Any]:
        """The ids of the people this assignment asks: the person, or everyone who has the
        role in the organisation now (while they are a member)."""
        members = Membership.objects.active_in(organisation=self.organisation_id)
        if self.user_id is not None:
            members = members.filter(user_id=self.user_id)
        else:
            members = members.filter(role=self.role)
        return members.values("user_id")

    def is_overdue(self, today: date) -> bool:
        return self.due_date < today

    def fulfilled_by(self) -> Q:
        """The enrolments (of the person asked) that fulfil it: the module (either
        language) finished; for a renewal, finished again after it was made."""
        q = Q(module__key=self.module.key, completed_at__isnull=False)
        if self.renewal:
            q &= Q(completed_at__gte=self.created_at)
        return q

    def is_fulfilled(self, completed_at: datetime | None) -> bool:
        """Whether a finish at ``completed_at`` (None: not finished) fulfils it."""
        if completed_at is None:
            return False
        return not self.renewal or completed_at >= self.created_at

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label) if self.role else ""


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due date is near")
    OVERDUE = "overdue", _("Due date has passed")


class AssignmentReminder(models.Model):
    """One reminder e-mail a person got for an assignment. At most one per assignment,
    person and kind: the daily reminder task never sends the same reminder twice."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "user", "kind"], name="assignment_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id} · {self.user_id} · {self.kind}"


class TeamDigest(models.Model):
    """The weekly e-mail a manager got about the team's assignments; one per manager,
    organisation and week (``week`` is the Monday)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user", "week"], name="team_digest_once_a_week"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} · {self.user_id} · {self.week}"


class WorkshopSession(models.Model):
    """A meeting for a workshop lesson, hosted by one organisation for its own people.

    Only members of the host organisation can sign up, so the educators who mark attendance
    never see people of another organisation.
    """

    lesson = models.ForeignKey(
        Lesson, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("lesson")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="workshop_sessions"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("workshop session")
        verbose_name_plural = _("workshop sessions")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="session_has_places"),
        ]

    def __str__(self) -> str:
        return f"{self.lesson} · {self.starts_at:%Y-%m-%d %H:%M}"


class WorkshopRegistration(models.Model):
    session = models.ForeignKey(
        WorkshopSession, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="workshop_registrations"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    attended = models.BooleanField(null=True, default=None)  # None: not marked yet
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["registered_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_registration_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.session} · {self.user}"
