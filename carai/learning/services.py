"""Every write for learning: importing content, enrolling, progress and quiz attempts."""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.learning.content import ModuleData, OptionData
from carai.learning.models import (
    Assignment,
    Certificate,
    Enrolment,
    Lesson,
    LessonKind,
    LessonProgress,
    Module,
    ModuleStatus,
    Option,
    Question,
    QuizAttempt,
)


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@transaction.atomic
def module_import(*, data: ModuleData, report: ImportReport | None = None) -> Module:
    """Create or update a community module from pack data.

    Unchanged content changes nothing. Changed content raises the version; lessons are
    matched by slug and updated in place, lessons no longer in the pack become inactive, so
    every learner's progress and earned certificate stay.
    """
    report = report if report is not None else ImportReport()
    label = f"{data.key} ({data.language})"
    digest = data.content_hash()
    module = (
        Module.objects.live()
        .select_for_update()
        .filter(key=data.key, language=data.language)
        .first()
    )
    if module is not None and module.content_hash == digest:
        report.unchanged.append(label)
        return module
    if module is None:
        module = Module(key=data.key, language=data.language, version=1)
        report.created.append(label)
    else:
        module.version += 1
        report.updated.append(label)
    module_apply_data(module=module, data=data, digest=digest)
    return module


def module_apply_data(*, module: Module, data: ModuleData, digest: str) -> Module:
    """Write pack data onto a module (its version already set): lessons matched by slug,
    lessons no longer in the data made inactive, so progress and certificates stay."""
    module.title = data.title
    module.summary = data.summary
    module.objectives = data.objectives
    module.set_audience(roles=data.roles, levels=data.levels, branches=data.branches)
    module.estimated_minutes = data.estimated_minutes
    module.format = data.format
    module.licence = data.licence
    module.validity_months = data.validity_months
    module.references = data.references
    module.content_hash = digest
    module.status = ModuleStatus.PUBLISHED
    module.published_at = module.published_at or timezone.now()
    module.search_text = " ".join(
        [data.title, data.summary, *data.objectives, *(lesson.title for lesson in data.lessons)]
    )
    module.full_clean(exclude=["owner"])
    module.save()

    seen: set[str] = set()
    for item in data.lessons:
        seen.add(item.slug)
        lesson, _created = Lesson.objects.update_or_create(
            module=module,
            slug=item.slug,
            defaults={
                "order": item.order,
                "kind": item.kind,
                "title": item.title,
                "body": item.body,
                "video_url": item.video_url,
                "transcript": item.transcript,
                "practice_case": item.practice_case,
                "practice_exercise": item.practice_exercise,
                "image": item.image,
                "alt": item.alt,
                "required": item.required,
                "is_active": True,
                "pass_mark": item.pass_mark,
                "max_attempts": item.max_attempts,
                "shuffle": item.shuffle,
            },
        )
        if item.kind == LessonKind.QUIZ:
            lesson.questions.all().delete()
            for q_order, q in enumerate(item.questions):
                question = Question.objects.create(
                    lesson=lesson, order=q_order, kind=q.kind, text=q.text
                )
                question_options_replace(question=question, options=q.options)
    module.lessons.exclude(slug__in=seen).update(is_active=False)
    return module


def question_options_replace(*, question: Question, options: list[OptionData]) -> None:
    """Give a question exactly these answers, in this order."""
    question.options.all().delete()
    Option.objects.bulk_create(
        Option(
            question=question,
            order=number,
            text=option.text,
            is_correct=option.correct,
            feedback=option.feedback,
        )
        for number, option in enumerate(options)
    )


@transaction.atomic
def enrolment_start(*, user: User, module: Module) -> Enrolment:
    enrolment, _created = Enrolment.objects.get_or_create(user=user, module=module)
    return enrolment


def _required_lessons(module: Module) -> set[int]:
    return set(module.lessons.filter(is_active=True, required=True).values_list("pk", flat=True))


def enrolment_check_completion(*, enrolment: Enrolment) -> Enrolment:
    if enrolment.completed_at is not None:
        return enrolment
    done = set(enrolment.current_progress().values_list("lesson_id", flat=True))
    if _required_lessons(enrolment.module) <= done:
        enrolment.completed_at = timezone.now()
        enrolment.completed_version = enrolment.module.version
        enrolment.save(update_fields=["completed_at", "completed_version"])
        certificate_issue(enrolment=enrolment)
    return enrolment


