"""'Begin hier' on Mijn overzicht: a learning path per role, marked done from real progress;
'Ga verder waar je was'; progress per module in the catalogue; cases of one's own branch first.
All data is fictional."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carai.learning.content import read_pack
from carai.learning.demo import finish_lesson
from carai.learning.models import Module
from carai.learning.services.assignments import assignment_create
from carai.learning.services.content import module_import
from carai.learning.services.progress import enrolment_start
from carai.overview.start import continue_at, start_path
from carai.practice.content import read_cases
from carai.practice.models import Case, PracticeAttempt
from carai.practice.services import case_import
from carai.register.models import Guideline
from tests.conftest import FIXTURES, World, client_for


def _module(key: str, title: str) -> Module:
    (data,) = read_pack(FIXTURES / "pack")
    return module_import(data=dataclasses.replace(data, key=key, title=title))


def _case(key: str, branch: str, title: str) -> Case:
    (data,) = read_cases(FIXTURES / "cases")
    return case_import(data=dataclasses.replace(data, key=key, branch=branch, title=title))[0]


def _finish(module: Module, user, lessons: int | None = None) -> None:
    enrolment = enrolment_start(user=user, module=module)
    for lesson in list(module.lessons.filter(is_active=True).order_by("order"))[:lessons]:
        finish_lesson(enrolment, lesson)


def _practise(user, case: Case) -> PracticeAttempt:
    return PracticeAttempt.objects.create(
        user=user, case=case, exercise="privacy", score=100, passed=True
    )


@pytest.fixture
def modules(db: None) -> dict[str, Module]:
    return {
        "wat-is-ai": _module("wat-is-ai", "Wat is AI? (fictief)"),
        "privacy-en-ai": _module("privacy-en-ai", "Privacy en AI (fictief)"),
        "de-regels": _module("de-regels", "De regels (fictief)"),
    }


def test_care_worker_path_is_ordered_and_follows_real_progress(
    world: World, modules: dict[str, Module]
) -> None:
    path = start_path(user=world.care_worker, language="nl")
    assert path is not None
    assert path.name == "care"
    titles = [step.title for step in path.steps]
    assert titles[:2] == ["Wat is AI? (fictief)", "Privacy en AI (fictief)"]
    assert titles[3] == "De regels (fictief)"
    assert len(titles) == 5  # what AI is, privacy, practise, the rules module, the guidelines
    assert path.done_count == 0
    assert path.next_step == path.steps[0]

    _finish(modules["wat-is-ai"], world.care_worker)
    _practise(world.care_worker, _case("testcasus-x", "vvt", "Casus X (fictief)"))
    path = start_path(user=world.care_worker, language="nl")
    assert path is not None
    assert [step.done for step in path.steps] == [True, False, True, False, False]
    assert path.next_step == path.steps[1]

    guideline = Guideline.objects.create(
        organisation=world.org_a,
        version=1,
        title="Richtlijn (fictief)",
        body="Fictieve richtlijn.",
        published_by=world.org_admin,
    )
    guideline.acknowledgements.create(user=world.care_worker)
    path = start_path(user=world.care_worker, language="nl")
    assert path is not None
    assert path.steps[-1].done


def test_a_module_the_community_lacks_is_left_out(world: World, db: None) -> None:
    _module("wat-is-ai", "Wat is AI? (fictief)")
    path = start_path(user=world.care_worker, language="nl")
    assert path is not None
    assert path.steps[0].title == "Wat is AI? (fictief)"
    assert len(path.steps) == 3  # what AI is, practise, the guidelines


@pytest.mark.parametrize(
    ("persona", "name", "last_url"),
    [
        ("manager", "manager", "learning:team"),
        ("privacy_officer", "privacy", "register:guidelines"),
        ("educator", "educator", "learning:authoring_home"),
        ("lead", "lead", "learning:sharing"),
    ],
)
def test_each_role_gets_its_own_path(
    world: World, modules: dict[str, Module], persona: str, name: str, last_url: str
) -> None:
    path = start_path(user=getattr(world, persona), language="nl")
    assert path is not None
    assert path.name == name
    kwargs = {"slug": "zorg-a"} if last_url.startswith(("learning:team", "register")) else {}
    assert path.steps[-1].url == reverse(last_url, kwargs=kwargs)


def test_overview_shows_begin_here_with_the_next_step(
    world: World, modules: dict[str, Module]
) -> None:
    _finish(modules["wat-is-ai"], world.care_worker)
    html = client_for(world.care_worker).get(reverse("overview:dashboard")).content.decode()
    assert "Begin hier" in html
    assert "1 van 5 stappen klaar." in html
    url = reverse("learning:module_detail", kwargs={"module_id": modules["privacy-en-ai"].pk})
    step = html.split('aria-current="step"', 1)[1].split("</li>", 1)[0]
    assert url in step
    assert "volgende stap" in step


def test_continue_where_you_were(world: World, modules: dict[str, Module]) -> None:
    assert continue_at(user=world.care_worker) is None
    module = modules["privacy-en-ai"]
    _finish(module, world.care_worker, lessons=1)
    second = module.lessons.filter(is_active=True).order_by("order")[1]
    found = continue_at(user=world.care_worker)
    assert found is not None
    assert found.url == reverse(
        "learning:lesson", kwargs={"module_id": module.pk, "lesson_id": second.pk}
    )
    assert found.title == second.title

    case = _case("testcasus-y", "ggz", "Casus Y (fictief)")
    _practise(world.care_worker, case)
    found = continue_at(user=world.care_worker)
    assert found is not None
    assert found.url == reverse("practice:case_detail", kwargs={"case_id": case.pk})
    html = client_for(world.care_worker).get(reverse("overview:dashboard")).content.decode()
    assert "Ga verder waar je was" in html
    assert "Casus Y (fictief)" in html

    # A finished module is no place to go back to.
    PracticeAttempt.objects.all().delete()
    _finish(module, world.care_worker)
    assert continue_at(user=world.care_worker) is None


def test_catalogue_shows_progress_per_module(world: World, modules: dict[str, Module]) -> None:
    module = modules["privacy-en-ai"]
    total = module.lessons.filter(is_active=True).count()
    _finish(module, world.care_worker, lessons=2)
    _finish(modules["wat-is-ai"], world.outsider, lessons=1)  # someone else's progress
    html = client_for(world.care_worker).get(reverse("learning:catalogue")).content.decode()
    assert f"2 van {total} lessen klaar" in html
    assert "1 van" not in html


def test_practice_cases_of_ones_own_branch_come_first(world: World, db: None) -> None:
    _case("testcasus-a", "vvt", "A-casus ouderenzorg (fictief)")
    _case("testcasus-b", "ggz", "B-casus ggz (fictief)")
    url = reverse("practice:case_list")
    rows = client_for(world.outsider).get(url).context["rows"]  # Zorg B works in the ggz
    assert rows[0][0].key == "testcasus-b"
    rows = client_for(world.care_worker).get(url).context["rows"]  # Zorg A has no branch
    assert [case.key for case, _, _ in rows][:2] == ["testcasus-a", "testcasus-b"]


def test_begin_here_follows_each_step_through_the_cache(
    world: World, modules: dict[str, Module]
) -> None:
    """ "Begin hier" and "Ga verder" are kept in the cache (as with Redis in production);
    each thing the person does outdates them, and an unchanged page reads no progress."""
    client = client_for(world.care_worker)
    url = reverse("overview:dashboard")

    def page() -> str:
        return client.get(url).content.decode()

    assert "0 van 5 stappen klaar." in page()
    module = modules["wat-is-ai"]
    _finish(module, world.care_worker, lessons=1)  # lesson progress
    second = module.lessons.filter(is_active=True).order_by("order")[1]
    assert second.title in page().split("Ga verder waar je was", 1)[1]
    _finish(module, world.care_worker)  # the module finished
    assert "1 van 5 stappen klaar." in page()
    _practise(world.care_worker, _case("testcasus-z", "vvt", "Casus Z (fictief)"))
    assert "2 van 5 stappen klaar." in page()
    guideline = Guideline.objects.create(
        organisation=world.org_a,
        version=1,
        title="Richtlijn (fictief)",
        body="Fictieve richtlijn.",
        published_by=world.org_admin,
    )
    assert "2 van 5 stappen klaar." in page()
    guideline.acknowledgements.create(user=world.care_worker)
    assert "3 van 5 stappen klaar." in page()

    with CaptureQueriesContext(connection) as captured:
        page()
    assert not [q for q in captured.captured_queries if "learning_lessonprogress" in q["sql"]]


def test_asking_a_module_ticks_off_the_managers_step(
    world: World, modules: dict[str, Module]
) -> None:
    client = client_for(world.manager)
    url = reverse("overview:dashboard")
    before = client.get(url).content.decode()
    assignment_create(
        actor=world.manager,
        organisation=world.org_a,
        module=modules["wat-is-ai"],
        user=world.care_worker,
        due_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    after = client.get(url).content.decode()
    assert "0 van 4 stappen klaar." in before
    assert "1 van 4 stappen klaar." in after
