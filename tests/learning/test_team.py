"""The manager's team page: counts in SQL, a paged and filtered member table, a person picker,
downloads, and a cost that does not grow with the organisation. All people are made up."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.learning.models import Assignment, Enrolment, Module
from carai.learning.services.assignments import (
    assignment_change_due_date,
    assignment_create,
    assignment_withdraw,
)
from tests.conftest import World, client_for
from tests.factories import OrganisationFactory, UserFactory

TODAY = timezone.localdate()  # the conftest sets it again when each test starts


def team_url(world: World, **query: str) -> str:
    url = reverse("learning:team", kwargs={"slug": world.org_a.slug})
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def _finish(user: User, module: Module) -> None:
    Enrolment.objects.update_or_create(
        user=user, module=module, defaults={"completed_at": timezone.now()}
    )


def test_overdue_is_counted_and_found(module: Module, world: World) -> None:
    """Sanne (care worker) finished; a second professional has not and the date passed."""
    late = UserFactory.create(full_name="Lotte Laat (fictief)", email="lotte@zorg-a.example")
    Membership.objects.create(user=late, organisation=world.org_a, role=Role.PROFESSIONAL)
    assignment = assignment_create(
        actor=world.manager,
        organisation=world.org_a,
        module=module,
        role=Role.PROFESSIONAL,
        due_date=TODAY + datetime.timedelta(days=7),
    )
    Assignment.objects.filter(pk=assignment.pk).update(due_date=TODAY - datetime.timedelta(days=1))
    _finish(world.care_worker, module)
    client = client_for(world.manager)

    response = client.get(team_url(world))
    (summary,) = response.context["figures"].summaries
    assert (summary.asked, summary.finished, summary.overdue) == (2, 1, 1)
    assert "Iedereen met de rol Zorgprofessional" in response.content.decode()

    response = client.get(team_url(world, status="overdue"))
    assert [row.user for row in response.context["rows"]] == [late]
    (row,) = response.context["rows"]
    assert row.overdue == [module.title]
    response = client.get(team_url(world, module=module.key, status="finished"))
    assert [row.user for row in response.context["rows"]] == [world.care_worker]
    response = client.get(team_url(world, module=module.key, status="not_started"))
    assert late in [row.user for row in response.context["rows"]]
    assert world.care_worker not in [row.user for row in response.context["rows"]]

    # Finishing it in the other language version counts too (a module counts by its key).
    english = Module.objects.create(
        key=module.key, language="en", title="Test module (EN)", summary="s", status="published"
    )
    _finish(late, english)
    response = client.get(team_url(world, status="overdue"))
    assert response.context["rows"] == []


def test_status_needs_a_module_and_says_so(module: Module, world: World) -> None:
    response = client_for(world.manager).get(team_url(world, status="busy"))
    assert "Kies de module waar het om gaat." in response.content.decode()
    # The filter is not applied, so nobody disappears from the list.
    assert response.context["page"].paginator.count == 5  # everyone of A


def test_team_and_role_filters(module: Module, world: World) -> None:
    Membership.objects.filter(user=world.care_worker, organisation=world.org_a).update(
        team="Wijkteam Noord"
    )
    client = client_for(world.manager)
    response = client.get(team_url(world, team="Wijkteam Noord"))
    assert [row.user for row in response.context["rows"]] == [world.care_worker]
    assert response.context["rows"][0].teams == ["Wijkteam Noord"]
    response = client.get(team_url(world, role="manager"))
    assert [row.user for row in response.context["rows"]] == [world.manager]
    response = client.get(team_url(world, q="sanne"))
    assert [row.user for row in response.context["rows"]] == [world.care_worker]


def test_the_team_learns_also_without_assignments(module: Module, world: World) -> None:
    _finish(world.care_worker, module)
    Enrolment.objects.create(user=world.manager, module=module)
    Enrolment.objects.create(user=world.outsider, module=module)  # another organisation
    response = client_for(world.manager).get(team_url(world))
    (item,) = response.context["figures"].activity
    assert (item.module, item.started, item.finished) == (module, 2, 1)
    assert "Je hebt nog niemand gevraagd" in response.content.decode()


def test_person_picker_finds_only_own_members(world: World) -> None:
    url = reverse("learning:team_people", kwargs={"slug": world.org_a.slug})
    client = client_for(world.manager)
    page = client.get(url, {"persoon": "sanne"}).content.decode()
    assert f'value="{world.care_worker.pk}"' in page
    page = client.get(url, {"persoon": "kevin"}).content.decode()  # of organisation B
    assert "Kevin" not in page
    assert "Niemand in je organisatie" in page
    # Without JavaScript the same search works through the page itself.
    page = client.get(team_url(world, persoon="sanne")).content.decode()
    assert f'id="id_user_{world.care_worker.pk}"' in page


def test_assigning_to_a_person_through_the_picker(module: Module, world: World) -> None:
    due = (TODAY + datetime.timedelta(days=10)).isoformat()
    client = client_for(world.manager)
    response = client.post(
        team_url(world), {"module": module.pk, "user": world.care_worker.pk, "due_date": due}
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.user == world.care_worker
    # Someone of another organisation cannot be posted in.
    response = client.post(
        team_url(world), {"module": module.pk, "user": world.outsider.pk, "due_date": due}
    )
    assert response.status_code == 200
    assert Assignment.objects.count() == 1


def test_module_picker_lists_each_module_once(module: Module, world: World) -> None:
    Module.objects.create(
        key=module.key, language="en", title="Test module (EN)", summary="s", status="published"
    )
    choices = client_for(world.manager).get(team_url(world)).context["form"]["module"]
    titles = [str(label) for value, label in choices.field.choices if value]
    assert titles == [module.title]


def test_change_date_and_withdraw(module: Module, world: World) -> None:
    assignment = assignment_create(
        actor=world.manager,
        organisation=world.org_a,
        module=module,
        role=Role.PROFESSIONAL,
        due_date=TODAY + datetime.timedelta(days=5),
    )
    client = client_for(world.manager)
    edit = reverse(
        "learning:assignment_edit",
        kwargs={"slug": world.org_a.slug, "assignment_id": assignment.pk},
    )
    later = TODAY + datetime.timedelta(days=30)
    assert client.post(edit, {"due_date": later.isoformat()}).status_code == 302
    assignment.refresh_from_db()
    assert assignment.due_date == later
    past = client.post(edit, {"due_date": (TODAY - datetime.timedelta(days=2)).isoformat()})
    assert "verleden" in past.content.decode()  # said on the form, nothing saved
    withdraw = reverse(
        "learning:assignment_withdraw",
        kwargs={"slug": world.org_a.slug, "assignment_id": assignment.pk},
    )
    assert client_for(world.outsider_admin).post(withdraw).status_code == 404
    assert client.post(withdraw).status_code == 302
    assignment.refresh_from_db()
    assert assignment.withdrawn_by == world.manager
    assert client.get(team_url(world)).context["figures"].summaries == []
    assert client.get(edit).status_code == 404  # a withdrawn assignment is gone for good
    with pytest.raises(ValidationError, match="ingetrokken"):
        assignment_change_due_date(assignment=assignment, due_date=later)
    assignment_withdraw(actor=world.manager, assignment=assignment)  # twice: no harm


def test_downloads_hold_everyone_and_no_live_formulas(module: Module, world: World) -> None:
    world.care_worker.full_name = '=HYPERLINK("http://voorbeeld.example","Klik")'
    world.care_worker.save()
    client = client_for(world.manager)
    url = reverse("learning:team_export", kwargs={"slug": world.org_a.slug, "fmt": "csv"})
    response = client.get(url)
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1 + 5  # header and the five people of A
    names = [row[0] for row in rows[1:]]
    assert "'=HYPERLINK" in "".join(names)
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)

    url = reverse("learning:team_export", kwargs={"slug": world.org_a.slug, "fmt": "xlsx"})
    response = client.get(url)
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    sheet = book.worksheets[0]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    formula = [c for c in cells if c.value and str(c.value).startswith("=")]
    assert formula, "the name is kept as it was typed"
    assert all(c.data_type == "s" for c in formula)  # as text, never as a formula
    assert client_for(world.care_worker).get(url).status_code == 404


# The cost of the page does not grow with the organisation --------------------------------


@dataclass
class Cost:
    queries: int = 0
    rows: int = 0
    statements: list[str] = field(default_factory=list)


@contextmanager
def measured() -> Iterator[Cost]:
    """Count the queries and the rows they return (each SELECT is counted again, as
    SELECT COUNT(*) over it, with the same parameters)."""
    cost = Cost()
    seen: list[tuple[str, Any]] = []

    def wrapper(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        seen.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield cost
    for sql, params in seen:
        cost.queries += 1
        cost.statements.append(sql)
        if sql.lstrip().upper().startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS fetched", params)  # noqa: S608
                cost.rows += cursor.fetchone()[0]


def _large_organisation(size: int, module: Module, manager: User) -> Organisation:
    """An organisation of ``size`` made-up people in 5 teams and 2 roles, a quarter of them
    started the module and an eighth finished it, with two assignments (the professionals'
    overdue). Every filter of the test matches at least a page of people at either size."""
    organisation = OrganisationFactory.create(name=f"Groot {size} (fictief)", slug=f"groot-{size}")
    users = User.objects.bulk_create(
        User(email=f"p{size}-{n}@groot.example", full_name=f"Persoon {n:05d}", password="!")
        for n in range(size)
    )
    Membership.objects.bulk_create(
        Membership(
            user=user,
            organisation=organisation,
            role=Role.PROFESSIONAL if n % 10 else Role.STUDENT,
            student_level="" if n % 10 else "mbo",
            team=f"Team {n % 5}",
        )
        for n, user in enumerate(users)
    )
    Membership.objects.create(user=manager, organisation=organisation, role=Role.MANAGER)
    Enrolment.objects.bulk_create(
        Enrolment(user=user, module=module, completed_at=timezone.now() if n % 8 == 0 else None)
        for n, user in enumerate(users)
        if n % 4 == 0
    )
    for role, days in ((Role.STUDENT, 20), (Role.PROFESSIONAL, 10)):
        assignment = assignment_create(
            actor=manager,
            organisation=organisation,
            module=module,
            role=role,
            due_date=TODAY + datetime.timedelta(days=days),
        )
    Assignment.objects.filter(pk=assignment.pk).update(due_date=TODAY - datetime.timedelta(days=1))
    return organisation


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"status": "overdue"},
        {"module": "testmodule", "status": "not_started", "q": "persoon"},
        {"role": "professional", "module": "testmodule"},
        {"pagina": "3"},
    ],
)
def test_page_cost_is_the_same_for_100_and_10000_people(
    module: Module, world: World, query: dict[str, str]
) -> None:
    costs = {}
    for size in (100, 10_000):
        organisation = _large_organisation(size, module, world.manager)
        client = client_for(world.manager)
        url = reverse("learning:team", kwargs={"slug": organisation.slug})
        client.get(url)  # warm: sessions, content types
        cache.clear()  # the figures worked out afresh, as after a write
        with measured() as cost:
            response = client.get(url, query)
        assert response.status_code == 200
        assert len(response.context["rows"]) == 25  # one page, whatever the size
        costs[size] = (cost, len(response.content))
    small, large = costs[100], costs[10_000]
    assert small[0].queries == large[0].queries, (small[0].statements, large[0].statements)
    assert small[0].rows == large[0].rows
    assert large[1] < 200_000  # bytes of HTML


def _figures(client: Any, world: World) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    figures = client.get(team_url(world)).context["figures"]
    return (
        [(s.asked, s.finished, s.overdue) for s in figures.summaries],
        [(a.started, a.finished) for a in figures.activity],
    )


def test_cached_figures_follow_every_write_they_count(module: Module, world: World) -> None:
    """The per-module counts are kept in the cache (as with Redis in production) and each
    write they count outdates them: a new assignment, a start, a finish, a new member, a
    member leaving, a withdrawn assignment."""
    client = client_for(world.manager)
    assert _figures(client, world) == ([], [])
    assignment = assignment_create(
        actor=world.manager,
        organisation=world.org_a,
        module=module,
        role=Role.PROFESSIONAL,
        due_date=TODAY + datetime.timedelta(days=7),
    )
    assert _figures(client, world) == ([(1, 0, 0)], [])
    enrolment = Enrolment.objects.create(user=world.care_worker, module=module)
    assert _figures(client, world) == ([(1, 0, 0)], [(1, 0)])
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    assert _figures(client, world) == ([(1, 1, 0)], [(1, 1)])
    newcomer = UserFactory.create(full_name="Nieuw Lid (fictief)", email="nieuw@zorg-a.example")
    membership = Membership.objects.create(
        user=newcomer, organisation=world.org_a, role=Role.PROFESSIONAL
    )
    assert _figures(client, world) == ([(2, 1, 0)], [(1, 1)])
    membership.ended_at = timezone.now()
    membership.save()
    assert _figures(client, world) == ([(1, 1, 0)], [(1, 1)])
    assignment_withdraw(actor=world.manager, assignment=assignment)
    assert _figures(client, world) == ([], [(1, 1)])


def test_cached_member_count_and_module_list_follow_writes(module: Module, world: World) -> None:
    """The member count and the module list of the filter and the assignment form are kept
    in the cache; a new member, a member leaving, a module's new title and a module taken
    back from publication show on the next view."""
    client = client_for(world.manager)

    def seen() -> tuple[int, list[str], list[str]]:
        response = client.get(team_url(world))
        filter_titles = [t for _k, t in response.context["filter_form"].fields["module"].choices]
        form_titles = [str(t) for _k, t in response.context["form"].fields["module"].widget.choices]
        return response.context["page"].paginator.count, filter_titles[1:], form_titles[1:]

    count, filter_titles, form_titles = seen()
    assert filter_titles == form_titles == [module.title]
    newcomer = UserFactory.create(full_name="Nieuw Lid (fictief)", email="nieuw@zorg-a.example")
    membership = Membership.objects.create(
        user=newcomer, organisation=world.org_a, role=Role.PROFESSIONAL
    )
    assert seen()[0] == count + 1
    membership.ended_at = timezone.now()
    membership.save()
    assert seen()[0] == count
    module.title = "Nieuwe titel (fictief)"
    module.save()
    assert seen()[1:] == (["Nieuwe titel (fictief)"], ["Nieuwe titel (fictief)"])
    module.status = "draft"
    module.save()
    assert seen()[1:] == ([], [])


def test_cached_assignments_follow_a_new_date_and_a_new_title(module: Module, world: World) -> None:
    client = client_for(world.manager)
    assignment = assignment_create(
        actor=world.manager,
        organisation=world.org_a,
        module=module,
        role=Role.PROFESSIONAL,
        due_date=TODAY + datetime.timedelta(days=7),
    )

    def shown() -> list[tuple[datetime.date, str]]:
        figures = client.get(team_url(world)).context["figures"]
        return [(s.assignment.due_date, s.assignment.module.title) for s in figures.summaries]

    assert shown() == [(TODAY + datetime.timedelta(days=7), module.title)]
    assignment_change_due_date(assignment=assignment, due_date=TODAY + datetime.timedelta(days=9))
    assert shown() == [(TODAY + datetime.timedelta(days=9), module.title)]
    module.title = "Nieuwe titel (fictief)"
    module.save()
    assert shown() == [(TODAY + datetime.timedelta(days=9), "Nieuwe titel (fictief)")]


def test_the_module_list_is_per_organisation(module: Module, world: World) -> None:
    """An organisation's own module is in its own list only, also when another
    organisation's list was cached first."""
    module.owner = world.org_b
    module.save()

    def titles(user: User, slug: str) -> list[str]:
        url = reverse("learning:team", kwargs={"slug": slug})
        form = client_for(user).get(url).context["form"]
        return [str(t) for _k, t in form.fields["module"].widget.choices][1:]

    assert titles(world.outsider_admin, world.org_b.slug) == [module.title]
    assert titles(world.manager, world.org_a.slug) == []


