"""'Begin hier': an ordered learning path per role on Mijn overzicht, each step marked done
from what the person really did, and 'Ga verder waar je was'."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from django.urls import reverse
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Event, Membership, Organisation, Role
from carai.core.cache import cached
from carai.learning.access import modules_visible_to
from carai.learning.models import Assignment, Enrolment, LessonProgress, Module, QuizAttempt
from carai.learning.selectors import one_per_key
from carai.overview.panels import PANELS_TIMEOUT, user_scopes
from carai.practice.models import PracticeAttempt
from carai.register.models import AITool, Guideline
from carai.register.selectors import finished_module_keys, unread_guidelines

PathName = Literal["care", "manager", "privacy", "educator", "lead"]

# Per path the steps in order: a module key, or an action of the platform.
PATHS: dict[PathName, tuple[str, ...]] = {
    "care": ("wat-is-ai", "privacy-en-ai", "@practise", "de-regels", "@guidelines"),
    "manager": ("wat-is-ai", "privacy-en-ai", "ai-adoptie-leiden", "@guidelines", "@team"),
    "privacy": ("wat-is-ai", "privacy-en-ai", "de-regels", "@register", "@publish_guidelines"),
    "educator": ("wat-is-ai", "privacy-en-ai", "ai-uitvoer-controleren", "@practise", "@author"),
    "lead": ("wat-is-ai", "privacy-en-ai", "@event", "@share"),
}

# Which path a role walks; a person with several roles walks the first that fits.
_ROLE_PATHS: tuple[tuple[str, PathName], ...] = (
    (Role.PRIVACY_OFFICER, "privacy"),
    (Role.EDUCATOR, "educator"),
    (Role.MANAGER, "manager"),
    (Role.ORG_ADMIN, "manager"),
    (Role.PROFESSIONAL, "care"),
    (Role.STUDENT, "care"),
    (Role.AI_COACH, "care"),
    (Role.VOLUNTEER, "care"),
    (Role.CONTRACTOR, "care"),
)


@dataclass(frozen=True)
class Step:
    title: str
    url: str
    done: bool


@dataclass(frozen=True)
class StartPath:
    name: PathName
    steps: list[Step]

    @property
    def done_count(self) -> int:
        return sum(1 for step in self.steps if step.done)

    @property
    def next_step(self) -> Step | None:
        return next((step for step in self.steps if not step.done), None)


@dataclass(frozen=True)
class ContinueAt:
    title: str  # the lesson or exercise
    where: str  # the module or case it belongs to
    url: str
    at: datetime


@dataclass(frozen=True)
class GuidedStart:
    path: StartPath | None
    continue_at: ContinueAt | None


def guided_start(*, user: User, language: str) -> GuidedStart:
    """ "Begin hier" and "Ga verder waar je was", kept in the cache under the person's scopes
    (``overview.panels``): every write they read (progress, quiz attempts, practice,
    memberships, modules, lessons, cases, events, guidelines, tools, assignments) outdates
    them, so they follow what the person just did."""
    return cached(
        f"overview-start:{language}",
        scopes=lambda: user_scopes(user=user),
        compute=lambda: GuidedStart(
            path=start_path(user=user, language=language), continue_at=continue_at(user=user)
        ),
        timeout=PANELS_TIMEOUT,
    )


def path_for(*, user: User, roles: set[str]) -> PathName | None:
    if user.is_community_lead:
        return "lead"
    return next((path for role, path in _ROLE_PATHS if role in roles), None)


def start_path(*, user: User, language: str) -> StartPath | None:
    """The person's learning path, or None when they have no role that has one."""
    memberships = list(
        Membership.objects.active()
        .filter(user=user, organisation__is_active=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    name = path_for(user=user, roles={m.role for m in memberships})
    if name is None:
        return None
    keys = [key for key in PATHS[name] if not key.startswith("@")]
    modules = {
        m.key: m
        for m in one_per_key(
            list(modules_visible_to(user=user).filter(key__in=keys).order_by("pk")),
            language=language,
        )
    }
    finished = finished_module_keys(user=user)
    first = memberships[0].organisation if memberships else None
    steps = []
    for key in PATHS[name]:
        if key.startswith("@"):
            step = _action(key, user=user, organisation=first)
        elif key in modules:
            module = modules[key]
            url = reverse("learning:module_detail", kwargs={"module_id": module.pk})
            step = Step(module.title, url, key in finished)
        else:
            step = None  # a module this community does not have
        if step is not None:
            steps.append(step)
    return StartPath(name=name, steps=steps)


def _action(key: str, *, user: User, organisation: Organisation | None) -> Step | None:
    if key == "@practise":
        return Step(
            _("Practise with a fictional case"),
            reverse("practice:case_list"),
            PracticeAttempt.objects.filter(user=user, passed=True).exists(),
        )
    if key == "@event":
        return Step(
            _("Plan an event for the community"),
            reverse("community:event_create"),
            Event.objects.filter(organiser=user).exists(),
        )
    if key == "@share":
        return Step(
            _("Share modules with the community"),
            reverse("learning:sharing"),
            Module.objects.filter(shared=True).exists(),
        )
    if key == "@author":
        return Step(
            _("Make a module for your organisation"),
            reverse("learning:authoring_home"),
            Module.objects.filter(created_by=user).exists(),
        )
    if organisation is None:
        return None
    slug = organisation.slug
    has_guideline = Guideline.objects.filter(organisation=organisation).exists()
    if key == "@guidelines":
        return Step(
            _("Read and confirm your organisation's AI guidelines"),
            reverse("register:guidelines", kwargs={"slug": slug}),
            has_guideline and not unread_guidelines(user=user),
        )
    if key == "@team":
        return Step(
            _("See the learning in your team and ask for a module"),
            reverse("learning:team", kwargs={"slug": slug}),
            Assignment.objects.filter(assigned_by=user).exists(),
        )
    if key == "@register":
        return Step(
            _("Put the AI tools your organisation uses in the register"),
            reverse("register:home", kwargs={"slug": slug}),
            AITool.objects.filter(organisation=organisation).exists(),
        )
    if key == "@publish_guidelines":
        return Step(
            _("Publish your organisation's AI guidelines"),
            reverse("register:guidelines", kwargs={"slug": slug}),
            has_guideline,
        )
    raise ValueError(key)


def continue_at(*, user: User) -> ContinueAt | None:
    """The last lesson, quiz or exercise the person worked on (from their progress rows),
    while its module is not finished; None when there is nothing to go back to."""
    found: list[ContinueAt] = []
    open_enrolments = Enrolment.objects.filter(user=user, completed_at__isnull=True)
    lesson = (
        LessonProgress.objects.filter(enrolment__in=open_enrolments)
        .select_related("enrolment__module", "lesson")
        .order_by("-completed_at")
        .first()
    )
    if lesson is not None:
        found.append(_lesson_step(lesson.enrolment, lesson.completed_at))
    quiz = (
        QuizAttempt.objects.filter(enrolment__in=open_enrolments)
        .select_related("enrolment__module")
        .order_by("-started_at")
        .first()
    )
    if quiz is not None:
        found.append(_lesson_step(quiz.enrolment, quiz.started_at))
    started = open_enrolments.select_related("module").order_by("-started_at").first()
    if started is not None and lesson is None and quiz is None:
        found.append(_lesson_step(started, started.started_at))
    practice = (
        PracticeAttempt.objects.filter(user=user, case__is_active=True)
        .select_related("case")
        .order_by("-created_at")
        .first()
    )
    if practice is not None:
        found.append(
            ContinueAt(
                title=practice.get_exercise_display(),
                where=practice.case.title,
                url=reverse("practice:case_detail", kwargs={"case_id": practice.case_id}),
                at=practice.created_at,
            )
        )
    return max(found, key=lambda c: c.at) if found else None


def _lesson_step(enrolment: Enrolment, at: datetime) -> ContinueAt:
    """Back to the module at the first lesson that is not done yet."""
    module = enrolment.module
    done = enrolment.current_progress().values("lesson_id")
    following = module.lessons.filter(is_active=True).exclude(pk__in=done).first()
    if following is None:
        url = reverse("learning:module_detail", kwargs={"module_id": module.pk})
        return ContinueAt(title=module.title, where=module.title, url=url, at=at)
    url = reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": following.pk})
    return ContinueAt(title=following.title, where=module.title, url=url, at=at)
