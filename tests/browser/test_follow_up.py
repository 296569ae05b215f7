"""Issue 15 journeys in Chromium: a manager follows up a late assignment, a care worker adds
an event to the calendar and joins its waiting list, and search finds a module. axe-core
on every page; no sideways scrolling at 360 px. All people and data are made up (demo)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from carai.learning.content import read_pack
from carai.learning.models import Module
from carai.learning.services.content import module_import
from tests.browser.conftest import PHONE
from tests.browser.helpers import Visit, nl, shown
from tests.community.test_event_calendar import parse_ics

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

CARE_WORKER = "zorgmedewerker@lindehof.example"
MANAGER = "manager@lindehof.example"
FULL_EVENT = "Workshop: veilig prompten met verzonnen casussen (demo)"


def _module() -> Module:
    """A published community module (the fictional test pack)."""
    (data,) = read_pack(Path(__file__).resolve().parent.parent / "fixtures" / "pack")
    return module_import(data=data)


def _no_sideways_scroll(visit: Visit) -> None:
    width = visit.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"horizontal scrolling on {visit.page.url}: {width}px"


def test_manager_sees_overdue_and_changes_the_date(visit: Visit, demo_password: str) -> None:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from carai.community.models import Organisation, Role
    from carai.learning.models import Assignment

    manager = get_user_model().objects.get(email=MANAGER)
    organisation = Organisation.objects.get(memberships__user=manager)
    module = _module()
    today = timezone.localdate()
    Assignment.objects.create(
        organisation=organisation,
        module=module,
        role=Role.PROFESSIONAL,
        due_date=today - timedelta(days=3),
        assigned_by=manager,
    )  # the date passed three days ago; nobody has finished the module
    page = visit.page
    visit.log_in(MANAGER, demo_password)
    page.get_by_role("link", name=nl("Learning in the team")).first.click()
    asked = page.get_by_role("table", name=nl("Modules you asked people to do, soonest date first"))
    row = asked.get_by_role("row", name=re.compile(re.escape(module.title)))
    expect(row).to_contain_text(shown("date passed"))
    overdue = row.locator(".carai-status--overdue a")
    expect(overdue).to_have_text(re.compile(r"[1-9]\d*"))
    visit.check("team-overdue", screenshot=True)
    overdue.click()
    people = page.locator("#team-results")
    expect(people.get_by_role("row", name=re.compile("Sanne Verbeek"))).to_be_visible()
    visit.check("team-overdue-people")

    # Give the team two more weeks.
    row.get_by_role("link", name=re.compile(shown("Change date"))).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Change the date"))
    new_date = today + timedelta(days=14)
    page.get_by_label(nl("Finished by")).fill(new_date.isoformat())
    visit.check("change-date")
    page.get_by_role("button", name=nl("Save")).click()
    row = asked.get_by_role("row", name=re.compile(re.escape(module.title)))
    expect(row).not_to_contain_text(shown("date passed"))
    expect(row.locator(".carai-status--overdue")).to_have_count(0)
    visit.check("team-new-date", screenshot=True)


@pytest.mark.parametrize("viewport", [PHONE])
def test_care_worker_adds_an_event_to_the_calendar_and_joins_the_waiting_list(
    visit: Visit, demo_password: str, tmp_path: Path
) -> None:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from carai.community.events import event_register, event_save

    people = get_user_model().objects
    starts = timezone.now() + timedelta(days=14)
    event = event_save(
        actor=people.get(is_community_lead=True, email__endswith=".example"),
        event=None,
        data={
            "title": FULL_EVENT, "kind": "workshop",
            "description": "Een verzonnen workshop; neem je laptop mee.",
            "starts_at": starts, "ends_at": starts + timedelta(hours=2),
            "place": "Deventer, zaal 2 (demo)", "online_url": "", "capacity": 1,
            "materials": "",
        },
    )  # fmt: skip
    event_register(user=people.get(email=MANAGER), event=event)  # the one place is taken
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    visit.goto("/bijeenkomsten/")
    card = page.locator(".carai-card").filter(has=page.get_by_role("link", name=FULL_EVENT))
    expect(card.locator(".carai-badge--full")).to_have_text(nl("Full"))
    _no_sideways_scroll(visit)
    visit.check("events-list", screenshot=True)

    card.get_by_role("link", name=FULL_EVENT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(FULL_EVENT)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=nl("Add to your calendar (.ics)")).click()
    saved = tmp_path / "event.ics"
    download_info.value.save_as(saved)
    props = parse_ics(saved.read_bytes())
    assert props["SUMMARY"] == FULL_EVENT
    assert props["DTSTART"].endswith("Z")
    visit.check("event-detail")

    page.get_by_role("button", name=nl("Put me on the waiting list")).click()
    expect(page.get_by_role("status").first).to_contain_text("wachtlijst")
    expect(page.get_by_text(re.compile(r"Je bent nummer \d+ op de wachtlijst\."))).to_be_visible()
    _no_sideways_scroll(visit)
    visit.check("event-waiting", screenshot=True)


@pytest.mark.parametrize("viewport", [PHONE])
def test_search_finds_a_module(visit: Visit, demo_password: str) -> None:
    module = _module()
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    search = page.get_by_role("search")
    search.get_by_label(nl("Search in CARAI")).fill("testmodule")
    with page.expect_navigation():
        search.get_by_role("button", name=nl("Search")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Search"))
    results = page.locator("#search-results")
    expect(results.get_by_role("link", name=module.title)).to_be_visible()
    _no_sideways_scroll(visit)
    visit.check("search-results", screenshot=True)

    # Live results while typing (htmx), only modules.
    page.get_by_label(nl("Search for")).fill("testmodule over AI")
    expect(results).to_contain_text("testmodule over AI")
    page.get_by_label(nl("Show")).select_option(label=shown("Modules"))
    expect(results.get_by_role("link", name=module.title)).to_be_visible()
    expect(results.locator(".carai-search-hit__kind")).to_have_text([shown("Modules")])
    visit.check("search-live")
    results.get_by_role("link", name=module.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    visit.check("module-from-search")


@pytest.mark.parametrize("viewport", [PHONE])
def test_a_module_without_translation_says_so(visit: Visit, demo_password: str) -> None:
    import dataclasses

    (data,) = read_pack(Path(__file__).resolve().parent.parent / "fixtures" / "pack")
    english = module_import(
        data=dataclasses.replace(
            data, key="only-english", language="en", title="Working with AI notes (made up)"
        )
    )
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    visit.goto("/leren/")
    card = page.locator(".carai-card").filter(has=page.get_by_role("link", name=english.title))
    expect(card.locator(".carai-badge--language")).to_have_text("Alleen in het Engels")
    expect(card.get_by_role("heading")).to_have_attribute("lang", "en")
    _no_sideways_scroll(visit)
    visit.check("catalogue-only-english", screenshot=True)
    card.get_by_role("link", name=english.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_attribute("lang", "en")
    expect(page.get_by_text(shown(
        "This module has no translation yet: its lessons are shown as they were written."
    ))).to_be_visible()  # fmt: skip
    _no_sideways_scroll(visit)
    visit.check("module-only-english", screenshot=True)


def test_a_typed_search_asks_the_server_once(visit: Visit, demo_password: str) -> None:
    """Typing in a live filter and then leaving the field sends one request, not two: the
    form listens to "change" from its selects only (the text field has its own trigger)."""
    page = visit.page
    visit.log_in(MANAGER, demo_password)
    visit.goto("/organisaties/lindehof/leden/")
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if r.headers.get("hx-request") else None)
    field = page.get_by_role("search").get_by_label(nl("Name or e-mail address"))
    field.press_sequentially("Sanne", delay=40)
    with page.expect_response(re.compile(r"/leden/\?q=Sanne")):
        pass  # the typed request, 400 ms after the last key
    field.press("Tab")  # leaving the field fires "change" on it
    page.wait_for_timeout(800)
    assert len(asked) == 1, asked
    page.get_by_role("search").get_by_label(nl("Role")).select_option(index=1)
    expect(page).to_have_url(re.compile(r"[?&]role=\w"))
    assert len(asked) == 2, asked
