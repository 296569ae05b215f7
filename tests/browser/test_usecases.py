"""A question from the work floor becomes a use case: a care worker submits it, the
community lead accepts it into a cycle, and the team finishes the first phase and adds a
demonstrator. All people and data are made up."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import pytest
from django.utils.text import capfirst
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from carai.usecases.models import UseCase
from carai.usecases.services import cycle_create
from tests.browser.conftest import PHONE
from tests.browser.helpers import Visit, nl, nl_start, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

CARE_WORKER = "zorgmedewerker@lindehof.example"
LEAD = "lead@carai.example"
TITLE = "Overdracht in de avonddienst (test)"


def field(label: str) -> re.Pattern[str]:
    """A form label, with or without the "(optional)" the page adds to optional fields."""
    return re.compile(r"^\s*" + re.escape(label) + r"(?:\s*\(" + shown("optional") + r"\))?\s*$")


@pytest.fixture
def cycle(demo_community: object) -> None:
    cycle_create(
        name="Voorjaar 2027",
        starts_on=datetime.date(2027, 2, 1),
        ends_on=datetime.date(2027, 7, 31),
    )


KEVIN = "zorgmedewerker@debrug.example"  # care worker of De Brug


def kevin_submits(title: str) -> UseCase:
    """Kevin of De Brug submits a question, and so joins its team (reached once more)."""
    from carai.accounts.models import User
    from carai.community.models import Organisation
    from carai.usecases.services import use_case_submit

    return use_case_submit(
        actor=User.objects.get(email=KEVIN),
        organisation=Organisation.objects.get(slug="de-brug"),
        data={"title": title, "problem": "p", "who_has_it": "w", "expected_value": "e"},
    )


def professionals_reached(page: Page) -> tuple[Locator, int]:
    """The key figure of care professionals reached, and the number it shows."""
    figure = page.locator(".carai-kpi").filter(has_text=shown("Care professionals reached"))
    return figure, int(figure.locator(".carai-kpi__value").inner_text().split("/")[0])


def test_question_becomes_use_case_with_a_demonstrator(
    visit: Visit, demo_password: str, cycle: None, tmp_path: Path
) -> None:
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    page.get_by_role("link", name=nl("Use cases")).first.click()
    visit.check("use-cases")
    page.get_by_role("link", name=nl("Submit a question from your work")).click()
    page.get_by_label(field(shown("A short title"))).fill(TITLE)
    page.get_by_label(field(shown("What is the problem in your work?"))).fill(
        "De overdracht kost elke avond twintig minuten."
    )
    page.get_by_label(field(shown("Who has this problem?"))).fill("Verzorgenden")
    # Forgot a field: a clear message, and nothing typed is lost.
    page.get_by_role("button", name=nl("Submit")).click()
    expect(page.get_by_label(field(shown("A short title")))).to_have_value(TITLE)
    visit.check("submit-error")
    page.get_by_label(field(shown("What would it bring if it were solved?"))).fill("Tijd")
    page.get_by_role("button", name=nl("Submit")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    detail = page.url
    # A confirmation with what happens next; no DPIA/AI Act checklist before the decision.
    expect(page.get_by_role("status").first).to_contain_text(
        shown("Thank you. Your question has been sent. Below you can read what happens next.")
    )
    expect(page.get_by_role("heading", name=nl("What happens next"))).to_be_visible()
    expect(page.locator("#responsible-ai")).to_have_count(0)
    visit.check("submitted", screenshot=True)
    page.context.clear_cookies()

    visit.log_in(LEAD, demo_password)
    page.goto(detail)
    page.get_by_label(nl("Accept into a cycle")).check()
    page.get_by_label(field(shown("Cycle"))).select_option(label="Voorjaar 2027")
    for group in page.locator("fieldset").filter(has=page.locator("input[name^=criterion_]")).all():
        group.get_by_label("4", exact=True).check()
    page.get_by_role("button", name=nl("Save the decision")).click()
    expect(page.get_by_text(shown("Your decision is saved."))).to_be_visible()
    visit.check("accepted")
    page.context.clear_cookies()

    visit.log_in(CARE_WORKER, demo_password)
    page.goto(detail)
    # Accepted: the team sees the responsible-AI checklists, no longer "what happens next".
    expect(page.locator("#responsible-ai")).to_be_visible()
    expect(page.get_by_role("heading", name=nl("What happens next"))).to_have_count(0)
    # The checklist of the first phase is not done yet: the team cannot go on.
    page.get_by_label(field(shown("Deliverables"))).fill("Probleemstelling, besproken met het team")
    page.get_by_role("button", name=nl("Save and go to the next phase")).click()
    expect(
        page.locator(".utrecht-form-field-error-message, .carai-form-errors").first
    ).to_be_visible()
    for box in page.locator("input[name=checklist]").all():
        box.check()
    page.get_by_role("button", name=nl("Save and go to the next phase")).click()
    expect(page.get_by_text(shown("On to the next phase."))).to_be_visible()
    expect(page.locator("[aria-current=step]")).to_contain_text(shown("Design"))
    visit.check("next-phase")
    picture = tmp_path / "demonstrator.png"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), "teal").save(buffer, format="PNG")
    picture.write_bytes(buffer.getvalue())
    page.get_by_text(shown("Add a demonstrator")).click()
    page.get_by_label(field(capfirst(shown("name")))).fill("Overdrachtshulp")
    page.get_by_label(field(capfirst(shown("what it does")))).fill("Vat de rapportages samen")
    page.get_by_label(field(capfirst(shown("which AI it uses")))).fill("Taalmodel")
    page.get_by_label(field(shown("Screenshot or file (optional)"))).set_input_files(str(picture))
    page.locator("#demonstrators").get_by_role("button", name=nl("Add")).click()
    expect(page.get_by_role("heading", name="Overdrachtshulp")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Overdrachtshulp"))).to_be_visible()
    visit.check("demonstrator", screenshot=True)


@pytest.mark.parametrize("viewport", [PHONE])
def test_use_cases_on_a_phone(visit: Visit, demo_password: str) -> None:
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    page.goto(visit.url("/use-cases/nieuw/"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways on a phone ({width}px)"
    visit.check("submit-phone", screenshot=True)


def test_lead_sees_the_key_figures_change_and_exports_them(
    visit: Visit, demo_password: str, cycle: None
) -> None:
    page = visit.page
    visit.log_in(LEAD, demo_password)
    page.goto(visit.url("/community/kpis/"))
    _figure, before = professionals_reached(page)
    kevin_submits("Vraag")
    page.reload()
    _figure, after = professionals_reached(page)
    assert after == before + 1
    expect(
        page.get_by_role("table", name=nl("People reached, counted up to the end of each month"))
    ).to_be_visible()
    # On a desktop screen (1280 px) no table of the key figures hides columns out of sight:
    # a table with a column per figure goes under its chart at full width.
    cut_off = page.evaluate(
        """() => [...document.querySelectorAll('.carai-table-scroll')]
            .filter(region => region.scrollWidth > region.clientWidth + 1)
            .map(region => region.getAttribute('aria-labelledby'))"""
    )
    assert cut_off == [], f"tables that scroll sideways at 1280 px: {cut_off}"
    visit.check("kpis", screenshot=True)
    with page.expect_download() as download:
        page.get_by_role("link", name=nl("Download as Excel (XLSX)")).click()
    assert download.value.suggested_filename.endswith(".xlsx")
    page.get_by_role("link", name=nl("Report for funders (to print)")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        shown("Learning community AI in care and welfare: report")
    )
    visit.check("report")


def test_slow_key_figures_are_worked_out_while_the_lead_looks_on(
    visit: Visit, demo_password: str, cycle: None
) -> None:
    from django.test import override_settings

    from carai.kpis.figures import KpiFilters
    from carai.kpis.models import KpiSnapshot
    from carai.kpis.store import kpi_figures_compute

    page = visit.page
    visit.log_in(LEAD, demo_password)
    page.goto(visit.url("/community/kpis/"))
    figure, before = professionals_reached(page)
    KpiSnapshot.objects.update(seconds=8.0)  # as if this community were very large
    brug = kevin_submits("Vraag").organisation
    # The background worker holds the task back until this test does its work.
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        page.reload()
        expect(
            page.get_by_text(re.compile(r"^Deze cijfers zijn van .* opnieuw berekend\.$"))
        ).to_be_visible()
        assert professionals_reached(page)[1] == before
        visit.check("kpis-outdated", screenshot=True)
        kpi_figures_compute(filters=KpiFilters())  # what the worker does
        page.get_by_role("link", name=nl("Show the new figures")).click(timeout=10_000)
        assert professionals_reached(page)[1] == before + 1

        # A filter never asked for before: a progress notice, then the figures by themselves.
        KpiSnapshot.objects.update(seconds=8.0)  # judged by the other filters' last time
        page.goto(visit.url(f"/community/kpis/?organisation={brug.pk}"))
        expect(page.get_by_role("progressbar")).to_be_visible()
        visit.check("kpis-working")
        kpi_figures_compute(filters=KpiFilters(organisation=brug))
        expect(figure).to_be_visible(timeout=10_000)


@pytest.mark.parametrize("viewport", [PHONE])
def test_a_care_worker_joins_the_team_of_another_organisation(
    visit: Visit, demo_password: str, cycle: None
) -> None:
    from carai.accounts.models import User
    from carai.usecases import services
    from carai.usecases.models import Cycle

    use_case = kevin_submits("Spraak (test)")
    kevin = use_case.submitted_by
    assert kevin is not None
    use_case = services.use_case_triage(
        actor=User.objects.get(email=LEAD),
        use_case=use_case,
        accept=True,
        cycle=Cycle.objects.get(),
        criteria={},
        reason="",
    )
    services.use_case_recruiting_set(
        actor=kevin,
        use_case=use_case,
        open_to_join=True,
        looking_for="We zoeken zorgmedewerkers die willen meedoen met de proef. (test)",
    )
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    visit.goto("/use-cases/")
    page.get_by_role("link", name=nl("Join a use case that looks for people")).click()
    visit.check("open-use-cases", screenshot=True)
    page.get_by_role("link", name="Spraak (test)").click()
    # Forgot why: a clear message, the chosen role stays.
    page.get_by_label(field(shown("Your role in the team"))).select_option(
        label=shown("Care professional")
    )
    page.get_by_role("button", name=nl("Send my request")).click()
    expect(page.get_by_text(shown("This field is required."), exact=True)).to_be_visible()
    expect(page.get_by_label(field(shown("Your role in the team")))).to_have_value("professional")
    visit.check("join-error")
    page.get_by_label(field(shown("Why you want to join"))).fill("Ik spreek mijn rapportages in.")
    page.get_by_role("button", name=nl("Send my request")).click()
    expect(
        page.get_by_text(shown("Your request has been sent. The team will answer you."))
    ).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways on a phone ({width}px)"
    visit.check("join-sent", screenshot=True)

    # Kevin, who owns the use case, sees the request and accepts it.
    page.context.clear_cookies()
    visit.log_in(KEVIN, demo_password)
    visit.goto("/use-cases/")
    page.get_by_role("link", name=re.compile(r"Sanne Verbeek .*Spraak \(test\)")).click()
    requests = page.locator("#join-requests")
    expect(requests).to_contain_text("Ik spreek mijn rapportages in.")
    requests.get_by_label(field(shown("Reply to the person"))).fill("Welkom in het team!")
    visit.check("join-requests", screenshot=True)
    requests.get_by_role("button", name=nl_start("Accept")).click()
    expect(page.locator("#team")).to_contain_text("Sanne Verbeek")

    # Sanne now finds the use case among her own.
    page.context.clear_cookies()
    visit.log_in(CARE_WORKER, demo_password)
    visit.goto("/use-cases/doe-mee/")
    expect(page.get_by_text("Welkom in het team!")).to_be_visible()
    page.get_by_role("link", name=nl("Go to the use case")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Spraak (test)")
    visit.check("joined")
