"""A hand-in reads the learner's answers with ``forms.quiz_answers`` instead of building the
whole quiz form: it must accept exactly what ``QuizForm`` accepts, with the same answers,
and the page must show the form's errors for everything else. All content and people are
made up."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.urls import reverse

from carai.learning.forms import QuizForm, quiz_answers, quiz_form_questions
from carai.learning.models import Module, Option, Question, QuestionKind, QuizAttempt
from carai.learning.selectors import correct_answers, quiz_questions
from carai.learning.services.progress import enrolment_start
from carai.learning.services.quiz import quiz_attempt_start
from tests.conftest import World, client_for


@pytest.fixture
def attempt(module: Module, world: World) -> QuizAttempt:
    enrolment = enrolment_start(user=world.care_worker, module=module)
    return quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))


def _by_kind(attempt: QuizAttempt) -> dict[str, Question]:
    questions = Question.objects.filter(pk__in=attempt.question_order)
    return {q.kind: q for q in questions}


def _options(question: Question) -> list[str]:
    return [str(pk) for pk in question.options.order_by("pk").values_list("pk", flat=True)]


def _right(attempt: QuizAttempt) -> dict[str, list[str]]:
    answers = correct_answers(question_ids=attempt.question_order)
    return {f"q{q}": [str(o) for o in options] for q, options in answers.items()}


def _cases(attempt: QuizAttempt) -> list[dict[str, list[str]]]:
    """Hand-ins right, wrong, incomplete and malformed, as the browser (or anyone) sends
    them: every value a list, as in a POST body."""
    kinds = _by_kind(attempt)
    single, multiple, true_false = (
        kinds[QuestionKind.SINGLE],
        kinds[QuestionKind.MULTIPLE],
        kinds[QuestionKind.TRUE_FALSE],
    )
    right = _right(attempt)
    other = str(Option.objects.exclude(question__in=kinds.values()).values_list("pk").first())
    s, m, t = f"q{single.pk}", f"q{multiple.pk}", f"q{true_false.pk}"
    single_options, multiple_options = _options(single), _options(multiple)

    def but(**changes: list[str]) -> dict[str, list[str]]:
        data = {**right, **changes}
        return {key: value for key, value in data.items() if value != ["<drop>"]}

    return [
        right,
        {key: [value[0]] for key, value in right.items()},  # one of each, maybe wrong
        {s: [single_options[-1]], m: multiple_options, t: [_options(true_false)[0]]},
        but(**{s: ["<drop>"]}),  # a question left out
        but(**{m: ["<drop>"]}),  # no box ticked
        but(**{s: [""]}),
        but(**{m: [""]}),
        but(**{s: ["x"]}),
        but(**{s: [" " + single_options[0]]}),
        but(**{s: [single_options[0] + ".0"]}),
        but(**{m: [multiple_options[0], "x"]}),
        but(**{s: [multiple_options[0]]}),  # another question's option
        but(**{m: [multiple_options[0], single_options[0]]}),
        but(**{s: [other]}),  # another quiz's option
        but(**{s: [single_options[0], single_options[1]]}),  # a radio sent twice: the last
        but(**{s: [single_options[0], "x"]}),
        but(**{s: ["x", single_options[0]]}),
        but(**{m: [multiple_options[0], multiple_options[0]]}),  # the same box twice
        but(**{m: list(reversed(multiple_options))}),
        but(**{"q999999": ["1"], "csrfmiddlewaretoken": ["abc"]}),  # fields not in the form
        {"csrfmiddlewaretoken": ["abc"]},  # none answered
        {},  # nothing sent at all: an unbound form
    ]


def _query(data: dict[str, list[str]]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


def test_answers_are_those_of_a_valid_form_and_none_otherwise(attempt: QuizAttempt) -> None:
    questions = quiz_questions(attempt.question_order)
    accepted = refused = 0
    for data in _cases(attempt):
        query = _query(data)
        form = QuizForm(query or None, attempt=attempt, questions=questions)
        found = quiz_answers(query, quiz_form_questions(attempt, questions))
        if form.is_valid():
            accepted += 1
            assert found == form.answers(), data
        else:
            refused += 1
            assert found is None, (data, form.errors)
    assert accepted >= 6
    assert refused >= 10


def test_the_form_asks_the_questions_in_the_attempts_order(attempt: QuizAttempt) -> None:
    questions = quiz_questions(attempt.question_order)
    asked = quiz_form_questions(attempt, questions)
    assert [q.pk for q in asked] == list(attempt.question_order)
    assert [q.pk for q in QuizForm(attempt=attempt).questions] == list(attempt.question_order)
    # A question removed since the attempt started is left out, the others keep their order.
    gone = attempt.question_order[1]
    fewer = {pk: q for pk, q in questions.items() if pk != gone}
    assert [q.pk for q in quiz_form_questions(attempt, fewer)] == [
        pk for pk in attempt.question_order if pk != gone
    ]


def test_a_hand_in_the_form_refuses_shows_its_errors_and_scores_nothing(
    world: World, attempt: QuizAttempt
) -> None:
    kinds = _by_kind(attempt)
    data = _right(attempt)
    data[f"q{kinds[QuestionKind.MULTIPLE].pk}"] = []
    data[f"q{kinds[QuestionKind.SINGLE].pk}"] = ["x"]
    url = reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    response = client_for(world.care_worker).post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {
        f"q{kinds[QuestionKind.MULTIPLE].pk}",
        f"q{kinds[QuestionKind.SINGLE].pk}",
    }
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert attempt.score is None


def test_a_hand_in_the_service_refuses_shows_its_message_on_the_form(
    world: World, attempt: QuizAttempt
) -> None:
    # The quiz lost a question since the attempt started: the answers to the others are
    # valid for the form, but the service refuses the attempt.
    data = _right(attempt)
    gone = Question.objects.get(pk=attempt.question_order[0])
    del data[f"q{gone.pk}"]
    gone.delete()
    url = reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    response = client_for(world.care_worker).post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert len(errors) == 1
    assert "Start" in errors[0] or "nieuwe poging" in errors[0]
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_a_valid_hand_in_is_scored_with_the_answers_sent(
    world: World, attempt: QuizAttempt
) -> None:
    url = reverse("learning:attempt", kwargs={"attempt_id": attempt.pk})
    response = client_for(world.care_worker).post(url, _right(attempt))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100
    assert attempt.passed
    assert attempt.answers == {
        str(q): sorted(o) for q, o in correct_answers(question_ids=attempt.question_order).items()
    }
