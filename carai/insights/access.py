"""The door to an organisation's AI maturity rounds.

Every member sees the maturity page of their organisation (with their own invitations); the
organisation admin starts and closes rounds; results are for the organisation admin, the
managers and the people invited to that round. The community lead never sees one
organisation's rounds (only the distribution across partners, ``selectors``); 404 for all
others.
"""

from __future__ import annotations

from django.http import Http404

from carai.accounts.models import User
from carai.community.access import MEMBER_ROLES, access_organisation, roles_in_organisation
from carai.community.models import Organisation, Role
from carai.insights.models import MaturityInvite, MaturityRound

MANAGE_ROLES: frozenset[str] = frozenset({Role.ORG_ADMIN})
RESULT_ROLES: frozenset[str] = frozenset({Role.ORG_ADMIN, Role.MANAGER})


def access_maturity(*, user: User, slug: str, manage: bool = False) -> Organisation:
    roles = MANAGE_ROLES if manage else MEMBER_ROLES
    return access_organisation(user=user, slug=slug, roles=roles, lead_allowed=False)


def can_manage_maturity(*, user: User, organisation: Organisation) -> bool:
    return bool(roles_in_organisation(user=user, organisation=organisation) & MANAGE_ROLES)


def sees_all_rounds(*, user: User, organisation: Organisation) -> bool:
    return bool(roles_in_organisation(user=user, organisation=organisation) & RESULT_ROLES)


def access_round(*, user: User, organisation: Organisation, round_id: int) -> MaturityRound:
    """A round of ``organisation`` whose results ``user`` may see; call after
    ``access_maturity`` let the user in."""
    maturity_round = MaturityRound.objects.filter(pk=round_id, organisation=organisation).first()
    if maturity_round is None:
        raise Http404("No such round.")
    if sees_all_rounds(user=user, organisation=organisation):
        return maturity_round
    if maturity_round.invites.filter(user=user).exists():
        return maturity_round
    raise Http404("No such round.")


def access_own_invite(*, user: User, organisation: Organisation, round_id: int) -> MaturityInvite:
    """The user's own invitation to a round of ``organisation``."""
    invite = (
        MaturityInvite.objects.select_related("round")
        .filter(round_id=round_id, round__organisation=organisation, user=user)
        .first()
    )
    if invite is None:
        raise Http404("No such invitation.")
    return invite
