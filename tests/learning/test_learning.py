"""Learning: content packs, catalogue, enrolment, progress, quizzes scored on the server."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carai.learning.content import ContentError, read_module, read_pack, write_module
from carai.learning.demo import finish_lesson
from carai.learning.models import Enrolment, LessonProgress, Module, QuizAttempt
from carai.learning.selectors import correct_answers, module_to_data
from carai.learning.services.assignments import assignment_create
from carai.learning.services.content import ImportReport, module_import
from carai.learning.services.progress import (
    enrolment_can_renew,
    enrolment_check_completion,
    enrolment_renew,
    enrolment_start,
    lesson_complete,
)
from carai.learning.services.quiz import quiz_attempt_start, quiz_attempt_submit
from tests.conftest import FIXTURES, ROOT, World, client_for

PACK = FIXTURES / "pack"
CONTENT = ROOT / "content"


def _answers_all_right(attempt: QuizAttempt) -> dict[int, list[int]]:
    return correct_answers(question_ids=attempt.question_order)


def test_pack_round_trip(tmp_path: Path) -> None:
    (original,) = read_pack(PACK)
    write_module(original, tmp_path)
    again = read_module(tmp_path / "modules" / "testmodule" / "nl")
    assert again == original


def test_pack_errors_name_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "modules" / "kapot" / "nl"
    shutil.copytree(PACK / "modules" / "testmodule" / "nl", folder)
    quiz = folder / "03-toets.quiz.yaml"
    quiz.write_text(quiz.read_text().replace("correct: false", "correct: true", 1))
    with pytest.raises(ContentError, match=r"03-toets\.quiz\.yaml question 1: exactly one"):
        read_pack(tmp_path)


def test_import_is_idempotent_and_versions_keep_progress(module: Module, world: World) -> None:
    (data,) = read_pack(PACK)
    assert module_import(data=data).version == 1
    enrolment = enrolment_start(user=world.care_worker, module=module)
    first = module.lessons.get(slug="introductie")
    lesson_complete(enrolment=enrolment, lesson=first)

    data.title = "Testmodule, herzien (fictief)"
    data.lessons = [lesson for lesson in data.lessons if lesson.slug != "nadenken"]
    report = ImportReport()
    updated = module_import(data=data, report=report)
    assert report.updated == ["testmodule (nl)"]
    assert updated.pk == module.pk
    assert updated.version == 2
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson=first).exists()
    assert not module.lessons.get(slug="nadenken").is_active


def test_quiz_html_has_no_correct_answers_and_scoring_is_on_the_server(
    module: Module, world: World
) -> None:
    client = client_for(world.care_worker)
    client.post(reverse("learning:module_enrol", kwargs={"module_id": module.pk}))
    quiz = module.lessons.get(kind="quiz")
    response = client.post(
        reverse("learning:quiz_start", kwargs={"module_id": module.pk, "lesson_id": quiz.pk})
    )
    attempt = QuizAttempt.objects.get()
    assert response["Location"] == reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    page = client.get(response["Location"]).content.decode()
    assert "Het voorspelt het volgende woord." in page
    for secret in ["Goed, het voorspelt", "is_correct", "correct", "Klopt."]:
        assert secret not in page

    # One wrong answer first: below the pass mark, explained.
    answers = _answers_all_right(attempt)
    wrong_q = next(q for q in attempt.question_order if len(answers[q]) == 1)
    options = list(attempt.lesson.questions.get(pk=wrong_q).options.all())
    answers[wrong_q] = [next(o.pk for o in options if not o.is_correct)]
    data = {f"q{q}": [str(o) for o in opts] for q, opts in answers.items()}
    client.post(reverse("learning:attempt", kwargs={"attempt_id": attempt.pk}), data)
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (67, False)
    result = client.get(reverse("learning:attempt", kwargs={"attempt_id": attempt.pk}))
    assert (
        "Niet goed" in result.content.decode()
        or "Niet juist" in result.content.decode()
        or ("✗" in result.content.decode())
    )

    # Second attempt, all right: passed, lesson done.
    client.post(
        reverse("learning:quiz_start", kwargs={"module_id": module.pk, "lesson_id": quiz.pk})
    )
    second = QuizAttempt.objects.filter(submitted_at__isnull=True).get()
    data = {f"q{q}": [str(o) for o in opts] for q, opts in _answers_all_right(second).items()}
    client.post(reverse("learning:attempt", kwargs={"attempt_id": second.pk}), data)
    second.refresh_from_db()
    assert (second.score, second.passed) == (100, True)
    assert LessonProgress.objects.filter(lesson=quiz).exists()


def test_handing_in_reads_questions_attempt_and_lesson_once(module: Module, world: World) -> None:
    """The submit scores with the questions the form read (once; here not from the cache),
    locks only the attempt's row, and neither that nor the learning record reads the lesson,
    module, enrolment or learner again: the page's access check read them."""
    from carai.core.cache import cache_bump
    from carai.learning.selectors import QUESTIONS_SCOPE

    client = client_for(world.care_worker)
    enrolment = enrolment_start(user=world.care_worker, module=module)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))
    client.get(reverse("learning:attempt", kwargs={"attempt_id": attempt.pk}))  # warm session
    cache_bump(QUESTIONS_SCOPE)  # the page above put the questions in the cache
    answers = _answers_all_right(attempt)
    wrong_q = next(q for q in attempt.question_order if len(answers[q]) == 1)
    answers[wrong_q] = [
        o.pk for o in attempt.lesson.questions.get(pk=wrong_q).options.all() if not o.is_correct
    ][:1]
    data = {f"q{q}": [str(o) for o in opts] for q, opts in answers.items()}
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("learning:attempt", kwargs={"attempt_id": attempt.pk}), data)
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (67, False)
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]

    def reads(table: str) -> int:
        return sum(
            1
            for sql in selects
            if sql.split(" WHERE ")[0].split(" FROM ")[1].startswith(f'"{table}"')
        )

    assert reads("learning_question") == 1
    assert reads("learning_option") == 1
    assert reads("learning_quizattempt") == 2  # the page's access check, the lock
    assert reads("learning_lesson") == reads("learning_module") == reads("learning_enrolment") == 0
    assert reads("accounts_user") == 1  # the session's; the learning record's learner is known


