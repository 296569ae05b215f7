"""Background work for the community app (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from carai.community.models import Invitation
from carai.core.mail import mail_send


@task()
def invitation_email_send(*, invitation_id: int) -> bool:
    """Send the invitation link. Returns False when the invitation is no longer open."""
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not invitation.is_open:
        return False
    path = reverse(
        "community:invitation_accept",
        kwargs={"public_id": invitation.public_id, "token": invitation.token},
    )
    mail_send(
        to=invitation.email,
        language=invitation.invited_by.preferred_language,
        template="community/email/invitation",
        context={
            "invitation": invitation,
            "link": settings.CARAI_BASE_URL.rstrip("/") + path,
            "days": settings.CARAI_INVITATION_DAYS,
        },
    )
    return True
