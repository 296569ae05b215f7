"""A quiz's questions and options are kept in the cache (``selectors.quiz_questions``): the
quiz form shows them and the hand-in is scored with them, so every change to a question or
an option must count on the very next request. All content and people are made up."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from carai.learning.content import OptionData
from carai.learning.models import Module, Option, Question, QuestionKind, QuizAttempt
from carai.learning.selectors import correct_answers
from carai.learning.services.content import question_options_replace
from carai.learning.services.progress import enrolment_start
from carai.learning.services.quiz import quiz_attempt_start
from tests.conftest import World, client_for


@pytest.fixture
def start(module: Module, world: World) -> Callable[[], QuizAttempt]:
    """Starts the care worker's attempt at the module's quiz (with the questions it has then)."""

    def started() -> QuizAttempt:
        enrolment = enrolment_start(user=world.care_worker, module=module)
        return quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))

    return started


def _replace_options(question: Question, right: str, wrong: str) -> None:
    question_options_replace(
        question=question,
        options=[
            OptionData(text=right, correct=True, feedback=""),
            OptionData(text=wrong, correct=False, feedback=""),
        ],
    )


def _page(world: World, attempt: QuizAttempt) -> str:
    url = reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    return client_for(world.care_worker).get(url).content.decode()


def _single(attempt: QuizAttempt) -> Question:
    return next(
        q
        for q in Question.objects.filter(pk__in=attempt.question_order).order_by("pk")
        if q.kind != QuestionKind.MULTIPLE
    )


def test_a_new_answer_key_scores_the_next_hand_in(
    world: World, start: Callable[[], QuizAttempt]
) -> None:
    attempt = start()
    answers = correct_answers(question_ids=attempt.question_order)
    _page(world, attempt)
    _page(world, attempt)  # the questions now come from the cache
    question = _single(attempt)
    right = question.options.get(is_correct=True)
    wrong = question.options.filter(is_correct=False).first()
    assert wrong is not None
    right.is_correct = False
    right.save()
    wrong.is_correct = True
    wrong.save()
    data = {f"q{q}": [str(o) for o in opts] for q, opts in answers.items()}
    url = reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    assert client_for(world.care_worker).post(url, data).status_code == 302
    attempt.refresh_from_db()
    # The old key's answer to that question is wrong now: one of three questions missed.
    assert (attempt.score, attempt.passed) == (67, False)


def test_a_question_or_an_option_changed_or_removed_shows_at_once(
    world: World, start: Callable[[], QuizAttempt]
) -> None:
    attempt = start()
    question = _single(attempt)
    assert question.text in _page(world, attempt)
    question.text = "Een nieuwe vraag <over> AI (fictief)?"
    question.save()
    page = _page(world, attempt)
    assert "Een nieuwe vraag &lt;over&gt; AI (fictief)?" in page
    option = question.options.filter(is_correct=False).first()
    assert option is not None
    assert f'value="{option.pk}"' in page
    option.text = "Een ander antwoord (fictief)"
    option.save()
    assert "Een ander antwoord (fictief)" in _page(world, attempt)
    removed = option.pk
    option.delete()
    assert f'value="{removed}"' not in _page(world, attempt)


def test_options_replaced_in_one_insert_show_at_once(
    world: World, start: Callable[[], QuizAttempt]
) -> None:
    """The content import and the module editor give a question new options in one insert
    (``question_options_replace``)."""
    attempt = start()
    question = _single(attempt)
    old = set(question.options.values_list("pk", flat=True))
    _page(world, attempt)
    _replace_options(question, "Nieuw juist antwoord (fictief)", "Nieuw onjuist antwoord (fictief)")
    page = _page(world, attempt)
    assert "Nieuw juist antwoord (fictief)" in page
    assert "Nieuw onjuist antwoord (fictief)" in page
    assert not any(f'value="{pk}"' in page for pk in old)
    assert not Option.objects.filter(pk__in=old).exists()


def test_options_given_to_a_question_without_any_show_at_once(
    module: Module, world: World, start: Callable[[], QuizAttempt]
) -> None:
    """Only ``question_options_replace`` itself outdates the cache when the question had no
    options to delete (no signal is sent for the insert)."""
    quiz = module.lessons.get(kind="quiz")
    question = Question.objects.create(
        lesson=quiz, order=99, kind=QuestionKind.SINGLE, text="Een vraag zonder antwoorden?"
    )
    attempt = start()
    assert question.pk in attempt.question_order
    assert "Een vraag zonder antwoorden?" in _page(world, attempt)  # cached without options
    _replace_options(question, "Eerste antwoord (fictief)", "Tweede antwoord (fictief)")
    page = _page(world, attempt)
    assert "Eerste antwoord (fictief)" in page
    assert "Tweede antwoord (fictief)" in page
