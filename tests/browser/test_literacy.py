"""The AI literacy register in Chromium: the privacy officer adds a tool that requires a
module and sees the gap for the care workers who need it; the care worker sees what she
needs, finishes the module, and the gap closes. axe-core checks every page. All people and
data are made up."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from carai.community.models import Membership
from carai.learning.models import Certificate, Lesson, Module
from tests.browser.helpers import Visit, nl, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

OFFICER = "privacy@lindehof.example"
CARE_WORKER = "zorgmedewerker@lindehof.example"
TOOL = "Verslaghulp (fictief)"
MODULE = "Veilig werken met de verslaghulp (fictief)"


def tools_table(page: Any) -> Any:
    return page.get_by_role("table", name=shown("AI tools that are allowed, and what they ask"))


def _module() -> Module:
    module = Module.objects.create(
        key="verslaghulp-veilig",
        language="nl",
        title=MODULE,
        summary="Wat wel en niet in de verslaghulp mag. Een verzonnen module.",
        status="published",
        validity_months=12,
    )
    Lesson.objects.create(
        module=module,
        slug="regels",
        order=1,
        kind="text",
        title="De regels van de verslaghulp",
        body="Zet nooit een naam of BSN van een cliënt in de verslaghulp.",
    )
    return module


def test_officer_adds_a_tool_sees_the_gap_and_it_closes(visit: Visit, demo_password: str) -> None:
    module = _module()
    professionals = (
        Membership.objects.active()
        .filter(organisation__slug="lindehof", role="professional")
        .values("user_id")
        .distinct()
        .count()
    )
    page = visit.page
    visit.log_in(OFFICER, demo_password)
    visit.goto("/ai-register/lindehof/nieuw/")
    page.get_by_label(nl("Name")).first.fill(TOOL)
    page.get_by_label(nl("Vendor")).fill("Fictief BV")
    page.get_by_label(nl("Purpose")).fill("Rapportages opstellen")
    page.get_by_label(nl("Status")).select_option("allowed")
    page.get_by_label(shown("Care professional")).check()
    page.get_by_label(MODULE).check()
    page.get_by_role("button", name=nl("Save")).click()
    expect(page.get_by_text(shown("The tool has been saved."))).to_be_visible()

    visit.goto("/ai-geletterdheid/lindehof/")
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("AI literacy register"))
    row = tools_table(page).get_by_role("row").filter(has_text=TOOL)
    expect(row).to_contain_text(f"{MODULE} ({professionals})")  # every care professional
    visit.check("literacy-overview", screenshot=True)
    page.get_by_label(nl("Status")).select_option("blocked")
    people = page.locator("#people-results")
    expect(people.get_by_role("row").filter(has_text="Sanne Verbeek")).to_contain_text(
        shown("not allowed yet")
    )
    visit.check("literacy-blocked")

    # The care worker sees what she needs, and finishes the module.
    page.context.clear_cookies()
    visit.log_in(CARE_WORKER, demo_password)
    visit.goto("/ai-geletterdheid/lindehof/mijn/")
    tool = page.get_by_role("region", name=TOOL)
    expect(tool).to_contain_text(
        shown("You are not allowed to use this tool yet. Do what is missing first.")
    )
    visit.check("literacy-mine-missing", screenshot=True)
    visit.goto(f"/leren/modules/{module.pk}/")
    page.get_by_role("button", name=nl("Start this module")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("De regels van de verslaghulp")
    page.get_by_role("button", name=nl("Done, next lesson")).click()
    assert Certificate.objects.filter(user__email=CARE_WORKER, module=module).exists()
    visit.goto("/ai-geletterdheid/lindehof/mijn/")
    expect(page.get_by_role("region", name=TOOL)).to_contain_text(
        shown("You have everything this tool asks. You may use it.")
    )
    visit.check("literacy-mine-done")

    # The officer sees the gap close for her.
    page.context.clear_cookies()
    visit.log_in(OFFICER, demo_password)
    visit.goto("/ai-geletterdheid/lindehof/")
    row = tools_table(page).get_by_role("row").filter(has_text=TOOL)
    expect(row).to_contain_text(f"{MODULE} ({professionals - 1})")
    page.get_by_label(nl("Name or e-mail address")).fill("Sanne")
    person = page.locator("#people-results").get_by_role("row").filter(has_text="Sanne Verbeek")
    expect(person).to_contain_text(shown("May use"))
    visit.check("literacy-closed")

    # The plan and the evidence file pages.
    page.get_by_role("link", name=nl("Literacy plan")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("AI literacy plan"))
    visit.check("literacy-plan")
    page.get_by_role("link", name=nl("Evidence file")).click()
    page.get_by_role("button", name=nl("Make the evidence file")).click()
    expect(page.get_by_role("link", name=re.compile(r"^PDF "))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^XLSX "))).to_be_visible()
    visit.check("literacy-evidence")
