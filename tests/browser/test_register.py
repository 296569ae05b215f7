"""The AI tool register end to end: a privacy officer takes a tool from the community
catalogue, forbids client health data in it and publishes guidelines; a care worker confirms
the guidelines and asks "Mag dit?" about a text with a BSN. All people and data are made up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from carai.core.engine import privacy_engine_warm_up
from carai.register.content import read_templates
from carai.register.services import template_import
from tests.browser.conftest import PHONE
from tests.browser.helpers import Visit, nl, nl_start, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

OFFICER = "privacy@lindehof.example"
CARE_WORKER = "zorgmedewerker@lindehof.example"
TEXT = (
    "Overdracht: mevrouw Wilhelmina Testpersoon heeft diabetes. BSN 123.456.782. "
    "Graag een korte samenvatting voor de avonddienst."
)


def field(label: str) -> re.Pattern[str]:
    """A form label, with or without the "(optional)" the page adds to optional fields."""
    return re.compile(r"^\s*" + re.escape(label) + r"(?:\s*\(" + shown("optional") + r"\))?\s*$")


@pytest.fixture(scope="module", autouse=True)
def _engine_ready() -> None:
    privacy_engine_warm_up(wait=True)


@pytest.fixture
def catalogue(demo_community: object) -> None:
    for data in read_templates(Path(settings.BASE_DIR) / "content" / "ai-tools"):
        template_import(data=data)


def _officer_sets_up_the_register(visit: Visit, password: str) -> None:
    page = visit.page
    visit.log_in(OFFICER, password)
    page.get_by_role("link", name=nl_start("All AI tools and guidelines")).click()
    visit.check("register-empty")
    page.get_by_role("link", name=nl("Add a tool from the community catalogue")).click()
    visit.check("catalogue", screenshot=True)
    page.get_by_role(
        "button", name=shown("Add %(name)s to our register") % {"name": "Microsoft 365 Copilot"}
    ).click()
    # The tool starts "under review"; the officer decides and restricts health data.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Microsoft 365 Copilot")
    visit.check("tool-form")
    page.get_by_label(nl("Status")).select_option("allowed_with_conditions")
    page.get_by_label(field(shown("Health data of clients (special category)"))).select_option(
        "not_allowed"
    )
    conditions = shown("Conditions or reason: %(category)s") % {
        "category": shown("Health data of clients (special category)")
    }
    page.get_by_label(field(conditions)).fill("Nooit gezondheidsgegevens van cliënten in Copilot.")
    page.get_by_role("button", name=nl("Save")).click()
    expect(page.get_by_text(shown("The tool has been saved."))).to_be_visible()
    row = page.get_by_role("row").filter(
        has_text=shown("Health data of clients (special category)")
    )
    expect(row).to_contain_text(shown("May not go in"))
    visit.check("tool-detail", screenshot=True)
    page.get_by_role("link", name=nl("History of changes")).click()
    expect(
        page.get_by_role(
            "heading", name=shown("Version %(number)s") % {"number": 2}, exact=False
        ).first
    ).to_be_visible()
    visit.check("history")
    # Guidelines, version 1.
    page.goto(visit.url("/ai-register/lindehof/richtlijnen/nieuw/"))
    page.get_by_label(nl("Guidelines")).fill(
        "## Wat nooit mag\n- Nooit een BSN of naam van een cliënt in een AI-tool."
    )
    page.get_by_role("button", name=nl("Publish this version")).click()
    expect(page.get_by_role("heading", name="Wat nooit mag")).to_be_visible()
    visit.check("guidelines-published")
    page.context.clear_cookies()


def test_officer_restricts_a_tool_and_care_worker_asks_may_i(
    visit: Visit, demo_password: str, catalogue: None
) -> None:
    _officer_sets_up_the_register(visit, demo_password)
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    page.get_by_role("link", name=nl("Read them and confirm")).click()
    page.get_by_role("button", name=nl("I have read these guidelines")).click()
    expect(
        page.get_by_text(shown("You have confirmed that you read this version."))
    ).to_be_visible()
    visit.check("guidelines-confirmed")
    page.get_by_role("link", name=nl("May I?")).first.click()
    visit.check("may-i")
    page.get_by_label(nl("Which AI tool?")).select_option(label="Microsoft 365 Copilot")
    text_label = nl("The text you want to put in", "De tekst die je erin wilt zetten")
    text_box = page.get_by_label(text_label)
    text_box.fill(TEXT)
    page.get_by_role("button", name=nl("Check")).click()
    expect(page.get_by_text(shown("No, this may not."))).to_be_visible()
    expect(page.locator("#uitkomst")).to_contain_text(
        shown("%(category)s may not go into this tool.")
        % {"category": shown("BSN (citizen service number)")}
    )
    copy = page.locator("#pseudonymised")
    expect(copy).to_contain_text("[BSN-1]")
    assert "123.456.782" not in copy.input_value()
    # What was typed is still in the box for another try.
    expect(text_box).to_have_value(TEXT)
    visit.check("may-i-answer", screenshot=True)


@pytest.mark.parametrize("viewport", [PHONE])
def test_may_i_on_a_phone(visit: Visit, demo_password: str, catalogue: None) -> None:
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    page.goto(visit.url("/ai-register/lindehof/mag-dit/"))
    page.get_by_label(nl("Or: another tool, not in the list")).fill("Een nieuwe app")
    page.get_by_label(shown("Internal work information")).check()
    page.get_by_role("button", name=nl("Check")).click()
    expect(
        page.get_by_text(shown("We do not know: this tool has not been assessed."))
    ).to_be_visible()
    expect(page.locator("#uitkomst")).to_contain_text(OFFICER)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways on a phone ({width}px)"
    visit.check("may-i-phone", screenshot=True)
