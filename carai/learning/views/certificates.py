"""A learner's certificates, and the public check of a certificate by its code."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from carai.accounts.http import authenticated_user
from carai.learning.access import (
    access_certificate_by_code,
    access_own_certificate,
)
from carai.learning.certificates import certificate_pdf, open_badge, verification_url


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


@require_GET
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    certificate = access_certificate_by_code(code=code)
    return render(request, "learning/certificate_verify.html", {"certificate": certificate})


@require_GET
def certificate_badge(request: HttpRequest, code: str) -> JsonResponse:
    certificate = access_certificate_by_code(code=code)
    return JsonResponse(open_badge(certificate), json_dumps_params={"ensure_ascii": False})