def test_handing_in_with_an_lrs_reads_the_lesson_module_once(module: Module, world: World) -> None:
    """With an LRS the learning record names the quiz's module: the page's access check read
    it already (it is the enrolment's module), so handing in, passing and finishing the
    lesson read neither the module nor the learner again."""
    from carai.xapi.models import Statement
    from carai.xapi.services import lrs_config_save

    lrs_config_save(
        actor=world.org_admin,
        organisation=world.org_a,
        is_active=True,
        endpoint="http://127.0.0.1:9/xAPI/",
        username="carai",
        password="fictief-geheim",  # made up
        identify_by="pseudonym",
    )
    client = client_for(world.care_worker)
    enrolment = enrolment_start(user=world.care_worker, module=module)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))
    client.get(reverse("learning:attempt", kwargs={"attempt_id": attempt.pk}))  # warm session
    data = {f"q{q}": [str(o) for o in opts] for q, opts in _answers_all_right(attempt).items()}
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("learning:attempt", kwargs={"attempt_id": attempt.pk}), data)
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (100, True)
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson=attempt.lesson).exists()
    verbs = {
        statement.body["verb"]["id"].rsplit("/", 1)[-1]
        for statement in Statement.objects.filter(user=world.care_worker)
    }
    assert {"passed", "completed"} <= verbs
    tables = [
        q["sql"].split(" FROM ")[1].split()[0]
        for q in queries.captured_queries
        if q["sql"].startswith("SELECT") and " FROM " in q["sql"]
    ]
    assert tables.count('"learning_module"') == 0
    assert tables.count('"accounts_user"') == 1  # the session's


