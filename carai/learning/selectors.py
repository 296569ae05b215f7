"""Reads for learning: the catalogue, a learner's progress, modules as pack data."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership
from carai.core.cache import cached, cached_in_process
from carai.core.search import text_search
from carai.learning.access import modules_visible_to
from carai.learning.content import LessonData, ModuleData, OptionData, QuestionData
from carai.learning.models import (
    Assignment,
    Certificate,
    Enrolment,
    Lesson,
    LessonProgress,
    Module,
    Question,
    WorkshopRegistration,
    WorkshopSession,
    questions_with_options,
)

# The cache scope of every quiz's questions and options: bumped by each save or delete of a
# question or an option (``receivers.questions_changed``) and by the services that make a
# question's options in one insert (``services.content.question_options_replace``).
QUESTIONS_SCOPE = "learning:questions"


def lessons_scope(module_id: int) -> str:
    """The cache scope of one module's lessons: bumped by each save or delete of one of its
    lessons (``receivers.lessons_changed``) and by the services that change lessons in one
    update (``services.content``, ``services.authoring.lesson_move``)."""
    return f"learning:lessons:{module_id}"


def module_lessons(*, module: Module) -> list[Lesson]:
    """``module.lessons.filter(is_active=True)`` as a list, kept in the cache per module
    (each version and language is a module of its own) until one of its lessons changes.
    Every lesson's ``module`` is ``module`` itself, so reading it costs no query."""
    lessons: list[Lesson] = cached(
        f"module-lessons:{module.pk}",
        scopes=[lessons_scope(module.pk)],
        compute=lambda: list(Lesson.objects.filter(module_id=module.pk, is_active=True)),
    )
    for lesson in lessons:
        lesson.module = module
    return lessons


def quiz_questions(question_ids: Collection[int]) -> dict[int, Question]:
    """``models.questions_with_options`` for a quiz attempt's questions (the quiz form, and
    so the scoring, reads them), kept in the cache until a question or an option changes,
    and in the memory of the process under the same version (``cached_in_process``).
    **The questions and options are shared** by every request of the process: read them,
    never change them (the mapping itself is each call's own)."""
    ids = sorted(set(question_ids))
    digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]
    questions = cached_in_process(
        f"quiz-questions:{digest}",
        scopes=[QUESTIONS_SCOPE],
        compute=lambda: questions_with_options(ids),
    )
    return dict(questions)


@dataclass
class CatalogueFilters:
    q: str = ""
    role: str = ""
    level: str = ""
    branch: str = ""
    max_minutes: int | None = None
    format: str = ""


def _search(modules: QuerySet[Module], q: str) -> QuerySet[Module]:
    """PostgreSQL: Dutch full-text search, ranked. SQLite: every word must appear."""
    return text_search(modules, q, {"title": "A", "search_text": "B"})


