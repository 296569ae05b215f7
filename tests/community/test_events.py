"""Community events: planning, sign-up with a waiting list, attendance and materials."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from carai.community import events
from carai.community.models import Event, EventRegistration
from tests.conftest import World, client_for
from tests.factories import UserFactory


def _data(**changes: object) -> dict[str, object]:
    starts = timezone.now() + datetime.timedelta(days=7)
    data: dict[str, object] = {
        "title": "Inspiratiesessie AI in de wijk",
        "kind": "inspiration",
        "description": "Verhalen uit de praktijk.",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "place": "Zwolle (fictief)",
        "online_url": "",
        "capacity": 2,
        "materials": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def event(world: World) -> Event:
    return events.event_save(actor=world.lead, event=None, data=_data())


def test_only_the_lead_plans_and_dates_must_be_in_order(world: World) -> None:
    with pytest.raises(ValidationError):
        events.event_save(actor=world.manager, event=None, data=_data())
    starts = timezone.now() + datetime.timedelta(days=3)
    page = client_for(world.lead).post(
        reverse("community:event_create"),
        {
            "title": "Netwerkbijeenkomst",
            "kind": "network",
            "description": "Kennismaken",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "capacity": "0",
        },
    )
    errors = page.context["form"].errors
    assert "ends_at" in errors
    assert "place" in errors  # neither a place nor a link
    assert "capacity" in errors
    assert "Netwerkbijeenkomst" in page.content.decode()  # nothing typed is lost
    assert not Event.objects.exists()
    assert client_for(world.care_worker).get(reverse("community:event_create")).status_code == 404


def test_full_events_put_people_on_a_waiting_list_that_moves_up(event: Event, world: World) -> None:
    first = events.event_register(user=world.care_worker, event=event)
    second = events.event_register(user=world.outsider, event=event)
    third = events.event_register(user=world.manager, event=event)
    assert [first.status, second.status, third.status] == ["registered", "registered", "waiting"]
    assert events.event_register(user=world.care_worker, event=event) == first  # once only
    events.event_cancel(user=world.outsider, event=event)
    third.refresh_from_db()
    assert third.status == "registered"
    # More places later: the waiting list moves up at once.
    late = UserFactory.create()
    assert events.event_register(user=late, event=event).status == "waiting"
    events.event_save(actor=world.lead, event=event, data=_data(capacity=3))
    assert EventRegistration.objects.get(user=late).status == "registered"


def test_members_of_every_partner_sign_up_through_the_page(event: Event, world: World) -> None:
    url = reverse("community:event_register", kwargs={"event_id": event.pk})
    for person in (world.care_worker, world.outsider):
        assert client_for(person).post(url).status_code == 302
    assert EventRegistration.objects.filter(event=event).count() == 2
    page = client_for(world.care_worker).get(reverse("overview:dashboard")).content.decode()
    assert event.title in page
    # The attendee list is for the organiser only.
    detail = reverse("community:event_detail", kwargs={"event_id": event.pk})
    assert (
        world.outsider.full_name not in client_for(world.care_worker).get(detail).content.decode()
    )
    assert world.outsider.full_name in client_for(world.lead).get(detail).content.decode()


def test_attendance_is_marked_after_the_start_by_the_organiser(event: Event, world: World) -> None:
    registration = events.event_register(user=world.care_worker, event=event)
    with pytest.raises(ValidationError):
        events.event_mark_attendance(actor=world.lead, event=event, present={registration.pk})
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    event.refresh_from_db()
    event.materials = "Dia's: https://example.org/dias"
    event.save()  # the page shows the HTML made on save
    url = reverse("community:event_attendance", kwargs={"event_id": event.pk})
    assert (
        client_for(world.care_worker).post(url, {"present": [registration.pk]}).status_code == 404
    )
    client_for(world.lead).post(url, {"present": ["99999"]})  # tampered: nothing changes
    registration.refresh_from_db()
    assert registration.attended is None
    client_for(world.lead).post(
        url, {"present": [str(registration.pk)], "shown": [str(registration.pk)]}
    )
    assert EventRegistration.objects.get(pk=registration.pk).attended is True
    page = client_for(world.care_worker).get(
        reverse("community:event_detail", kwargs={"event_id": event.pk})
    )
    assert "example.org/dias" in page.content.decode()  # materials afterwards
    with pytest.raises(ValidationError):  # too late to sign up or off
        events.event_register(user=world.manager, event=event)
