"""A care worker checks a text before pasting it into an AI tool: the privacy check marks
what identifies the client, explains why, and copies a version without it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from carai.core.engine import privacy_engine_warm_up
from tests.browser.conftest import PHONE
from tests.browser.helpers import Visit, nl, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

CARE_WORKER = "zorgmedewerker@lindehof.example"
# Fictional: the BSN passes the 11-test but belongs to nobody we know of.
TEXT = (
    "Overdracht: mevrouw Wilhelmina Testpersoon (84) heeft dementie. "
    "BSN 123.456.782. Dochter belt via 06-12345678."
)


@pytest.fixture(scope="module", autouse=True)
def _engine_ready() -> None:
    privacy_engine_warm_up(wait=True)


def _check_a_text(visit: Visit, demo_password: str) -> None:
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    page.get_by_role("link", name=nl("Open the privacy check")).click()
    visit.check("privacy-check")
    page.get_by_label(nl("Your text")).fill(TEXT)
    page.get_by_role("button", name=nl("Check the text")).click()
    expect(page.get_by_role("heading", name=nl("What we found"))).to_be_visible()


def test_care_worker_checks_and_copies_a_text(visit: Visit, demo_password: str) -> None:
    visit.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    _check_a_text(visit, demo_password)
    page = visit.page
    marks = page.locator("mark.carai-pii")
    expect(marks.filter(has_text="123.456.782")).to_contain_text(f"[{shown('BSN')}]")
    expect(marks.filter(has_text="06-12345678")).to_contain_text(f"[{shown('phone number')}]")
    copy = page.locator("#pseudonymised")
    expect(copy).to_have_value(
        "Overdracht: mevrouw [NAAM-1] ([LEEFTIJD-1]) heeft dementie. "
        "BSN [BSN-1]. Dochter belt via [TELEFOON-1]."
    )
    copy_button = page.get_by_role("button", name=nl("Copy the text without personal data"))
    copy_button.click()
    # Heard: "Gekopieerd." in the hidden live region; seen: a tick on the button.
    expect(page.locator("#carai-live")).to_have_text(shown("Copied."))
    expect(page.locator("#carai-live")).to_have_class(re.compile("carai-visually-hidden"))
    expect(copy_button).to_have_attribute("data-carai-copy-done", "")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "123.456.782" not in copied
    assert "[BSN-1]" in copied
    # The text typed is still there, for a second try.
    expect(page.get_by_label(nl("Your text"))).to_have_value(TEXT)
    visit.check("privacy-check-result", screenshot=True)


@pytest.mark.parametrize("viewport", [PHONE])
def test_privacy_check_on_a_phone(visit: Visit, demo_password: str) -> None:
    _check_a_text(visit, demo_password)
    width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"horizontal scrolling: {width}"
    visit.check("privacy-check-phone", screenshot=True)
