"""Measuring the effect: a care worker answers the survey before a module (after reading the
consent text), finishes the module, answers the survey after it, and the community lead sees
the change before and after. The organisation admin looks at the demo maturity round. All
people and answers are made up (the demo community)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from carai.accounts.models import User
from carai.community.models import Organisation
from carai.insights.demo import COMMUNITY_TITLE, POST_TITLE, ROUND_TITLE, load_demo_insights
from carai.insights.models import MaturityRound, Survey
from carai.insights.services import surveys
from carai.learning.content import read_pack
from carai.learning.demo import finish_lesson
from carai.learning.models import Enrolment
from carai.learning.services.content import module_import
from carai.learning.services.progress import enrolment_start
from tests.browser.conftest import PHONE
from tests.browser.helpers import Visit, nl, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

PACK = Path(__file__).resolve().parent.parent / "fixtures" / "pack"
CARE_WORKER = "zorgmedewerker@lindehof.example"
LEAD = "lead@carai.example"
ADMIN = "beheerder@lindehof.example"
OTHERS = [
    "manager@lindehof.example",
    "beheerder@lindehof.example",
    "privacy@lindehof.example",
    "aicoach@lindehof.example",
    "opleider@lindehof.example",
]


def _answer_in_browser(visit: Visit, survey: Survey, choice: str) -> None:
    page = visit.page
    visit.goto("/vragenlijsten/lindehof/")
    visit.check(f"survey-list-{survey.pk}")
    page.get_by_role("link", name=survey.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(survey.title)
    # The consent text stands before the first question.
    expect(page.get_by_text(survey.consent_text)).to_be_visible()
    visit.check(f"survey-answer-{survey.pk}", screenshot=True)
    page.get_by_label(nl("I have read this and I agree.")).check()
    for item in survey.items.filter(kind="likert"):
        group = page.get_by_role("group", name=re.compile(re.escape(item.text_nl)))
        group.get_by_label(nl(choice)).check()
    page.get_by_role("button", name=nl("Send my answers")).click()
    expect(page.get_by_text(nl("Thank you for your answers."))).to_be_visible()
    visit.check(f"survey-answered-{survey.pk}")


def _log_in_fresh(visit: Visit, email: str, password: str) -> Page:
    visit.page.context.clear_cookies()
    visit.log_in(email, password)
    return visit.page


def test_pre_post_survey_around_a_module(visit: Visit, demo_password: str) -> None:
    (data,) = read_pack(PACK)
    module = module_import(data=data)
    lindehof = Organisation.objects.get(slug="lindehof")
    educator = User.objects.get(email="opleider@lindehof.example")
    care_worker = User.objects.get(email=CARE_WORKER)
    others = [User.objects.get(email=e) for e in OTHERS]
    for user in [care_worker, *others]:
        enrolment_start(user=user, module=module)
    closes = datetime.date.today() + datetime.timedelta(days=10)
    consent = "Meedoen is vrijwillig (test). Je antwoorden staan onder een code."
    pre = surveys.survey_create(
        organisation=lindehof,
        actor=educator,
        title="Voor de module (test)",
        consent_text=consent,
        template_keys=["ai-literacy"],
        module=module,
    )
    surveys.survey_send(survey=pre, actor=educator, closes_on=closes)
    for number, user in enumerate(others):
        answers = {i.pk: 2 + number % 2 for i in pre.items.all()}
        surveys.survey_respond(survey=pre, user=user, consent=True, answers=answers)

    # The care worker answers before the module.
    _log_in_fresh(visit, CARE_WORKER, demo_password)
    _answer_in_browser(visit, pre, "Disagree")

    # She finishes the module (the lessons themselves are tested in test_learning.py).
    enrolment = Enrolment.objects.get(user=care_worker, module=module)
    for lesson in module.lessons.filter(is_active=True).order_by("order"):
        finish_lesson(enrolment, lesson)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None

    post = surveys.survey_create(
        organisation=lindehof,
        actor=educator,
        title="Na de module (test)",
        consent_text=consent,
        pre_survey=pre,
        module=module,
    )
    surveys.survey_send(survey=post, actor=educator, closes_on=closes)
    # Four others answer after; the care worker's answer is the fifth, which makes the first
    # snapshot of the results (they move only with 5 changed answers).
    for number, user in enumerate(others[:4]):
        answers = {i.pk: 4 + number % 2 for i in post.items.all()}
        surveys.survey_respond(survey=post, user=user, consent=True, answers=answers)
    _answer_in_browser(visit, post, "Totally agree")

    # The community lead sees the change, in a table beside the chart and in words.
    page = _log_in_fresh(visit, LEAD, demo_password)
    visit.goto(f"/vragenlijsten/lindehof/{post.pk}/")
    expect(page.get_by_role("heading", level=2, name=nl("Before and after"))).to_be_visible()
    table = page.get_by_role(
        "table", name=nl("Change per scale for people who answered both times")
    )
    expect(table.get_by_role("rowheader", name=nl("AI literacy"))).to_be_visible()
    expect(page.get_by_text(re.compile("Bij de 5 mensen die beide keren invulden"))).to_be_visible()
    # What the interval and the effect size mean, in plain words.
    page.get_by_text(nl("What do these figures mean?")).first.click()
    expect(page.get_by_text(re.compile("Het 95%-interval")).first).to_be_visible()
    # Each question's answers: a chart beside the table with the same counts.
    expect(page.locator("canvas[data-insights-source]").first).to_be_visible()
    visit.check("lead-sees-the-change", screenshot=True)


def test_admin_sees_the_maturity_round_and_the_lead_the_partners(
    visit: Visit, demo_password: str
) -> None:
    load_demo_insights()
    maturity_round = MaturityRound.objects.get(title=ROUND_TITLE)
    page = _log_in_fresh(visit, ADMIN, demo_password)
    visit.goto("/volwassenheid/lindehof/")
    expect(page.get_by_role("link", name=ROUND_TITLE)).to_be_visible()
    visit.check("maturity-home")
    page.get_by_role("link", name=ROUND_TITLE).click()
    expect(page.get_by_role("table", name=nl("Level and spread per subject"))).to_be_visible()
    visit.check("maturity-results", screenshot=True)
    visit.goto(f"/volwassenheid/lindehof/{maturity_round.pk}/invullen/")
    visit.check("maturity-answer-closed")
    visit.goto("/volwassenheid/lindehof/nieuw/")
    visit.check("maturity-start")
    page = _log_in_fresh(visit, "opleider@lindehof.example", demo_password)
    visit.goto("/vragenlijsten/lindehof/nieuw/")
    for label in ("Only the team of the use case", "Only the use-case teams of the cycle"):
        name = re.compile("^" + re.escape(shown(label, "nl")))  # "(niet verplicht)" follows
        expect(page.get_by_role("combobox", name=name)).to_be_visible()
    visit.check("survey-new")
    page = _log_in_fresh(visit, LEAD, demo_password)
    visit.goto("/community/volwassenheid/")
    expect(page.get_by_text(re.compile("minstens 5 organisaties"))).to_be_visible()
    visit.check("maturity-community")


def test_lead_sends_a_community_survey_and_an_admin_sees_only_their_organisation(
    visit: Visit, demo_password: str
) -> None:
    load_demo_insights()  # has a community survey with answers
    page = _log_in_fresh(visit, LEAD, demo_password)
    visit.goto("/community/vragenlijsten/")
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Community surveys"))
    visit.check("community-surveys")
    closes = datetime.date.today() + datetime.timedelta(days=14)

    def make_and_send(title: str, role: str | None) -> None:
        visit.goto("/community/vragenlijsten/")
        page.get_by_role("link", name=nl("Make a new community survey")).click()
        page.get_by_label(nl("Title")).fill(title)
        page.get_by_label("Tijd voor administratie").check()  # the section's Dutch title
        if role:
            name = re.compile("^" + re.escape(shown("Send to people with the role", "nl")))
            page.get_by_role("combobox", name=name).select_option(label=role)
        visit.check(f"community-survey-new-{bool(role)}")
        page.get_by_role("button", name=nl("Next: the questions")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        visit.check(f"community-survey-edit-{bool(role)}")
        page.get_by_label(nl("Answers possible until")).fill(closes.isoformat())
        page.get_by_role("button", name=nl("Send the survey")).click()

    # To everyone: Lindehof's own pre/post with the same questions went to a group that
    # differs by a few people from Lindehof's part of this one (rule 6): refused, clearly.
    make_and_send("Iedereen (test)", None)
    expect(page.get_by_text(re.compile("Deze groep verschilt minder dan 5 mensen"))).to_be_visible()
    visit.check("community-survey-refused")
    assert Survey.objects.get(title="Iedereen (test)").sent_at is None
    # To the care professionals: far enough apart.
    make_and_send("Tijd voor administratie (test)", "Zorgprofessional")
    expect(
        page.get_by_text(re.compile("De vragenlijst is naar \\d+ mensen gestuurd"))
    ).to_be_visible()
    visit.check("community-survey-sent")
    sent = Survey.objects.get(title="Tijd voor administratie (test)")
    assert sent.is_community
    assert sent.recipients.values("organisation").distinct().count() > 1

    # The demo's community survey: the community, and organisations only where big enough.
    demo = Survey.objects.get(title=COMMUNITY_TITLE)
    visit.goto(f"/community/vragenlijsten/{demo.pk}/")
    expect(page.get_by_role("navigation", name=nl("Show the results of"))).to_be_visible()
    expect(page.locator("#release-explained")).to_contain_text("momentopname")
    visit.check("community-survey-results", screenshot=True)

    # Lindehof's admin sees the same survey for Lindehof's people only (the community's own
    # page answers them 404: tests/insights/test_community_releases.py and the access walk).
    page = _log_in_fresh(visit, ADMIN, demo_password)
    visit.goto(f"/vragenlijsten/lindehof/{demo.pk}/")
    expect(page.get_by_text(re.compile("Je ziet alleen de mensen van"))).to_be_visible()
    expect(page.get_by_role("navigation", name=nl("Show the results of"))).to_have_count(0)
    visit.check("community-survey-own-organisation")


def _tables_fit(visit: Visit, step: str, captions: list[str]) -> None:
    """On a phone no table scrolls sideways (each row is a card, as on the key figures page)
    and each is still a table to a screen reader: rows, a row header and cells, each value
    with its column's name shown before it."""
    page = visit.page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"[{step}] the page scrolls sideways ({width}px)"
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('.carai-table-scroll')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.querySelector('caption').textContent.trim())"""
    )
    assert not too_wide, f"[{step}] these tables scroll sideways on a phone: {too_wide}"
    for caption in captions:
        table = page.get_by_role("table", name=nl(caption)).first
        expect(table).to_be_visible()
        expect(table.get_by_role("rowheader").first).to_be_visible()
        cell = table.get_by_role("cell").first
        header = table.get_by_role("columnheader").nth(1).text_content() or ""
        # The computed content is the shown label and its empty alternative text for screen
        # readers: '"Open tot en met" / ""'.
        content = cell.evaluate("(el) => getComputedStyle(el, '::before').content")
        shown = re.match(r'"((?:[^"\\]|\\.)*)"', content)
        assert shown is not None, (caption, content)
        assert shown.group(1) == header.strip(), (caption, content, header)
    visit.check(step, screenshot=True)


@pytest.mark.parametrize("viewport", [PHONE])
def test_maturity_and_survey_tables_are_cards_on_a_phone(visit: Visit, demo_password: str) -> None:
    load_demo_insights()
    maturity_round = MaturityRound.objects.get(title=ROUND_TITLE)
    post = Survey.objects.get(title=POST_TITLE)
    _log_in_fresh(visit, ADMIN, demo_password)
    visit.goto("/volwassenheid/lindehof/")
    _tables_fit(
        visit, "maturity-home", ["Rounds of the self-assessment", "Level per subject per round"]
    )
    visit.goto(f"/volwassenheid/lindehof/{maturity_round.pk}/")
    _tables_fit(
        visit,
        "maturity-results",
        [
            "Level and spread per subject",
            "Average answer per statement (1 = not true, 4 = fully true)",
        ],
    )
    visit.goto(f"/vragenlijsten/lindehof/{post.pk}/")
    _tables_fit(
        visit,
        "survey-results",
        [
            "Change per scale for people who answered both times",
            "Average score per scale (the mean of a person's answers on that scale)",
        ],
    )
    _log_in_fresh(visit, LEAD, demo_password)
    visit.goto("/community/kpis/")
    _tables_fit(
        visit,
        "key-figures-effect",
        ["Effect: surveys before and after, and AI maturity (groups of at least 5 only)"],
    )