def test_an_attempt_handed_in_meanwhile_is_not_scored_again(module: Module, world: World) -> None:
    """Whether an attempt was handed in is read again under the lock, not taken from the
    caller's copy: a second hand-in of the same attempt (another tab, a double click) is
    refused and changes nothing."""
    from django.core.exceptions import ValidationError

    enrolment = enrolment_start(user=world.care_worker, module=module)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))
    stale = QuizAttempt.objects.get(pk=attempt.pk)
    right = _answers_all_right(attempt)
    quiz_attempt_submit(attempt=attempt, answers=right)
    with pytest.raises(ValidationError, match="al ingeleverd"):  # "already handed in"
        quiz_attempt_submit(attempt=stale, answers={q: [] for q in right})
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (100, True)
    assert attempt.answers == {str(q): sorted(opts) for q, opts in right.items()}


def test_quiz_options_show_in_their_own_order(module: Module, world: World) -> None:
    """The quiz form reads options without the default ordering's joins; within a question
    they still come in their ``order``, also when that differs from the order they were
    made in, and the questions in the attempt's order."""
    from carai.learning.forms import QuizForm

    quiz = module.lessons.get(kind="quiz")
    question = quiz.questions.order_by("order").first()
    assert question is not None
    options = list(question.options.order_by("pk"))
    assert len(options) >= 2
    for position, option in enumerate(reversed(options)):
        option.order = position
        option.save()
    enrolment = enrolment_start(user=world.care_worker, module=module)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=quiz)
    attempt.question_order = list(reversed(attempt.question_order))
    attempt.save()
    form = QuizForm(attempt=attempt)
    assert [q.pk for q in form.questions] == attempt.question_order
    page = client_for(world.care_worker).get(
        reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    )
    html = page.content.decode()
    places = [html.index(f'value="{o.pk}"') for o in reversed(options)]
    assert places == sorted(places)


def test_tampered_quiz_post_changes_nothing(module: Module, world: World) -> None:
    client = client_for(world.care_worker)
    enrolment = enrolment_start(user=world.care_worker, module=module)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))
    url = reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    # For every question: a made-up option id and an option of another question.
    from carai.learning.models import Option

    def foreign(question_id: int) -> str:
        return str(Option.objects.exclude(question_id=question_id).first().pk)  # type: ignore[union-attr]

    response = client.post(url, {f"q{q}": ["999999", foreign(q)] for q in attempt.question_order})
    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert "aria-invalid" in response.content.decode() or "utrecht-alert--error" in (
        response.content.decode()
    )


def test_an_empty_quiz_lists_the_questions_by_number_in_the_error_box(
    module: Module, world: World
) -> None:
    enrolment = enrolment_start(user=world.care_worker, module=module)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))
    url = reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    world.care_worker.preferred_language = "en"
    world.care_worker.save()
    nothing_chosen = {f"q{attempt.question_order[0]}": ""}  # the browser also posts its token
    page = client_for(world.care_worker).post(url, nothing_chosen).content.decode()
    box = page.split('class="utrecht-alert utrecht-alert--error', 1)[1].split("</div>", 1)[0]
    first = attempt.lesson.questions.get(pk=attempt.question_order[0])
    assert ">Question 1</a>" in box
    assert f">Question {len(attempt.question_order)}</a>" in box
    assert first.text not in box  # the whole question stands once, at the question itself
    assert first.text in page