def test_figures_are_worked_out_once_until_a_write(module: Module, world: World) -> None:
    _finish(world.care_worker, module)
    client = client_for(world.manager)
    client.get(team_url(world))
    with measured() as first:
        client.get(team_url(world))
    cache.clear()
    with measured() as cold:
        client.get(team_url(world))
    # The cached view skips the aggregate over the whole organisation.
    assert first.queries < cold.queries
    assert not any("COUNT(DISTINCT" in sql.upper() for sql in first.statements)
    assert any("COUNT(DISTINCT" in sql.upper() for sql in cold.statements)


def test_a_saved_lesson_position_does_not_outdate_the_figures(module: Module, world: World) -> None:
    enrolment = Enrolment.objects.create(user=world.care_worker, module=module)
    client = client_for(world.manager)
    client.get(team_url(world))
    enrolment.last_lesson = module.lessons.first()
    enrolment.save(update_fields=["last_lesson"])
    with measured() as cost:
        client.get(team_url(world))
    assert not any("COUNT(DISTINCT" in sql.upper() for sql in cost.statements)


@pytest.mark.parametrize("query", [{}, {"role": "professional"}, {"team": "Team 1"}, {"q": "0001"}])
def test_the_cheap_member_count_agrees_with_the_list(
    module: Module, world: World, query: dict[str, str]
) -> None:
    """Without a name or status filter the table's count comes from the memberships alone;
    it must match the people the table pages through (someone with two roles counts once,
    someone who left does not count)."""
    organisation = _large_organisation(60, module, world.manager)
    twice = User.objects.get(email="p60-1@groot.example")
    Membership.objects.create(user=twice, organisation=organisation, role=Role.AI_COACH)
    left = User.objects.get(email="p60-2@groot.example")
    Membership.objects.filter(user=left, organisation=organisation).update(ended_at=timezone.now())
    response = client_for(world.manager).get(
        reverse("learning:team", kwargs={"slug": organisation.slug}), query
    )
    page = response.context["page"]
    people = [row.user for row in response.context["rows"]]
    assert left not in people
    everyone = User.objects.filter(
        pk__in=Membership.objects.active_in(organisation=organisation).values("user_id")
    )
    if query.get("role"):
        everyone = everyone.filter(
            memberships__organisation=organisation,
            memberships__role=query["role"],
            memberships__ended_at=None,
        )
    if query.get("team"):
        everyone = everyone.filter(
            memberships__organisation=organisation,
            memberships__team=query["team"],
            memberships__ended_at=None,
        )
    if query.get("q"):
        everyone = everyone.filter(full_name__icontains=query["q"])
    assert page.paginator.count == everyone.distinct().count()
