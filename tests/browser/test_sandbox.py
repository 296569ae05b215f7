"""A care worker practises in the AI sandbox: a prompt with a BSN that is not in the case is
blocked and explained; without it the prompt goes to the organisation's model (a local
chat-completions server), the answer streams in, the invented dose is marked, and the
attempt is kept. All data is made up."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from carai.accounts.models import User
from carai.core.engine import privacy_engine_warm_up
from carai.practice.content import read_case
from carai.practice.services import case_import
from carai.register.models import AITool, DataRule
from carai.sandbox.models import SandboxAttempt
from carai.sandbox.services import endpoint_save
from tests.browser.helpers import Visit, nl, shown
from tests.sandbox.conftest import CASE_FILE
from tests.sandbox.model_server import ModelServer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

CARE_WORKER = "zorgmedewerker@lindehof.example"
PROMPT = (
    "Je bent verzorgende IG. Maak van deze rapportage een korte MIC-melding voor de "
    "MIC-commissie. Gebruik alleen de feiten uit de tekst.\n"
    "23:00 Dhr. onrustig. Om 23:00 temazepam 10 mg gegeven.\n"
    "03:40 Dhr. gevonden op de grond naast zijn bed. Sensormat stond uit; stekker lag los."
)
BSN = "BSN 123456782"  # made up; passes the 11-test
ANSWER = (
    "MIC-melding: dhr. werd om 03:40 naast zijn bed gevonden. De sensormat stond uit. "
    "Om 23:00 kreeg hij temazepam 20 mg."
)


@pytest.fixture(scope="module", autouse=True)
def _engine_ready() -> None:
    privacy_engine_warm_up(wait=True)


@pytest.fixture
def model() -> Iterator[ModelServer]:
    server = ModelServer().start()
    server.answer = ANSWER
    yield server
    server.stop()


def _set_up_model(server: ModelServer) -> None:
    user = User.objects.get(email=CARE_WORKER)
    organisation = user.memberships.get().organisation
    admin_membership = organisation.memberships.filter(role="org_admin").first()
    assert admin_membership is not None
    admin = admin_membership.user
    tool = AITool.objects.create(
        organisation=organisation,
        name="Oefen-AI van de organisatie (fictief)",
        vendor="Fictief BV",
        purpose="Oefenen met AI",
        status="allowed",
    )
    DataRule.objects.create(tool=tool, category="health", permission="allowed")
    endpoint_save(
        actor=admin,
        organisation=organisation,
        tool=tool,
        base_url=server.url,
        model_name="drip",
        api_key="sk-fictief",
        monthly_token_budget=100_000,
        requests_per_hour=10,
        price_per_million=Decimal("1.00"),
        is_active=True,
    )


def test_care_worker_prompt_blocked_then_sent_streamed_checked_and_kept(
    visit: Visit, demo_password: str, model: ModelServer
) -> None:
    case = case_import(data=read_case(CASE_FILE))[0]
    _set_up_model(model)
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    visit.goto("/ai-oefenruimte/")
    visit.check("sandbox-home")
    page.get_by_role("link", name=case.title).click()
    visit.check("sandbox-workspace")

    # A real-looking BSN that is not in the case: blocked, explained, prompt kept.
    box = page.get_by_label(nl("Your prompt"))
    box.fill(PROMPT + "\n" + BSN)
    page.get_by_role("button", name=nl("Check and send")).click()
    alert = page.locator("#presend .utrecht-alert--error")
    expect(alert).to_contain_text("123456782")
    expect(page.get_by_label(nl("Your prompt"))).to_have_value(PROMPT + "\n" + BSN)
    assert model.requests == []
    visit.check("sandbox-blocked", screenshot=True)

    # Fixed: sent to the organisation's model; the answer streams in with a stop button.
    page.get_by_label(nl("Your prompt")).fill(PROMPT)
    page.get_by_role("button", name=nl("Check and send")).click()
    stop = page.get_by_role("button", name=nl("Stop"))
    expect(stop).to_be_visible()
    expect(page.locator("#sandbox-answer")).to_contain_text("MIC-melding")
    assert page.locator("#sandbox-checks").count() == 0  # still streaming
    expect(page.locator("#sandbox-answer")).to_contain_text("temazepam 20 mg")
    expect(stop).to_be_hidden()
    assert model.requests[-1]["messages"][-1]["content"] == PROMPT

    # The invented dose is marked; the learner keeps the attempt.
    mark = page.locator(".carai-mark--number").filter(has_text="20 mg")
    expect(mark).to_be_visible()
    visit.check("sandbox-answer", screenshot=True)
    page.get_by_label(re.compile("^" + re.escape(shown("Your reflection")))).fill(
        "Ik controleer doses voortaan altijd."
    )
    page.get_by_role("button", name=nl("Keep this attempt")).click()
    expect(page.get_by_role("heading", level=1, name=nl("Your kept attempt"))).to_be_visible()
    visit.check("sandbox-kept")
    attempt = SandboxAttempt.objects.get()
    assert attempt.answer == ANSWER
    assert any(m["text"] == "20 mg" and m["agreed"] for m in attempt.marks)


def test_stop_checks_the_part_that_came(
    visit: Visit, demo_password: str, model: ModelServer
) -> None:
    case = case_import(data=read_case(CASE_FILE))[0]
    _set_up_model(model)
    model.answer = " ".join(["Dhr. viel om 03:40 naast zijn bed."] * 40)  # about 10 seconds
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    visit.goto(f"/ai-oefenruimte/casus/{case.pk}/")
    page.get_by_label(nl("Your prompt")).fill(PROMPT)
    page.get_by_role("button", name=nl("Check and send")).click()
    expect(page.locator("#sandbox-answer")).to_contain_text("03:40")
    page.get_by_role("button", name=nl("Stop")).click()
    expect(page.get_by_role("heading", level=1, name=nl("Check the answer"))).to_be_visible()
    expect(
        page.get_by_text(
            shown("You stopped the answer. The checks below are about the part that came.")
        )
    ).to_be_visible()
    kept = page.locator("input[name=answer]").first.input_value()
    assert kept.startswith("Dhr. viel om 03:40")
    assert len(kept) < len(model.answer)  # only what came before Stop
    visit.check("sandbox-stopped")


def test_the_lead_offers_the_community_model_and_an_admin_opts_in(
    visit: Visit, demo_password: str, model: ModelServer
) -> None:
    page = visit.page
    visit.log_in("lead@carai.example", demo_password)
    visit.goto("/ai-oefenruimte/community/")
    page.get_by_label(nl("Address (base URL)")).fill(model.url)
    page.get_by_label(nl("Model name")).fill("ok")
    page.get_by_label(nl("Tokens per organisation per month")).fill("50000")
    page.get_by_label(re.compile(shown("offered to partners"), re.IGNORECASE)).check()
    page.get_by_role("button", name=nl("Save")).click()
    expect(page.get_by_role("heading", name=nl("Use per organisation and month"))).to_be_visible()
    visit.check("sandbox-community")

    page.context.clear_cookies()
    organisation = User.objects.get(email=CARE_WORKER).memberships.get().organisation
    tool = AITool.objects.create(
        organisation=organisation,
        name="Oefen-AI van de community (fictief)",
        vendor="Fictief BV",
        purpose="Oefenen met AI",
        status="allowed",
    )
    DataRule.objects.create(tool=tool, category="health", permission="allowed")
    visit.log_in("beheerder@lindehof.example", demo_password)
    visit.goto(f"/ai-oefenruimte/instellingen/{organisation.slug}/")
    page.locator("#id_join-tool").select_option(str(tool.pk))
    page.get_by_role("button", name=nl("Use the community model")).click()
    expect(page.locator("body")).to_contain_text(shown("Your own model"))
    visit.check("sandbox-settings-community")
    endpoint = organisation.sandbox_endpoint
    assert endpoint.community is not None
    assert endpoint.tool == tool
