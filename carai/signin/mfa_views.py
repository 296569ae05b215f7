"""Two-step verification: setting up the authenticator app, the second step of logging in,
recovery codes, and an organisation's policy."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors
from carai.core.throttle import throttle_hit
from carai.signin import mfa, mfa_services, webauthn
from carai.signin.access import access_security_key, access_signin_settings
from carai.signin.forms import CodeForm, MfaPolicyForm, SecondStepForm
from carai.signin.middleware import PENDING, SETUP_DUE
from carai.signin.models import MfaPolicy, SecurityKey, TotpDevice
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
    if device is not None and device.confirmed_at is not None:
        keys = list(user.security_keys.all())
        options, state = webauthn.registration_options(
            user, [bytes(key.credential_data) for key in keys]
        )
        request.session[REGISTER_STATE] = state
        context.update(keys=keys, register_options=options)
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
    context: dict[str, Any] = {"form": form, "next": next_url}
    keys = [bytes(k) for k in user.security_keys.values_list("credential_data", flat=True)]
    if keys:
        options, state = webauthn.authentication_options(keys)
        request.session[AUTH_STATE] = state
        context["auth_options"] = options
    return render(request, "signin/mfa_verify.html", context, status=status)


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


REGISTER_STATE = "carai_webauthn_register"
AUTH_STATE = "carai_webauthn_auth"


def _json_body(request: HttpRequest) -> dict[str, Any]:
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


@login_required
@require_POST
def security_key_add(request: HttpRequest) -> HttpResponse:
    """The browser's answer to ``navigator.credentials.create`` (JSON)."""
    user = authenticated_user(request)
    state = request.session.pop(REGISTER_STATE, None)
    data = _json_body(request)
    credential = data.get("credential")
    if not isinstance(state, dict) or not isinstance(credential, dict):
        return JsonResponse({"error": _("Start again.")}, status=400)
    try:
        credential_id, credential_data = webauthn.registration_check(state, credential)
        mfa_services.security_key_add(
            user=user,
            name=str(data.get("name") or "").strip(),
            credential_id=credential_id,
            credential_data=credential_data,
            request=request,
        )
    except (webauthn.WebAuthnError, ValidationError, IntegrityError):
        return JsonResponse({"error": _("This key could not be added. Try again.")}, status=400)
    messages.success(request, _("Key added."))
    return JsonResponse({"ok": True})


@login_required
@require_POST
def security_key_remove(request: HttpRequest, key_id: int) -> HttpResponse:
    user = authenticated_user(request)
    key = access_security_key(user=user, key_id=key_id)
    mfa_services.security_key_remove(user=user, key=key, request=request)
    messages.success(request, _("Key removed."))
    return redirect("signin:mfa")


@login_required
@require_POST
def security_key_verify(request: HttpRequest) -> HttpResponse:
    """The second step with a passkey or security key: the browser's answer to
    ``navigator.credentials.get`` (JSON)."""
    user = authenticated_user(request)
    state = request.session.pop(AUTH_STATE, None)
    data = _json_body(request)
    credential = data.get("credential")
    next_url = safe_next(request, str(data.get("next") or ""))
    if not request.session.get(PENDING):
        return JsonResponse({"redirect": next_url or resolve_url(settings.LOGIN_REDIRECT_URL)})
    if not isinstance(state, dict) or not isinstance(credential, dict):
        return JsonResponse({"error": _("Start again.")}, status=400)
    if not throttle_hit(
        scope="mfa-second-step",
        key=str(user.pk),
        limit=SECOND_STEP_TRIES,
        seconds=SECOND_STEP_WINDOW,
    ):
        return JsonResponse(
            {"error": _("Too many wrong codes. Wait 15 minutes and try again.")}, status=429
        )
    keys = list(SecurityKey.objects.filter(user=user).values_list("credential_data", flat=True))
    try:
        credential_id = webauthn.authentication_check(state, [bytes(k) for k in keys], credential)
    except webauthn.WebAuthnError:
        mfa_services.second_step_failed_record(user=user, request=request)
        return JsonResponse({"error": _("This key was not accepted.")}, status=400)
    mfa_services.security_key_used(user=user, credential_id=credential_id)
    del request.session[PENDING]
    request.session.cycle_key()
    return JsonResponse({"redirect": next_url or resolve_url(settings.LOGIN_REDIRECT_URL)})
