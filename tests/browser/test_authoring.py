"""Making modules in the platform, sharing them with the community, and workshop sessions.

1. An educator of Lindehof makes a module (one failed try with an empty title first), adds a
   text lesson (with the Markdown preview), a quiz with a question and another text lesson,
   moves the last lesson up with the keyboard, looks at it as a learner and publishes it.
2. A published module is only for its own organisation until the community lead shares it.
3. A care worker sees the planned session of a workshop lesson, signs off and signs up again.
4. The educator's module page with its move buttons fits a phone screen.
"""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from playwright.sync_api import Dialog, Locator, Page, expect

from carai.accounts.models import User
from carai.community.models import Organisation
from carai.learning.content import ModuleFields
from carai.learning.demo import load_demo_authoring
from carai.learning.models import Lesson, Module, ModuleStatus, WorkshopRegistration
from carai.learning.services import authoring
from tests.browser.conftest import PHONE
from tests.browser.helpers import Visit, nl, nl_start, shown, warn_target_size

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

EDUCATOR = "opleider@lindehof.example"
CARE_WORKER = "zorgmedewerker@lindehof.example"
LEAD = "lead@carai.example"
OTHER_CARE_WORKER = "zorgmedewerker@debrug.example"
DEMO_MODULE = "Spraakherkenning bij de overdracht (Lindehof, oefenmodule)"


def _label(text: str) -> re.Pattern[str]:
    optional = re.escape(shown("optional"))
    return re.compile(r"^\s*" + re.escape(text) + r"(?:\s*\(" + optional + r"\))?\s*$")


def field(msgid: str) -> re.Pattern[str]:
    """A form label: the Dutch text of ``msgid``, maybe followed by "(optional)"."""
    return _label(shown(msgid))


def numbered(msgid: str, number: int) -> re.Pattern[str]:
    """A numbered label or legend ("Answer 2"), maybe followed by "(optional)"."""
    return _label(shown(msgid) % {"number": number})


def containing(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text))


def plural(singular: str, plural_: str, count: int) -> str:
    """The Dutch text of a {% blocktranslate count %} message, filled in."""
    with translation.override("nl"):
        text = translation.ngettext(singular, plural_, count)
    return text % {"counter": count}


def log_out(visit: Visit) -> None:
    nav = visit.page.get_by_role("navigation", name=nl("Main menu"))
    nav.get_by_role("button", name=nl("Log out")).click()
    expect(visit.page).to_have_url(visit.url("/account/inloggen/"))
    expect(visit.page.get_by_role("heading", level=1)).to_have_text(nl("Log in"))


