"""Pages no other browser test opened, on a phone: the account pages (profile, password,
my data, erasing), the team's learning, the guidelines and the key figures' report.
axe-core and the console checks run on each; none may scroll sideways. All people and
organisations are the made-up demo community."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.helpers import Visit, nl, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]


def _no_sideways_scroll(visit: Visit, step: str) -> None:
    width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"[{step}] the page scrolls sideways ({width}px)"
    visit.check(step)


@pytest.mark.parametrize("viewport", [PHONE])
def test_care_worker_account_pages_on_a_phone(visit: Visit, demo_password: str) -> None:
    page = visit.page
    visit.log_in("zorgmedewerker@lindehof.example", demo_password)
    for path, heading in [
        ("/account/", "My account"),
        ("/account/wachtwoord/", "Change password"),
        ("/account/mijn-gegevens/", "Download my data"),
        ("/account/verwijderen/", "Erase my account"),
    ]:
        visit.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(nl(heading))
        _no_sideways_scroll(visit, path)
    # Erasing has a way back that is not the red button.
    page.get_by_role("link", name=nl("Back to my account")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("My account"))
    # An empty password form: the error box is checked too.
    visit.goto("/account/wachtwoord/")
    page.get_by_role("button", name=nl("Save password")).click()
    expect(page.locator(".carai-form-errors")).to_be_visible()
    _no_sideways_scroll(visit, "password-errors")


@pytest.mark.parametrize("viewport", [PHONE])
def test_manager_team_and_guidelines_on_a_phone(visit: Visit, demo_password: str) -> None:
    visit.log_in("manager@lindehof.example", demo_password)
    for path in ("/leren/team/lindehof/", "/ai-register/lindehof/richtlijnen/", "/ai-regels/"):
        visit.goto(path)
        _no_sideways_scroll(visit, path)


@pytest.mark.parametrize("viewport", [PHONE])
def test_lead_report_shows_a_card_per_figure_on_a_phone(visit: Visit, demo_password: str) -> None:
    page = visit.page
    visit.log_in("lead@carai.example", demo_password)
    for path in ("/community/kpis/", "/community/kpis/rapport/"):
        visit.goto(path)
        _no_sideways_scroll(visit, path)
    # Each key figure is a card on a phone (the names of the figures broke mid-word in the
    # narrow first column: "Zorgprofession-als"); each number says what it is.
    value = page.get_by_role("table", name=nl("Key figures")).locator("td").first
    label = value.evaluate("(el) => getComputedStyle(el, '::before').content")
    assert shown("Value") in label
    table = page.get_by_role("table", name=nl("Key figures"))
    assert table.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1")