def test_someone_elses_attempt_is_404(module: Module, world: World) -> None:
    enrolment = enrolment_start(user=world.care_worker, module=module)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))
    url = reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    for intruder in (world.manager, world.outsider, world.lead):
        assert client_for(intruder).get(url).status_code == 404
        assert client_for(intruder).post(url, {}).status_code == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_limited_attempts(module: Module, world: World) -> None:
    quiz = module.lessons.get(kind="quiz")
    quiz.max_attempts = 1
    quiz.save()
    enrolment = enrolment_start(user=world.care_worker, module=module)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=quiz)
    quiz_attempt_submit(attempt=attempt, answers={})
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        quiz_attempt_start(enrolment=enrolment, lesson=quiz)


def test_completion_needs_every_required_lesson_and_the_quiz(module: Module, world: World) -> None:
    client = client_for(world.care_worker)
    client.post(reverse("learning:module_enrol", kwargs={"module_id": module.pk}))
    enrolment = Enrolment.objects.get()
    text, reflection, quiz = module.lessons.order_by("order")
    url = reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": text.pk})
    assert client.post(url)["Location"].endswith(f"/lessen/{reflection.pk}/")
    url = reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": reflection.pk})
    assert client.post(url, {"answer": ""}).status_code == 200  # empty answer: message
    client.post(url, {"answer": "Bij het rapporteren (verzonnen voorbeeld)."})
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None  # the quiz is still open
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=quiz)
    quiz_attempt_submit(attempt=attempt, answers=_answers_all_right(attempt))
    finished = Enrolment.objects.get(pk=enrolment.pk)
    assert finished.completed_at is not None
    assert finished.completed_version == 1


def test_lesson_markdown_is_sanitised(module: Module, world: World) -> None:
    client = client_for(world.care_worker)
    client.post(reverse("learning:module_enrol", kwargs={"module_id": module.pk}))
    lesson = module.lessons.get(slug="introductie")
    page = client.get(
        reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": lesson.pk})
    ).content.decode()
    assert "<strong>testles</strong>" in page
    assert '<a href="https://carai.example/" rel="noopener noreferrer">link</a>' in page
    assert "<script>alert" not in page


