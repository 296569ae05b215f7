"""Two-step verification: setting up the authenticator app, the second step of logging in,
recovery codes, and an organisation's policy."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors
from carai.core.throttle import throttle_hit
from carai.signin import mfa, mfa_services
from carai.signin.access import access_signin_settings
from carai.signin.forms import CodeForm, MfaPolicyForm, SecondStepForm
from carai.signin.middleware import PENDING, SETUP_DUE
from carai.signin.models import MfaPolicy, TotpDevice
from carai.signin.views import safe_next

SECOND_STEP_TRIES = 5
SECOND_STEP_WINDOW = 15 * 60


@login_required
def mfa_home(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    device = TotpDevice.objects.filter(user=user).first()
    context: dict[str, object] = {
        "device": device,
        "requirement": mfa.requirement(user),
        "form": CodeForm(),
        "unused_codes": user.recovery_codes.filter(used_at__isnull=True).count(),
    }
    if device is not None and device.confirmed_at is None:
        uri = mfa.provisioning_uri(mfa_services.totp_secret(device), user.email)
        context.update(qr=mfa.qr_svg(uri), secret=mfa_services.totp_secret(device), setup_uri=uri)
    return render(request, "signin/mfa.html", context)


@login_required
@require_POST
def mfa_setup(request: HttpRequest) -> HttpResponse:
    try:
        mfa_services.totp_begin(user=authenticated_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("signin:mfa")


def _codes_page(request: HttpRequest, codes: list[str]) -> HttpResponse:
    return render(request, "signin/recovery_codes.html", {"codes": codes})


@login_required
@require_POST
def mfa_confirm(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            codes = mfa_services.totp_confirm(
                user=user, code=form.cleaned_data["code"], request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            request.session.pop(SETUP_DUE, None)
            return _codes_page(request, codes)
    return redirect("signin:mfa")


@login_required
@require_POST
def mfa_recovery_codes(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            codes = mfa_services.recovery_codes_new(
                user=authenticated_user(request), code=form.cleaned_data["code"], request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return _codes_page(request, codes)
    return redirect("signin:mfa")


@login_required
@require_POST
def mfa_disable(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            mfa_services.totp_disable(
                user=authenticated_user(request), code=form.cleaned_data["code"], request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Two-step verification is off."))
    return redirect("signin:mfa")


@login_required
@require_http_methods(["GET", "POST"])
def mfa_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in."""
    user = authenticated_user(request)
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next", ""))
    if not request.session.get(PENDING):
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    form = SecondStepForm(request.POST or None, trust_days=settings.CARAI_MFA_TRUST_DAYS)
    status = 200
    if request.method == "POST" and form.is_valid():
        allowed = throttle_hit(
            scope="mfa-second-step",
            key=str(user.pk),
            limit=SECOND_STEP_TRIES,
            seconds=SECOND_STEP_WINDOW,
        )
        if not allowed:
            form.add_error(None, _("Too many wrong codes. Wait 15 minutes and try again."))
            status = 429
        elif mfa_services.second_step_check(
            user=user, code=form.cleaned_data["code"], request=request
        ):
            del request.session[PENDING]
            request.session.cycle_key()
            response = redirect(next_url or settings.LOGIN_REDIRECT_URL)
            if form.cleaned_data["trust"]:
                token, age = mfa_services.device_trust(user=user, request=request)
                response.set_cookie(
                    mfa.TRUST_COOKIE,
                    token,
                    max_age=age,
                    secure=request.is_secure(),
                    httponly=True,
                    samesite="Lax",
                )
            return response
        else:
            form.add_error("code", _("This code is not right. Try the newest code."))
    return render(
        request, "signin/mfa_verify.html", {"form": form, "next": next_url}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def mfa_policy(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_signin_settings(user=user, slug=slug)
    policy = MfaPolicy.objects.filter(organisation=organisation).first()
    initial = (
        {"required": policy.required, "grace_days": policy.grace_days}
        if policy
        else {"required": True, "grace_days": settings.CARAI_MFA_GRACE_DAYS}
    )
    form = MfaPolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            mfa_services.policy_save(
                actor=user, request=request, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("signin:mfa_policy", slug=organisation.slug)
    return render(request, "signin/mfa_policy.html", {"organisation": organisation, "form": form})
