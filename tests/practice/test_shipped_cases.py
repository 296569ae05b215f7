"""Every shipped case, in both languages, through the pages a learner uses.

For each case and language: the privacy exercise passes with the model answer (100 %) and not
with an empty text. For each AI answer: the tick boxes on the page are exactly the units
written in the case pack, in order; ticking every planted problem scores 100 % and passes;
ticking nothing does not pass; and every planted problem can be ticked on its own, is found
on its own unit, and its explanation is shown on that unit (not on a neighbour).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from carai.practice.content import CaseData, read_cases
from carai.practice.models import Case, PracticeAttempt
from carai.practice.scoring import PASS_MARK, score_privacy
from carai.practice.services import case_import
from tests.conftest import World, client_for
from tests.practice.pages import boxes, headings, review

CONTENT = Path(__file__).resolve().parents[2] / "content"
SHIPPED = read_cases(CONTENT)
BY_ID = {f"{case.key}-{case.language}": case for case in SHIPPED}
OUTPUTS = [
    (case_id, number) for case_id, case in BY_ID.items() for number in range(len(case.ai_outputs))
]


def test_the_pack_has_twenty_cases_in_both_languages() -> None:
    keys = {case.key for case in SHIPPED}
    assert len(keys) == 20
    for key in keys:
        assert {c.language for c in SHIPPED if c.key == key} == {"nl", "en"}, key
    for case in SHIPPED:
        twin = BY_ID[f"{case.key}-{'en' if case.language == 'nl' else 'nl'}"]
        assert len(case.ai_outputs) == len(twin.ai_outputs), case.key
        for mine, theirs in zip(case.ai_outputs, twin.ai_outputs, strict=True):
            # the translation plants the same kinds of problems in the same places
            assert [u.problem for u in mine.units] == [u.problem for u in theirs.units], case.key


def _import(data: CaseData) -> Case:
    return case_import(data=data)[0]


def _attempt(client: Client, url: str, post: dict[str, object]) -> PracticeAttempt:
    response = client.post(url, post)
    assert response.status_code == 302, response.content.decode()[:2000]
    return PracticeAttempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


@pytest.mark.parametrize("case_id", list(BY_ID))
def test_privacy_exercise_passes_with_the_model_answer_only(case_id: str, world: World) -> None:
    data = BY_ID[case_id]
    case = _import(data)
    client = client_for(world.care_worker)
    url = reverse("practice:exercise_privacy", kwargs={"case_id": case.pk})
    perfect = _attempt(client, url, {"text": data.model_answer, "hand_in": "1"})
    assert (perfect.score, perfect.passed) == (100, True)
    as_is = _attempt(client, url, {"text": data.dossier, "hand_in": "1"})
    assert not as_is.passed
    assert client.post(url, {"text": "", "hand_in": "1"}).status_code == 200  # refused
    assert PracticeAttempt.objects.count() == 2
    empty = score_privacy(data, "")
    assert not empty.passed
    assert empty.score < PASS_MARK


@pytest.mark.parametrize(("case_id", "number"), OUTPUTS)
def test_output_exercise_shows_the_authored_units_and_scores_them(
    case_id: str, number: int, world: World
) -> None:
    data = BY_ID[case_id]
    output = data.ai_outputs[number]
    units = output.units
    case = _import(data)
    client = client_for(world.care_worker)
    url = reverse("practice:exercise_output", kwargs={"case_id": case.pk, "output_number": number})

    page = client.get(url).content.decode()
    shown = boxes(page)
    assert [box.label for box in shown] == [unit.text for unit in units]
    assert [box.value for box in shown] == [str(n) for n in range(len(units))]
    assert headings(page) == [block.heading for block in output.answer if block.heading]

    problems = output.problem_numbers
    perfect = _attempt(client, url, {"ticked": [str(n) for n in problems]})
    assert (perfect.score, perfect.passed) == (100, True)
    feedback = review(client.get(reverse("practice:attempt", args=[perfect.pk])).content.decode())
    assert [item.status for item in feedback] == [
        "found" if unit.problem else "right" for unit in units
    ]

    empty = _attempt(client, url, {})
    assert (empty.score, empty.passed) == (0, False)

    for n in problems:
        alone = _attempt(client, url, {"ticked": [str(n)]})
        assert (alone.feedback["found"], alone.feedback["false_alarms"]) == (1, 0), units[n]
        assert alone.score == 100 // len(problems)
        page = client.get(reverse("practice:attempt", args=[alone.pk])).content.decode()
        items = review(page)
        assert items[n].status == "found", units[n].text
        assert items[n].text.startswith(units[n].text)
        assert units[n].explanation in items[n].text  # the explanation is on its own unit
        for other, item in enumerate(items):
            if other != n and units[other].problem:
                assert item.status == "missed"
                assert units[n].explanation not in item.text


def test_importing_the_pack_twice_changes_nothing(db: None) -> None:
    assert all(case_import(data=data)[1] for data in SHIPPED)
    assert not any(case_import(data=data)[1] for data in SHIPPED)
    assert Case.objects.filter(is_active=True).count() == len(SHIPPED) == 40