def catalogue(*, user: User, filters: CatalogueFilters, language: str) -> QuerySet[Module]:
    """Modules the user may see, each once: in ``language`` where it has that version,
    otherwise in the language it has (the card says so). Those that fit their roles and
    branch first ("for you")."""
    visible = modules_visible_to(user=user).live()
    translated = visible.filter(key=OuterRef("key"), language=language)
    modules = visible.filter(Q(language=language) | ~Exists(translated))
    if filters.role:
        modules = modules.for_role(filters.role)
    if filters.level:
        modules = modules.for_level(filters.level)
    if filters.branch:
        modules = modules.for_branch(filters.branch)
    if filters.max_minutes:
        modules = modules.filter(estimated_minutes__lte=filters.max_minutes)
    if filters.format:
        modules = modules.filter(format=filters.format)
    found: QuerySet[Module] = _search(modules, filters.q) if filters.q else modules
    memberships = Membership.objects.active().filter(user=user).select_related("organisation")
    fit = Q()
    for m in memberships:
        fit |= Q(audience_roles="") | Q(audience_roles__contains=f",{m.role},")
    branches = {m.organisation.care_branch for m in memberships if m.organisation.care_branch}
    branch_fit = Q(audience_branches="")
    for branch in branches:
        branch_fit |= Q(audience_branches__contains=f",{branch},")
    for_you = fit & branch_fit if memberships else Q(pk__in=[])
    ordering = (
        ["-for_you", "-rank", "title"]
        if filters.q and connection.vendor == "postgresql"
        else [
            "-for_you",
            "title",
        ]
    )
    # The person's done lessons per module (of the current round), in the same query.
    done = (
        LessonProgress.objects.filter(
            enrolment__user=user, enrolment__module=OuterRef("pk"), lesson__is_active=True
        )
        .filter(
            Q(enrolment__round_started_at__isnull=True)
            | Q(completed_at__gte=F("enrolment__round_started_at"))
        )
        .order_by()
        .values("enrolment__module")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        found.annotate(
            for_you=Case(
                When(for_you, then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
            lesson_count=Count("lessons", filter=Q(lessons__is_active=True)),
            lessons_done=Coalesce(Subquery(done, output_field=IntegerField()), Value(0)),
        )
        .select_related("owner")
        .order_by(*ordering)
    )


def enrolments_for_user(*, user: User) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(user=user).select_related("module").order_by("-started_at")


def certificates_for_user(*, user: User) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user=user).order_by("-issued_at")


def revoked_certificate_ids() -> set[int]:
    """Every revoked certificate (the status list's set bits)."""
    return set(Certificate.objects.filter(revoked_at__isnull=False).values_list("pk", flat=True))


def module_to_data(module: Module) -> ModuleData:
    lessons = []
    for lesson in module.lessons.filter(is_active=True).prefetch_related("questions__options"):
        lessons.append(
            LessonData(
                slug=lesson.slug,
                order=lesson.order,
                kind=lesson.kind,
                title=lesson.title,
                body=lesson.body,
                required=lesson.required,
                video_url=lesson.video_url,
                transcript=lesson.transcript,
                practice_case=lesson.practice_case,
                practice_exercise=lesson.practice_exercise,
                image=lesson.image,
                alt=lesson.alt,
                pass_mark=lesson.pass_mark,
                max_attempts=lesson.max_attempts,
                shuffle=lesson.shuffle,
                questions=[
                    QuestionData(
                        kind=q.kind,
                        text=q.text,
                        options=[
                            OptionData(text=o.text, correct=o.is_correct, feedback=o.feedback)
                            for o in q.options.all()
                        ],
                    )
                    for q in lesson.questions.all()
                ],
            )
        )
    return ModuleData(
        key=module.key,
        language=module.language,
        title=module.title,
        summary=module.summary,
        objectives=list(module.objectives),
        roles=module.roles,
        levels=module.levels,
        branches=module.branches,
        estimated_minutes=module.estimated_minutes,
        format=module.format,
        licence=module.licence,
        validity_months=module.validity_months,
        references=list(module.references),
        lessons=lessons,
    )


def one_per_key(modules: list[Module], *, language: str) -> list[Module]:
    """One module per key (a module in two languages is one module to learn), in
    ``language`` where it has that version."""
    chosen: dict[str, Module] = {}
    for module in modules:
        kept = chosen.get(module.key)
        if kept is None or (module.language == language and kept.language != language):
            chosen[module.key] = module
    return list(chosen.values())


def assignments_for_user(
    *, user: User, language: str | None = None
) -> list[tuple[Assignment, Enrolment | None]]:
    """What the person has been asked to learn (assignments that still hold), soonest first,
    each module once, with their progress in either language (finished wins). With
    ``language``, each assignment's module is shown in that language where the person may
    see that version (for display only: nothing is saved)."""
    memberships = Membership.objects.active().filter(user=user)
    pairs = [(m.organisation_id, m.role) for m in memberships]
    by_role = Q(pk__in=[])
    for organisation_id, role in pairs:
        by_role |= Q(organisation_id=organisation_id, role=role)
    organisation_ids = [organisation_id for organisation_id, _role in pairs]
    assignments = (
        Assignment.objects.active()
        .filter(Q(user=user, organisation_id__in=organisation_ids) | by_role)
        .select_related("module", "organisation")
        .order_by("due_date", "pk")
    )
    seen: dict[str, Assignment] = {}
    for assignment in assignments:
        seen.setdefault(assignment.module.key, assignment)
    enrolments: dict[str, Enrolment] = {}
    started = (
        Enrolment.objects.filter(user=user, module__key__in=list(seen))
        .select_related("module")
        .order_by(F("completed_at").asc(nulls_first=True))
    )
    for enrolment in started:  # unfinished first, so a finished one (either language) wins
        enrolments[enrolment.module.key] = enrolment
    if language is not None:
        readable = {
            m.key: m
            for m in modules_visible_to(user=user)
            .live()
            .filter(key__in=list(seen), language=language)
        }
        for key, assignment in seen.items():
            if key in readable:
                assignment.module = readable[key]
    out: list[tuple[Assignment, Enrolment | None]] = []
    for key, assignment in seen.items():
        current = enrolments.get(key)
        if (
            current is not None
            and current.completed_at is not None
            and not assignment.is_fulfilled(current.completed_at)
        ):
            current = None  # a renewal: the earlier finish does not count, to do again
        out.append((assignment, current))
    return out


def correct_answers(*, question_ids: list[int]) -> dict[int, list[int]]:
    """The right option ids per question (for demo data and tests; never shown to learners
    before they hand in)."""
    return {
        question.pk: [o.pk for o in question.options.all() if o.is_correct]
        for question in Question.objects.filter(pk__in=question_ids).prefetch_related("options")
    }


def workshop_sessions_for_learner(
    *, user: User, lesson: Lesson
) -> list[tuple[WorkshopSession, int, WorkshopRegistration | None]]:
    """Sessions of the user's organisations for a workshop lesson: each with the places left
    and the user's own sign-up. Past sessions show only when the user signed up for them."""
    organisation_ids = Membership.objects.active().filter(user=user).values("organisation_id")
    sessions = (
        WorkshopSession.objects.filter(
            lesson=lesson, organisation_id__in=organisation_ids, cancelled_at__isnull=True
        )
        .filter(Q(starts_at__gt=timezone.now()) | Q(registrations__user=user))
        .annotate(taken=Count("registrations", distinct=True))
        .distinct()
        .order_by("starts_at")
    )
    mine = {
        r.session_id: r
        for r in WorkshopRegistration.objects.filter(user=user, session__lesson=lesson)
    }
    return [(s, max(s.capacity - s.taken, 0), mine.get(s.pk)) for s in sessions]


def practice_case_for(*, lesson: Lesson, language: str) -> Any:
    """The fictional case a practice lesson points at, in the module's language if there."""
    from carai.practice.models import Case

    cases = Case.objects.filter(key=lesson.practice_case, is_active=True)
    return cases.filter(language=language).first() or cases.first()


@dataclass(frozen=True)
class Versions:
    """A module's other language version the person may see, and whether they finished
    the module in either language (a module in two languages is one module to learn)."""

    other: Module | None
    finished_other: Enrolment | None


def module_versions(*, user: User, module: Module, finished_here: bool = False) -> Versions:
    """The module in the person's own language, and when they finished it in another
    language (not looked for when they finished ``module`` itself: the page shows that)."""
    other = (
        modules_visible_to(user=user)
        .live()
        .filter(key=module.key)
        .exclude(language=module.language)
        .first()
    )
    finished = (
        None
        if finished_here
        else Enrolment.objects.filter(user=user, module__key=module.key, completed_at__isnull=False)
        .exclude(module=module)
        .select_related("module")
        .order_by("-completed_at")
        .first()
    )
    return Versions(other=other, finished_other=finished)


@dataclass(frozen=True)
class Finished:
    """What the "Module afgerond" panel shows: the certificate and what to do next."""

    certificate: Certificate | None
    next_modules: list[Module]


def finished_panel(*, user: User, module: Module, language: str) -> Finished:
    """The certificate of a finished module and up to three modules for the person that they
    have not finished yet (those that fit their role first)."""
    finished = Enrolment.objects.filter(user=user, completed_at__isnull=False).values("module__key")
    candidates = (
        catalogue(user=user, filters=CatalogueFilters(), language=language)
        .exclude(key=module.key)
        .exclude(key__in=finished)
    )
    return Finished(
        certificate=Certificate.objects.filter(user=user, module=module).first(),
        next_modules=list(candidates[:3]),
    )
