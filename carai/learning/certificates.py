"""Certificates as PDF and as an Open Badges 3.0 credential (JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

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


def open_badge(certificate: Certificate) -> dict[str, Any]:
    """An Open Badges 3.0 OpenBadgeCredential (unsigned: no cryptographic proof yet)."""
    url = verification_url(certificate)
    base = settings.CARAI_BASE_URL.rstrip("/")
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": base + "/", "type": ["Profile"], "name": "CARAI"},
        "validFrom": certificate.issued_at.isoformat(),
        "validUntil": certificate.expires_at.isoformat(),
        "name": certificate.module_title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": certificate.holder_name,
            "achievement": {
                "id": (
                    f"{base}/leren/modules/{certificate.module_id}/#v{certificate.module_version}"
                ),
                "type": ["Achievement"],
                "name": certificate.module_title,
                "description": certificate.module.summary,
                "criteria": {
                    "narrative": "Completed every required lesson and passed the module quiz."
                },
                "version": str(certificate.module_version),
                "inLanguage": certificate.module.language,
            },
        },
    }
