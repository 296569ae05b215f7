"""Every write for making modules in the platform, and for running workshop sessions.

The life of an organisation's module:

1. An educator makes it: a *draft*, owned by their organisation, seen only by its educators.
2. They publish it: learners of that organisation see it (version 1).
3. To change a published module they work on a *working copy* (``draft_of`` points at the
   module). Learners keep seeing the published text meanwhile. Publishing the copy writes it
   onto the module the way a content-pack import does (lessons kept by slug, version raised
   when anything changed), so no learner loses progress or a certificate, and the copy goes.
4. The community lead may share a published module with the whole community."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from carai.accounts.models import User
from carai.community.models import Organisation
from carai.core.audit import audit_record
from carai.core.cache import rows_written_send
from carai.learning.audit import LearningAction
from carai.learning.content import ModuleFields, OptionData
from carai.learning.images import ImageProblem, image_clean
from carai.learning.models import (
    Lesson,
    LessonKind,
    Module,
    ModuleStatus,
    Option,
    Question,
    QuestionKind,
)
from carai.learning.selectors import module_to_data
from carai.learning.services.content import module_apply_data, question_options_replace

MODULE_FIELDS = (
    "language",
    "title",
    "summary",
    "objectives",
    "estimated_minutes",
    "format",
    "licence",
    "validity_months",
    "references",
)
LESSON_FIELDS = (
    "title",
    "body",
    "video_url",
    "transcript",
    "practice_case",
    "practice_exercise",
    "alt",
    "required",
    "pass_mark",
    "max_attempts",
    "shuffle",
)


def _require_editable(module: Module) -> None:
    if module.status != ModuleStatus.DRAFT:
        raise ValidationError(_("A published module is changed through a working copy."))


def _unique_key(*, organisation: Organisation, title: str) -> str:
    base = slugify(f"{organisation.slug} {title}")[:70].strip("-") or organisation.slug
    key, number = base, 2
    while Module.objects.filter(key=key).exists():
        key, number = f"{base}-{number}", number + 1
    return key


def _unique_lesson_slug(*, module: Module, title: str) -> str:
    base = slugify(title)[:70].strip("-") or "les"
    slug, number = base, 2
    while module.lessons.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _write_fields(module: Module, fields: ModuleFields) -> None:
    for name in MODULE_FIELDS:
        setattr(module, name, getattr(fields, name))
    module.set_audience(roles=fields.roles, levels=fields.levels, branches=fields.branches)


@transaction.atomic
def module_create(*, actor: User, organisation: Organisation, fields: ModuleFields) -> Module:
    module = Module(
        key=_unique_key(organisation=organisation, title=fields.title),
        owner=organisation,
        status=ModuleStatus.DRAFT,
        created_by=actor,
    )
    _write_fields(module, fields)
    module.full_clean()
    module.save()
    return module


@transaction.atomic
def module_update(*, module: Module, fields: ModuleFields) -> Module:
    _require_editable(module)
    if module.draft_of_id is not None and fields.language != module.language:
        raise ValidationError({"language": _("The language of a published module stays.")})
    _write_fields(module, fields)
    module.full_clean()
    module.save()
    return module


@transaction.atomic
def module_working_copy(*, actor: User, module: Module) -> Module:
    """The module to edit: a draft itself, or the (new or existing) copy of a published one."""
    if module.status == ModuleStatus.DRAFT:
        return module
    if module.status != ModuleStatus.PUBLISHED:
        raise ValidationError(_("An archived module cannot be changed."))
    existing = module.drafts.first()
    if existing is not None:
        return existing
    copy = Module.objects.get(pk=module.pk)
    copy.pk = None
    copy.draft_of = module
    copy.status = ModuleStatus.DRAFT
    copy.created_by = actor
    copy.shared = False
    copy.published_at = None
    copy.save()
    for lesson in module.lessons.filter(is_active=True).prefetch_related("questions__options"):
        questions = list(lesson.questions.all())
        lesson.pk = None
        lesson.module = copy
        lesson.save()
        for question in questions:
            options = list(question.options.all())
            question.pk = None
            question.lesson = lesson
            question.save()
            for option in options:
                option.pk = None
                option.question = question
            # One insert sends no signals (core.cache.rows_written_send).
            rows_written_send(model=Option, instances=Option.objects.bulk_create(options))
    return copy


def _check_publishable(module: Module) -> None:
    lessons = list(module.lessons.filter(is_active=True).prefetch_related("questions"))
    problems = []
    if not lessons:
        problems.append(_("Add at least one lesson."))
    for lesson in lessons:
        if lesson.kind == LessonKind.QUIZ and not lesson.questions.all():
            problems.append(
                _("The quiz “%(title)s” has no questions yet.") % {"title": lesson.title}
            )
        if lesson.kind == LessonKind.IMAGE and not (lesson.image and lesson.alt):
            problems.append(
                _("The image lesson “%(title)s” needs an image and a description.")
                % {"title": lesson.title}
            )
        if lesson.kind == LessonKind.PRACTICE and not (
            lesson.practice_case and lesson.practice_exercise
        ):
            problems.append(
                _("The practice lesson “%(title)s” needs a case and an exercise.")
                % {"title": lesson.title}
            )
        if lesson.kind == LessonKind.SANDBOX and not lesson.practice_case:
            problems.append(
                _("The AI sandbox lesson “%(title)s” needs a case.") % {"title": lesson.title}
            )
        if lesson.kind == LessonKind.VIDEO and not lesson.video_url:
            problems.append(
                _("The video lesson “%(title)s” needs a video link.") % {"title": lesson.title}
            )
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def module_publish(*, actor: User, module: Module, request: HttpRequest | None = None) -> Module:
    """Publish a draft, or a working copy onto its module. Returns the published module."""
    _require_editable(module)
    _check_publishable(module)
    data = module_to_data(module)
    if module.draft_of_id is None:
        live = module
        live.version = 1
    else:
        live = Module.objects.select_for_update().get(pk=module.draft_of_id)
        data.key = live.key
    digest = data.content_hash()
    changed = digest != live.content_hash
    if module.draft_of_id is not None and changed:
        live.version += 1
    if changed or live.status == ModuleStatus.DRAFT:
        module_apply_data(module=live, data=data, digest=digest)
    if module.draft_of_id is not None:
        module.delete()
    audit_record(
        action=LearningAction.MODULE_PUBLISHED,
        actor=actor,
        request=request,
        organisation=live.owner,
        target=live,
        target_label=live.title,
        details={"version": live.version},
    )
    return live


@transaction.atomic
def module_discard_copy(*, module: Module) -> Module:
    """Throw away a working copy; returns the published module it belonged to."""
    if module.draft_of is None:
        raise ValidationError(_("Only a working copy can be thrown away."))
    live = module.draft_of
    module.delete()
    return live


@transaction.atomic
def module_archive(*, actor: User, module: Module, request: HttpRequest | None = None) -> Module:
    """Take a module out of the catalogue. Learners keep their certificates."""
    if module.draft_of_id is not None:
        raise ValidationError(_("Only a published module can be archived."))
    module.drafts.all().delete()
    module.status = ModuleStatus.ARCHIVED
    module.shared = False
    module.save(update_fields=["status", "shared", "updated_at"])
    audit_record(
        action=LearningAction.MODULE_ARCHIVED,
        actor=actor,
        request=request,
        organisation=module.owner,
        target=module,
        target_label=module.title,
    )
    return module


@transaction.atomic
def module_share(
    *, actor: User, module: Module, shared: bool, request: HttpRequest | None = None
) -> Module:
    """The community lead shares an organisation's published module with every partner."""
    if not actor.is_community_lead:
        raise ValidationError(_("Only the community lead shares modules with the community."))
    if module.owner_id is None or module.status != ModuleStatus.PUBLISHED or module.draft_of_id:
        raise ValidationError(_("Only a published module of an organisation can be shared."))
    module.shared = shared
    module.save(update_fields=["shared", "updated_at"])
    audit_record(
        action=LearningAction.MODULE_SHARED if shared else LearningAction.MODULE_UNSHARED,
        actor=actor,
        request=request,
        organisation=module.owner,
        target=module,
        target_label=module.title,
    )
    return module


