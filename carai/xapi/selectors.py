"""Reads for the xAPI app."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.xapi.models import LrsConfig, StatementState


def lrs_for_user(*, user: User) -> QuerySet[LrsConfig]:
    """The active LRSs of the organisations the person is an active member of."""
    memberships = Membership.objects.active().filter(user=user, organisation__is_active=True)
    return LrsConfig.objects.filter(
        is_active=True, organisation_id__in=memberships.values("organisation_id")
    )


def has_lrs(*, user: User) -> bool:
    """Whether any LRS takes the person's learning records: most people have none, and then
    a learning write need not build a statement, nor open a savepoint to queue one."""
    return lrs_for_user(user=user).exists()


def lrs_of(*, organisation: Organisation) -> LrsConfig | None:
    return LrsConfig.objects.filter(organisation=organisation).first()


def statement_counts(*, lrs: LrsConfig) -> dict[str, int]:
    counts = dict.fromkeys(StatementState.values, 0)
    for row in lrs.statements.order_by().values("state").annotate(n=Count("pk")):
        counts[row["state"]] = row["n"]
    return counts