def search_catalogue(visit: Visit, text: str) -> None:
    """Search with the button: pressing Enter would also fire the search-as-you-type
    request 400 ms later, which can change the URL while the test goes on."""
    page = visit.page
    nav = page.get_by_role("navigation", name=nl("Main menu"))
    nav.get_by_role("link", name=nl("Learn")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Learn"))
    page.get_by_label(nl("Search")).fill(text)
    with page.expect_response(re.compile(r"/leren/\?q=")):
        page.get_by_role("search").get_by_role("button", name=nl("Search")).click()
    expect(page).to_have_url(re.compile(r"[?&]q="))
    # A request still running (or queued behind it by hx-sync "queue last") whose answer is
    # swapped in and pushed to the URL after the test clicked a result stops that navigation
    # (seen on CI on a busy machine). htmx marks the form while a request runs and starts a
    # queued one in the same task that ends the first, so no mark means nothing is left.
    page.wait_for_function("() => !document.querySelector('.htmx-request')")


def lesson_titles(page: Page) -> list[str]:
    return [
        t.strip()
        for t in page.locator("#lesson-list .carai-authoring-lesson__title a").all_inner_texts()
    ]


def move_button(page: Page, title: str, direction: str) -> Locator:
    msgid = "Move “%(title)s” up" if direction == "up" else "Move “%(title)s” down"
    return page.get_by_role("button", name=shown(msgid) % {"title": title}, exact=True)


def published_module(title: str, *, lessons: int = 1) -> Module:
    """A module of Lindehof, made and published through the service layer (not the UI)."""
    educator = User.objects.get(email=EDUCATOR)
    lindehof = Organisation.objects.get(slug="lindehof")
    draft = draft_module(title, lessons=lessons)
    module = authoring.module_publish(actor=educator, module=draft)
    assert module.owner == lindehof
    return module


def draft_module(title: str, *, lessons: int = 1, titles: list[str] | None = None) -> Module:
    """A draft module of Lindehof with text lessons, made through the service layer."""
    educator = User.objects.get(email=EDUCATOR)
    lindehof = Organisation.objects.get(slug="lindehof")
    draft = authoring.module_create(
        actor=educator,
        organisation=lindehof,
        fields=ModuleFields(
            language="nl",
            title=title,
            summary="Een verzonnen module om te testen.",
            objectives=["Je kunt uitleggen wat de test doet."],
            roles=[],
            levels=[],
            branches=[],
            estimated_minutes=15,
            format="e-learning",
            licence="CC BY-SA 4.0",
            validity_months=24,
            references=[],
        ),
    )
    for lesson_title in titles or [f"Les {number}" for number in range(1, lessons + 1)]:
        lesson = authoring.lesson_create(module=draft, kind="text", title=lesson_title)
        authoring.lesson_update(lesson=lesson, body="Een **verzonnen** tekst.")
    return draft


def test_educator_makes_and_publishes_a_module(visit: Visit, demo_password: str) -> None:
    page = visit.page
    title = "Slim rapporteren met een taalmodel (testmodule)"
    first, quiz, last = "Wat is een taalmodel?", "Korte toets", "Samenvatting"
    visit.log_in(EDUCATOR, demo_password)

    # From My overview to "Make modules".
    page.get_by_role("link", name=nl("Make modules for your organisation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Make modules"))
    visit.check("authoring-home", screenshot=True)
    lindehof = Organisation.objects.get(slug="lindehof")
    new_module = shown("New module for %(name)s") % {"name": lindehof.name}
    page.get_by_role("link", name=new_module, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(new_module)
    visit.check("module-form")

    # Everything but the title: an error, and nothing that was typed is lost.
    summary = "Je leert hoe een taalmodel helpt bij het rapporteren, en waar je op let."
    objectives = "Je kunt uitleggen wat een taalmodel doet.\nJe controleert altijd de tekst."
    sources = "AI Act | https://eur-lex.europa.eu/eli/reg/2024/1689/oj"
    page.get_by_label(field("Summary")).fill(summary)
    page.get_by_label(field("Learning objectives")).fill(objectives)
    page.get_by_label(nl("Care professional")).check()
    page.get_by_label(nl("Student")).check()
    page.get_by_label(field("Time needed (minutes)")).fill("20")
    page.get_by_label(field("Format")).select_option("blended")
    page.get_by_label(field("Sources")).fill(sources)
    with page.expect_navigation():
        page.get_by_role("button", name=nl("Make the module")).click()
    errors = page.get_by_role("alert")
    expect(errors).to_contain_text(shown("Not saved yet. Please check the following:"))
    expect(errors).to_contain_text(shown("This field is required."))
    expect(errors.get_by_role("link", name=nl("Title"))).to_be_visible()
    expect(errors).to_be_focused()
    title_box = page.get_by_label(field("Title"))
    expect(title_box).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(field("Summary"))).to_have_value(summary)
    expect(page.get_by_label(field("Learning objectives"))).to_have_value(objectives)
    expect(page.get_by_label(nl("Care professional"))).to_be_checked()
    expect(page.get_by_label(nl("Student"))).to_be_checked()
    expect(page.get_by_label(nl("Manager"))).not_to_be_checked()
    expect(page.get_by_label(field("Time needed (minutes)"))).to_have_value("20")
    expect(page.get_by_label(field("Format"))).to_have_value("blended")
    expect(page.get_by_label(field("Sources"))).to_have_value(sources)
    visit.check("module-form-title-missing", screenshot=True)

    # The error summary links to the field.
    errors.get_by_role("link", name=nl("Title")).click()
    expect(title_box).to_be_focused()
    title_box.fill(title)
    with page.expect_navigation():
        page.get_by_role("button", name=nl("Make the module")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("status")).to_contain_text(
        shown("The module has been made. Now add lessons.")
    )
    expect(page.get_by_text(shown("No lessons yet. Add the first one below."))).to_be_visible()
    visit.check("module-made", screenshot=True)
    module = Module.objects.get(title=title)
    assert module.status == ModuleStatus.DRAFT
    assert module.roles == ["professional", "student"]

    # Lesson 1: text, with the preview of the Markdown.
    def add_lesson(kind_msgid: str, lesson_title: str) -> None:
        page.get_by_label(field("Kind of lesson")).select_option(label=shown(kind_msgid))
        page.get_by_label(field("Title")).fill(lesson_title)
        with page.expect_navigation():
            page.get_by_role("button", name=nl("Add the lesson")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson_title)

    add_lesson("Text", first)
    visit.check("lesson-text-new")
    page.get_by_label(field("Text")).fill(
        "Een taalmodel voorspelt woorden. Controleer **altijd** wat het schrijft.\n\n"
        "- Lees de tekst na.\n- Noem geen namen van cliënten."
    )
    preview = page.get_by_role("region", name=nl("How learners see the text"))
    expect(preview).to_contain_text(shown("Press the button above to see the text."))
    page.get_by_role("button", name=nl("Show the text as learners see it")).click()
    expect(preview.locator("strong")).to_have_text("altijd")
    expect(preview.get_by_role("listitem")).to_have_count(2)
    expect(preview).not_to_contain_text("**")
    visit.check("lesson-text-preview", screenshot=True)
    with page.expect_navigation():
        page.get_by_role("button", name=nl("Save the lesson")).click()
    expect(page.get_by_role("status")).to_contain_text(shown("The lesson has been saved."))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # Lesson 2: a quiz; saving it goes on to its first question.
    add_lesson("Quiz", quiz)
    page.get_by_label(field("Text")).fill("Eén vraag over het nalezen.")
    expect(page.get_by_label(field("Pass mark (%)"))).to_have_value("70")
    with page.expect_navigation():
        page.get_by_role("button", name=nl("Save the lesson")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("New question"))
    visit.check("question-new", screenshot=True)
    question = "Wat doe je met de tekst die een taalmodel voor je schrijft?"
    page.get_by_label(field("Kind of question")).select_option("single")
    page.get_by_label(field("Question")).fill(question)
    answers = [
        ("Ik lees hem na en verbeter fouten.", True, "Goed: jij blijft verantwoordelijk."),
        ("Ik sla hem meteen op.", False, "Niet doen: een taalmodel maakt fouten."),
    ]
    for number, (text, correct, feedback) in enumerate(answers, start=1):
        row = page.get_by_role("group", name=numbered("Answer %(number)s", number))
        row.get_by_label(numbered("Answer %(number)s", number)).fill(text)
        if correct:
            row.get_by_label(numbered("Answer %(number)s is correct", number)).check()
        row.get_by_label(numbered("Why answer %(number)s is right or wrong", number)).fill(feedback)
    with page.expect_navigation():
        page.get_by_role("button", name=nl("Save the question")).click()
    expect(page.get_by_role("status")).to_contain_text(shown("The question has been saved."))
    expect(page.get_by_role("heading", level=1)).to_have_text(quiz)
    expect(page.get_by_role("link", name=question)).to_be_visible()
    expect(page.get_by_text(plural("%(counter)s answer", "%(counter)s answers", 2))).to_be_visible()
    visit.check("quiz-with-question", screenshot=True)
    page.get_by_role("link", name=title, exact=True).click()  # the breadcrumb
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # Lesson 3: text.
    add_lesson("Text", last)
    page.get_by_label(field("Text")).fill("Je weet nu hoe je *veilig* rapporteert.")
    with page.expect_navigation():
        page.get_by_role("button", name=nl("Save the lesson")).click()
    assert lesson_titles(page) == [first, quiz, last]
    visit.check("module-three-lessons", screenshot=True)

    # Move the last lesson up with the keyboard (htmx): the new order, focus stays with it.
    move_button(page, last, "up").press("Enter")
    expect(page.locator("#lesson-list .carai-authoring-lesson__title a")).to_have_text(
        [first, last, quiz]
    )
    focused = page.locator(":focus")
    expect(focused).to_have_count(1)
    expect(focused).to_contain_text(last)
    expect(focused).to_have_attribute("data-carai-focus", "")
    expect(page.locator("#carai-live")).to_have_text(shown("Moved up."))
    visit.check("lesson-moved-up", screenshot=True)
    page.reload()
    assert lesson_titles(page) == [first, last, quiz]
    assert [lesson.title for lesson in Lesson.objects.filter(module=module).order_by("order")] == [
        first,
        last,
        quiz,
    ]

    # See it as a learner: step through the three lessons.
    page.get_by_role("link", name=nl("See it as a learner")).click()
    steps = [first, last, quiz]
    for position, lesson_title in enumerate(steps, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson_title)
        expect(
            page.get_by_text(
                shown("Lesson %(position)s of %(total)s") % {"position": position, "total": 3}
            )
        ).to_be_visible()
        expect(
            page.get_by_text(
                shown("Preview: this is how learners see the lesson. Nothing you do here is saved.")
            )
        ).to_be_visible()
        visit.check(f"preview-{position}", screenshot=position != 2)
        if position == 1:
            expect(page.locator("main strong").filter(has_text="altijd")).to_be_visible()
        lessons_nav = page.get_by_role("navigation", name=nl("Lessons"))
        if position < len(steps):
            lessons_nav.get_by_role("link", name=containing(shown("Next lesson"))).click()
        else:
            expect(page.get_by_text(question)).to_be_visible()
            expect(page.get_by_text(answers[0][0])).to_be_visible()
            expect(
                lessons_nav.get_by_role("link", name=containing(shown("Next lesson")))
            ).to_have_count(0)
    page.get_by_role("link", name=nl("Back to editing")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # Publish in the organisation.
    with page.expect_navigation():
        page.get_by_role("button", name=nl("Publish in my organisation")).click()
    published = shown(
        "Published: version %(version)s. Learners of your organisation can now find it."
    ) % {"version": 1}
    expect(page.get_by_role("status")).to_contain_text(published)
    expect(page.locator(".carai-facts")).to_contain_text(shown("Published in your organisation"))
    expect(page.get_by_role("button", name=nl("Change this module"))).to_be_visible()
    expect(move_button(page, last, "up")).to_have_count(0)
    visit.check("module-published", screenshot=True)
    module.refresh_from_db()
    assert module.status == ModuleStatus.PUBLISHED
    assert module.version == 1


def test_lead_shares_a_module_with_the_community(visit: Visit, demo_password: str) -> None:
    page = visit.page
    title = "Verzonnen module over dicteren (alleen Lindehof)"
    module = published_module(title, lessons=2)
    no_results = shown("No modules match your search. Try fewer words or remove a filter.")

    # Lindehof's own care worker finds it.
    visit.log_in(CARE_WORKER, demo_password)
    search_catalogue(visit, "dicteren")
    expect(page.get_by_role("link", name=title)).to_be_visible()
    visit.check("lindehof-finds-it", screenshot=True)
    log_out(visit)

    # A care worker of De Brug does not: not in the catalogue, and not by its address.
    visit.log_in(OTHER_CARE_WORKER, demo_password)
    search_catalogue(visit, "dicteren")
    expect(page.get_by_text(no_results)).to_be_visible()
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    visit.check("debrug-does-not-find-it", screenshot=True)
    visit.allow_console_error(r"status of 404")
    response = visit.goto(f"/leren/modules/{module.pk}/")
    assert response.status == 404
    expect(page.get_by_text(title)).to_have_count(0)
    visit.check("debrug-module-404")
    log_out(visit)

    # The community lead reads it and shares it.
    visit.log_in(LEAD, demo_password)
    # (Also a step of the lead's "Begin hier" path: the same page.)
    page.get_by_role("link", name=nl("Share modules with the community")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        nl("Share modules with the community")
    )
    row = page.locator(".carai-share-row").filter(has=page.get_by_role("link", name=title))
    expect(row.get_by_role("button", name=nl_start("Share with the community"))).to_be_visible()
    visit.check("sharing-list", screenshot=True)
    row.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les 1")
    visit.check("sharing-preview")
    page.get_by_role("link", name=nl("Back to sharing modules")).click()
    with page.expect_navigation():
        row.get_by_role("button", name=nl_start("Share with the community")).click()
    shared = shown("“%(title)s” is now shared with the whole community.") % {"title": title}
    expect(page.get_by_role("status")).to_contain_text(shared)
    expect(row).to_contain_text(shown("Published, shared with the community"))
    expect(row.get_by_role("button", name=nl_start("Stop sharing"))).to_be_visible()
    visit.check("sharing-shared", screenshot=True)
    module.refresh_from_db()
    assert module.shared
    log_out(visit)

    # Now De Brug's care worker finds it, and can open it.
    visit.log_in(OTHER_CARE_WORKER, demo_password)
    search_catalogue(visit, "dicteren")
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("button", name=nl("Start this module"))).to_be_visible()
    visit.check("debrug-finds-it", screenshot=True)


def test_care_worker_signs_up_for_a_workshop(visit: Visit, demo_password: str) -> None:
    load_demo_authoring()  # Lindehof's own module, a planned session, Sanne signed up
    page = visit.page
    module = Module.objects.live().get(title=DEMO_MODULE)
    registration = WorkshopRegistration.objects.get(
        user__email=CARE_WORKER, session__lesson__module=module
    )
    session = registration.session
    visit.log_in(CARE_WORKER, demo_password)

    search_catalogue(visit, "Spraakherkenning")
    card = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=DEMO_MODULE))
    # Signing up for the session already enrolled her in the module: its progress shows.
    lessons = module.lessons.filter(is_active=True).count()
    progress = shown("%(done)s of %(total)s lessons done") % {"done": 0, "total": lessons}
    expect(card).to_contain_text(progress)
    page.get_by_role("link", name=DEMO_MODULE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_MODULE)
    expect(page.get_by_role("button", name=nl("Start this module"))).to_have_count(0)
    expect(page.get_by_role("link", name=nl("Go on where you left off"))).to_be_visible()
    visit.check("demo-module", screenshot=True)

    page.get_by_role("link", name="Oefenen in de groep").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Oefenen in de groep")
    expect(page.get_by_role("heading", level=2, name=nl("Sessions"))).to_be_visible()
    item = page.locator(".carai-session")
    expect(item).to_have_count(1)
    expect(item).to_contain_text(session.location)
    expect(item).to_contain_text(shown("You have signed up."))
    visit.check("workshop-signed-up", screenshot=True)

    with page.expect_navigation():
        item.get_by_role("button", name=nl_start("Sign off")).click()
    expect(page.get_by_role("status")).to_contain_text(shown("You have signed off."))
    places = plural("%(counter)s place left", "%(counter)s places left", session.capacity)
    expect(item).to_contain_text(places)
    expect(item.get_by_role("button", name=nl_start("Sign off"))).to_have_count(0)
    visit.check("workshop-signed-off", screenshot=True)
    assert not WorkshopRegistration.objects.filter(pk=registration.pk).exists()

    with page.expect_navigation():
        item.get_by_role("button", name=nl_start("Sign up")).click()
    expect(page.get_by_role("status")).to_contain_text(shown("You have signed up. See you there!"))
    expect(item).to_contain_text(shown("You have signed up."))
    expect(item.get_by_role("button", name=nl_start("Sign off"))).to_be_visible()
    visit.check("workshop-signed-up-again")
    assert WorkshopRegistration.objects.filter(user__email=CARE_WORKER, session=session).exists()


