"""Events (issue 15): add to calendar (.ics, RFC 5545), "vol" and the waiting list in the
list, one's own place on the waiting list, moving up (audited, by e-mail). All made up."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from carai.community import events
from carai.community.audit import CommunityAction
from carai.community.calendar import ics_fold, ics_text
from carai.community.models import Event, Membership, Role
from carai.core.models import AuditEvent
from tests.community.test_events import _data
from tests.conftest import World, client_for
from tests.factories import UserFactory

STARTS = (timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0)


@pytest.fixture
def event(world: World) -> Event:
    return events.event_save(
        actor=world.lead,
        event=None,
        data=_data(
            title="Inspiratiesessie: AI, privacy; en de wijk",
            description="Verhalen uit de praktijk.\nNeem je vragen mee, ook over \\ en ;.",
            starts_at=STARTS,
            ends_at=STARTS + datetime.timedelta(hours=2),
            place="Zwolle, zaal 3 (fictief)",
            online_url="https://meet.example/geheim",
            capacity=1,
        ),
    )


def parse_ics(body: bytes) -> dict[str, str]:
    """A strict little reader: CRLF only, lines of at most 75 octets, unfolded, values
    unescaped. Returns the VEVENT's properties."""
    assert b"\n" not in body.replace(b"\r\n", b"")  # no bare LF
    assert body.endswith(b"\r\n")
    physical = body.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical)
    logical: list[str] = []
    for raw in physical:
        line = raw.decode()
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    assert logical[0] == "BEGIN:VCALENDAR"
    assert logical[-1] == "END:VCALENDAR"
    start, end = logical.index("BEGIN:VEVENT"), logical.index("END:VEVENT")
    assert "VERSION:2.0" in logical[:start]
    assert any(line.startswith("PRODID:") for line in logical[:start])
    props: dict[str, str] = {}
    for line in logical[start + 1 : end]:
        name, value = line.split(":", 1)
        props[name] = re.sub(
            r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value
        )
    return props


def _utc(value: str) -> datetime.datetime:
    assert re.fullmatch(r"\d{8}T\d{6}Z", value)
    return datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)


def test_the_calendar_file_is_valid_and_complete(world: World, event: Event) -> None:
    client = client_for(world.care_worker)
    response = client.get(reverse("community:event_calendar", kwargs={"event_id": event.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    props = parse_ics(response.content)
    assert props["SUMMARY"] == event.title
    assert props["LOCATION"] == event.place
    assert _utc(props["DTSTART"]) == event.starts_at
    assert _utc(props["DTEND"]) == event.ends_at
    assert abs(_utc(props["DTSTAMP"]) - timezone.now()) < datetime.timedelta(minutes=1)
    assert props["UID"] == f"event-{event.pk}@127.0.0.1"
    assert props["DESCRIPTION"].startswith(event.description)
    assert reverse("community:event_detail", kwargs={"event_id": event.pk}) in props["URL"]
    # The online link is for people with a place; Sanne has none yet.
    assert "meet.example" not in response.content.decode()
    events.event_register(user=world.care_worker, event=event)
    again = client.get(reverse("community:event_calendar", kwargs={"event_id": event.pk}))
    assert "https://meet.example/geheim" in parse_ics(again.content)["DESCRIPTION"]
    assert parse_ics(again.content)["UID"] == props["UID"]  # the same event, not a new one


def test_text_is_escaped_and_long_lines_fold_without_breaking_characters() -> None:
    assert ics_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    line = "DESCRIPTION:" + "é" * 100
    folded = ics_fold(line)
    pieces = folded.split("\r\n ")
    assert "".join(pieces) == line
    assert all(len(piece.encode()) <= 75 - (i > 0) for i, piece in enumerate(pieces))


def test_full_and_waiting_list_in_the_list_and_own_place_on_the_page(
    world: World, event: Event, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    second = UserFactory.create(full_name="Lotte Wacht (fictief)", email="lotte@zorg-a.example")
    Membership.objects.create(user=second, organisation=world.org_a, role=Role.PROFESSIONAL)
    list_url = reverse("community:event_list")
    page = client_for(world.care_worker).get(list_url).content.decode()
    assert "Nog 1 plaats vrij" in page
    events.event_register(user=world.manager, event=event)
    events.event_register(user=world.care_worker, event=event)
    events.event_register(user=second, event=event)
    page = client_for(world.outsider).get(list_url).content.decode()
    assert ">Vol<" in page
    assert "2 mensen op de wachtlijst" in page
    detail = reverse("community:event_detail", kwargs={"event_id": event.pk})
    assert "nummer 1 op de wachtlijst" in client_for(world.care_worker).get(detail).content.decode()
    assert "nummer 2 op de wachtlijst" in client_for(second).get(detail).content.decode()
    assert AuditEvent.objects.filter(action=CommunityAction.EVENT_WAITLIST_JOINED).count() == 2
    # The manager signs off: Sanne moves up (audited, told by e-mail), Lotte is next.
    with django_capture_on_commit_callbacks(execute=True):
        events.event_cancel(user=world.manager, event=event)
    moved = AuditEvent.objects.get(action=CommunityAction.EVENT_PLACE_GIVEN)
    assert "Sanne" in moved.target_label
    (message,) = mail.outbox
    assert message.to == [world.care_worker.email]
    assert "Je hebt een plek" in message.subject
    assert "Je bent aangemeld" in client_for(world.care_worker).get(detail).content.decode()
    assert "nummer 1 op de wachtlijst" in client_for(second).get(detail).content.decode()
