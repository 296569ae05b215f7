"""A learner's certificates, and the public check of a certificate by its code."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors
from carai.learning import badges, selectors
from carai.learning.access import (
    access_certificate_by_code,
    access_own_certificate,
)
from carai.learning.certificates import (
    badge_jwt,
    badge_verdict,
    certificate_pdf,
    issuer_profile,
    open_badge,
    status_list_jwt,
    verification_url,
)
from carai.learning.forms import BadgeCheckForm, CertificateRevokeForm
from carai.learning.models import Certificate
from carai.learning.services.progress import certificate_revoke


@login_required
@require_GET
def certificate_detail(request: HttpRequest, certificate_id: int) -> HttpResponse:
    user = authenticated_user(request)
    certificate = access_own_certificate(user=user, certificate_id=certificate_id)
    return render(
        request,
        "learning/certificate.html",
        {"certificate": certificate, "verify_url": verification_url(certificate)},
    )


@login_required
@require_GET
def certificate_pdf_download(request: HttpRequest, certificate_id: int) -> HttpResponse:
    user = authenticated_user(request)
    certificate = access_own_certificate(user=user, certificate_id=certificate_id)
    language = get_language() or "nl"
    response = HttpResponse(
        certificate_pdf(certificate, language=language), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="carai-certificaat-{certificate.code}.pdf"'
    )
    return response


def _badge_status(certificate: Certificate) -> str:
    if certificate.revoked_at is not None:
        return "revoked"
    return "valid" if certificate.is_valid else "expired"


@require_http_methods(["GET", "POST"])
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Anyone with the code sees the certificate, whether its signed badge checks out, and
    its status; the community lead can revoke it here."""
    certificate = access_certificate_by_code(code=code)
    user = request.user
    is_lead = bool(user.is_authenticated and user.is_active and user.is_community_lead)
    revoke_form = CertificateRevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not is_lead:
            raise Http404("Not found.")
        if revoke_form.is_valid():
            try:
                certificate_revoke(
                    actor=authenticated_user(request),
                    certificate=certificate,
                    reason=revoke_form.cleaned_data["reason"],
                )
            except ValidationError as error:
                add_service_errors(revoke_form, error)
            else:
                messages.success(request, _("The certificate is revoked."))
                return redirect("learning:certificate_verify", code=certificate.code)
    signed = badges.jwt_check(badge_jwt(certificate)).signature_ok
    return render(
        request,
        "learning/certificate_verify.html",
        {
            "certificate": certificate,
            "signed": signed,
            "status": _badge_status(certificate),
            "revoke_form": revoke_form if is_lead and certificate.revoked_at is None else None,
        },
    )


@require_GET
def certificate_badge(request: HttpRequest, code: str) -> JsonResponse:
    """The credential as JSON, to read (the signed form is ``badge.jwt``)."""
    certificate = access_certificate_by_code(code=code)
    return JsonResponse(open_badge(certificate), json_dumps_params={"ensure_ascii": False})


@require_GET
def certificate_badge_jwt(request: HttpRequest, code: str) -> HttpResponse:
    """The signed Open Badges 3.0 credential (VC-JWT), to keep or hand to a verifier."""
    certificate = access_certificate_by_code(code=code)
    response = HttpResponse(badge_jwt(certificate), content_type="application/vc+jwt")
    response["Content-Disposition"] = f'attachment; filename="carai-badge-{certificate.code}.jwt"'
    return response


@require_GET
def badge_issuer(request: HttpRequest) -> JsonResponse:
    return JsonResponse(issuer_profile(), json_dumps_params={"ensure_ascii": False})


@require_GET
def badge_keys(request: HttpRequest) -> JsonResponse:
    """The issuer's public keys (JWKS): the current one and those retired after a rotation."""
    return JsonResponse({"keys": badges.published_keys()})


@require_GET
def badge_status_list(request: HttpRequest) -> HttpResponse:
    """The signed revocation list (Bitstring Status List credential as VC-JWT)."""
    token = status_list_jwt(revoked=selectors.revoked_certificate_ids())
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["Cache-Control"] = "max-age=300"
    return response


@require_http_methods(["GET", "POST"])
def badge_check(request: HttpRequest) -> HttpResponse:
    """Paste a badge someone gave you: is it CARAI's, unchanged, and still valid?"""
    form = BadgeCheckForm(request.POST if request.method == "POST" else None)
    result = None
    if form.is_valid():
        result = badge_verdict(form.cleaned_data["badge"])
    return render(request, "learning/badge_check.html", {"form": form, "result": result})
