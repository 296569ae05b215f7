"""Organisation A's own module, made through the authoring services as an educator would."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from PIL import Image

from carai.learning.content import ModuleFields, OptionData
from carai.learning.models import (
    Lesson,
    Module,
    Question,
    WorkshopRegistration,
    WorkshopSession,
)
from carai.learning.services import authoring, workshops
from tests.conftest import World


def png_bytes(size: tuple[int, int] = (40, 30), color: str = "teal") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def module_fields(**overrides: object) -> ModuleFields:
    values: dict[str, object] = {
        "language": "nl",
        "title": "Spraakherkenning bij de overdracht (fictief)",
        "summary": "Een oefenmodule van Zorg A over spraakherkenning.",
        "objectives": ["Je kunt uitleggen wat spraakherkenning doet."],
        "roles": ["professional"],
        "levels": [],
        "branches": [],
        "estimated_minutes": 20,
        "format": "blended",
        "licence": "CC BY-SA 4.0",
        "validity_months": 12,
        "references": [{"title": "Fictieve bron", "url": "https://example.org/bron"}],
    }
    values.update(overrides)
    return ModuleFields(**values)  # type: ignore[arg-type]


def two_options() -> list[OptionData]:
    return [
        OptionData(text="Ja", correct=True, feedback="Klopt: controleer altijd."),
        OptionData(text="Nee", correct=False, feedback="Toch wel: AI kan fouten maken."),
    ]


@dataclass
class OrgModule:
    live: Module
    copy: Module
    copy_quiz: Lesson
    copy_question: Question
    text_lesson: Lesson
    image_lesson: Lesson
    workshop: Lesson
    session: WorkshopSession
    registration: WorkshopRegistration


def make_org_module(world: World) -> OrgModule:
    educator = world.educator
    draft = authoring.module_create(
        actor=educator, organisation=world.org_a, fields=module_fields()
    )
    text = authoring.lesson_create(module=draft, kind="text", title="Waarom dit ertoe doet")
    authoring.lesson_update(lesson=text, body="Spraakherkenning **scheelt** tijd.")
    image = authoring.lesson_create(module=draft, kind="image", title="Zo ziet het scherm eruit")
    authoring.lesson_image_set(lesson=image, data=png_bytes())
    authoring.lesson_update(lesson=image, alt="Een fictief scherm met een verslag")
    quiz = authoring.lesson_create(module=draft, kind="quiz", title="Toets")
    authoring.question_save(
        lesson=quiz, kind="single", text="Controleer je het verslag?", options=two_options()
    )
    workshop = authoring.lesson_create(module=draft, kind="workshop", title="Oefenen in de groep")
    live = authoring.module_publish(actor=educator, module=draft)
    session = workshops.workshop_session_create(
        actor=educator,
        lesson=workshop,
        organisation=world.org_a,
        starts_at=timezone.now() + timedelta(days=7),
        ends_at=timezone.now() + timedelta(days=7, hours=2),
        capacity=2,
        location="Zaal 1 (fictief)",
    )
    registration = workshops.workshop_register(user=world.care_worker, session=session)
    copy = authoring.module_working_copy(actor=educator, module=live)
    copy_quiz = copy.lessons.get(kind="quiz")
    return OrgModule(
        live=live,
        copy=copy,
        copy_quiz=copy_quiz,
        copy_question=copy_quiz.questions.get(),
        text_lesson=text,
        image_lesson=image,
        workshop=workshop,
        session=session,
        registration=registration,
    )
