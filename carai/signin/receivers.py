"""What happens right after any log-in (password or organisation account): ask for the
second step when the person has an authenticator app and this browser is not trusted."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.http import HttpRequest
from django.utils import formats
from django.utils.translation import gettext as _

from carai.signin import mfa, mfa_services
from carai.signin.middleware import PENDING, SETUP_DUE
from carai.signin.models import TotpDevice


def _after_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    platform_wide = user.is_community_lead or user.is_staff or user.is_superuser
    if getattr(request, "carai_sso_mfa_done", False) and not platform_wide:
        # The organisation's identity provider already asked for a second factor. Not for
        # the community lead or staff: their rights reach beyond that organisation.
        return
    has_app = TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()
    if has_app:
        token = request.COOKIES.get(mfa.TRUST_COOKIE, "")
        if not mfa_services.device_is_trusted(user=user, token=token):
            request.session[PENDING] = True
        return
    requirement = mfa.requirement(user)
    if requirement.overdue:
        request.session[SETUP_DUE] = True
    elif requirement.required and requirement.deadline is not None:
        messages.warning(
            request,
            _("Your role asks for two-step verification. Set it up before %(date)s.")
            % {"date": formats.date_format(requirement.deadline, "j F Y")},
            fail_silently=True,
        )


def connect() -> None:
    user_logged_in.connect(_after_login, dispatch_uid="carai-signin-second-step")