def _add_months(moment: datetime, months: int) -> datetime:
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def certificate_issue(*, enrolment: Enrolment) -> Certificate:
    """Issue the certificate for a completed enrolment (once per module version)."""
    module, user = enrolment.module, enrolment.user
    version = enrolment.completed_version or module.version
    earlier = Certificate.objects.filter(user=user, module=module, module_version=version)
    if enrolment.round_started_at is not None:
        earlier = earlier.filter(issued_at__gte=enrolment.round_started_at)
    existing = earlier.first()
    if existing is not None:
        return existing
    membership = (
        Membership.objects.active()
        .filter(user=user)
        .select_related("organisation")
        .order_by("started_at")
        .first()
    )
    issued = enrolment.completed_at or timezone.now()
    return Certificate.objects.create(
        user=user,
        module=module,
        module_version=version,
        module_title=module.title,
        holder_name=user.full_name or user.email,
        organisation_name=membership.organisation.name if membership else "",
        issued_at=issued,
        expires_at=_add_months(issued, module.validity_months),
    )


@transaction.atomic
def lesson_complete(*, enrolment: Enrolment, lesson: Lesson, reflection: str = "") -> Enrolment:
    if lesson.module_id != enrolment.module_id:
        raise ValidationError(_("This lesson is not part of this module."))
    if lesson.kind == LessonKind.QUIZ:
        passed = enrolment.current_attempts().filter(lesson=lesson, passed=True).exists()
        if not passed:
            raise ValidationError(_("Pass the quiz to finish this lesson."))
    if lesson.kind == LessonKind.PRACTICE and not practice_passed(
        enrolment=enrolment, lesson=lesson
    ):
        raise ValidationError(_("Pass the practice exercise to finish this lesson."))
    if lesson.kind == LessonKind.WORKSHOP:
        raise ValidationError(
            _("This lesson is done when the educator has marked that you were at the workshop.")
        )
    lesson_progress_record(enrolment=enrolment, lesson=lesson, reflection=reflection)
    enrolment.last_lesson = lesson
    enrolment.save(update_fields=["last_lesson"])
    return enrolment_check_completion(enrolment=enrolment)


def practice_passed(*, enrolment: Enrolment, lesson: Lesson) -> bool:
    """Whether the learner passed the lesson's exercise (any language of the case), in the
    current round of the module."""
    from carai.practice.models import PracticeAttempt

    attempts = PracticeAttempt.objects.filter(
        user=enrolment.user,
        case__key=lesson.practice_case,
        exercise=lesson.practice_exercise,
        passed=True,
    )
    if enrolment.round_started_at is not None:
        attempts = attempts.filter(created_at__gte=enrolment.round_started_at)
    return attempts.exists()


def lesson_progress_record(
    *, enrolment: Enrolment, lesson: Lesson, reflection: str = ""
) -> LessonProgress:
    """Note that a lesson is done; in a renewal round an old record counts again from now."""
    progress, created = LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=lesson, defaults={"reflection": reflection}
    )
    fields = []
    if not created and reflection and progress.reflection != reflection:
        progress.reflection = reflection
        fields.append("reflection")
    round_start = enrolment.round_started_at
    if not created and round_start is not None and progress.completed_at < round_start:
        progress.completed_at = timezone.now()
        fields.append("completed_at")
    if fields:
        progress.save(update_fields=fields)
    return progress


RENEW_BEFORE_DAYS = 60


def enrolment_can_renew(*, enrolment: Enrolment) -> bool:
    """A finished module can be done again when its certificate has expired or will expire
    within two months."""
    if enrolment.completed_at is None:
        return False
    certificate = (
        Certificate.objects.filter(user=enrolment.user, module=enrolment.module)
        .order_by("-issued_at")
        .first()
    )
    if certificate is None:
        return False
    soon = timezone.now() + timedelta(days=RENEW_BEFORE_DAYS)
    return certificate.expired_at is not None or certificate.expires_at <= soon


