"""The team page keeps the HTML of its member table (one page of rows, the paging and the
download links) in the cache per organisation, query string, language and day. It must be
the HTML the template writes, follow every write that changes what the table shows, and
never show one organisation's members to another. All people are made up."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Role
from carai.learning.models import Assignment, Enrolment, Module
from carai.learning.services.assignments import assignment_create
from carai.practice.content import read_cases
from carai.practice.models import Case, PracticeAttempt
from carai.practice.services import case_import
from tests.conftest import FIXTURES, World, client_for
from tests.factories import UserFactory

TODAY = timezone.localdate()  # the conftest sets it again when each test starts


@pytest.fixture
def case(db: None) -> Case:
    (data,) = read_cases(FIXTURES / "cases")
    return case_import(data=data)[0]


def _table(world: World, query: str = "", *, htmx: bool = False, language: str = "nl") -> str:
    """The member table as the manager sees it: the htmx answer, or cut from the page."""
    # The language the manager chose (a write that outdates nothing on this page).
    User.objects.filter(pk=world.manager.pk).update(preferred_language=language)
    client = client_for(world.manager)
    url = reverse("learning:team", kwargs={"slug": world.org_a.slug}) + query
    headers = {"HX-Request": "true"} if htmx else {}
    html = client.get(url, headers=headers).content.decode()
    if htmx:
        return html
    start = html.index('<div id="team-results"')
    return html[start : html.index('<h2 class="utrecht-heading-2" id="assign">', start)]


def _row(table: str, name: str) -> str:
    """The row of one person (their name is the row's head)."""
    match = re.search(rf"<tr[^>]*>\s*<th[^>]*>{re.escape(name)}</th>(.*?)</tr>", table, re.S)
    assert match, name
    return match.group(1)


def _ask(world: World, module: Module) -> Assignment:
    """The manager asks every professional to do the module within a week."""
    return assignment_create(
        actor=world.manager,
        organisation=world.org_a,
        module=module,
        role=Role.PROFESSIONAL,
        due_date=TODAY + datetime.timedelta(days=7),
    )


QUERIES = ["", "?role=professional", "?module=testmodule&status=busy", "?pagina=2"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_kept_table_is_the_html_the_template_writes(
    module: Module, world: World, language: str
) -> None:
    """Page and htmx answer, from the cache (second view) and without it: the same HTML."""
    for n in range(30):  # two pages
        person = UserFactory.create(full_name=f"Lid {n:02} <b>(fictief)</b>")
        Membership.objects.create(user=person, organisation=world.org_a, role=Role.PROFESSIONAL)
    Enrolment.objects.create(user=world.care_worker, module=module)
    for query in QUERIES:
        for htmx in (False, True):
            with override_settings(CARAI_CACHE_SHARED=False):
                plain = _table(world, query, htmx=htmx, language=language)
            _table(world, query, htmx=htmx, language=language)
            kept = _table(world, query, htmx=htmx, language=language)
            assert kept == plain
    assert "&lt;b&gt;" in kept
    assert "<b>" not in kept


def _reads(queries: CaptureQueriesContext, table: str) -> int:
    return sum(f'"{table}"' in q["sql"] for q in queries.captured_queries)


def test_a_kept_table_reads_no_member(module: Module, world: World) -> None:
    """The second view of the same table reads neither people nor memberships for it."""
    client = client_for(world.manager)
    url = reverse("learning:team", kwargs={"slug": world.org_a.slug})
    client.get(url)
    with CaptureQueriesContext(connection) as second:
        client.get(url, HTTP_HX_REQUEST="true")
    assert _reads(second, "accounts_user") == 1  # the person logged in, for the session
    for table in ("community_membership", "learning_enrolment", "practice_practiceattempt"):
        assert _reads(second, table) == 0
    # A typed name is a search of its own: never kept, always read.
    for _ in range(2):
        with CaptureQueriesContext(connection) as search:
            client.get(url + "?q=sanne", HTTP_HX_REQUEST="true")
        assert _reads(search, "accounts_user") > 1
        assert _reads(search, "practice_practiceattempt") == 1


def test_the_kept_table_follows_members_names_and_learning(module: Module, world: World) -> None:
    table = _table(world)
    assert "Nieuw Lid (fictief)" not in table
    newcomer = UserFactory.create(full_name="Nieuw Lid (fictief)", email="nieuw@zorg-a.example")
    membership = Membership.objects.create(
        user=newcomer, organisation=world.org_a, role=Role.PROFESSIONAL, team="Noord (fictief)"
    )
    assert "Noord (fictief)" in _row(_table(world), "Nieuw Lid (fictief)")
    membership.team = "Zuid (fictief)"
    membership.save()
    assert "Zuid (fictief)" in _row(_table(world), "Nieuw Lid (fictief)")
    newcomer.full_name = "Andere Naam (fictief)"
    newcomer.save()
    table = _table(world)
    assert "Nieuw Lid (fictief)" not in table
    assert "Andere Naam (fictief)" in table
    membership.ended_at = timezone.now()
    membership.save()
    assert "Andere Naam (fictief)" not in _table(world)

    # What was asked, and finishing it.
    assert "—" in _row(_table(world), world.care_worker.display_name)
    _ask(world, module)
    assert "0 van 1 afgerond" in _row(_table(world), world.care_worker.display_name)
    busy = "?module=testmodule&status=busy"
    assert world.care_worker.display_name not in _table(world, busy)
    enrolment = Enrolment.objects.create(user=world.care_worker, module=module)
    assert world.care_worker.display_name in _table(world, busy)
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    assert "1 van 1 afgerond" in _row(_table(world), world.care_worker.display_name)
    assert world.care_worker.display_name not in _table(world, busy)


def test_the_kept_table_follows_a_date_passing_and_a_new_title(
    module: Module, world: World
) -> None:
    assignment = _ask(world, module)
    assert "Te laat" not in _row(_table(world), world.care_worker.display_name)
    assignment.due_date = TODAY - datetime.timedelta(days=1)
    assignment.save()
    assert module.title in _row(_table(world), world.care_worker.display_name)
    module.title = "Nieuwe titel <i>(fictief)</i>"
    module.save()
    row = _row(_table(world), world.care_worker.display_name)
    assert "Nieuwe titel &lt;i&gt;(fictief)&lt;/i&gt;" in row


def test_the_kept_table_follows_the_calendar(
    module: Module, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Overdue" follows the day: the table kept yesterday is not shown today."""
    Assignment.objects.create(
        organisation=world.org_a,
        module=module,
        role=Role.PROFESSIONAL,
        due_date=TODAY,
        assigned_by=world.manager,
    )
    assert "Te laat" not in _row(_table(world), world.care_worker.display_name)
    tomorrow = TODAY + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert "Te laat" in _row(_table(world), world.care_worker.display_name)


def test_the_kept_table_follows_practice(case: Case, world: World) -> None:
    def passed() -> str:
        row = _row(_table(world), world.care_worker.display_name)
        return re.findall(r'data-label="Oefeningen gehaald">(\d+)', row)[0]

    assert passed() == "0"
    attempt = PracticeAttempt.objects.create(
        user=world.care_worker, case=case, exercise="privacy", score=100, passed=True
    )
    assert passed() == "1"
    attempt.delete()
    assert passed() == "0"


def test_the_kept_table_and_figures_follow_a_new_address(module: Module, world: World) -> None:
    """The links in both (downloads; change date, withdraw) hold the organisation's address."""
    assignment = _ask(world, module)
    edit = f"/team/zorg-a/opdrachten/{assignment.pk}/"
    assert "/team/zorg-a/export.csv" in _table(world)
    assert edit in _page_of(world.manager, "zorg-a")
    world.org_a.slug = "zorg-a-nieuw"
    world.org_a.save()
    assert "/team/zorg-a-nieuw/export.csv" in _table(world)
    page = _page_of(world.manager, "zorg-a-nieuw")
    assert edit.replace("zorg-a", "zorg-a-nieuw") in page
    assert "/team/zorg-a/" not in page


def test_the_kept_table_and_figures_are_per_organisation(module: Module, world: World) -> None:
    """Organisation A's table and figures, kept first, never show on organisation B's page."""
    _ask(world, module)
    page_a = _table(world) + _page_of(world.manager, world.org_a.slug)
    assert world.care_worker.display_name in page_a
    assert "Iedereen met de rol" in page_a
    page_b = _page_of(world.outsider_admin, world.org_b.slug)
    assert world.outsider.display_name in page_b
    assert world.care_worker.display_name not in page_b
    assert "Iedereen met de rol" not in page_b


def _page_of(user: User, slug: str) -> str:
    url = reverse("learning:team", kwargs={"slug": slug})
    return client_for(user).get(url).content.decode()


def test_the_kept_table_is_per_language(world: World) -> None:
    assert 'data-label="Oefeningen gehaald"' in _table(world, language="nl")
    english = _table(world, language="en")
    assert 'data-label="Exercises passed"' in english
    assert "Oefeningen" not in english
