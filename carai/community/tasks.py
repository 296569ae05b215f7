"""Background work for the community app (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from carai.community.kpi_store import kpi_figures_compute
from carai.community.kpis import KpiFilters
from carai.community.models import Invitation, KpiSnapshot
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


@task()
def kpi_figures_refresh(*, key: str) -> float | None:
    """Compute and store the key figures for one choice of filters (``KpiFilters.key()``).
    Returns how many seconds it took; None when the filters no longer make sense."""
    filters = KpiFilters.from_key(key)
    if filters is None:
        KpiSnapshot.objects.filter(key=key).delete()
        return None
    return kpi_figures_compute(filters=filters).seconds
