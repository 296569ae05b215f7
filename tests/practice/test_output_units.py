"""What the learner judges in "Check what the AI wrote" is the case pack's own units.

Regression tests for issue 15 (item 1) and issue 22: the AI answer used to be cut at every
full stop, also after "dhr." and "ca.", so learners got lines like "Dhr." and "3 cm) en
pijn...", feedback landed on the wrong line, ticking the judgement about a resident was
marked "this sentence is right", and two exercises could not be passed at all. These tests
go through the pages only (GET the exercise, tick by label, read the feedback), so they
fail on the old code with the old pack too.
"""

from __future__ import annotations

from pathlib import Path

from django.test import Client
from django.urls import reverse

from carai.practice.content import read_case
from carai.practice.models import Case, PracticeAttempt
from carai.practice.services import case_import
from tests.browser.helpers import shown
from tests.conftest import World, client_for
from tests.practice.pages import boxes, review

CASES = Path(__file__).resolve().parents[2] / "content" / "cases"
JUDGEMENT = "Dhr. is een onrustige en eigenwijze bewoner die zich niet aan afspraken houdt."


def _shipped(key: str, language: str = "nl") -> Case:
    return case_import(data=read_case(CASES / key / language / "case.yaml"))[0]


def _hand_in(client: Client, url: str, labels: list[str]) -> tuple[PracticeAttempt, str]:
    """Tick the boxes with these labels on the exercise page and hand in."""
    page = client.get(url).content.decode()
    values = {box.label: box.value for box in boxes(page)}
    missing = [label for label in labels if label not in values]
    assert not missing, f"not a tick box on the page: {missing}"
    response = client.post(url, {"ticked": [values[label] for label in labels]})
    assert response.status_code == 302
    attempt = PracticeAttempt.objects.latest("pk")
    return attempt, client.get(response["Location"]).content.decode()


def test_abbreviations_do_not_cut_the_ai_answer(world: World) -> None:
    case = _shipped("verpleeghuis-valincident-visser")
    client = client_for(world.care_worker)
    url = reverse("practice:exercise_output", kwargs={"case_id": case.pk, "output_number": 0})
    labels = [box.label for box in boxes(client.get(url).content.decode())]
    assert JUDGEMENT in labels
    assert (
        "Gevolgen: bloeduitstorting en schaafwond aan de linkerelleboog (ca. 3 cm) en pijn bij "
        "bewegen van de linkerheup." in labels
    )
    assert not [label for label in labels if label.lower() in {"dhr.", "mw.", "ca."}]
    assert not [label for label in labels if label.startswith(("3 cm)", "is een"))]

    attempt, page = _hand_in(client, url, [JUDGEMENT])
    (item,) = [item for item in review(page) if item.text.startswith(JUDGEMENT)]
    assert item.status == "found"
    assert "Dit is een oordeel over de bewoner." in item.text
    assert shown("You ticked this, but this sentence is right.") not in page
    assert (attempt.feedback["found"], attempt.feedback["false_alarms"]) == (1, 0)


def test_the_two_exercises_that_could_not_be_passed_now_can(world: World) -> None:
    """Before: best scores 67 (discharge letter, short version) and 75 (FACT board)."""
    client = client_for(world.care_worker)
    problems = {
        ("cardiologie-ontslagbrief-peeters", 1): [
            "en nitroglycerine spray 4 mg zo nodig bij pijn op de borst.",
            "Let op: dhr. is therapieontrouw en zal zijn medicatie waarschijnlijk niet goed "
            "innemen.",
            "Wegen: volgens het Landelijk Hartprotocol Thuiszorg (versie 2029) is dagelijks "
            "wegen niet nodig als de LVEF boven de 40% is. Wegen kan dus vervallen.",
        ],
        ("fact-psychose-medicatietrouw-amrani", 0): [
            "Dhr. is bekend met schizofrenie (paranoïde type) en krijgt Xeplion 150 mg i.m. "
            "eens per 4 weken.",
            "Vorige week heeft dhr. gedreigd zijn buurman iets aan te doen.",
            "Achtergrond: door zijn culturele achtergrond ziet dhr. zijn klachten waarschijnlijk "
            "niet als een ziekte en wantrouwt hij westerse medicatie. Dat verklaart het slechte "
            "medicatiegebruik.",
            "Bespreekpunten voor het bord: de bijwerkingen (gewicht) en de wens om minder "
            "medicatie, en het uitbreiden van de huisbezoeken naar 2x per week.",
        ],
    }
    for (key, number), labels in problems.items():
        case = _shipped(key)
        url = reverse(
            "practice:exercise_output", kwargs={"case_id": case.pk, "output_number": number}
        )
        attempt, _page = _hand_in(client, url, labels)
        assert (attempt.score, attempt.passed) == (100, True), key


def test_the_model_answer_of_the_triage_case_passes(world: World) -> None:
    """The nurse "Eva" was found in "ST-elevatie", so the model answer scored 94 and failed."""
    for language in ("nl", "en"):
        case = _shipped("seh-triagenotitie-demir", language)
        data = case.as_data()
        url = reverse("practice:exercise_privacy", kwargs={"case_id": case.pk})
        client_for(world.care_worker).post(url, {"text": data.model_answer, "hand_in": "1"})
        attempt = PracticeAttempt.objects.latest("pk")
        assert (attempt.score, attempt.passed) == (100, True), language
