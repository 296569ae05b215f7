"""Certificates as PDF and as an Open Badges 3.0 credential (JSON)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from carai.learning import badges
from carai.learning.models import Certificate

FONTS = Path(__file__).resolve().parent / "fonts"
TEAL = (11, 93, 102)
INK = (27, 35, 39)


def verification_url(certificate: Certificate) -> str:
    path = reverse("learning:certificate_verify", kwargs={"code": certificate.code})
    return settings.CARAI_BASE_URL.rstrip("/") + path


def certificate_pdf(certificate: Certificate, *, language: str) -> bytes:
    """An A4 landscape certificate. DejaVu Sans renders every name, whatever its script."""
    with translation.override(language):
        pdf = FPDF(orientation="L", unit="mm", format="A4")
        pdf.set_title(_("Certificate") + f" {certificate.code}")
        pdf.set_author("CARAI")
        pdf.set_lang(language)
        pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        pdf.set_auto_page_break(auto=False)
        pdf.add_page()
        pdf.set_draw_color(*TEAL)
        pdf.set_line_width(1.5)
        pdf.rect(10, 10, 277, 190)
        pdf.set_text_color(*TEAL)
        pdf.set_font("DejaVu", "B", 14)
        pdf.set_xy(20, 22)
        pdf.cell(257, 8, "CARAI", align="C")
        pdf.set_font("DejaVu", "B", 30)
        pdf.set_xy(20, 40)
        pdf.cell(257, 14, _("Certificate"), align="C")
        pdf.set_text_color(*INK)
        pdf.set_font("DejaVu", "", 13)
        pdf.set_xy(20, 62)
        pdf.cell(257, 8, _("This certifies that"), align="C")
        pdf.set_font("DejaVu", "B", 22)
        pdf.set_xy(20, 74)
        pdf.cell(257, 12, certificate.holder_name, align="C")
        pdf.set_font("DejaVu", "", 13)
        pdf.set_xy(20, 92)
        pdf.cell(257, 8, _("has completed the learning module"), align="C")
        pdf.set_font("DejaVu", "B", 18)
        pdf.set_xy(30, 104)
        pdf.multi_cell(237, 10, certificate.module_title, align="C")
        pdf.set_font("DejaVu", "", 11)
        issued = formats.date_format(certificate.issued_at, "j F Y")
        expires = formats.date_format(certificate.expires_at, "j F Y")
        lines = [
            _("Version %(version)s · completed on %(date)s")
            % {"version": certificate.module_version, "date": issued},
            _("Valid until %(date)s") % {"date": expires},
        ]
        if certificate.organisation_name:
            lines.insert(0, certificate.organisation_name)
        y = 130.0
        for line in lines:
            pdf.set_xy(20, y)
            pdf.cell(257, 7, line, align="C")
            y += 8
        pdf.set_font("DejaVu", "", 9)
        pdf.set_xy(20, 178)
        pdf.cell(
            257,
            6,
            _("Check this certificate with code %(code)s at %(url)s")
            % {"code": certificate.code, "url": verification_url(certificate)},
            align="C",
        )
        return bytes(pdf.output())


def _base() -> str:
    return settings.CARAI_BASE_URL.rstrip("/")


def issuer_url() -> str:
    return _base() + reverse("learning:badge_issuer")


def keys_url() -> str:
    return _base() + reverse("learning:badge_keys")


def status_list_url() -> str:
    return _base() + reverse("learning:badge_status_list")


def issuer_profile() -> dict[str, Any]:
    """The issuer's Profile (OB 3.0): who signs CARAI's badges, and where its keys are."""
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": issuer_url(),
        "type": ["Profile"],
        "name": "CARAI",
        "url": _base() + "/",
        "description": "Learning community for AI in care and welfare (certificates of modules)",
        "otherIdentifier": [
            {"type": "IdentifierEntry", "identifier": keys_url(), "identifierType": "identifier"}
        ],
    }


def _salt(certificate: Certificate) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), b"badge-salt:" + certificate.code.encode(), "sha256"
    ).hexdigest()[:16]


def open_badge(certificate: Certificate) -> dict[str, Any]:
    """An Open Badges 3.0 OpenBadgeCredential for the certificate: the recipient by a salted
    hash of their e-mail address, revocation by the status list. ``badge_jwt`` signs it."""
    base = _base()
    salt = _salt(certificate)
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": verification_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_url(), "type": ["Profile"], "name": "CARAI", "url": base + "/"},
        "validFrom": certificate.issued_at.isoformat(),
        "validUntil": certificate.expires_at.isoformat(),
        "name": certificate.module_title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": badges.identity_hash(certificate.user.email, salt=salt),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": salt,
                }
            ],
            "achievement": {
                "id": (
                    f"{base}/leren/modules/{certificate.module_id}/#v{certificate.module_version}"
                ),
                "type": ["Achievement"],
                "name": certificate.module_title,
                "description": certificate.module.summary or certificate.module_title,
                "criteria": {
                    "narrative": "Completed every required lesson and passed the module quiz."
                },
                "version": str(certificate.module_version),
                "inLanguage": certificate.module.language,
            },
        },
        "credentialStatus": {
            "id": f"{status_list_url()}#{certificate.pk}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(certificate.pk),
            "statusListCredential": status_list_url(),
        },
    }


def badge_jwt(certificate: Certificate) -> str:
    """The credential as a VC-JWT (OB 3.0 section 8.2), signed with the issuer's key."""
    credential = open_badge(certificate)
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": int(certificate.issued_at.timestamp()),
        "exp": int(certificate.expires_at.timestamp()),
    }
    return badges.jwt_sign(claims, key_url=keys_url())


def status_list_jwt(*, revoked: set[int]) -> str:
    """The revocation list as a signed BitstringStatusListCredential (VC-JWT)."""
    now = timezone.now()
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": status_list_url(),
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_url(),
        "validFrom": now.isoformat(),
        "credentialSubject": {
            "id": status_list_url() + "#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": badges.status_list_encode(revoked),
        },
    }
    claims = {
        **credential,
        "iss": issuer_url(),
        "jti": status_list_url(),
        "nbf": int(now.timestamp()),
    }
    return badges.jwt_sign(claims, key_url=keys_url())


@dataclass(frozen=True)
class BadgeVerdict:
    signed: bool  # signed by one of CARAI's published keys, and unchanged since
    status: str  # "valid", "expired", "revoked" or "unknown" (not a CARAI badge)
    name: str = ""
    valid_until: datetime | None = None


def badge_verdict(token: str) -> BadgeVerdict:
    """What a verifier would conclude about a badge (VC-JWT) someone hands over."""
    checked = badges.jwt_check(token)
    payload = checked.payload or {}
    if not checked.signature_ok:
        return BadgeVerdict(signed=False, status="unknown")
    name = str(payload.get("name", ""))
    valid_until = datetime.fromtimestamp(int(payload.get("exp", 0)), tz=UTC)
    status = payload.get("credentialStatus") or {}
    index = str(status.get("statusListIndex", ""))
    if (
        index.isdigit()
        and Certificate.objects.filter(pk=int(index), revoked_at__isnull=False).exists()
    ):
        return BadgeVerdict(signed=True, status="revoked", name=name, valid_until=valid_until)
    if valid_until <= timezone.now():
        return BadgeVerdict(signed=True, status="expired", name=name, valid_until=valid_until)
    return BadgeVerdict(signed=True, status="valid", name=name, valid_until=valid_until)
