"""Reads for organisations. Callers have already passed the access functions."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from carai.accounts.models import User
from carai.community.access import (
    MAIL_ROLES,
    MANAGE_MEMBERS_ROLES,
    VIEW_AUDIT_ROLES,
    VIEW_MEMBERS_ROLES,
)
from carai.community.models import (
    Event,
    EventRegistration,
    Invitation,
    Membership,
    Organisation,
    RegistrationStatus,
)
from carai.core.models import AuditEvent, MailMessage, MailStatus


def organisation_members(
    *, organisation: Organisation, q: str = "", role: str = "", team: str = ""
) -> QuerySet[Membership]:
    """The organisation's current memberships (one per role), by name; optionally only
    those whose name or e-mail address holds ``q``, with ``role``, or in ``team``."""
    members = Membership.objects.active_in(organisation=organisation)
    for word in q.split():
        members = members.filter(
            Q(user__full_name__icontains=word) | Q(user__email__icontains=word)
        )
    if role:
        members = members.filter(role=role)
    if team:
        members = members.filter(team=team)
    return members.select_related("user").order_by("user__full_name", "user__email", "role", "pk")


def organisation_teams(*, organisation: Organisation) -> list[str]:
    """The teams the organisation's members are in, for filters."""
    return list(
        Membership.objects.active_in(organisation=organisation)
        .exclude(team="")
        .values_list("team", flat=True)
        .distinct()
        .order_by("team")
    )


def organisation_open_invitations(*, organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.open().filter(organisation=organisation).select_related("invited_by")


def organisation_audit_events(*, organisation: Organisation) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(organisation=organisation).select_related("actor")


def organisations_with_counts() -> QuerySet[Organisation]:
    return Organisation.objects.annotate(
        member_count=Count(
            "memberships__user",
            filter=Q(memberships__ended_at__isnull=True),
            distinct=True,
        )
    ).order_by("name")


def upcoming_registrations(*, user: User, limit: int) -> list[EventRegistration]:
    """The person's sign-ups (with a place or waiting) for events that have not ended."""
    return list(
        EventRegistration.objects.filter(user=user, event__ends_at__gte=timezone.now())
        .select_related("event")
        .order_by("event__starts_at")[:limit]
    )


@dataclass
class OrganisationOverview:
    organisation: Organisation
    memberships: list[Membership] = field(default_factory=list)

    @property
    def roles(self) -> set[str]:
        return {m.role for m in self.memberships}

    @property
    def can_view_members(self) -> bool:
        return bool(self.roles & VIEW_MEMBERS_ROLES)

    @property
    def can_manage_members(self) -> bool:
        return bool(self.roles & MANAGE_MEMBERS_ROLES)

    @property
    def can_view_audit(self) -> bool:
        return bool(self.roles & VIEW_AUDIT_ROLES)

    @property
    def can_view_mail(self) -> bool:
        return bool(self.roles & MAIL_ROLES)


def overview_for_user(*, user: User) -> list[OrganisationOverview]:
    """The person's organisations with their roles, in one query."""
    by_org: dict[int, OrganisationOverview] = {}
    memberships = (
        Membership.objects.active()
        .filter(user=user, organisation__is_active=True)
        .select_related("organisation")
        .order_by("organisation__name", "role")
    )
    for membership in memberships:
        entry = by_org.setdefault(
            membership.organisation_id, OrganisationOverview(membership.organisation)
        )
        entry.memberships.append(membership)
    return list(by_org.values())


def mail_undelivered(*, organisation: Organisation | None) -> QuerySet[MailMessage]:
    """E-mails that could not be delivered (failed), and those still being tried after a
    failure, newest first: of one organisation, or of the whole platform (None)."""
    messages = MailMessage.objects.filter(
        Q(status=MailStatus.FAILED) | Q(status=MailStatus.QUEUED, attempts__gt=0)
    ).exclude(last_error="")
    if organisation is not None:
        messages = messages.filter(organisation=organisation)
    return messages.select_related("organisation").order_by("-created_at", "-id")


def events_with_places(events: QuerySet[Event]) -> QuerySet[Event]:
    """Events with ``places_left`` and ``waiting`` (people on the waiting list), in SQL."""
    return events.annotate(
        taken=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
        waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
    ).annotate(places_left=Greatest(F("capacity") - F("taken"), Value(0)))


def waiting_position(registration: EventRegistration) -> int | None:
    """The person's place on the waiting list (1 is next), or None when they have a place."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = EventRegistration.objects.filter(
        event_id=registration.event_id, status=RegistrationStatus.WAITING
    ).filter(
        Q(registered_at__lt=registration.registered_at)
        | Q(registered_at=registration.registered_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1
