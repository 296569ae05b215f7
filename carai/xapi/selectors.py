"""Reads for the xAPI app."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from carai.accounts.models import User
from carai.community.access import ORGANISATIONS_SCOPE
from carai.community.models import Membership, Organisation
from carai.core.cache import cached_in_process
from carai.xapi.models import LrsConfig, StatementState

# The cache scope of every organisation's LRS settings (bumped by each save or delete).
LRS_SCOPE = "xapi:lrs"


def lrs_for_user(*, user: User) -> QuerySet[LrsConfig]:
    """The active LRSs of the organisations the person is an active member of."""
    memberships = Membership.objects.active().filter(user=user, organisation__is_active=True)
    return LrsConfig.objects.filter(
        is_active=True, organisation_id__in=memberships.values("organisation_id")
    )


def has_lrs(*, user: User) -> bool:
    """Whether any LRS takes the person's learning records: most people have none, and then
    a learning write need not build a statement, nor open a savepoint to queue one.

    Which organisations have an active LRS is kept in the cache (and in the process,
    ``cached_in_process``: a frozenset) until an LRS setting (``receivers.lrs_changed``) or
    an organisation is saved or deleted; when none has, no query is needed. The person's
    memberships are read each time. ``statements_record`` reads the LRSs itself, so this
    only decides whether a statement is built at all."""
    organisation_ids = cached_in_process(
        "lrs-organisations",
        scopes=[LRS_SCOPE, ORGANISATIONS_SCOPE],
        compute=lambda: frozenset(
            LrsConfig.objects.filter(is_active=True, organisation__is_active=True).values_list(
                "organisation_id", flat=True
            )
        ),
    )
    if not organisation_ids:
        return False
    return (
        Membership.objects.active().filter(user=user, organisation_id__in=organisation_ids).exists()
    )


def lrs_of(*, organisation: Organisation) -> LrsConfig | None:
    return LrsConfig.objects.filter(organisation=organisation).first()


def statement_counts(*, lrs: LrsConfig) -> dict[str, int]:
    counts = dict.fromkeys(StatementState.values, 0)
    for row in lrs.statements.order_by().values("state").annotate(n=Count("pk")):
        counts[row["state"]] = row["n"]
    return counts
