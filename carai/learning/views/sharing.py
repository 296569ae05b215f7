"""The community lead shares organisations' published modules with the whole community."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import message_service_error
from carai.learning.access import (
    access_module_for_sharing,
)
from carai.learning.models import Module
from carai.learning.services import authoring

# Sharing with the community (community lead) -------------------------------------------------


@login_required
@require_GET
def sharing_list(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    if not user.is_community_lead:
        raise Http404("Not the community lead.")
    modules = (
        Module.objects.published()
        .filter(owner__isnull=False)
        .select_related("owner")
        .order_by("shared", "owner__name", "title")
    )
    return render(request, "learning/authoring/sharing.html", {"modules": modules})


@login_required
@require_POST
def sharing_toggle(request: HttpRequest, shared_id: int) -> HttpResponse:
    user = authenticated_user(request)
    module = access_module_for_sharing(user=user, module_id=shared_id)
    share = request.POST.get("share") == "yes"
    try:
        authoring.module_share(actor=user, module=module, shared=share, request=request)
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(
            request,
            _("“%(title)s” is now shared with the whole community.") % {"title": module.title}
            if share
            else _("“%(title)s” is again only for its own organisation.") % {"title": module.title},
        )
    return redirect("learning:sharing")
