"""The attendance of an event and the history of a register tool are paged: the queries and
the rows they fetch are the same for 100 and for 10,000 rows, and saving one page of
attendance leaves the other pages alone. Everyone and everything here is fictional."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.events import event_mark_attendance
from carai.community.models import Event, EventRegistration
from carai.register.models import ToolRevision
from carai.register.services import tool_create
from tests.conftest import World, client_for
from tests.learning.test_team import Cost, measured


def _same_cost(costs: dict[int, tuple[Cost, int]]) -> None:
    """Queries and rows fetched are the same at both sizes; the page stays small."""
    small, large = costs[100], costs[10_000]
    assert small[0].queries == large[0].queries, (small[0].statements, large[0].statements)
    assert small[0].rows == large[0].rows
    assert large[1] < 100_000  # bytes of HTML


def _event_with(size: int, lead: User) -> Event:
    started = timezone.now() - datetime.timedelta(hours=1)
    event = Event.objects.create(
        title=f"Groot {size} (fictief)",
        kind="community",
        description="x",
        starts_at=started,
        ends_at=started + datetime.timedelta(hours=3),
        capacity=size,
        organiser=lead,
    )
    users = User.objects.bulk_create(
        User(email=f"e{size}-{n}@groot.example", full_name=f"Deelnemer {n:05d}", password="!")
        for n in range(size)
    )
    EventRegistration.objects.bulk_create(
        EventRegistration(event=event, user=user, status="registered", attended=n % 3 == 0)
        for n, user in enumerate(users)
    )
    return event


@pytest.mark.parametrize("query", [{}, {"pagina": "2"}])
def test_attendance_costs_the_same_for_100_and_10000_people(
    world: World, query: dict[str, str]
) -> None:
    costs = {}
    for size in (100, 10_000):
        event = _event_with(size, world.lead)
        client = client_for(world.lead)
        url = reverse("community:event_detail", kwargs={"event_id": event.pk})
        client.get(url)  # warm: sessions, content types
        with measured() as cost:
            response = client.get(url, query)
        assert response.status_code == 200
        assert len(response.context["attendees"]) == 50
        assert response.context["signed_up"] == size  # counted in SQL
        costs[size] = (cost, len(response.content))
    _same_cost(costs)


def test_saving_one_page_of_attendance_leaves_the_others(world: World) -> None:
    event = _event_with(120, world.lead)
    client = client_for(world.lead)
    detail = reverse("community:event_detail", kwargs={"event_id": event.pk})
    second = client.get(detail, {"pagina": "2"}).context["attendees"]
    shown = [r.pk for r in second]
    before = dict(EventRegistration.objects.values_list("pk", "attended"))
    response = client.post(
        reverse("community:event_attendance", kwargs={"event_id": event.pk}),
        {"shown": shown, "present": shown[:10], "pagina": "2"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?pagina=2")
    after = dict(EventRegistration.objects.values_list("pk", "attended"))
    for pk, came in after.items():
        if pk in shown:
            assert came is (pk in shown[:10])
        else:
            assert came is before[pk]  # not on the page: untouched
    with pytest.raises(ValidationError):  # marked, but not on the page that was saved
        event_mark_attendance(
            actor=world.lead, event=event, present={shown[0]}, shown=set(shown[1:])
        )


def _tool_with_history(size: int, world: World) -> int:
    tool = tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={"name": f"Schrijfhulp {size}", "vendor": "Fictief BV", "purpose": "Brieven"},
        rules={"public": ("allowed", "")},
    )
    first = tool.revisions.get()
    ToolRevision.objects.bulk_create(
        ToolRevision(
            tool=tool,
            number=n,
            snapshot={**first.snapshot, "purpose": f"Brieven, versie {n}"},
            changed_by=world.privacy_officer,
        )
        for n in range(2, size + 1)
    )
    tool.revision = size
    tool.save(update_fields=["revision"])
    return tool.pk


@pytest.mark.parametrize("query", [{}, {"pagina": "3"}, {"van": "1", "naar": "7"}])
def test_tool_history_costs_the_same_for_100_and_10000_versions(
    world: World, query: dict[str, str]
) -> None:
    costs = {}
    for size in (100, 10_000):
        tool_id = _tool_with_history(size, world)
        client = client_for(world.privacy_officer)
        url = reverse(
            "register:tool_history", kwargs={"slug": world.org_a.slug, "tool_id": tool_id}
        )
        client.get(url)
        with measured() as cost:
            response = client.get(url, query)
        assert response.status_code == 200
        assert len(response.context["steps"]) == 20
        assert all(changes for _revision, changes in response.context["steps"])  # diffs shown
        if "van" in query:
            assert response.context["compared"][2]  # version 1 and 7 differ
        costs[size] = (cost, len(response.content))
    _same_cost(costs)


def test_the_first_version_says_so(world: World) -> None:
    tool_id = _tool_with_history(3, world)
    client = client_for(world.privacy_officer)
    url = reverse("register:tool_history", kwargs={"slug": world.org_a.slug, "tool_id": tool_id})
    steps = client.get(url).context["steps"]
    assert [r.number for r, _c in steps] == [3, 2, 1]
    assert steps[-1][1] is None
    assert all(changes for _r, changes in steps[:-1])
