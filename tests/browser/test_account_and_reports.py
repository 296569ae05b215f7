"""Pages no other browser test opened, on a phone: the account pages (profile, password,
my data, erasing), the team's learning, the guidelines and the key figures' report; and
the character count under a reflection.
axe-core and the console checks run on each; none may scroll sideways. All people and
organisations are the made-up demo community."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from carai.accounts.models import User
from carai.learning.content import read_pack
from carai.learning.services.content import module_import
from carai.learning.services.progress import enrolment_start
from carai.register.demo import load_demo_register
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
    # The member list stacked into cards shows each cell's label above its value for the eye; the
    # cell's accessible name is its value only (the column header already names it).
    visit.goto("/organisaties/lindehof/leden/")
    _no_sideways_scroll(visit, "members")
    cell = visit.page.locator(".carai-table--stack td[data-label]:not(:first-child)").first
    label = cell.get_attribute("data-label") or ""
    assert label, "no stacked table cell with a label in the member list"
    label_box = cell.evaluate("c => getComputedStyle(c, '::before').display")
    assert label_box == "block", "the label is not shown above the value"
    name = cell.aria_snapshot()
    assert label not in name, f"the label is read as part of the cell: {name!r}"


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


def test_the_reflection_count_writes_numbers_the_dutch_way(
    visit: Visit, demo_password: str
) -> None:
    page = visit.page
    (data,) = read_pack(Path(__file__).resolve().parent.parent / "fixtures" / "pack")
    module = module_import(data=data)
    enrolment_start(user=User.objects.get(email="zorgmedewerker@lindehof.example"), module=module)
    lesson = module.lessons.get(kind="reflection")
    visit.log_in("zorgmedewerker@lindehof.example", demo_password)
    visit.goto(f"/leren/modules/{lesson.module_id}/lessen/{lesson.pk}/")
    count = page.locator(".carai-count")
    expect(count).to_have_text("0 van 5.000 tekens gebruikt")  # as the help text: 5.000
    page.get_by_label(nl("Your answer")).fill("Verzonnen antwoord.")
    expect(count).to_have_text("19 van 5.000 tekens gebruikt")
    page.get_by_label(nl("Your answer")).fill("")
    page.get_by_role("button", name=nl("Save and go on")).click()
    expect(page.locator(".carai-form-errors")).to_contain_text(shown("Write your answer first."))
    visit.check("reflection-empty")


@pytest.mark.parametrize("viewport", [PHONE])
def test_register_import_help_gives_each_code_its_meaning_on_a_phone(
    visit: Visit, demo_password: str
) -> None:
    page = visit.page
    visit.log_in("privacy@lindehof.example", demo_password)
    visit.goto("/ai-register/lindehof/import/")
    page.get_by_text(nl("The columns, and what to type in them")).click()
    table = page.get_by_role("table", name=nl("Columns of the CSV file"))
    expect(table).to_be_visible()
    # The row of the status column: the code to type, with the status in words beside it.
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="status"))
    expect(row).to_contain_text("allowed_with_conditions: " + shown("Allowed with conditions"))
    assert table.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1")
    _no_sideways_scroll(visit, "register-import-help")


@pytest.mark.parametrize("viewport", [{"width": 800, "height": 900}])
def test_lead_organisation_names_break_between_words(visit: Visit, demo_password: str) -> None:
    """On a small tablet the partner organisations' table keeps every word of a name whole
    ("Zorggroep Lindehof (demo)" may take two lines, never "Zorgg/roep"); what does not fit
    scrolls inside the table's own box, not the page."""
    visit.log_in("lead@carai.example", demo_password)
    visit.goto("/community/organisaties/")
    expect(
        visit.page.get_by_role("heading", level=1, name=nl("Partner organisations"))
    ).to_be_visible()
    broken = visit.page.evaluate(
        """() => {
            const broken = [];
            for (const cell of document.querySelectorAll('td.carai-wrap')) {
                const node = cell.firstChild;
                const text = node.textContent;
                for (const match of text.matchAll(/\\S+/g)) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                    if (lines.size > 1) broken.push(match[0]);
                }
            }
            return broken;
        }"""
    )
    cells = visit.page.locator("td.carai-wrap").count()
    assert cells >= 5, f"only {cells} organisation names on the page"
    assert broken == [], f"words broken across lines: {broken}"
    width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 800, f"the page scrolls sideways ({width}px)"
    visit.check("lead-organisations-tablet")


@pytest.mark.parametrize("viewport", [{"width": 800, "height": 900}])
def test_ai_tools_table_fits_a_tablet(visit: Visit, demo_password: str) -> None:
    """A care worker on a small tablet sees the AI tools of her organisation, their status and
    what they are for without scrolling the table sideways (a long tool name and the status
    take two lines rather than the room of "What for")."""
    assert load_demo_register() > 0
    visit.log_in("zorgmedewerker@lindehof.example", demo_password)
    visit.goto("/ai-register/lindehof/")
    region = visit.page.get_by_role("region", name=nl("AI tools in our register"))
    expect(region).to_be_visible()
    scroll, client = region.evaluate("box => [box.scrollWidth, box.clientWidth]")
    assert scroll <= client, f"the table scrolls sideways inside its box ({scroll} > {client})"
    visit.check("ai-tools-tablet")
