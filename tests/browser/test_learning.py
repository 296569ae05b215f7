"""A care worker finds a module, enrols, does the lessons and the quiz (one wrong answer
first, with feedback), and finishes the module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from carai.learning.content import read_pack
from carai.learning.demo import finish_lesson
from carai.learning.models import Enrolment, Question
from carai.learning.services.content import module_import
from carai.learning.services.progress import enrolment_start
from tests.browser.helpers import Visit, nl, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

PACK = Path(__file__).resolve().parent.parent / "fixtures" / "pack"
CARE_WORKER = "zorgmedewerker@lindehof.example"


def test_care_worker_learns_a_module(visit: Visit, demo_password: str) -> None:
    (data,) = read_pack(PACK)
    module = module_import(data=data)
    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)

    page.get_by_role("link", name=nl("Learn")).first.click()
    visit.check("catalogue")
    page.get_by_label(nl("Search")).fill("testmodule")
    page.get_by_label(nl("Search")).press("Enter")
    expect(page.get_by_role("link", name=module.title)).to_be_visible()
    visit.check("catalogue-search", screenshot=True)
    page.get_by_role("link", name=module.title).click()
    visit.check("module")
    page.get_by_role("button", name=nl("Start this module")).click()

    # Lesson 1: text. Lesson 2: reflection (empty first: a message, nothing lost).
    expect(page.get_by_role("heading", level=1)).to_have_text("Introductie")
    visit.check("lesson-text", screenshot=True)
    page.get_by_role("button", name=nl("Done, next lesson")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Even nadenken")
    page.get_by_role("button", name=nl("Save and go on")).click()
    expect(page.get_by_label(nl("Your answer"))).to_have_attribute("aria-invalid", "true")
    visit.check("lesson-reflection-empty")
    page.get_by_label(nl("Your answer")).fill("Bij het rapporteren (verzonnen).")
    page.get_by_role("button", name=nl("Save and go on")).click()

    # The quiz: first with one wrong answer.
    expect(page.get_by_role("heading", level=1)).to_have_text("Toets")
    page.get_by_role("button", name=nl("Start the quiz")).click()
    visit.check("quiz")

    def answer(wrong_one: bool) -> None:
        for question in Question.objects.filter(lesson__module=module).order_by("order"):
            right = [o for o in question.options.all() if o.is_correct]
            choose = right
            if wrong_one and question.kind == "single":
                choose = [o for o in question.options.all() if not o.is_correct][:1]
            group = page.get_by_role("group", name=re.compile(re.escape(question.text)))
            for option in choose:
                group.get_by_label(option.text, exact=True).check()

    answer(wrong_one=True)
    page.get_by_role("button", name=nl("Hand in")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("67%")
    expect(page.get_by_text("Nee, het zoekt niets op.")).to_be_visible()  # the explanation
    visit.check("quiz-result-failed", screenshot=True)

    page.get_by_role("button", name=nl("Try again")).click()
    answer(wrong_one=False)
    page.get_by_role("button", name=nl("Hand in")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("100%")
    # The last quiz finished the module: "Module afgerond" with the certificate and what next.
    finished = page.get_by_role("region", name=nl("Module finished"))
    expect(finished).to_be_visible()
    expect(page.get_by_role("button", name=nl("Try again"))).to_have_count(0)
    visit.check("quiz-result-passed", screenshot=True)
    enrolment = Enrolment.objects.get(user__email=CARE_WORKER, module=module)
    assert enrolment.completed_at is not None

    finished.get_by_role("link", name=nl("See your certificate")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Certificate"))
    visit.check("certificate", screenshot=True)
    with page.expect_download() as download:
        page.get_by_role("link", name=nl("Download as PDF")).click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    code = page.locator("code").inner_text()
    visit.goto(f"/leren/controleren/{code}/")
    visit.check("certificate-public-check")


def test_manager_assigns_a_module_and_sees_completion(visit: Visit, demo_password: str) -> None:
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    (data,) = read_pack(PACK)
    module = module_import(data=data)
    sanne = get_user_model().objects.get(email=CARE_WORKER)
    page = visit.page
    visit.log_in("manager@lindehof.example", demo_password)
    page.get_by_role("link", name=nl("Learning in the team")).first.click()
    visit.check("team-empty")
    # Ask every care professional, through the form at the bottom of the page.
    form = page.locator("#assign").locator("xpath=following::form[1]")
    form.get_by_label(nl("Module")).select_option(label=module.title)
    form.get_by_label(
        re.compile(nl("Or to everyone with a role").pattern.strip("^$"))
    ).select_option("professional")
    due = timezone.localdate() + timedelta(days=14)
    form.get_by_label(nl("Finished by")).fill(due.isoformat())
    form.get_by_role("button", name=nl("Ask")).click()
    expect(page.get_by_role("status").first).to_contain_text("toegewezen")
    asked = page.get_by_role("table", name=nl("Modules you asked people to do, soonest date first"))
    row = asked.get_by_role("row", name=re.compile(re.escape(module.title)))
    expect(row).to_contain_text(re.compile(r"0 van \d+"))
    # Filter the people on the module: Sanne has not started it.
    filters = page.get_by_role("search")
    filters.get_by_label(nl("Name or e-mail address")).fill("Sanne")
    filters.get_by_label(nl("Module")).select_option(label=module.title)
    people = page.locator("#team-results")
    expect(people.get_by_role("row", name=re.compile("Sanne Verbeek"))).to_contain_text(
        shown("Not started")
    )
    visit.check("team-assigned", screenshot=True)

    # Sanne finishes the module; the manager sees it.
    enrolment = enrolment_start(user=sanne, module=module)
    for lesson in module.lessons.order_by("order"):
        finish_lesson(enrolment, lesson)
    page.reload()
    expect(asked.get_by_role("row", name=re.compile(re.escape(module.title)))).to_contain_text(
        re.compile(r"1 van \d+")
    )
    expect(people.get_by_role("row", name=re.compile("Sanne Verbeek"))).to_contain_text(
        shown("Finished")
    )
    visit.check("team-finished", screenshot=True)
