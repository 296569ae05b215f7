"""Migration practice 0002 on data made by the old code: earlier attempts stay meaningful,
old-format cases wait for the re-import, and the re-import brings them back."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from carai.practice.content import read_case
from carai.practice.models import Case, PracticeAttempt
from carai.practice.services import case_import
from tests.browser.helpers import shown
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.practice.test_output_units import CASES

BEFORE = [("practice", "0001_cases_and_attempts")]

OLD_OUTPUT = {
    "prompt": "Vat samen.",
    "text": "Overdracht\n\nDhr. is 's nachts gevallen. Dhr. is een eigenwijze bewoner. "
    "Hij kreeg temazepam 20 mg (ca. 3 uur voor de val).",
    "problems": [
        {"quote": "Dhr. is een eigenwijze bewoner.", "kind": "bias", "explanation": "Oordeel."},
        {"quote": "temazepam 20 mg", "kind": "dose", "explanation": "Het was 10 mg."},
    ],
}


def _old_case(key: str) -> dict[str, Any]:
    """A case as the old code stored it (AI answer as 'text' + 'problems')."""
    stored = asdict(read_case(CASES / key / "nl" / "case.yaml"))
    stored["ai_outputs"] = [OLD_OUTPUT]
    return stored


@pytest.fixture
def old_state(transactional_db: None) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_old_attempts_keep_their_score_and_what_was_ticked(old_state: Any) -> None:
    OldCase = old_state.get_model("practice", "Case")
    OldAttempt = old_state.get_model("practice", "PracticeAttempt")
    user = UserFactory.create()
    stored = _old_case("verpleeghuis-valincident-visser")
    case = OldCase.objects.create(
        key=stored["key"],
        language="nl",
        title=stored["title"],
        branch="vvt",
        data=stored,
        content_hash="old",
    )
    # The old cut: ["Overdracht", "Dhr.", "is 's nachts gevallen.", "Dhr.",
    # "is een eigenwijze bewoner.", "Hij kreeg temazepam 20 mg (ca.", "3 uur voor de val)."]
    # The learner ticked the judgement (4), which the old code called a false alarm.
    ticked = OldAttempt.objects.create(
        user_id=user.pk,
        case=case,
        exercise="output",
        output_number=0,
        answer={"ticked": [4]},
        feedback={"found": [], "missed": OLD_OUTPUT["problems"], "false_alarms": [4]},
        score=0,
        passed=False,
    )
    passed = OldAttempt.objects.create(
        user_id=user.pk,
        case=case,
        exercise="output",
        output_number=0,
        answer={"ticked": [5]},
        feedback={"found": [OLD_OUTPUT["problems"][1]], "missed": [], "false_alarms": []},
        score=100,
        passed=True,
    )
    privacy = OldAttempt.objects.create(
        user_id=user.pk,
        case=case,
        exercise="privacy",
        answer={"text": "x"},
        feedback={"missed": [], "over_removed": [], "removed": 12, "kept": 5},
        score=100,
        passed=True,
    )

    # Through 0002 (the one under test) to the newest, whose models the checks below use.
    executor = MigrationExecutor(connection)
    executor.migrate([node for node in executor.loader.graph.leaf_nodes() if node[0] == "practice"])

    ticked_now = PracticeAttempt.objects.get(pk=ticked.pk)
    assert (ticked_now.score, ticked_now.passed) == (0, False)
    assert ticked_now.feedback["legacy"] is True
    assert ticked_now.feedback["ticked_then"] == ["is een eigenwijze bewoner."]
    assert (ticked_now.feedback["found"], ticked_now.feedback["false_alarms"]) == (0, 1)
    passed_now = PracticeAttempt.objects.get(pk=passed.pk)
    assert (passed_now.score, passed_now.passed) == (100, True)  # a pass stays a pass
    assert passed_now.feedback["ticked_then"] == ["Hij kreeg temazepam 20 mg (ca."]
    privacy_now = PracticeAttempt.objects.get(pk=privacy.pk)
    assert privacy_now.feedback["model_answer"] == stored["model_answer"]

    # The old-format case is hidden until it is imported again.
    case_now = Case.objects.get(pk=case.pk)
    assert not case_now.is_active
    client = client_for(user)
    url = reverse("practice:case_detail", kwargs={"case_id": case.pk})
    assert client.get(url).status_code == 404
    page = client.get(reverse("practice:attempt", args=[ticked.pk])).content.decode()
    assert "is een eigenwijze bewoner." in page
    assert shown("You ticked this, but this sentence is right.") not in page
    assert shown("Choose another case") in page  # a next step, also while the case is away

    # The re-import brings the case back in the new format; the attempts stay as they were.
    data = read_case(CASES / "verpleeghuis-valincident-visser" / "nl" / "case.yaml")
    imported, changed = case_import(data=data)
    assert (imported.pk, changed, imported.is_active) == (case.pk, True, True)
    assert client.get(url).status_code == 200
    page = client.get(reverse("practice:attempt", args=[ticked.pk])).content.decode()
    assert "is een eigenwijze bewoner." in page
    assert PracticeAttempt.objects.get(pk=passed.pk).passed
