"""Educators make modules in the platform; the community lead shares them; workshops."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from carai.learning.access import modules_visible_to
from carai.learning.demo import finish_lesson
from carai.learning.images import MAX_SIDE, ImageProblem, image_clean
from carai.learning.models import (
    Certificate,
    Enrolment,
    LessonProgress,
    Module,
    ModuleStatus,
    WorkshopRegistration,
    WorkshopSession,
)
from carai.learning.services import authoring, workshops
from carai.learning.services.progress import enrolment_start, lesson_complete
from tests.authoring_helpers import make_org_module, module_fields, png_bytes, two_options
from tests.conftest import World, client_for


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _english_messages():
    """Service messages are matched on their English source text."""
    with translation.override("en"):
        yield


def _finish(enrolment: Enrolment, module: Module) -> None:
    """Do every lesson of ``module`` except workshops, passing the quizzes."""
    for lesson in module.lessons.filter(is_active=True).exclude(kind="workshop"):
        finish_lesson(enrolment, lesson)


# Life of a module -----------------------------------------------------------------------------


def test_a_draft_is_seen_only_by_its_educators(world: World) -> None:
    draft = authoring.module_create(
        actor=world.educator, organisation=world.org_a, fields=module_fields()
    )
    assert draft.status == ModuleStatus.DRAFT
    assert draft.key.startswith("zorg-a-")
    for user in (world.care_worker, world.outsider, world.lead):
        assert draft not in modules_visible_to(user=user)
    url = reverse("learning:authoring_module", kwargs={"draft_id": draft.pk})
    assert client_for(world.educator).get(url).status_code == 200
    for user in (world.care_worker, world.manager, world.outsider, world.lead):
        assert client_for(user).get(url).status_code == 404


def test_publish_shows_it_to_the_own_organisation_and_the_lead_shares_it(world: World) -> None:
    own = make_org_module(world)
    assert own.live.status == ModuleStatus.PUBLISHED
    assert own.live.version == 1
    assert own.live in modules_visible_to(user=world.care_worker)
    assert own.live not in modules_visible_to(user=world.outsider)
    with pytest.raises(ValidationError):
        authoring.module_share(actor=world.educator, module=own.live, shared=True)
    authoring.module_share(actor=world.lead, module=own.live, shared=True)
    assert own.live in modules_visible_to(user=world.outsider)
    # An outsider sees the shared module, but still not A's workshop sessions or people.
    url = reverse("learning:module_detail", kwargs={"module_id": own.live.pk})
    page = client_for(world.outsider).get(url).content.decode()
    assert own.live.title in page
    assert world.care_worker.full_name not in page
    authoring.module_share(actor=world.lead, module=own.live, shared=False)
    assert own.live not in modules_visible_to(user=world.outsider)


def test_publishing_a_working_copy_keeps_progress_and_certificates(world: World) -> None:
    own = make_org_module(world)
    live = own.live
    enrolment = enrolment_start(user=world.care_worker, module=live)
    lesson_complete(enrolment=enrolment, lesson=own.text_lesson)
    # While the educator works on the copy, learners see the published text.
    copy_text = own.copy.lessons.get(slug=own.text_lesson.slug)
    authoring.lesson_update(lesson=copy_text, body="Nieuwe uitleg over **controle**.")
    own.text_lesson.refresh_from_db()
    assert "Nieuwe uitleg" not in own.text_lesson.body
    with pytest.raises(ValidationError):
        authoring.lesson_update(lesson=own.text_lesson, body="rechtstreeks")

    published = authoring.module_publish(actor=world.educator, module=own.copy)
    assert published.pk == live.pk
    assert published.version == 2
    assert not Module.objects.filter(pk=own.copy.pk).exists()
    own.text_lesson.refresh_from_db()
    assert "Nieuwe uitleg" in own.text_lesson.body
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson=own.text_lesson).exists()
    # Publishing an unchanged copy makes no new version.
    copy = authoring.module_working_copy(actor=world.educator, module=live)
    assert authoring.module_publish(actor=world.educator, module=copy).version == 2


def test_a_certificate_from_an_old_version_stays(world: World) -> None:
    own = make_org_module(world)
    live = own.live
    enrolment = enrolment_start(user=world.care_worker, module=live)
    _finish(enrolment, live)
    session = own.session
    _start_session(session)
    workshops.workshop_attendance_mark(
        actor=world.educator, session=session, present={own.registration.pk}
    )
    certificate = Certificate.objects.get(user=world.care_worker, module=live)
    assert certificate.module_version == 1
    copy_quiz = own.copy_quiz
    authoring.question_save(
        lesson=copy_quiz, kind="true_false", text="AI is altijd juist.", options=two_options()
    )
    authoring.module_publish(actor=world.educator, module=own.copy)
    live.refresh_from_db()
    assert live.version == 2
    certificate.refresh_from_db()
    assert certificate.module_version == 1
    assert certificate.is_valid
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_publishing_needs_complete_lessons(world: World) -> None:
    draft = authoring.module_create(
        actor=world.educator, organisation=world.org_a, fields=module_fields()
    )
    with pytest.raises(ValidationError, match="at least one lesson"):
        authoring.module_publish(actor=world.educator, module=draft)
    authoring.lesson_create(module=draft, kind="quiz", title="Lege toets")
    authoring.lesson_create(module=draft, kind="image", title="Plaatje")
    authoring.lesson_create(module=draft, kind="video", title="Filmpje")
    with pytest.raises(ValidationError) as error:
        authoring.module_publish(actor=world.educator, module=draft)
    assert len(error.value.messages) == 3
    draft.refresh_from_db()
    assert draft.status == ModuleStatus.DRAFT


def test_archive_takes_it_out_of_the_catalogue(world: World) -> None:
    own = make_org_module(world)
    authoring.module_archive(actor=world.educator, module=own.live)
    assert own.live not in modules_visible_to(user=world.care_worker)
    assert not Module.objects.filter(draft_of=own.live).exists()
    with pytest.raises(ValidationError):
        authoring.module_working_copy(actor=world.educator, module=own.live)


def test_discarding_a_copy_leaves_the_module(world: World) -> None:
    own = make_org_module(world)
    live = authoring.module_discard_copy(module=own.copy)
    assert live.pk == own.live.pk
    assert live.lessons.count() == 4
    with pytest.raises(ValidationError):
        authoring.module_discard_copy(module=live)


# Lessons and questions ------------------------------------------------------------------------


def test_lessons_move_up_and_down(world: World) -> None:
    draft = authoring.module_create(
        actor=world.educator, organisation=world.org_a, fields=module_fields()
    )
    first, second, third = (
        authoring.lesson_create(module=draft, kind="text", title=t) for t in ("Een", "Twee", "Drie")
    )
    authoring.lesson_move(lesson=third, up=True)
    assert [lesson.title for lesson in draft.lessons.order_by("order")] == ["Een", "Drie", "Twee"]
    authoring.lesson_move(lesson=first, up=True)  # already first: nothing changes
    authoring.lesson_move(lesson=first, up=False)
    assert [lesson.title for lesson in draft.lessons.order_by("order")] == ["Drie", "Een", "Twee"]
    assert sorted(draft.lessons.values_list("order", flat=True)) == [1, 2, 3]
    # Through the page, with htmx: the list comes back with the moved lesson.
    url = reverse(
        "learning:authoring_lesson_move",
        kwargs={"draft_id": draft.pk, "draft_lesson_id": second.pk},
    )
    response = client_for(world.educator).post(url, {"direction": "up"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "carai:announce" in response["HX-Trigger"]
    assert [lesson.title for lesson in draft.lessons.order_by("order")] == ["Drie", "Twee", "Een"]


def test_lesson_slugs_stay_unique(world: World) -> None:
    draft = authoring.module_create(
        actor=world.educator, organisation=world.org_a, fields=module_fields()
    )
    a = authoring.lesson_create(module=draft, kind="text", title="Intro")
    b = authoring.lesson_create(module=draft, kind="text", title="Intro")
    assert a.slug == "intro"
    assert b.slug == "intro-2"


@pytest.mark.parametrize(
    ("kind", "correct", "message"),
    [
        ("single", [True, True], "exactly one"),
        ("true_false", [False, False], "exactly one"),
        ("multiple", [True, False], "two or more"),
    ],
)
def test_questions_need_the_right_number_of_correct_answers(
    world: World, kind: str, correct: list[bool], message: str
) -> None:
    own = make_org_module(world)
    options = two_options()
    for option, right in zip(options, correct, strict=True):
        option.correct = right
    with pytest.raises(ValidationError, match=message):
        authoring.question_save(lesson=own.copy_quiz, kind=kind, text="Vraag", options=options)


def test_question_form_keeps_what_was_typed_and_asks_for_feedback(world: World) -> None:
    own = make_org_module(world)
    url = reverse(
        "learning:authoring_question_new",
        kwargs={"draft_id": own.copy.pk, "draft_lesson_id": own.copy_quiz.pk},
    )
    response = client_for(world.educator).post(
        url,
        {
            "kind": "single",
            "text": "Mag een cliëntnaam in een openbare chatbot?",
            "option_1": "Nee",
            "correct_1": "on",
            "option_2": "Ja",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mag een cliëntnaam in een openbare chatbot?" in page
    assert 'aria-invalid="true"' in page
    assert own.copy_quiz.questions.count() == 1
    response = client_for(world.educator).post(
        url,
        {
            "kind": "single",
            "text": "Mag een cliëntnaam in een openbare chatbot?",
            "option_1": "Nee",
            "correct_1": "on",
            "feedback_1": "Klopt, dat is een datalek.",
            "option_2": "Ja",
            "feedback_2": "Nee: namen zijn persoonsgegevens.",
        },
    )
    assert response.status_code == 302
    assert own.copy_quiz.questions.count() == 2


def test_markdown_preview_is_safe(world: World) -> None:
    url = reverse("learning:authoring_markdown_preview")
    response = client_for(world.educator).post(
        url, {"body": "**Vet** <script>alert(1)</script> [x](javascript:alert(1))"}
    )
    page = response.content.decode()
    assert "<strong>Vet</strong>" in page
    assert "<script>" not in page
    assert "javascript:" not in page
    assert client_for(world.care_worker).post(url, {"body": "x"}).status_code == 404


def test_preview_as_learner_saves_nothing(world: World) -> None:
    own = make_org_module(world)
    client = client_for(world.educator)
    first = client.get(reverse("learning:authoring_preview", kwargs={"draft_id": own.copy.pk}))
    assert first.status_code == 200
    quiz = client.get(
        reverse(
            "learning:authoring_preview_lesson",
            kwargs={"draft_id": own.copy.pk, "draft_lesson_id": own.copy_quiz.pk},
        )
    ).content.decode()
    assert "Controleer je het verslag?" in quiz
    assert "Klopt: controleer altijd." not in quiz  # feedback only after handing in
    assert not Enrolment.objects.filter(user=world.educator).exists()


# Images ---------------------------------------------------------------------------------------


def test_an_image_is_cleaned_scaled_and_stripped_of_metadata() -> None:
    picture = Image.new("RGB", (3000, 1000), "white")
    exif = Image.Exif()
    exif[0x010F] = "Camera van een cliënt"  # Make
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif)
    clean = image_clean(buffer.getvalue())
    assert clean.extension == "jpg"
    assert max(clean.width, clean.height) == MAX_SIDE
    with Image.open(io.BytesIO(clean.content)) as result:
        assert not result.getexif()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"x" * (2 * 1024 * 1024 + 1), "too_large"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "not_an_image"),
        (b"GIF89a" + b"\x00" * 20, "not_an_image"),
    ],
)
def test_bad_images_are_refused(data: bytes, code: str) -> None:
    with pytest.raises(ImageProblem) as problem:
        image_clean(data)
    assert problem.value.code == code


def test_a_gif_is_refused_as_the_wrong_type() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    with pytest.raises(ImageProblem) as problem:
        image_clean(buffer.getvalue())
    assert problem.value.code == "wrong_type"


def test_oversize_upload_gets_a_clear_message_and_keeps_the_typing(world: World) -> None:
    draft = authoring.module_create(
        actor=world.educator, organisation=world.org_a, fields=module_fields()
    )
    lesson = authoring.lesson_create(module=draft, kind="image", title="Het scherm")
    url = reverse(
        "learning:authoring_lesson", kwargs={"draft_id": draft.pk, "draft_lesson_id": lesson.pk}
    )
    big = SimpleUploadedFile("groot.png", b"\x89PNG" + b"0" * (3 * 1024 * 1024))
    response = client_for(world.educator).post(
        url, {"title": "Het scherm", "alt": "Een leeg scherm", "image": big, "required": "on"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 MB" in page
    assert "Een leeg scherm" in page
    lesson.refresh_from_db()
    assert lesson.image == ""
    assert lesson.alt == ""
    fake = SimpleUploadedFile("nep.png", b"dit is geen plaatje")
    response = client_for(world.educator).post(
        url, {"title": "Het scherm", "alt": "Een leeg scherm", "image": fake}
    )
    assert response.status_code == 200
    assert "Dit bestand is geen afbeelding die we kunnen lezen." in response.content.decode()
    good = SimpleUploadedFile("goed.png", png_bytes())
    response = client_for(world.educator).post(
        url, {"title": "Het scherm", "alt": "Een leeg scherm", "image": good}
    )
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.image.startswith("lessons/")
    assert default_storage.exists(lesson.image)


def test_lesson_images_are_served_only_to_readers(world: World) -> None:
    own = make_org_module(world)
    url = reverse("learning:lesson_image", kwargs={"image_lesson_id": own.image_lesson.pk})
    response = client_for(world.care_worker).get(url)
    assert response.status_code == 200
    assert response.getvalue().startswith(b"\x89PNG")
    assert client_for(world.outsider).get(url).status_code == 404


# Workshops ------------------------------------------------------------------------------------


def _start_session(session: WorkshopSession) -> None:
    WorkshopSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    session.refresh_from_db()


def test_sign_up_respects_places_and_organisation(world: World) -> None:
    own = make_org_module(world)
    session = own.session  # two places; the care worker has one
    workshops.workshop_register(user=world.manager, session=session)
    with pytest.raises(ValidationError, match="full"):
        workshops.workshop_register(user=world.org_admin, session=session)
    workshops.workshop_unregister(user=world.manager, session=session)
    workshops.workshop_register(user=world.org_admin, session=session)
    with pytest.raises(ValidationError, match="another organisation"):
        workshops.workshop_register(user=world.outsider, session=session)


def test_a_learner_cannot_tick_off_a_workshop_lesson(world: World) -> None:
    own = make_org_module(world)
    enrolment = enrolment_start(user=world.care_worker, module=own.live)
    with pytest.raises(ValidationError):
        lesson_complete(enrolment=enrolment, lesson=own.workshop)
    url = reverse(
        "learning:lesson", kwargs={"module_id": own.live.pk, "lesson_id": own.workshop.pk}
    )
    client = client_for(world.care_worker)
    page = client.get(url).content.decode()
    assert "Zaal 1 (fictief)" in page
    client.post(url)
    assert not LessonProgress.objects.filter(lesson=own.workshop).exists()


def test_attendance_finishes_the_lesson_and_can_be_corrected(world: World) -> None:
    own = make_org_module(world)
    session = own.session
    with pytest.raises(ValidationError, match="started"):
        workshops.workshop_attendance_mark(
            actor=world.educator, session=session, present={own.registration.pk}
        )
    _start_session(session)
    url = reverse("learning:session_attendance", kwargs={"session_id": session.pk})
    client = client_for(world.educator)
    page = client.get(url).content.decode()
    assert world.care_worker.full_name in page
    assert client.post(url, {"present": [str(own.registration.pk)]}).status_code == 302
    assert LessonProgress.objects.filter(lesson=own.workshop).count() == 1
    own.registration.refresh_from_db()
    assert own.registration.attended is True
    # A mistake: she was not there after all. The lesson opens again.
    client.post(url, {})
    assert WorkshopRegistration.objects.get(pk=own.registration.pk).attended is False
    assert not LessonProgress.objects.filter(lesson=own.workshop).exists()
    # Tampered post: a registration of another session changes nothing.
    response = client.post(url, {"present": ["999999"]})
    assert response.status_code == 200
    assert not WorkshopRegistration.objects.filter(attended=True).exists()


def test_sessions_are_in_the_future_end_after_start_and_have_a_place(world: World) -> None:
    own = make_org_module(world)
    now = timezone.now()
    for starts, ends, location, field in [
        (now - timedelta(days=1), now, "Zaal", "starts_at"),
        (now + timedelta(days=1), now + timedelta(hours=1), "Zaal", "ends_at"),
        (now + timedelta(days=1), now + timedelta(days=1, hours=1), "", "location"),
    ]:
        with pytest.raises(ValidationError) as error:
            workshops.workshop_session_create(
                actor=world.educator,
                lesson=own.workshop,
                organisation=world.org_a,
                starts_at=starts,
                ends_at=ends,
                capacity=5,
                location=location,
            )
        assert field in error.value.message_dict


def test_cancelled_sessions_take_no_sign_ups(world: World) -> None:
    own = make_org_module(world)
    workshops.workshop_session_cancel(session=own.session)
    with pytest.raises(ValidationError):
        workshops.workshop_register(user=world.manager, session=own.session)


# Pages ----------------------------------------------------------------------------------------


def test_educator_makes_a_module_through_the_pages(world: World) -> None:
    client = client_for(world.educator)
    response = client.post(
        reverse("learning:authoring_module_new", kwargs={"slug": world.org_a.slug}),
        {
            "title": "Dossier samenvatten met AI (fictief)",
            "language": "nl",
            "summary": "Je oefent met samenvatten.",
            "objectives": (
                "Je kunt een samenvatting controleren.\n\nJe weet wat niet in een chatbot mag."
            ),
            "roles": ["professional", "student"],
            "estimated_minutes": "25",
            "format": "e-learning",
            "licence": "CC BY-SA 4.0",
            "validity_months": "24",
            "references": "AI-verordening | https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        },
    )
    assert response.status_code == 302
    module = Module.objects.get(title="Dossier samenvatten met AI (fictief)")
    assert module.objectives == [
        "Je kunt een samenvatting controleren.",
        "Je weet wat niet in een chatbot mag.",
    ]
    assert module.roles == ["professional", "student"]
    assert module.references[0]["url"].startswith("https://eur-lex")
    client.post(
        reverse("learning:authoring_lesson_new", kwargs={"draft_id": module.pk}),
        {"kind": "text", "title": "Wat is samenvatten?"},
    )
    lesson = module.lessons.get()
    client.post(
        reverse(
            "learning:authoring_lesson",
            kwargs={"draft_id": module.pk, "draft_lesson_id": lesson.pk},
        ),
        {"title": "Wat is samenvatten?", "body": "Een samenvatting is **kort**.", "required": "on"},
    )
    response = client.post(reverse("learning:authoring_publish", kwargs={"draft_id": module.pk}))
    assert response.status_code == 302
    module.refresh_from_db()
    assert module.status == ModuleStatus.PUBLISHED
    catalogue = client_for(world.care_worker).get(reverse("learning:catalogue")).content.decode()
    assert "Dossier samenvatten met AI (fictief)" in catalogue


def test_bad_source_lines_get_a_message(world: World) -> None:
    response = client_for(world.educator).post(
        reverse("learning:authoring_module_new", kwargs={"slug": world.org_a.slug}),
        {
            "title": "Bronnen",
            "language": "nl",
            "summary": "Samenvatting",
            "objectives": "Doel",
            "estimated_minutes": "25",
            "format": "e-learning",
            "licence": "CC BY-SA 4.0",
            "validity_months": "24",
            "references": "Een bron | geen adres\n| https://example.org",
        },
    )
    assert response.status_code == 200
    assert "geen adres" in response.content.decode()
    assert not Module.objects.filter(title="Bronnen").exists()


def test_only_educators_of_the_owner_reach_the_authoring_pages(world: World) -> None:
    own = make_org_module(world)
    from carai.community.models import Role
    from tests.factories import MembershipFactory, UserFactory

    educator_b = UserFactory.create(email="docent@zorg-b.example")
    MembershipFactory.create(user=educator_b, organisation=world.org_b, role=Role.EDUCATOR)
    client = client_for(educator_b)
    assert client.get(reverse("learning:authoring_home")).status_code == 200
    pages: list[tuple[str, dict[str, object]]] = [
        ("learning:authoring_module", {"draft_id": own.copy.pk}),
        ("learning:authoring_module", {"draft_id": own.live.pk}),
        ("learning:session_attendance", {"session_id": own.session.pk}),
        ("learning:authoring_module_new", {"slug": world.org_a.slug}),
    ]
    for name, kwargs in pages:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404
    response = client.post(reverse("learning:authoring_publish", kwargs={"draft_id": own.copy.pk}))
    assert response.status_code == 404
    assert Module.objects.filter(pk=own.copy.pk).exists()
