"""The panels of "Mijn overzicht", worked out once and kept in the cache (``core.cache``).

Every panel belongs to scopes: the person (``user:<id>``), each organisation they are a
member of (``organisation:<id>``) and the shared content (``content``: modules, events).
``OverviewConfig.ready`` connects the saves and deletes of everything a panel shows to
``scopes_changed``, which raises the versions of the scopes that write touches, so the next
page works the panels out afresh. What changes with the clock alone (an event that ended,
an assignment that became overdue) is covered by the timeout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from carai.accounts.models import User
from carai.community.models import EventRegistration, Membership, Role
from carai.community.selectors import (
    OrganisationOverview,
    overview_for_user,
    upcoming_registrations,
)
from carai.core.cache import (
    cached,
    cached_in_process,
    organisation_scope,
    scopes_changed,
    user_scope,
)
from carai.insights.models import Survey
from carai.insights.results import surveys_to_answer
from carai.learning.access import authoring_organisations
from carai.learning.models import Assignment, Certificate, Enrolment
from carai.learning.selectors import (
    assignments_for_user,
    certificates_for_user,
    enrolments_for_user,
)
from carai.register.models import AITool, Guideline
from carai.register.selectors import MyTool, tools_for_user, unread_guidelines
from carai.usecases import selectors as usecase_selectors
from carai.usecases.models import UseCase

PANELS_TIMEOUT = 300  # seconds: "upcoming" events drop off within five minutes of ending


@dataclass(frozen=True)
class Panels:
    overview: list[OrganisationOverview]
    roles: list[Role]
    in_progress: list[Enrolment]
    finished: list[Enrolment]
    certificates: list[Certificate]
    assignments: list[tuple[Assignment, Enrolment | None]]
    is_author: bool
    my_tools: list[MyTool]
    unread_guidelines: list[Guideline]
    my_events: list[EventRegistration]
    my_use_cases: list[UseCase]
    join_requests_waiting: int
    surveys_to_answer: list[tuple[Survey, str]]


CONTENT_SCOPE = "content"


def organisation_ids_of(*, user: User) -> tuple[int, ...]:
    """The organisations the person is a current member of (cached under their scope, and
    kept in the process: every page of the person asks for it first, and a tuple of a few
    numbers is small and only read)."""
    return cached_in_process(
        "member-of",
        scopes=[user_scope(user.pk)],
        compute=lambda: tuple(
            sorted(
                set(
                    Membership.objects.active()
                    .filter(user=user)
                    .values_list("organisation_id", flat=True)
                )
            )
        ),
    )


def user_scopes(*, user: User) -> list[str]:
    """Every scope whose writes can change what the person's own pages show."""
    return [
        user_scope(user.pk),
        *(organisation_scope(pk) for pk in organisation_ids_of(user=user)),
        CONTENT_SCOPE,
    ]


def panels_for(*, user: User, language: str) -> Panels:
    """The panels of the person's "Mijn overzicht", from the cache when nothing they show
    changed since they were worked out."""
    return cached(
        f"overview-panels:{language}",
        scopes=lambda: user_scopes(user=user),
        compute=lambda: _panels_compute(user=user, language=language),
        timeout=PANELS_TIMEOUT,
    )


def _panels_compute(*, user: User, language: str) -> Panels:
    overview = overview_for_user(user=user)
    enrolments = list(enrolments_for_user(user=user))
    return Panels(
        overview=overview,
        roles=[Role(r) for r in sorted({m.role for entry in overview for m in entry.memberships})],
        in_progress=[e for e in enrolments if e.completed_at is None],
        finished=[e for e in enrolments if e.completed_at is not None],
        certificates=list(certificates_for_user(user=user)),
        assignments=assignments_for_user(user=user, language=language),
        is_author=bool(authoring_organisations(user=user)),
        my_tools=tools_for_user(user=user, language=language),
        unread_guidelines=unread_guidelines(user=user),
        my_events=upcoming_registrations(user=user, limit=5),
        my_use_cases=list(usecase_selectors.use_cases_of(user=user)[:5]),
        join_requests_waiting=usecase_selectors.join_requests_for_my_teams(user=user).count(),
        surveys_to_answer=surveys_to_answer(user=user),
    )


# Signal receivers (connected in ``OverviewConfig.ready``) ----------------------------------


def _by_user(sender: Any, instance: Any, **kwargs: Any) -> None:
    scopes_changed(user_scope(instance.user_id))


def _by_organisation(sender: Any, instance: Any, **kwargs: Any) -> None:
    scopes_changed(organisation_scope(instance.organisation_id))


def _content(sender: Any, **kwargs: Any) -> None:
    scopes_changed(CONTENT_SCOPE)


def _user_saved(sender: Any, instance: User, **kwargs: Any) -> None:
    scopes_changed(user_scope(instance.pk))


def _organisation_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    scopes_changed(organisation_scope(instance.pk))


def _by_enrolment(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Lesson progress and quiz attempts: "Ga verder waar je was" follows them.
    scopes_changed(user_scope(instance.enrolment.user_id))


def _assignment_changed(sender: Any, instance: Assignment, **kwargs: Any) -> None:
    # The manager who asked ("Begin hier" ticks the step off) and the people it asks: one
    # person, or everyone with a role in the organisation.
    if instance.assigned_by_id is not None:
        scopes_changed(user_scope(instance.assigned_by_id))
    if instance.user_id is not None:
        scopes_changed(user_scope(instance.user_id))
    else:
        scopes_changed(organisation_scope(instance.organisation_id))


def _required_modules_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    # A tool's required modules, changed from the tool's side or (rarely) the module's.
    if isinstance(instance, AITool):
        scopes_changed(organisation_scope(instance.organisation_id))
    else:
        scopes_changed(CONTENT_SCOPE)


def _team_of_use_case(use_case_id: int) -> list[str]:
    from carai.usecases.models import TeamMember

    return [
        user_scope(pk)
        for pk in TeamMember.objects.filter(use_case_id=use_case_id).values_list(
            "user_id", flat=True
        )
    ]


def _use_case_changed(sender: Any, instance: UseCase, **kwargs: Any) -> None:
    if instance.pk is not None:
        scopes_changed(*_team_of_use_case(instance.pk))


def _join_request_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    # The count of waiting requests shows in the overview of everyone in the team.
    scopes_changed(*_team_of_use_case(instance.use_case_id))