def test_catalogue_search_and_filters(module: Module, world: World) -> None:
    client = client_for(world.care_worker)
    url = reverse("learning:catalogue")
    assert module.title in client.get(url).content.decode()
    assert module.title in client.get(url, {"q": "testmodule"}).content.decode()
    assert module.title not in client.get(url, {"q": "onbestaandwoord"}).content.decode()
    assert module.title not in client.get(url, {"role": "manager"}).content.decode()
    assert module.title in client.get(url, {"role": "student"}).content.decode()
    assert module.title not in client.get(url, {"level": "wo"}).content.decode()
    partial = client.get(url, {"q": "test"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial
    assert module.title in partial
    assert "Voor jou" in partial  # the care worker's role fits


def test_catalogue_query_count_is_flat(world: World, django_assert_max_num_queries) -> None:
    (data,) = read_pack(PACK)
    module_import(data=data)
    client = client_for(world.care_worker)
    url = reverse("learning:catalogue")
    client.get(url)
    # The cards are worked out afresh each time (a person's cards are cached otherwise,
    # learning.catalogue): this is the count of working them out.
    with override_settings(CARAI_CACHE_SHARED=False):
        with django_assert_max_num_queries(20) as few:
            client.get(url)
        for n in range(15):
            data.key = f"testmodule-{n}"
            module_import(data=data)
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(url)
    assert len(response.context["modules"]) == 16


def test_drafts_and_other_organisations_modules_are_invisible(module: Module, world: World) -> None:
    module.owner = world.org_b
    module.save()
    url = reverse("learning:module_detail", kwargs={"module_id": module.pk})
    assert client_for(world.care_worker).get(url).status_code == 404
    assert client_for(world.outsider).get(url).status_code == 200
    module.owner = None
    module.status = "draft"
    module.save()
    assert client_for(world.outsider).get(url).status_code == 404


def test_a_lesson_link_before_starting_leads_to_the_module_page(
    module: Module, world: World
) -> None:
    """Not started yet: the module's page, where one can start (not a bare 404); a module
    the person may not see stays 404."""
    lesson = module.lessons.order_by("order").first()
    assert lesson is not None
    url = reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": lesson.pk})
    response = client_for(world.manager).get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "learning:module_detail", kwargs={"module_id": module.pk}
    )
    assert client_for(world.manager).post(url, {}).status_code == 404
    module.owner = world.org_b
    module.save()
    assert client_for(world.manager).get(url).status_code == 404


@pytest.mark.skipif(not (CONTENT / "modules").is_dir(), reason="no content pack yet")
def test_shipped_curriculum_is_complete_and_imports(db: None) -> None:
    modules = read_pack(CONTENT)
    by_key: dict[str, dict[str, object]] = {}
    for data in modules:
        by_key.setdefault(data.key, {})[data.language] = data
        quizzes = [lesson for lesson in data.lessons if lesson.kind == "quiz"]
        assert quizzes, f"{data.key} ({data.language}) has no quiz"
        assert all(len(q.questions) >= 6 for q in quizzes), data.key
        assert all(o.feedback for q in quizzes for qu in q.questions for o in qu.options), data.key
        assert data.references, f"{data.key} lists no sources"
        assert not re.search(r"<script", " ".join(lesson.body for lesson in data.lessons))
    for key, languages in by_key.items():
        assert set(languages) == {"nl", "en"}, f"{key} needs Dutch and English"
        nl, en = languages["nl"], languages["en"]
        assert [lesson.kind for lesson in nl.lessons] == [lesson.kind for lesson in en.lessons]  # type: ignore[attr-defined]
    for data in modules:
        module_import(data=data)
    assert Module.objects.count() == len(modules)


def test_export_writes_what_was_imported(module: Module, tmp_path: Path) -> None:
    write_module(module_to_data(module), tmp_path)
    assert read_module(tmp_path / "modules" / "testmodule" / "nl") == read_pack(PACK)[0]


def _complete(module: Module, user) -> Enrolment:
    enrolment = enrolment_start(user=user, module=module)
    for lesson in module.lessons.filter(is_active=True).order_by("order"):
        finish_lesson(enrolment, lesson)
    return Enrolment.objects.get(pk=enrolment.pk)


def test_certificate_issued_once_with_expiry_pdf_and_public_check(
    module: Module, world: World
) -> None:
    from carai.learning.models import Certificate

    enrolment = _complete(module, world.care_worker)
    certificate = Certificate.objects.get(user=world.care_worker)
    assert certificate.module_version == 1
    assert certificate.holder_name == "Sanne Zorgmedewerker"
    assert certificate.organisation_name == "Zorg A (fictief)"
    assert certificate.issued_at == enrolment.completed_at
    months = (certificate.expires_at.year - certificate.issued_at.year) * 12 + (
        certificate.expires_at.month - certificate.issued_at.month
    )
    assert months == module.validity_months == 12
    enrolment_check_completion(enrolment=enrolment)
    assert Certificate.objects.count() == 1

    client = client_for(world.care_worker)
    pdf = client.get(reverse("learning:certificate_pdf", args=[certificate.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert len(pdf.content) > 5000

    public = client_for(None).get(reverse("learning:certificate_verify", args=[certificate.code]))
    body = public.content.decode()
    assert "Sanne Zorgmedewerker" in body
    assert "geldig tot" in body
    lower = client_for(None).get(
        reverse("learning:certificate_verify", args=[certificate.code.lower()])
    )
    assert lower.status_code == 200
    assert (
        client_for(None).get(reverse("learning:certificate_verify", args=["XXXX"])).status_code
        == 404
    )
    for intruder in (world.manager, world.outsider):
        url = reverse("learning:certificate_pdf", args=[certificate.pk])
        assert client_for(intruder).get(url).status_code == 404

    badge = (
        client_for(None).get(reverse("learning:certificate_badge", args=[certificate.code])).json()
    )
    assert "OpenBadgeCredential" in badge["type"]
    assert badge["credentialSubject"]["achievement"]["name"] == module.title
    assert badge["validUntil"] == certificate.expires_at.isoformat()


def test_new_module_version_keeps_the_earned_certificate(module: Module, world: World) -> None:
    from carai.learning.models import Certificate

    _complete(module, world.care_worker)
    (data,) = read_pack(PACK)
    data.summary = "Nieuwe samenvatting (fictief)."
    module_import(data=data)
    certificate = Certificate.objects.get(user=world.care_worker)
    assert certificate.module_version == 1
    assert Enrolment.objects.get(user=world.care_worker).completed_at is not None


def test_expiry_reminders_and_marking(
    module: Module, world: World, django_capture_on_commit_callbacks
) -> None:
    from datetime import timedelta

    from django.core import mail
    from django.utils import timezone

    from carai.learning.models import Certificate
    from carai.learning.tasks import certificates_check_expiry

    def run_expiry() -> dict[str, int]:
        with django_capture_on_commit_callbacks(execute=True):
            return certificates_check_expiry.call()

    _complete(module, world.care_worker)
    certificate = Certificate.objects.get()
    certificate.expires_at = timezone.now() + timedelta(days=20)
    certificate.save()
    result = run_expiry()
    assert result == {"reminded_30": 1, "reminded_7": 0, "expired": 0}
    assert "verloopt over 20 dagen" in mail.outbox[0].subject  # the real days left
    assert module.title in mail.outbox[0].subject
    assert run_expiry() == {"reminded_30": 0, "reminded_7": 0, "expired": 0}

    certificate.expires_at = timezone.now() + timedelta(days=5)
    certificate.save()
    assert run_expiry()["reminded_7"] == 1
    certificate.expires_at = timezone.now() - timedelta(minutes=1)
    certificate.save()
    assert run_expiry()["expired"] == 1
    certificate.refresh_from_db()
    assert not certificate.is_valid
    page = client_for(None).get(reverse("learning:certificate_verify", args=[certificate.code]))
    assert "verlopen" in page.content.decode()
    assert len(mail.outbox) == 2


def test_export_and_erasure_cover_learning(module: Module, world: World) -> None:
    import json

    from carai.learning.models import Certificate

    enrolment = _complete(module, world.care_worker)
    reflection = module.lessons.get(kind="reflection")
    lesson_complete(enrolment=enrolment, lesson=reflection, reflection="Mijn gedachte.")
    client = client_for(world.care_worker)
    data = json.loads(client.post(reverse("accounts:data_export")).content)
    assert data["learning"][0]["module"] == module.title
    assert any(x["reflection"] == "Mijn gedachte." for x in data["learning"][0]["lessons_done"])
    assert data["certificates"][0]["code"] == Certificate.objects.get().code

    client.post(reverse("accounts:erase"), {"password": "Test-wachtwoord-123", "confirm": "on"})
    assert not LessonProgress.objects.exclude(reflection="").exists()
    assert Certificate.objects.get().holder_name == ""
    assert Enrolment.objects.get().completed_at is not None  # counts stay


def test_manager_assigns_and_sees_completion_but_not_answers(module: Module, world: World) -> None:
    from datetime import timedelta

    from django.utils import timezone

    client = client_for(world.manager)
    url = reverse("learning:team", kwargs={"slug": "zorg-a"})
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    # Neither or both of person and role: a clear message, nothing saved.
    response = client.post(url, {"module": module.pk, "due_date": due})
    assert response.status_code == 200
    assert "Kies één persoon of één rol." in response.content.decode()
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(url, {"module": module.pk, "role": "professional", "due_date": past})
    assert "verleden" in response.content.decode()
    # Assign to every care professional.
    response = client.post(url, {"module": module.pk, "role": "professional", "due_date": due})
    assert response.status_code == 302

    enrolment = _complete(module, world.care_worker)
    reflection = module.lessons.get(kind="reflection")
    lesson_complete(enrolment=enrolment, lesson=reflection, reflection="Privé gedachte.")
    page = client.get(url).content.decode()
    assert "Sanne Zorgmedewerker" in page
    assert "Afgerond" in page
    assert "Privé gedachte." not in page
    assert "100%" not in page  # no quiz scores

    # The care worker sees what is asked of them on "Mijn overzicht".
    overview = client_for(world.care_worker).get(reverse("overview:dashboard")).content.decode()
    assert "Gevraagd van jou:" in overview
    assert "✓ Afgerond" in overview.split("Gevraagd van jou:")[1].split("</ul>")[0]
    # A professional may not see the team page; an outsider gets 404 too.
    assert client_for(world.care_worker).get(url).status_code == 404
    assert client_for(world.outsider_admin).get(url).status_code == 404


def test_assignment_cannot_target_someone_of_another_organisation(
    module: Module, world: World
) -> None:
    from datetime import timedelta

    from django.core.exceptions import ValidationError
    from django.utils import timezone

    with pytest.raises(ValidationError):
        assignment_create(
            actor=world.manager,
            organisation=world.org_a,
            module=module,
            user=world.outsider,
            due_date=timezone.localdate() + timedelta(days=3),
        )


def test_renewal_round_needs_every_lesson_again_and_gives_a_new_certificate(
    module: Module, world: World
) -> None:
    from datetime import timedelta

    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from carai.learning.models import Certificate

    _complete(module, world.care_worker)
    enrolment = Enrolment.objects.get(user=world.care_worker)
    first = Certificate.objects.get(user=world.care_worker)
    # A fresh certificate (valid for two years) cannot be renewed yet.
    assert not enrolment_can_renew(enrolment=enrolment)
    with pytest.raises(ValidationError):
        enrolment_renew(enrolment=enrolment)
    url = reverse("learning:module_detail", kwargs={"module_id": module.pk})
    renew_url = reverse("learning:module_renew", kwargs={"module_id": module.pk})
    assert renew_url not in client_for(world.care_worker).get(url).content.decode()
    # Expired (saved as the expiry task saves it; the module page keeps the certificate
    # until a certificate save): the page offers to do it again.
    first.expires_at = timezone.now() - timedelta(days=1)
    first.expired_at = timezone.now()
    first.save(update_fields=["expires_at", "expired_at"])
    client = client_for(world.care_worker)
    assert renew_url in client.get(url).content.decode()
    assert client.post(renew_url).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    assert enrolment.round_started_at is not None
    assert not enrolment.current_progress().exists()
    assert enrolment.progress.exists()  # the first round stays as history
    # The quiz passed in the first round does not count for the new round.
    quiz = module.lessons.get(kind="quiz")
    with pytest.raises(ValidationError):
        lesson_complete(enrolment=enrolment, lesson=quiz)
    assert _complete(module, world.care_worker).completed_at is not None
    certificates = Certificate.objects.filter(user=world.care_worker).order_by("issued_at")
    assert len(certificates) == 2
    assert certificates[0].pk == first.pk
    assert certificates[1].is_valid


def test_pack_keeps_transcripts_and_workshop_lessons(tmp_path: Path) -> None:
    from carai.learning.content import LessonData

    (original,) = read_pack(PACK)
    original.lessons.append(
        LessonData(
            slug="video-met-tekst",
            order=90,
            kind="video",
            title="Een video",
            body="Kijk mee.\n",
            video_url="https://example.org/video",
            transcript="Alles wat er gezegd wordt (fictief).",
        )
    )
    original.lessons.append(
        LessonData(slug="samen-oefenen", order=91, kind="workshop", title="Samen", body="Kom.\n")
    )
    write_module(original, tmp_path)
    again = read_module(tmp_path / "modules" / "testmodule" / "nl")
    assert again == original
