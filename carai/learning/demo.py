"""Demo learners at different stages (all fictional), on top of the demo community."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from carai.accounts.models import User
from carai.learning.content import ModuleFields, read_pack
from carai.learning.models import Certificate, Enrolment, Lesson, LessonKind, Module
from carai.learning.selectors import correct_answers
from carai.learning.services.content import module_import
from carai.learning.services.progress import enrolment_start, lesson_complete
from carai.learning.services.quiz import quiz_attempt_start, quiz_attempt_submit


def finish_lesson(enrolment: Enrolment, lesson: Lesson) -> None:
    """Finish a lesson as a learner would; a quiz is passed with all answers right."""
    if lesson.kind == LessonKind.QUIZ:
        attempt = quiz_attempt_start(enrolment=enrolment, lesson=lesson)
        answers = correct_answers(question_ids=attempt.question_order)
        quiz_attempt_submit(attempt=attempt, answers=answers)
    else:
        lesson_complete(enrolment=enrolment, lesson=lesson)


def _progress(email: str, key: str, lessons_done: int | None) -> None:
    """Enrol ``email`` in module ``key`` (Dutch) and finish the first N lessons (None: all)."""
    user = User.objects.filter(email=email).first()
    module = Module.objects.filter(key=key, language="nl").first()
    if user is None or module is None:
        return
    enrolment = enrolment_start(user=user, module=module)
    lessons = list(module.lessons.filter(is_active=True).order_by("order"))
    done = set(enrolment.progress.values_list("lesson_id", flat=True))
    for lesson in lessons[:lessons_done]:
        if lesson.pk not in done:
            finish_lesson(enrolment, lesson)


@transaction.atomic
def load_demo_learning() -> int:
    """Import the shipped content pack and give demo people some progress. Idempotent."""
    content = Path(settings.BASE_DIR) / "content"
    if not (content / "modules").is_dir():
        return 0
    modules = read_pack(content)
    for data in modules:
        module_import(data=data)
    _progress("zorgmedewerker@lindehof.example", "wat-is-ai", None)
    _progress("zorgmedewerker@lindehof.example", "privacy-en-ai", 2)
    _progress("student@vakschool.example", "wat-is-ai", 3)
    _progress("aicoach@lindehof.example", "wat-is-ai", None)
    _progress("aicoach@lindehof.example", "ai-uitvoer-controleren", None)
    _progress("manager@lindehof.example", "ai-adoptie-leiden", 1)
    _certificate_dates("aicoach@lindehof.example", "wat-is-ai", expires_in_days=20)
    _certificate_dates("aicoach@lindehof.example", "ai-uitvoer-controleren", expires_in_days=-10)
    load_demo_authoring()
    return len(modules)


def _certificate_dates(email: str, key: str, *, expires_in_days: int) -> None:
    """Make a demo certificate expire soon (or have expired), to show reminders and expiry."""
    certificate = Certificate.objects.filter(
        user__email=email, module__key=key, module__language="nl"
    ).first()
    if certificate is None:
        return
    now = timezone.now()
    certificate.expires_at = now + timedelta(days=expires_in_days)
    certificate.issued_at = certificate.expires_at - timedelta(days=730)
    certificate.expired_at = now if expires_in_days < 0 else None
    certificate.save(update_fields=["expires_at", "issued_at", "expired_at"])


# An organisation's own module, made in the platform by its in-house trainer (fictional).
_OWN_MODULE_TITLE = "Spraakherkenning bij de overdracht (Lindehof, oefenmodule)"
_OWN_LESSONS: list[tuple[str, str, str]] = [
    (
        "text",
        "Waarom we dit uitproberen",
        "Op de afdelingen van Lindehof kost rapporteren veel tijd. In deze proef spreek je "
        "je overdracht in. Een programma voor **spraakherkenning** maakt er tekst van.\n\n"
        "- Je leest de tekst altijd na voordat je hem opslaat.\n"
        "- Je noemt geen namen van cliënten als je inspreekt: je werkt in het dossier van "
        "de cliënt, dus de naam staat er al.\n"
        "- Twijfel je? Vraag het de AI-coach van je afdeling.\n\n"
        "*Deze module is een fictief voorbeeld voor de demo van CARAI.*",
    ),
    (
        "reflection",
        "Wat verwacht jij?",
        "Denk aan je laatste dienst. Welk deel van je rapportage zou je willen inspreken? "
        "Wat vind je lastig of spannend aan inspreken?",
    ),
    (
        "quiz",
        "Korte toets",
        "Drie vragen over veilig inspreken.",
    ),
    (
        "workshop",
        "Oefenen in de groep",
        "In deze bijeenkomst oefen je met de proefversie op een **fictieve** cliënt. "
        "Je krijgt tips van collega's die al meedoen.",
    ),
]
_OWN_QUESTIONS: list[tuple[str, str, list[tuple[str, bool, str]]]] = [
    (
        "single",
        "Wat doe je met de tekst die het programma van je overdracht maakt?",
        [
            (
                "Ik lees hem na en verbeter fouten voordat ik opsla.",
                True,
                "Goed. Spraakherkenning mist woorden en hoort soms iets anders dan je zei.",
            ),
            (
                "Ik sla hem meteen op; het programma is slim genoeg.",
                False,
                "Niet doen. Jij blijft verantwoordelijk voor wat er in het dossier staat.",
            ),
        ],
    ),
    (
        "true_false",
        "Je mag de naam en het BSN van de cliënt inspreken, dan is het dossier completer.",
        [
            (
                "Waar",
                False,
                "Niet waar. Spreek alleen in wat nodig is; de naam staat al in het dossier.",
            ),
            ("Niet waar", True, "Klopt. Zo deel je niet meer persoonsgegevens dan nodig."),
        ],
    ),
    (
        "multiple",
        "Wanneer vraag je de AI-coach om hulp? Kies alle goede antwoorden.",
        [
            (
                "Als het programma steeds dezelfde woorden verkeerd schrijft.",
                True,
                "Ja, misschien kan de instelling beter.",
            ),
            (
                "Als je twijfelt of iets in het verslag mag.",
                True,
                "Ja, samen kijken voorkomt fouten.",
            ),
            (
                "Nooit; je moet het zelf oplossen.",
                False,
                "Nee, de AI-coach is er juist om je te helpen.",
            ),
        ],
    ),
]


def load_demo_authoring() -> None:
    """Lindehof's trainer made and published a module with a workshop; a session is planned
    and a care worker signed up. Safe to run again."""
    from carai.community.models import Organisation
    from carai.learning.content import OptionData
    from carai.learning.models import WorkshopSession
    from carai.learning.services import authoring, workshops

    trainer = User.objects.filter(email="opleider@lindehof.example").first()
    organisation = Organisation.objects.filter(slug="lindehof").first()
    if trainer is None or organisation is None:
        return
    module = Module.objects.live().filter(owner=organisation, title=_OWN_MODULE_TITLE).first()
    if module is None:
        draft = authoring.module_create(
            actor=trainer,
            organisation=organisation,
            fields=ModuleFields(
                language="nl",
                title=_OWN_MODULE_TITLE,
                summary=(
                    "Lindehof probeert spraakherkenning uit bij de overdracht. Je leert hoe je "
                    "veilig inspreekt en waarom je de tekst altijd naleest."
                ),
                objectives=[
                    "Je kunt je overdracht inspreken zonder onnodige persoonsgegevens.",
                    "Je leest de tekst na en verbetert fouten voordat je opslaat.",
                    "Je weet wanneer je de AI-coach om hulp vraagt.",
                ],
                roles=["professional", "student", "ai_coach"],
                levels=[],
                branches=["vvt"],
                estimated_minutes=45,
                format="blended",
                licence="CC BY-SA 4.0",
                validity_months=12,
                references=[
                    {
                        "title": "Autoriteit Persoonsgegevens: gezondheidsgegevens",
                        "url": "https://www.autoriteitpersoonsgegevens.nl/themas/gezondheid",
                    }
                ],
            ),
        )
        for kind, title, body in _OWN_LESSONS:
            lesson = authoring.lesson_create(module=draft, kind=kind, title=title)
            authoring.lesson_update(lesson=lesson, body=body)
            if kind == "quiz":
                for q_kind, text, options in _OWN_QUESTIONS:
                    authoring.question_save(
                        lesson=lesson,
                        kind=q_kind,
                        text=text,
                        options=[OptionData(text=t, correct=c, feedback=f) for t, c, f in options],
                    )
        module = authoring.module_publish(actor=trainer, module=draft)
    workshop = module.lessons.filter(kind="workshop").first()
    if workshop is None:
        return
    now = timezone.now()
    upcoming = WorkshopSession.objects.filter(
        lesson=workshop, starts_at__gt=now, cancelled_at__isnull=True
    ).first()
    if upcoming is None:
        start = timezone.localtime(now + timedelta(days=10)).replace(
            hour=14, minute=0, second=0, microsecond=0
        )
        upcoming = workshops.workshop_session_create(
            actor=trainer,
            lesson=workshop,
            organisation=organisation,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            capacity=12,
            location="Lindehof, leslokaal 2 (fictief)",
        )
    care_worker = User.objects.filter(email="zorgmedewerker@lindehof.example").first()
    if care_worker is not None:
        workshops.workshop_register(user=care_worker, session=upcoming)
