"""Background work for use cases (django-tasks): e-mails about requests to join a team."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from carai.accounts.models import User
from carai.core.mail import mail_send
from carai.usecases.models import JoinRequest, JoinStatus


def _send(*, to: User, template: str, context: dict[str, object]) -> None:
    mail_send(
        to=to.email,
        language=to.preferred_language,
        template=f"usecases/email/{template}",
        context=context,
    )


def _link(path: str) -> str:
    return settings.CARAI_BASE_URL.rstrip("/") + path


@task()
def join_request_email_team(*, join_request_id: int) -> int:
    """Tell the team someone asks to join. Returns how many people were told; the e-mail
    holds no motivation, only a link to the team page where the team answers."""
    join_request = (
        JoinRequest.objects.select_related("use_case", "user").filter(pk=join_request_id).first()
    )
    if join_request is None or join_request.status != JoinStatus.PENDING:
        return 0
    link = _link(
        reverse("usecases:detail", kwargs={"use_case_id": join_request.use_case_id})
        + "#join-requests"
    )
    told = 0
    for member in join_request.use_case.team.select_related("user").filter(user__is_active=True):
        _send(
            to=member.user,
            template="join_request",
            context={"join_request": join_request, "link": link},
        )
        told += 1
    return told


@task()
def join_request_email_answer(*, join_request_id: int) -> bool:
    """Tell the person who asked what the team answered."""
    join_request = (
        JoinRequest.objects.select_related("use_case", "user").filter(pk=join_request_id).first()
    )
    if join_request is None or join_request.status not in (
        JoinStatus.ACCEPTED,
        JoinStatus.DECLINED,
    ):
        return False
    if join_request.status == JoinStatus.ACCEPTED:
        path = reverse("usecases:detail", kwargs={"use_case_id": join_request.use_case_id})
    else:
        path = reverse("usecases:open")
    _send(
        to=join_request.user,
        template="join_answer",
        context={
            "join_request": join_request,
            "accepted": join_request.status == JoinStatus.ACCEPTED,
            "link": _link(path),
        },
    )
    return True
