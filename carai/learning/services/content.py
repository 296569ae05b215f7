"""Importing content packs: community modules from pack data (also used when an
organisation publishes a module it made in the platform)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from carai.core.cache import rows_written_send
from carai.learning.content import ModuleData, OptionData
from carai.learning.models import (
    Lesson,
    LessonKind,
    Module,
    ModuleStatus,
    Option,
    Question,
)
from carai.learning.selectors import module_to_data


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
    if module is not None and module_to_data(module) == data:
        # The same content, only read differently before (an older reader kept the file's
        # order of the audience): remember the new fingerprint, make no new version.
        module.content_hash = digest
        module.save(update_fields=["content_hash"])
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
    gone = list(module.lessons.filter(is_active=True).exclude(slug__in=seen))
    module.lessons.filter(pk__in=[lesson.pk for lesson in gone]).update(is_active=False)
    # One update sends no signals: the catalogue's lesson counts, the module's lesson list,
    # "Ga verder waar je was" (core.cache.rows_written_send).
    rows_written_send(model=Lesson, instances=gone, update_fields=["is_active"])
    return module


def question_options_replace(*, question: Question, options: list[OptionData]) -> None:
    """Give a question exactly these answers, in this order."""
    question.options.all().delete()
    written = Option.objects.bulk_create(
        Option(
            question=question,
            order=number,
            text=option.text,
            is_correct=option.correct,
            feedback=option.feedback,
        )
        for number, option in enumerate(options)
    )
    # One insert sends no signals: the quiz form's cached questions (selectors.quiz_questions).
    rows_written_send(model=Option, instances=written)