@transaction.atomic
def lesson_create(*, module: Module, kind: str, title: str) -> Lesson:
    _require_editable(module)
    if kind not in LessonKind.values:
        raise ValidationError({"kind": _("Choose a kind of lesson.")})
    last = module.lessons.aggregate(last=Max("order"))["last"]
    lesson = Lesson(
        module=module,
        kind=kind,
        title=title,
        slug=_unique_lesson_slug(module=module, title=title),
        order=(last or 0) + 1,
    )
    lesson.full_clean()
    lesson.save()
    return lesson


@transaction.atomic
def lesson_update(*, lesson: Lesson, image_data: bytes | None = None, **fields: Any) -> Lesson:
    """Change a lesson's fields, and its image when ``image_data`` is given."""
    _require_editable(lesson.module)
    unknown = set(fields) - set(LESSON_FIELDS)
    if unknown:
        raise TypeError(f"Not lesson fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(lesson, name, value)
    lesson.full_clean()
    if image_data is not None:
        lesson_image_set(lesson=lesson, data=image_data)
    lesson.save()
    return lesson


@transaction.atomic
def lesson_delete(*, lesson: Lesson) -> None:
    _require_editable(lesson.module)
    lesson.delete()


@transaction.atomic
def lesson_move(*, lesson: Lesson, up: bool) -> None:
    """Swap the lesson with its neighbour above or below; then number them 1, 2, 3…"""
    module = lesson.module
    _require_editable(module)
    lessons = list(module.lessons.filter(is_active=True).order_by("order", "pk"))
    index = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(lessons):
        lessons[index], lessons[other] = lessons[other], lessons[index]
    for number, item in enumerate(lessons, start=1):
        item.order = number
    Lesson.objects.bulk_update(lessons, ["order"])
    # One update sends no signals: the module's cached lesson list, "Ga verder waar je was".
    rows_written_send(model=Lesson, instances=lessons, update_fields=["order"])


IMAGE_MESSAGES = {
    "too_large": gettext_lazy("This image is larger than 2 MB. Make it smaller and try again."),
    "wrong_type": gettext_lazy("Use a PNG, JPEG or WebP image."),
    "too_many_pixels": gettext_lazy(
        "This image has too many pixels. Make it smaller and try again."
    ),
    "not_an_image": gettext_lazy("This file is not an image we can read."),
}


@transaction.atomic
def lesson_image_set(*, lesson: Lesson, data: bytes) -> Lesson:
    """Store a checked, cleaned copy of an image. Files are never overwritten, because a
    working copy and its published module can share one."""
    _require_editable(lesson.module)
    try:
        clean = image_clean(data)
    except ImageProblem as problem:
        raise ValidationError({"image": IMAGE_MESSAGES[problem.code]}) from problem
    name = default_storage.save(
        f"lessons/{uuid.uuid4().hex}.{clean.extension}", ContentFile(clean.content)
    )
    lesson.image = name
    lesson.save(update_fields=["image"])
    return lesson


@transaction.atomic
def question_save(
    *,
    lesson: Lesson,
    kind: str,
    text: str,
    options: list[OptionData],
    question: Question | None = None,
) -> Question:
    """Add a question to a quiz, or replace one, with its options and feedback."""
    _require_editable(lesson.module)
    if lesson.kind != LessonKind.QUIZ:
        raise ValidationError(_("Only a quiz has questions."))
    correct = sum(option.correct for option in options)
    if len(options) < 2:
        raise ValidationError(_("Give at least two answers."))
    if kind in {QuestionKind.SINGLE, QuestionKind.TRUE_FALSE} and correct != 1:
        raise ValidationError(_("Mark exactly one answer as correct."))
    if kind == QuestionKind.MULTIPLE and correct < 2:
        raise ValidationError(_("Mark two or more answers as correct, or choose “One answer”."))
    if question is None:
        last = lesson.questions.aggregate(last=Max("order"))["last"]
        question = Question(lesson=lesson, order=(last if last is not None else -1) + 1)
    elif question.lesson_id != lesson.pk:
        raise ValidationError(_("This question is not part of this quiz."))
    question.kind = kind
    question.text = text
    question.save()
    question_options_replace(question=question, options=options)
    return question


@transaction.atomic
def question_delete(*, question: Question) -> None:
    _require_editable(question.lesson.module)
    question.delete()
