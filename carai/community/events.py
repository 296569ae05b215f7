"""Writes for community events: planning, registration with a waiting list, attendance and
materials. (Kept apart from services.py, which is about organisations and members.)"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.audit import CommunityAction
from carai.community.models import Event, EventRegistration, RegistrationStatus
from carai.core.audit import audit_record
from carai.core.mail import mail_send

EVENT_FIELDS = (
    "title", "kind", "description", "starts_at", "ends_at", "place", "online_url", "capacity",
    "materials",
)  # fmt: skip


def _check(data: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if data["ends_at"] <= data["starts_at"]:
        errors["ends_at"] = _("The end must come after the start.")
    if not data.get("place") and not data.get("online_url"):
        errors["place"] = _("Give a place, an online link, or both.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_save(*, actor: User, event: Event | None, data: dict[str, Any]) -> Event:
    """Plan or change an event (community lead). Fewer places never removes anyone."""
    if not actor.is_community_lead:
        raise ValidationError(_("Only the community lead plans community events."))
    _check(data)
    if event is None:
        event = Event(organiser=actor)
    for name in EVENT_FIELDS:
        setattr(event, name, data.get(name, getattr(event, name, "")))
    event.save()
    _promote(event, actor=actor)
    return event


def _promote(event: Event, *, actor: User) -> list[EventRegistration]:
    """Give free places to the waiting list, first come first served. Each person who moves
    up is told by e-mail (through the outbox) and the move is in the audit log."""
    taken = event.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    free = event.capacity - taken
    if free <= 0:
        return []
    waiting = list(
        event.registrations.filter(status=RegistrationStatus.WAITING)
        .select_related("user")
        .order_by("registered_at", "pk")[:free]
    )
    for registration in waiting:
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status"])
        person = registration.user
        audit_record(
            action=CommunityAction.EVENT_PLACE_GIVEN,
            actor=actor,
            target=registration,
            target_label=f"{event.title} · {person.display_name}",
        )
        if person.is_active and person.erased_at is None:
            mail_send(
                to=person.email,
                language=person.preferred_language,
                template="community/email/event_place",
                context={
                    "event": event,
                    "name": person.display_name,
                    "link": settings.CARAI_BASE_URL.rstrip("/")
                    + reverse("community:event_detail", kwargs={"event_id": event.pk}),
                },
            )
    return waiting


@transaction.atomic
def event_register(*, user: User, event: Event) -> EventRegistration:
    """A place if there is one, otherwise a place on the waiting list."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.starts_at <= timezone.now():
        raise ValidationError(_("This event has already started."))
    existing = EventRegistration.objects.filter(event=event, user=user).first()
    if existing is not None:
        return existing
    taken = event.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    status = RegistrationStatus.REGISTERED if taken < event.capacity else RegistrationStatus.WAITING
    try:
        with transaction.atomic():
            registration = EventRegistration.objects.create(event=event, user=user, status=status)
    except IntegrityError:
        return EventRegistration.objects.get(event=event, user=user)
    if status == RegistrationStatus.WAITING:
        audit_record(
            action=CommunityAction.EVENT_WAITLIST_JOINED,
            actor=user,
            target=registration,
            target_label=f"{event.title} · {user.display_name}",
        )
    return registration


@transaction.atomic
def event_cancel(*, user: User, event: Event) -> None:
    """Sign off; the first person on the waiting list gets the place."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.starts_at <= timezone.now():
        raise ValidationError(_("This event has already started."))
    EventRegistration.objects.filter(event=event, user=user).delete()
    _promote(event, actor=user)


@transaction.atomic
def event_mark_attendance(
    *, actor: User, event: Event, present: set[int], shown: set[int] | None = None
) -> int:
    """The organiser marks who came (by registration id) among the registrations ``shown``
    on the page they saved (all when None: a long list is paged); returns how many came in
    all."""
    if not (actor.is_community_lead or actor.pk == event.organiser_id):
        raise ValidationError(_("Only the organiser marks attendance."))
    if event.starts_at > timezone.now():
        raise ValidationError(_("Attendance is marked once the event has started."))
    registrations = event.registrations.filter(status=RegistrationStatus.REGISTERED)
    if shown is not None:
        registrations = registrations.filter(pk__in=shown)
        if not present <= shown:
            raise ValidationError(_("Some of the people marked are not registered for this event."))
    unknown = present - set(registrations.filter(pk__in=present).values_list("pk", flat=True))
    if unknown:
        raise ValidationError(_("Some of the people marked are not registered for this event."))
    # Saved one by one (a page at a time), so that the receivers of other apps hear of it.
    for registration in registrations.only("pk", "attended"):
        came = registration.pk in present
        if registration.attended is not came:
            registration.attended = came
            registration.save(update_fields=["attended"])
    return event.registrations.filter(attended=True).count()