@transaction.atomic
def enrolment_renew(*, enrolment: Enrolment) -> Enrolment:
    """Start a new round to earn a new certificate. Earlier progress, answers and
    certificates stay as history; the lessons must be done again."""
    if not enrolment_can_renew(enrolment=enrolment):
        raise ValidationError(_("You can do this module again when your certificate expires."))
    enrolment.completed_at = None
    enrolment.completed_version = None
    enrolment.last_lesson = None
    enrolment.round_started_at = timezone.now()
    enrolment.save(
        update_fields=["completed_at", "completed_version", "last_lesson", "round_started_at"]
    )
    return enrolment


def attempts_left(*, enrolment: Enrolment, lesson: Lesson) -> int | None:
    if lesson.max_attempts is None:
        return None
    used = enrolment.current_attempts().filter(lesson=lesson, submitted_at__isnull=False).count()
    return max(lesson.max_attempts - used, 0)


@transaction.atomic
def quiz_attempt_start(*, enrolment: Enrolment, lesson: Lesson) -> QuizAttempt:
    if lesson.kind != LessonKind.QUIZ or lesson.module_id != enrolment.module_id:
        raise ValidationError(_("This lesson has no quiz."))
    open_attempt = (
        enrolment.current_attempts().filter(lesson=lesson, submitted_at__isnull=True).first()
    )
    if open_attempt is not None:
        return open_attempt
    if attempts_left(enrolment=enrolment, lesson=lesson) == 0:
        raise ValidationError(_("You have used all attempts for this quiz."))
    order = list(lesson.questions.values_list("pk", flat=True))
    if lesson.shuffle:
        random.shuffle(order)
    return QuizAttempt.objects.create(enrolment=enrolment, lesson=lesson, question_order=order)


@transaction.atomic
def quiz_attempt_submit(*, attempt: QuizAttempt, answers: dict[int, list[int]]) -> QuizAttempt:
    """Score on the server. Options that do not belong to the question are refused."""
    attempt = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.submitted_at is not None:
        raise ValidationError(_("This attempt has already been handed in."))
    questions = {
        q.pk: q
        for q in Question.objects.filter(pk__in=attempt.question_order).prefetch_related("options")
    }
    if set(questions) != set(attempt.question_order):
        raise ValidationError(_("This quiz has changed. Start a new attempt."))
    correct_count = 0
    stored: dict[str, list[int]] = {}
    for question_id in attempt.question_order:
        question = questions[question_id]
        valid = {o.pk for o in question.options.all()}
        chosen = set(answers.get(question_id, []))
        if not chosen <= valid:
            raise ValidationError(_("An answer does not belong to this question."))
        if question.kind != "multiple" and len(chosen) > 1:
            raise ValidationError(_("Choose one answer for each of these questions."))
        correct_count += question.is_answered_right(chosen)
        stored[str(question_id)] = sorted(chosen)
    total = len(attempt.question_order) or 1
    attempt.answers = stored
    attempt.score = round(100 * correct_count / total)
    attempt.passed = attempt.lesson.passes(attempt.score)
    attempt.submitted_at = timezone.now()
    attempt.save()
    if attempt.passed:
        lesson_complete(enrolment=attempt.enrolment, lesson=attempt.lesson)
    return attempt


@transaction.atomic
def assignment_create(
    *,
    actor: User,
    organisation: Organisation,
    module: Module,
    due_date: date,
    user: User | None = None,
    role: str = "",
) -> Assignment:
    """Assign a module to one member, or to every member with ``role``, with a due date."""
    if (user is None) == (not role):
        raise ValidationError(_("Choose a person or a role, not both."))
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("The due date cannot be in the past.")})
    if user is not None and not (
        Membership.objects.active_in(organisation=organisation).filter(user=user).exists()
    ):
        raise ValidationError({"user": _("This person is not a member of the organisation.")})
    if (
        not Module.objects.usable_by(organisation_ids=[organisation.pk])
        .filter(pk=module.pk)
        .exists()
    ):
        raise ValidationError({"module": _("This module cannot be assigned here.")})
    return Assignment.objects.create(
        organisation=organisation,
        module=module,
        user=user,
        role=role,
        due_date=due_date,
        assigned_by=actor,
    )
