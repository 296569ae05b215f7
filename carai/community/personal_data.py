"""A person's memberships and the invitations they received, for their own-data export and
for erasing their account (see ``carai.accounts.personal_data``)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from carai.accounts.models import User
from carai.accounts.personal_data import iso
from carai.community.models import Invitation, Membership
from carai.core.cache import rows_written_send


def memberships_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "organisation": m.organisation.name,
            "role": m.role,
            "student_level": m.student_level,
            "programme": m.programme,
            "started_at": iso(m.started_at),
            "ended_at": iso(m.ended_at),
        }
        for m in Membership.objects.filter(user=user).select_related("organisation")
    ]


def memberships_erase(user: User) -> None:
    ending = list(Membership.objects.active().filter(user=user))
    Membership.objects.filter(pk__in=[m.pk for m in ending]).update(ended_at=timezone.now())
    # One update sends no signals: the cached roles (access._door), the team page, the
    # literacy facts, Mijn overzicht (core.cache.rows_written_send).
    rows_written_send(model=Membership, instances=ending, update_fields=["ended_at"])


def invitations_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "organisation": i.organisation.name,
            "role": i.role,
            "created_at": iso(i.created_at),
            "accepted_at": iso(i.accepted_at),
        }
        for i in Invitation.objects.filter(email__iexact=user.email).select_related("organisation")
    ]


def invitations_erase(user: User) -> None:
    Invitation.objects.open().filter(email__iexact=user.email).update(revoked_at=timezone.now())
    Invitation.objects.filter(email__iexact=user.email).update(email=f"erased-{user.pk}@invalid")
