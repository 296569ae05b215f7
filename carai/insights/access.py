"""The door to an organisation's AI maturity rounds.

Every member sees the maturity page of their organisation (with their own invitations); the
organisation admin starts and closes rounds; results are for the organisation admin, the
managers and the people invited to that round. The community lead never sees one
organisation's rounds (only the distribution across partners, ``selectors``); 404 for all
others.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from carai.accounts.models import User
from carai.community.access import MEMBER_ROLES, access_organisation, roles_in_organisation
from carai.community.models import Organisation, Role
from carai.insights.models import MaturityInvite, MaturityRound, Survey, SurveyItem

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


# Surveys ----------------------------------------------------------------------------------

# Who makes, sends and closes surveys and downloads the researcher's CSV: these roles of the
# organisation, and the community lead (who measures the effect for the funders; a survey
# is still one organisation's, sent to its own people, and shows only groups of 5 or more).
SURVEY_MAKER_ROLES: frozenset[str] = frozenset({Role.EDUCATOR, Role.ORG_ADMIN})
# Who sees the results (never one person's answers): the makers and the managers; the
# community lead too.
SURVEY_RESULT_ROLES: frozenset[str] = SURVEY_MAKER_ROLES | {Role.MANAGER}


def access_surveys(*, user: User, slug: str, make: bool = False) -> Organisation:
    if make:
        return access_organisation(
            user=user, slug=slug, roles=SURVEY_MAKER_ROLES, lead_allowed=True
        )
    return access_organisation(user=user, slug=slug, roles=MEMBER_ROLES, lead_allowed=True)


def can_make_surveys(*, user: User, organisation: Organisation) -> bool:
    return user.is_community_lead or bool(
        roles_in_organisation(user=user, organisation=organisation) & SURVEY_MAKER_ROLES
    )


def can_see_survey_results(*, user: User, organisation: Organisation) -> bool:
    return user.is_community_lead or bool(
        roles_in_organisation(user=user, organisation=organisation) & SURVEY_RESULT_ROLES
    )


def access_survey(
    *, user: User, organisation: Organisation, survey_id: int, purpose: str
) -> Survey:
    """A survey of ``organisation`` for ``purpose``: "make" (makers), "results" (result
    roles and the lead) or "answer" (the people it was sent to). A community survey that
    reached ``organisation`` is found here too, but never to make: its results show only
    this organisation's group (the view's job), its answering only to people asked through
    this organisation."""
    survey = (
        Survey.objects.filter(pk=survey_id)
        .filter(
            Q(organisation=organisation)
            | Q(organisation__isnull=True, recipients__organisation=organisation)
        )
        .distinct()
        .first()
    )
    allowed = survey is not None and (
        (
            purpose == "make"
            and not survey.is_community
            and can_make_surveys(user=user, organisation=organisation)
        )
        or (purpose == "results" and can_see_survey_results(user=user, organisation=organisation))
        or (
            purpose == "answer"
            and survey.recipients.filter(user=user, organisation=organisation).exists()
        )
    )
    if survey is None or not allowed:
        raise Http404("No such survey.")
    return survey


def access_survey_item(*, survey: Survey, item_id: int) -> SurveyItem:
    item = SurveyItem.objects.filter(pk=item_id, survey=survey).first()
    if item is None:
        raise Http404("No such question.")
    return item


def access_community_surveys(*, user: User) -> None:
    """The community's own surveys (to every partner organisation): the community lead only."""
    if not (user.is_active and user.is_community_lead):
        raise Http404("No such page.")


def access_community_survey(*, user: User, survey_id: int) -> Survey:
    """A community survey, to make, send, close and see in full: the community lead only."""
    access_community_surveys(user=user)
    survey = Survey.objects.filter(pk=survey_id, organisation__isnull=True).first()
    if survey is None:
        raise Http404("No such survey.")
    return survey
