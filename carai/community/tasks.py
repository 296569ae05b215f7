"""Background work for the community app (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from carai.community.models import Invitation


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
    language = invitation.invited_by.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "invitation": invitation,
            "link": settings.CARAI_BASE_URL.rstrip("/") + path,
            "days": settings.CARAI_INVITATION_DAYS,
        }
        subject = render_to_string("community/email/invitation_subject.txt", context).strip()
        body = render_to_string("community/email/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])
    return True
