"""E-mails that could not be delivered: the organisation admin sees those of the
organisation, the community lead those of the whole platform; both may send one again."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from carai.accounts.http import authenticated_user
from carai.community import selectors
from carai.community.access import (
    MAIL_ROLES,
    access_community_lead,
    access_mail_message,
    access_organisation,
)
from carai.community.models import Organisation
from carai.core.mail import mail_retry


def _page(request: HttpRequest, organisation: Organisation | None) -> HttpResponse:
    page = Paginator(selectors.mail_undelivered(organisation=organisation), 50).get_page(
        request.GET.get("pagina")
    )
    return render(
        request, "community/mail_undelivered.html", {"organisation": organisation, "page": page}
    )


def _retry(request: HttpRequest, organisation: Organisation | None, message_id: int) -> None:
    user = authenticated_user(request)
    message = access_mail_message(user=user, organisation=organisation, message_id=message_id)
    try:
        mail_retry(actor=user, request=request, message=message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The e-mail to %(to)s is being sent again.") % {"to": message.to}
        )


@login_required
@require_GET
def mail_undelivered(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_organisation(
        user=authenticated_user(request), slug=slug, roles=MAIL_ROLES
    )
    return _page(request, organisation)


@login_required
@require_POST
def mail_resend(request: HttpRequest, slug: str, message_id: int) -> HttpResponse:
    organisation = access_organisation(
        user=authenticated_user(request), slug=slug, roles=MAIL_ROLES
    )
    _retry(request, organisation, message_id)
    return redirect("community:mail_undelivered", slug=organisation.slug)


@login_required
@require_GET
def lead_mail_undelivered(request: HttpRequest) -> HttpResponse:
    access_community_lead(user=authenticated_user(request))
    return _page(request, None)


@login_required
@require_POST
def lead_mail_resend(request: HttpRequest, message_id: int) -> HttpResponse:
    _retry(request, None, message_id)
    return redirect("community:lead_mail_undelivered")
