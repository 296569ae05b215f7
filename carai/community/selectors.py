"""Reads for organisations. Callers have already passed the access functions."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import EventRegistration, Invitation, Membership, Organisation
from carai.core.models import AuditEvent, MailMessage, MailStatus
from carai.register.models import Register


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.active()
        .filter(organisation=organisation)
        .select_related("user")
        .order_by("user__full_name", "user__email", "role")
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


def partner_organisations() -> QuerySet[Organisation]:
    """Active partners, each with ``has_public_register``: whether it published its AI tool
    register (one query for all)."""
    public = Register.objects.filter(organisation=OuterRef("pk"), is_public=True)
    return (
        Organisation.objects.filter(is_active=True)
        .annotate(has_public_register=Exists(public))
        .order_by("kind", "name")
    )


def upcoming_registrations(*, user: User, limit: int) -> list[EventRegistration]:
    """The person's sign-ups (with a place or waiting) for events that have not ended."""
    return list(
        EventRegistration.objects.filter(user=user, event__ends_at__gte=timezone.now())
        .select_related("event")
        .order_by("event__starts_at")[:limit]
    )


def mail_undelivered(*, organisation: Organisation | None) -> QuerySet[MailMessage]:
    """E-mails that could not be delivered (failed), and those still being tried after a
    failure, newest first: of one organisation, or of the whole platform (None)."""
    messages = MailMessage.objects.filter(
        Q(status=MailStatus.FAILED) | Q(status=MailStatus.QUEUED, attempts__gt=0)
    ).exclude(last_error="")
    if organisation is not None:
        messages = messages.filter(organisation=organisation)
    return messages.select_related("organisation").order_by("-created_at", "-id")
