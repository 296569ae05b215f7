"""E-mails about practice questions (the lead's decision) and requests to join a team,
queued in the outbox (``carai.core.mail``) inside the transaction of the service that
decides, answers or makes the request."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from carai.accounts.models import User
from carai.core.mail import mail_send
from carai.usecases.models import JoinRequest, JoinStatus, Status, UseCase


def _send(
    *, to: User, join_request: JoinRequest, template: str, context: dict[str, object]
) -> None:
    mail_send(
        to=to.email,
        language=to.preferred_language,
        template=f"usecases/email/{template}",
        context=context,
        organisation_id=join_request.use_case.organisation_id,
    )


def _link(path: str) -> str:
    return settings.CARAI_BASE_URL.rstrip("/") + path


def join_request_email_team(*, join_request: JoinRequest) -> int:
    """Tell the team someone asks to join. Returns how many people were told; the e-mail
    holds no motivation, only a link to the team page where the team answers."""
    link = _link(
        reverse("usecases:detail", kwargs={"use_case_id": join_request.use_case_id})
        + "#join-requests"
    )
    told = 0
    for member in join_request.use_case.team.select_related("user").filter(user__is_active=True):
        _send(
            to=member.user,
            join_request=join_request,
            template="join_request",
            context={"join_request": join_request, "link": link},
        )
        told += 1
    return told


def join_request_email_answer(*, join_request: JoinRequest) -> None:
    """Tell the person who asked what the team answered."""
    accepted = join_request.status == JoinStatus.ACCEPTED
    if accepted:
        path = reverse("usecases:detail", kwargs={"use_case_id": join_request.use_case_id})
    else:
        path = reverse("usecases:open")
    _send(
        to=join_request.user,
        join_request=join_request,
        template="join_answer",
        context={"join_request": join_request, "accepted": accepted, "link": _link(path)},
    )


def use_case_decision_email(*, use_case: UseCase) -> None:
    """Tell the person who asked the practice question what the community lead decided."""
    person = use_case.submitted_by
    if person is None or not person.is_active or person.erased_at is not None:
        return
    mail_send(
        to=person.email,
        language=person.preferred_language,
        template="usecases/email/decision",
        context={
            "use_case": use_case,
            "accepted": use_case.status == Status.ACCEPTED,
            "link": _link(reverse("usecases:detail", kwargs={"use_case_id": use_case.pk})),
        },
        organisation_id=use_case.organisation_id,
    )
