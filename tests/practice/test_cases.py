"""Fictional practice cases: the pack format, scoring of both exercises, and the pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from carai.accounts.models import User
from carai.practice.content import CaseError, read_case, read_cases
from carai.practice.models import Case, PracticeAttempt
from carai.practice.scoring import score_output, score_privacy
from carai.practice.selectors import practice_passed_by
from carai.practice.services import case_import
from tests.conftest import FIXTURES, ROOT, World, client_for

PACK = FIXTURES / "cases"
CASE_FILE = PACK / "cases" / "fictieve-testcasus" / "nl" / "case.yaml"


@pytest.fixture
def case(db: None) -> Case:
    (data,) = read_cases(PACK)
    return case_import(data=data)[0]


def test_import_is_idempotent(case: Case) -> None:
    (data,) = read_cases(PACK)
    assert case_import(data=data) == (case, False)
    data.title = "Andere titel (fictief)"
    updated, changed = case_import(data=data)
    assert changed
    assert updated.pk == case.pk


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("fictional: true", "fictional: false"), "fictional"),
        (('{text: "Anouk", label: naam}', '{text: "Bettie", label: naam}'), "does not occur"),
        (("problem: invented", "problem: verzonnen"), "problem 'verzonnen' is unknown"),
        (("branch: vvt", "branch: ruimtevaart"), "branch"),
        (('- "Metformine 500 mg 2dd"', '- "Paracetamol"'), "fact to keep"),
    ],
)
def test_broken_cases_are_refused_with_the_reason(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    folder = tmp_path / "cases" / "fictieve-testcasus" / "nl"
    folder.mkdir(parents=True)
    source = CASE_FILE.read_text(encoding="utf-8")
    assert change[0] in source
    (folder / "case.yaml").write_text(source.replace(*change), encoding="utf-8")
    with pytest.raises(CaseError, match=message):
        read_case(folder / "case.yaml")


def test_privacy_scoring_counts_missed_and_over_removed(case: Case) -> None:
    data = case.as_data()
    perfect = score_privacy(data, data.model_answer)
    assert perfect.score == 100
    assert perfect.passed
    as_is = score_privacy(data, data.dossier)
    assert len(as_is.missed) == len(data.identifiers)
    assert not as_is.passed
    too_much = score_privacy(data, "Mevrouw heeft zorg nodig.")
    assert too_much.over_removed == data.keep
    assert too_much.score == 70


def test_output_scoring_finds_planted_problems_and_false_alarms(case: Case) -> None:
    output = case.as_data().ai_outputs[0]
    assert len(output.units) == 4
    assert score_output(output, {0, 3}).score == 100
    half = score_output(output, {0, 1})  # one found, one false alarm
    assert half.found == [0]
    assert half.false_alarms == [1]
    assert half.score == 33


def test_learner_does_both_exercises_and_sees_feedback(case: Case, world: World) -> None:
    client = client_for(world.care_worker)
    assert case.title in client.get(reverse("practice:case_list")).content.decode()
    url = reverse("practice:exercise_privacy", kwargs={"case_id": case.pk})
    page = client.get(url).content.decode()
    assert "Kerkstraat 12" in page  # the dossier to start from
    data = case.as_data()
    mistake = data.model_answer + " Bel 06-12345678."
    response = client.post(url, {"text": mistake, "hand_in": "1"})
    attempt = PracticeAttempt.objects.get(user=world.care_worker)
    assert response["Location"] == reverse(
        "practice:attempt", kwargs={"practice_attempt_id": attempt.pk}
    )
    feedback = client.get(response["Location"]).content.decode()
    assert "06-12345678" in feedback
    assert not attempt.passed
    output_url = reverse(
        "practice:exercise_output", kwargs={"case_id": case.pk, "output_number": 0}
    )
    response = client.post(output_url, {"ticked": ["0"]})
    attempt = PracticeAttempt.objects.filter(exercise="output").get()
    page = client.get(response["Location"]).content.decode()
    assert "In het dossier staat het linkeronderbeen." in page
    assert "Dit oordeel staat niet in het dossier" in page  # explained although missed
    assert attempt.score == 50


def test_tampered_output_posts_change_nothing(case: Case, world: World) -> None:
    client = client_for(world.care_worker)
    url = reverse("practice:exercise_output", kwargs={"case_id": case.pk, "output_number": 0})
    response = client.post(url, {"ticked": ["99"]})
    assert response.status_code == 200
    assert not PracticeAttempt.objects.exists()
    missing = reverse("practice:exercise_output", kwargs={"case_id": case.pk, "output_number": 5})
    assert client.get(missing).status_code == 404


def test_attempts_are_private(case: Case, world: World) -> None:
    client_for(world.care_worker).post(
        reverse("practice:exercise_output", kwargs={"case_id": case.pk, "output_number": 0}),
        {"ticked": ["0"]},
    )
    attempt = PracticeAttempt.objects.get()
    url = reverse("practice:attempt", kwargs={"practice_attempt_id": attempt.pk})
    assert client_for(world.care_worker).get(url).status_code == 200
    for other in (world.manager, world.outsider, world.lead):
        assert client_for(other).get(url).status_code == 404


def test_an_exercise_counts_as_a_lesson_once_passed(case: Case, world: World) -> None:
    from carai.learning.content import LessonData, read_pack
    from carai.learning.services.content import module_import

    (data,) = read_pack(FIXTURES / "pack")
    data.lessons = [
        LessonData(
            slug="oefenen",
            order=1,
            kind="practice",
            title="Oefen met de casus",
            practice_case=case.key,
            practice_exercise="output",
        )
    ]
    module = module_import(data=data)
    lesson = module.lessons.get(slug="oefenen")
    client = client_for(world.care_worker)
    client.post(reverse("learning:module_enrol", kwargs={"module_id": module.pk}))
    url = reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": lesson.pk})
    page = client.get(url).content.decode()
    assert reverse("practice:exercise_output", kwargs={"case_id": case.pk, "output_number": 0}) in (
        page
    )
    client.post(url)  # not passed yet: the lesson stays open
    enrolment = module.enrolments.get(user=world.care_worker)
    assert not enrolment.progress.exists()
    output_url = reverse(
        "practice:exercise_output", kwargs={"case_id": case.pk, "output_number": 0}
    )
    client.post(output_url, {"ticked": ["0", "3"]})  # both planted problems: passed
    client.post(url)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


CONTENT = ROOT / "content"


@pytest.mark.skipif(not (CONTENT / "cases").is_dir(), reason="no shipped cases")
def test_shipped_cases_are_complete_and_import(db: None) -> None:
    cases = read_cases(CONTENT)
    keys = {case.key for case in cases}
    assert len(keys) >= 20
    for key in keys:
        languages = {case.language for case in cases if case.key == key}
        assert languages == {"nl", "en"}, key
    branches = {case.branch for case in cases}
    assert len(branches) >= 7
    for case in cases:
        assert case.ai_outputs, case.key
        assert case_import(data=case)[1]
    assert Case.objects.count() == len(cases)


def test_managers_see_completion_of_practice_only(case: Case, world: World) -> None:
    def attempt(user: User, *, passed: bool, score: int, output: int = 0) -> None:
        PracticeAttempt.objects.create(
            user=user,
            case=case,
            exercise="output",
            output_number=output,
            answer={"ticked": [0]},
            score=score,
            passed=passed,
        )

    attempt(world.care_worker, passed=False, score=37)
    attempt(world.care_worker, passed=True, score=83)
    attempt(world.care_worker, passed=True, score=91)  # the same exercise again
    attempt(world.outsider, passed=True, score=100)
    passed = practice_passed_by(user_ids=[world.care_worker.pk, world.manager.pk])
    assert passed[world.care_worker.pk][0] == 1  # one exercise, passed twice
    assert world.manager.pk not in passed

    page = (
        client_for(world.manager)
        .get(reverse("learning:team", kwargs={"slug": world.org_a.slug}))
        .content.decode()
    )
    assert "Oefeningen gehaald" in page
    assert world.outsider.display_name not in page
    for score in ("37", "83", "91"):
        assert f">{score}<" not in page
        assert f"{score}%" not in page
