"""The one door to an organisation's literacy register.

The privacy officer and the organisation admin see everyone; a manager sees the people of
their own teams (the whole organisation when they have no team); every member sees what
they need themselves. The community lead sees no one's evidence. Everyone else: 404.
"""

from __future__ import annotations

from django.http import Http404

from carai.accounts.models import User
from carai.community.access import MEMBER_ROLES, access_organisation, roles_in_organisation
from carai.community.models import Organisation, Role
from carai.literacy.models import EvidenceFile, ExternalCertificate, PlanGoal
from carai.literacy.selectors import manager_teams

OFFICER_ROLES: frozenset[str] = frozenset({Role.PRIVACY_OFFICER, Role.ORG_ADMIN})
MANAGER_ROLES: frozenset[str] = frozenset({Role.MANAGER})
REVIEW_ROLES: frozenset[str] = OFFICER_ROLES | MANAGER_ROLES


def access_literacy(*, user: User, slug: str) -> Organisation:
    """The whole literacy register, its plan and evidence files: privacy officer, admin."""
    return access_organisation(user=user, slug=slug, roles=OFFICER_ROLES, lead_allowed=False)


def access_literacy_team(*, user: User, slug: str) -> tuple[Organisation, tuple[str, ...] | None]:
    """A manager's view: the organisation and the teams they see (None: all)."""
    organisation = access_organisation(
        user=user, slug=slug, roles=MANAGER_ROLES, lead_allowed=False
    )
    return organisation, manager_teams(user=user, organisation=organisation)


def access_own_literacy(*, user: User, slug: str) -> Organisation:
    """What a member needs for the tools they use: every member, for themselves."""
    return access_organisation(user=user, slug=slug, roles=MEMBER_ROLES, lead_allowed=False)


def reviewer_teams(*, user: User, organisation: Organisation) -> tuple[str, ...] | None:
    """Whose external certificates ``user`` reviews: everyone's for the privacy officer and
    admin, their teams' for a manager. Http404 for anyone else."""
    roles = roles_in_organisation(user=user, organisation=organisation)
    if roles & OFFICER_ROLES:
        return None
    if roles & MANAGER_ROLES:
        return manager_teams(user=user, organisation=organisation)
    raise Http404("Not a reviewer.")


def access_reviews(*, user: User, slug: str) -> tuple[Organisation, tuple[str, ...] | None]:
    organisation = access_organisation(user=user, slug=slug, roles=REVIEW_ROLES, lead_allowed=False)
    return organisation, reviewer_teams(user=user, organisation=organisation)


def access_external(
    *, user: User, organisation: Organisation, external_id: int
) -> ExternalCertificate:
    """A declared external certificate that ``user`` may review (404 otherwise)."""
    from carai.literacy.selectors import external_to_review

    teams = reviewer_teams(user=user, organisation=organisation)
    external = (
        external_to_review(organisation=organisation, teams=teams).filter(pk=external_id).first()
    )
    if external is None or external.user_id == user.pk:
        raise Http404("No such external certificate.")
    return external


def access_plan_goal(*, organisation: Organisation, goal_id: int) -> PlanGoal:
    """A current goal of the plan; call after ``access_literacy``."""
    goal = PlanGoal.objects.filter(
        organisation=organisation, pk=goal_id, superseded_at__isnull=True
    ).first()
    if goal is None:
        raise Http404("No such goal.")
    return goal


def access_evidence_file(*, organisation: Organisation, file_id: int) -> EvidenceFile:
    """One of the organisation's evidence files; call after ``access_literacy``."""
    made = EvidenceFile.objects.filter(organisation=organisation, pk=file_id).first()
    if made is None:
        raise Http404("No such evidence file.")
    return made
