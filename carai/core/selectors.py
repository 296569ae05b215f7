"""Reads for the personal overview."""

from __future__ import annotations

from dataclasses import dataclass, field

from carai.accounts.models import User
from carai.community.access import (
    MAIL_ROLES,
    MANAGE_MEMBERS_ROLES,
    VIEW_AUDIT_ROLES,
    VIEW_MEMBERS_ROLES,
)
from carai.community.models import Membership, Organisation


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
