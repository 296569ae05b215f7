"""A care worker opens a fictional case and does both exercises, each with one mistake,
and reads the feedback; and walks a real shipped case through "Check what the AI wrote" on
a desktop and on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from carai.core.engine import privacy_engine_warm_up
from carai.practice.content import read_case, read_cases
from carai.practice.models import PracticeAttempt
from carai.practice.services import case_import
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import Visit, nl, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

CARE_WORKER = "zorgmedewerker@lindehof.example"
CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"
SHIPPED = Path(__file__).resolve().parents[2] / "content" / "cases"


@pytest.fixture(scope="module", autouse=True)
def _engine_ready() -> None:
    privacy_engine_warm_up(wait=True)


def test_care_worker_does_both_exercises(visit: Visit, demo_password: str) -> None:
    (data,) = read_cases(CASES)
    case = case_import(data=data)[0]
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    page.get_by_role("link", name=nl("Practise with fictional cases")).first.click()
    visit.check("case-list")
    page.get_by_role("link", name=case.title).click()
    visit.check("case")

    # Exercise 1: remove identifiers, but forget the phone number.
    page.get_by_role("link", name=nl("1. Prepare the text for the AI tool")).click()
    box = page.get_by_label(nl("The text you would put into the AI tool"))
    expect(box).to_have_value(data.dossier.strip())
    box.fill(data.model_answer.strip() + " Dochter belt via 06-12345678.")
    page.get_by_role("button", name=nl("Check")).click()
    expect(page.locator("mark.carai-pii").filter(has_text="06-12345678")).to_be_visible()
    visit.check("privacy-exercise-checked", screenshot=True)
    page.get_by_role("button", name=nl("Hand in")).click()
    expect(page.get_by_role("heading", name=nl("What identifies the client"))).to_be_visible()
    expect(page.get_by_text(shown("Still in your text:"))).to_be_visible()
    expect(page.get_by_text("06-12345678").first).to_be_visible()
    visit.check("privacy-exercise-feedback", screenshot=True)
    assert PracticeAttempt.objects.get(exercise="privacy").passed is False

    # Exercise 2: find one planted problem, miss the other.
    page.get_by_role("link", name=case.title).click()
    check_output = shown("%(number)s. Check what the AI wrote") % {"number": 2}
    page.get_by_role("link", name=check_output).click()
    page.get_by_label("Mevrouw heeft een wond aan het rechteronderbeen.").check()
    page.get_by_role("button", name=nl("Hand in")).click()
    expect(page.get_by_text("In het dossier staat het linkeronderbeen.")).to_be_visible()
    expect(page.get_by_text(shown("You missed this problem"))).to_be_visible()
    visit.check("output-exercise-feedback", screenshot=True)
    assert PracticeAttempt.objects.get(exercise="output").score == 50


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_care_worker_checks_what_the_ai_wrote_in_a_shipped_case(
    visit: Visit, demo_password: str, viewport: ViewportSize
) -> None:
    data = read_case(SHIPPED / "verpleeghuis-valincident-visser" / "nl" / "case.yaml")
    case = case_import(data=data)[0]
    output = data.ai_outputs[0]
    units = [unit.text for unit in output.units]
    problems = [units[n] for n in output.problem_numbers]
    judgement = "Dhr. is een onrustige en eigenwijze bewoner die zich niet aan afspraken houdt."
    dose = "Medicatie: om 23:00 kreeg dhr. temazepam 20 mg vanwege onrust."
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    visit.goto("/oefenen/")
    page.get_by_role("link", name=case.title).click()
    first_answer = shown("%(number)s. Check what the AI wrote (answer %(answer)s)") % {
        "number": 2,
        "answer": 1,
    }
    page.get_by_role("link", name=first_answer).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(shown("Check what the AI wrote"))

    # The learner sees exactly the units written in the case pack, under their headings.
    labels = page.locator("label.carai-choice__label")
    expect(labels).to_have_text(units)
    expect(page.locator(".carai-answer__heading")).to_have_text(
        [block.heading for block in output.answer if block.heading]
    )
    expect(page.get_by_label("Dhr.", exact=True)).to_have_count(0)
    assert judgement in units
    assert dose in problems
    visit.check("output-exercise-shipped", screenshot=True)
    _no_sideways_scroll(page, viewport)

    # Tick the judgement and the dose; miss the other two.
    page.get_by_label(judgement, exact=True).check()
    page.get_by_label(dose, exact=True).check()
    page.get_by_role("button", name=nl("Hand in")).click()
    attempt = PracticeAttempt.objects.get(exercise="output")
    assert (attempt.score, attempt.passed) == (50, False)
    expect(page.get_by_text(shown("Your score: %(score)s%%.") % {"score": 50})).to_be_visible()
    found = page.locator(".carai-answer-review__unit--found")
    expect(found).to_have_count(2)
    expect(found.first).to_contain_text(judgement)
    expect(found.first).to_contain_text(shown("You found this problem"))
    expect(found.first).to_contain_text("Dit is een oordeel over de bewoner.")
    missed = page.locator(".carai-answer-review__unit--missed")
    expect(missed).to_have_count(2)
    expect(missed.first).to_contain_text(shown("You missed this problem"))
    expect(page.locator(".carai-answer-review__unit--false_alarm")).to_have_count(0)
    visit.check("output-feedback-shipped", screenshot=True)
    _no_sideways_scroll(page, viewport)

    # The next step: try again, now with every planted problem.
    page.get_by_role("link", name=nl("Try again")).click()
    for text in problems:
        page.get_by_label(text, exact=True).check()
    page.get_by_role("button", name=nl("Hand in")).click()
    expect(page.get_by_text(shown("You passed. Well done!"))).to_be_visible()
    expect(page.locator(".carai-answer-review__unit--found")).to_have_count(len(problems))
    visit.check("output-passed-shipped")
    page.get_by_role("link", name=nl("Next: check the AI's other answer")).last.click()
    expect(page.locator("label.carai-choice__label")).to_have_text(
        [unit.text for unit in data.ai_outputs[1].units]
    )
    visit.check("output-exercise-second-answer")


def _no_sideways_scroll(page: Page, viewport: ViewportSize) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"horizontal scrolling: scrollWidth {width}"
