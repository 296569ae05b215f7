"""A care worker opens a fictional case and does both exercises, each with one mistake,
and reads the feedback."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from carai.core.engine import privacy_engine_warm_up
from carai.practice.content import read_cases
from carai.practice.models import PracticeAttempt
from carai.practice.services import case_import
from tests.browser.helpers import Visit, nl, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

CARE_WORKER = "zorgmedewerker@lindehof.example"
CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"


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
    expect(page.get_by_role("heading", name=nl("Still in your text"))).to_be_visible()
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
    expect(page.get_by_text(shown("You missed this problem."))).to_be_visible()
    visit.check("output-exercise-feedback", screenshot=True)
    assert PracticeAttempt.objects.get(exercise="output").score == 50
