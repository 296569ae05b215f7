"""A care worker (Sanne, demo community, all fictional) on a phone and on a desktop: the menu
(behind its button on the phone) → Leren → "Begin hier" on Mijn overzicht → the next module
of her path → its last quiz → "Module afgerond" → her path shows the step done."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, ViewportSize, expect

from carai.learning.demo import finish_lesson, load_demo_learning
from carai.learning.models import Enrolment, LessonKind, Module, Question
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import Visit, nl, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community", "demo_learning")]

CARE_WORKER = "zorgmedewerker@lindehof.example"


@pytest.fixture
def demo_learning(demo_community: object) -> None:
    """The shipped modules, with the demo people's progress."""
    load_demo_learning()


def _no_sideways_scroll(page: Page, viewport: ViewportSize, where: str) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{where} scrolls sideways: scrollWidth {width}"


def _menu(page: Page, viewport: ViewportSize) -> Locator:
    """The main menu, opened with its button on a phone."""
    nav = page.get_by_role("navigation", name=nl("Main menu"))
    if viewport["width"] <= 768:
        button = nav.get_by_role("button", name=nl("Menu"))
        expect(button).to_have_attribute("aria-expanded", "false")
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
    return nav


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_care_worker_walks_her_path_and_finishes_a_module(
    visit: Visit, demo_password: str, viewport: ViewportSize
) -> None:
    page = visit.page
    size = "phone" if viewport["width"] <= 768 else "desktop"
    module = Module.objects.get(key="privacy-en-ai", language="nl")
    lessons = list(module.lessons.filter(is_active=True).order_by("order"))
    visit.log_in(CARE_WORKER, demo_password)

    # Mijn overzicht: "Begin hier" with her path; the demo gave her "Wat is AI?" finished and
    # two lessons of "Privacy en AI": that module is her next step.
    start = page.get_by_role("region", name=nl("Start here"))
    expect(start).to_be_visible()
    expect(start).to_contain_text(re.compile(r"1 van \d+ stappen klaar"))
    next_step = start.locator('[aria-current="step"]')
    expect(next_step).to_contain_text(module.title)
    expect(next_step).to_contain_text(shown("next step"))
    going_on = page.get_by_role("region", name=nl("Continue where you were"))
    expect(going_on.get_by_role("link", name=lessons[2].title)).to_be_visible()
    _no_sideways_scroll(page, viewport, "the overview")
    visit.check(f"overview-{size}", screenshot=True)

    # The menu → Leren: the catalogue shows how far she is in each module.
    nav = _menu(page, viewport)
    if size == "phone":
        visit.check("menu-open", screenshot=True)
    with page.expect_navigation():
        nav.get_by_role("link", name=nl("Learn")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Learn"))
    learn = page.get_by_role("navigation", name=nl("Main menu")).get_by_role(
        "link", name=nl("Learn"), include_hidden=True
    )
    expect(learn).to_have_attribute("aria-current", "page")
    card = page.locator(".carai-card").filter(has=page.get_by_role("link", name=module.title))
    expect(card).to_contain_text(f"2 van {len(lessons)} lessen klaar")
    _no_sideways_scroll(page, viewport, "the catalogue")
    visit.check(f"catalogue-{size}", screenshot=True)

    # Back to Mijn overzicht, and on along the path: its next step is the module.
    nav = _menu(page, viewport)
    with page.expect_navigation():
        nav.get_by_role("link", name=nl("My overview")).click()
    with page.expect_navigation():
        page.locator('[aria-current="step"]').get_by_role("link", name=module.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)

    # She did the other lessons in between; the quiz is what is left.
    sanne = Enrolment.objects.get(user__email=CARE_WORKER, module=module)
    quiz = next(lesson for lesson in lessons if lesson.kind == LessonKind.QUIZ)
    for lesson in lessons:
        if lesson != quiz:
            finish_lesson(sanne, lesson)
    page.reload()
    with page.expect_navigation():
        page.get_by_role("link", name=nl("Go on where you left off")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(quiz.title)
    page.get_by_role("button", name=nl("Start the quiz")).click()
    expect(page.get_by_role("button", name=nl("Hand in"))).to_be_visible()
    for question in Question.objects.filter(lesson=quiz).order_by("order"):
        group = page.get_by_role("group", name=re.compile(re.escape(question.text[:60])))
        for option in question.options.filter(is_correct=True):
            group.get_by_label(option.text, exact=True).check()
    visit.check(f"quiz-{size}")
    with page.expect_navigation():
        page.get_by_role("button", name=nl("Hand in")).click()

    # "Module afgerond": certificate and what is next, at the top of the result.
    expect(page.get_by_role("heading", level=1)).to_contain_text("100%")
    finished = page.get_by_role("region", name=nl("Module finished"))
    expect(finished).to_be_visible()
    expect(finished).to_be_in_viewport()
    expect(finished.get_by_role("link", name=nl("See your certificate"))).to_be_visible()
    path_link = finished.get_by_role("link", name=nl("Go on with your path on My overview"))
    expect(path_link).to_be_visible()
    _no_sideways_scroll(page, viewport, "the quiz result")
    visit.check(f"module-finished-{size}", screenshot=True)

    # Her path now shows the module done and points at practising.
    with page.expect_navigation():
        path_link.click()
    start = page.get_by_role("region", name=nl("Start here"))
    done = start.get_by_role("listitem").filter(has=page.get_by_role("link", name=module.title))
    expect(done).to_contain_text(shown("done"))
    expect(start.locator('[aria-current="step"]')).to_contain_text(
        shown("Practise with a fictional case")
    )
    _no_sideways_scroll(page, viewport, "the overview afterwards")
    visit.check(f"overview-after-{size}", screenshot=True)


@pytest.mark.parametrize(
    "viewport",
    [
        {"width": 1025, "height": 768},
        {"width": 1100, "height": 800},
        DESKTOP,
        {"width": 1440, "height": 900},
    ],
)
def test_lead_menu_fits_one_line_on_a_laptop(visit: Visit, demo_password: str) -> None:
    """The community lead has the most menu items (ten, "Uitloggen" included); on every screen
    wider than the phone menu (1,024 pixels) they all sit on one line, so "Uitloggen" does not
    drop onto a row of its own."""
    page = visit.page
    visit.log_in("lead@carai.example", demo_password)
    nav = page.get_by_role("navigation", name=nl("Main menu"))
    expect(nav.get_by_role("link", name=nl("Community management"))).to_be_visible()
    logout = nav.get_by_role("button", name=nl("Log out"))
    expect(logout).to_be_visible()
    tops = nav.locator(".carai-nav__list > li").evaluate_all(
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    assert len(tops) == 10, tops
    assert len(set(tops)) == 1, f"the menu takes {len(set(tops))} lines: {tops}"
    visit.check("lead-menu")
