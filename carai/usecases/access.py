"""The one door to use cases.

A use case that is not in the public showcase is seen only by its team and the community
lead; everyone else gets 404. Only the team and the lead change it; only the lead triages
and publishes. A published use case is read by anyone on the showcase, read-only.

A team may open its use case to new members: then every signed-in member sees its title,
organisation, phase and what the team wrote about who it looks for (never the problem text,
the team or its work), and may ask to join. Requests to join are answered by the team or the
lead, and withdrawn only by the person who asked.
"""

from __future__ import annotations

from django.http import Http404

from carai.accounts.models import User
from carai.usecases.models import Demonstrator, JoinRequest, UseCase


def in_team(*, user: User, use_case: UseCase) -> bool:
    return use_case.team.filter(user=user).exists()


def access_use_case(*, user: User, use_case_id: int) -> UseCase:
    """A use case the user may work on: team members and the lead (published ones are read
    on the showcase, see :func:`access_published_use_case`)."""
    use_case = (
        UseCase.objects.select_related("organisation", "cycle").filter(pk=use_case_id).first()
    )
    if use_case is None or not user.is_active:
        raise Http404("No such use case.")
    if user.is_community_lead or in_team(user=user, use_case=use_case):
        return use_case
    raise Http404("No such use case.")


def access_use_case_for_lead(*, user: User, use_case_id: int) -> UseCase:
    if not (user.is_active and user.is_community_lead):
        raise Http404("No such use case.")
    use_case = UseCase.objects.filter(pk=use_case_id).first()
    if use_case is None:
        raise Http404("No such use case.")
    return use_case


def access_published_use_case(*, use_case_id: int) -> UseCase:
    use_case = (
        UseCase.objects.select_related("organisation", "cycle")
        .filter(pk=use_case_id, is_published=True)
        .first()
    )
    if use_case is None:
        raise Http404("No such use case.")
    return use_case


def access_demonstrator_file(*, user: User | None, demonstrator_id: int) -> Demonstrator:
    """A demonstrator's file: for the team and the lead, or anyone once published."""
    demonstrator = (
        Demonstrator.objects.select_related("use_case").filter(pk=demonstrator_id).first()
    )
    if demonstrator is None or not demonstrator.file:
        raise Http404("No such file.")
    if demonstrator.use_case.is_published:
        return demonstrator
    if (
        user is not None
        and user.is_active
        and (user.is_community_lead or in_team(user=user, use_case=demonstrator.use_case))
    ):
        return demonstrator
    raise Http404("No such file.")


def access_open_use_case(*, user: User, use_case_id: int) -> UseCase:
    """A use case whose team looks for new members, for any signed-in member to read."""
    use_case = (
        UseCase.objects.open_to_join()
        .select_related("organisation", "cycle")
        .filter(pk=use_case_id)
        .first()
    )
    if use_case is None or not user.is_active:
        raise Http404("No such use case.")
    return use_case


def access_join_request_for_team(*, user: User, join_request_id: int) -> JoinRequest:
    """A request to join, for the team it asks to join and the lead to answer."""
    join_request = (
        JoinRequest.objects.select_related("use_case", "user").filter(pk=join_request_id).first()
    )
    if join_request is None or not user.is_active:
        raise Http404("No such request.")
    if user.is_community_lead or in_team(user=user, use_case=join_request.use_case):
        return join_request
    raise Http404("No such request.")


def access_own_join_request(*, user: User, join_request_id: int) -> JoinRequest:
    join_request = JoinRequest.objects.filter(pk=join_request_id, user=user).first()
    if join_request is None or not user.is_active:
        raise Http404("No such request.")
    return join_request
