"""Feedback on an attempt never contradicts itself, stays true, and always offers a next step."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from carai.practice.models import Case, PracticeAttempt
from carai.practice.services import case_import
from tests.browser.helpers import shown
from tests.conftest import World, client_for
from tests.practice.pages import review
from tests.practice.test_output_units import _shipped

VISSER = "verpleeghuis-valincident-visser"


def seen(msgid: str) -> str:
    """The Dutch text of ``msgid`` as it stands in the HTML (escaped)."""
    return escape(shown(msgid))


def _privacy(client: Client, case: Case, text: str) -> tuple[PracticeAttempt, str]:
    url = reverse("practice:exercise_privacy", kwargs={"case_id": case.pk})
    response = client.post(url, {"text": text, "hand_in": "1"})
    return PracticeAttempt.objects.latest("pk"), client.get(response["Location"]).content.decode()


def _output(
    client: Client, case: Case, number: int, ticked: list[int]
) -> tuple[PracticeAttempt, str]:
    url = reverse("practice:exercise_output", kwargs={"case_id": case.pk, "output_number": number})
    response = client.post(url, {"ticked": [str(n) for n in ticked]})
    return PracticeAttempt.objects.latest("pk"), client.get(response["Location"]).content.decode()


def _url(name: str, case: Case, **kwargs: int) -> str:
    return reverse(f"practice:{name}", kwargs={"case_id": case.pk, **kwargs})


def test_privacy_feedback_says_one_thing_per_part(world: World) -> None:
    case = _shipped(VISSER)
    data = case.as_data()
    client = client_for(world.care_worker)
    kept_all = seen("You kept what the AI needs for the task.")
    too_much = seen(
        "You removed too much. The AI needs these facts for the task, but they are gone:"
    )
    all_out = seen("You removed everything that identifies the client.")
    still_in = seen("Still in your text:")

    attempt, page = _privacy(client, case, data.model_answer)
    assert (attempt.score, attempt.passed) == (100, True)
    assert kept_all in page
    assert all_out in page
    assert too_much not in page
    assert still_in not in page
    assert "✗" not in page
    assert seen("You passed. Well done!") in page
    assert _url("exercise_output", case, output_number=0) in page  # next: exercise 2

    fact = data.keep[0]
    attempt, page = _privacy(client, case, data.model_answer.replace(fact, ""))
    assert attempt.passed  # 94 %: passed, with something to improve
    assert too_much in page
    assert escape(fact) in page
    assert kept_all not in page  # not "kept what the AI needs" under "removed too much"
    assert seen("You passed. Well done!") not in page
    assert seen("You passed. Below you can read what you can still do better.") in page

    attempt, page = _privacy(client, case, data.model_answer + "\nDochter Marieke Visser belt.")
    assert attempt.score >= 80
    assert not attempt.passed
    assert still_in in page
    assert "Marieke Visser" in page
    assert all_out not in page
    not_yet = seen(
        "But something that identifies the client is still in your text, so you have not "
        "passed yet. Remove it and try again."
    )
    assert not_yet in page
    assert _url("exercise_privacy", case) in page  # try again


def test_output_feedback_and_next_steps(world: World) -> None:
    case = _shipped(VISSER)
    outputs = case.as_data().ai_outputs
    assert len(outputs) == 2
    client = client_for(world.care_worker)

    attempt, page = _output(client, case, 0, outputs[0].problem_numbers)
    assert attempt.passed
    assert seen("Next: check the AI's other answer") in page
    assert _url("exercise_output", case, output_number=1) in page

    attempt, page = _output(client, case, 1, outputs[1].problem_numbers)
    assert attempt.passed
    assert seen("Choose another case") in page
    assert reverse("practice:case_list") in page

    # Tick a right unit that has an explanation: the learner reads why it is right.
    right = next(n for n, u in enumerate(outputs[1].units) if u.explanation and not u.problem)
    attempt, page = _output(client, case, 1, [right])
    assert not attempt.passed
    item = review(page)[right]
    assert item.status == "false_alarm"
    assert seen("You ticked this, but this sentence is right.") in item.text
    assert outputs[1].units[right].explanation in item.text
    assert seen("Try again") in page
    assert _url("exercise_output", case, output_number=1) in page
    statuses = {i.status for i in review(page)}
    assert statuses == {"right", "missed", "false_alarm"}


def test_feedback_stays_as_it_was_when_the_case_changes(world: World) -> None:
    case = _shipped(VISSER)
    data = case.as_data()
    client = client_for(world.care_worker)
    attempt, _page = _output(client, case, 0, data.ai_outputs[0].problem_numbers)
    block = next(b for b in data.ai_outputs[0].answer if b.units)
    first = block.units[0].text
    block.units[0].text = "Een nieuwe eerste zin (fictief)."
    assert case_import(data=data)[1]
    page = client.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    assert first in page
    assert "Een nieuwe eerste zin" not in page


def test_case_page_marks_passed_exercises(world: World) -> None:
    case = _shipped(VISSER)
    client = client_for(world.care_worker)
    _output(client, case, 1, case.as_data().ai_outputs[1].problem_numbers)
    page = client.get(_url("case_detail", case)).content.decode()
    assert page.count(seen("passed")) >= 2  # the exercise and the attempt