@pytest.mark.parametrize("viewport", [PHONE])
def test_module_page_on_a_phone(visit: Visit, demo_password: str) -> None:
    titles = [
        "Wat is een taalmodel en wat kan het niet?",
        "Oefenen met een verzonnen overdrachtsrapportage in de wijkverpleging",
        "Samenvatting",
    ]
    draft = draft_module(
        "Verantwoord werken met taalmodellen in de ouderenzorg (telefoontest)",
        titles=titles,
    )
    page = visit.page
    visit.log_in(EDUCATOR, demo_password)
    visit.goto(f"/leren/maken/{draft.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(draft.title)
    assert lesson_titles(page) == titles

    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"horizontal scrolling: scrollWidth {scroll_width}"
    buttons = page.locator("#lesson-list button")
    expect(buttons).to_have_count(4)
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box is not None
        assert box["x"] >= 0, f"a move button sticks out on the left: {box}"
        assert box["x"] + box["width"] <= PHONE["width"], f"a move button sticks out: {box}"
    warn_target_size(page, "#lesson-list")
    visit.check("module-phone", screenshot=True)

    # A move on the phone works the same.
    move_button(page, titles[2], "up").click()
    expect(page.locator("#lesson-list .carai-authoring-lesson__title a")).to_have_text(
        [titles[0], titles[2], titles[1]]
    )
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"horizontal scrolling: scrollWidth {scroll_width}"
    visit.check("module-phone-moved", screenshot=True)


def test_removing_a_lesson_asks_first(visit: Visit, demo_password: str) -> None:
    titles = ["Blijft staan", "Wordt verwijderd"]
    draft = draft_module("Module om te verwijderen (test)", titles=titles)
    lesson = draft.lessons.get(title="Wordt verwijderd")
    page = visit.page
    visit.log_in(EDUCATOR, demo_password)
    visit.goto(f"/leren/maken/{draft.pk}/lessen/{lesson.pk}/")
    remove = page.get_by_role("button", name=nl("Remove the lesson"))
    # "No" in the browser's question: nothing happens.
    page.once("dialog", lambda dialog: dialog.dismiss())
    remove.click()
    expect(page).to_have_url(re.compile(rf"/lessen/{lesson.pk}/$"))
    assert Lesson.objects.filter(pk=lesson.pk).exists()
    # "Yes": the lesson is gone and the module page says so.
    questions: list[str] = []

    def accept(dialog: Dialog) -> None:
        questions.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    remove.click()
    expect(page).to_have_url(re.compile(rf"/leren/maken/{draft.pk}/$"))
    assert questions == [shown("Remove this lesson and everything in it?")]
    assert not Lesson.objects.filter(pk=lesson.pk).exists()
    assert lesson_titles(page) == ["Blijft staan"]
    visit.check("lesson-removed")
