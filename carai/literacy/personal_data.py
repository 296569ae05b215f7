"""A person's external certificates, for their own-data export and for erasing their account
(see ``carai.accounts.personal_data``)."""

from __future__ import annotations

from typing import Any

from carai.accounts.models import User
from carai.accounts.personal_data import iso
from carai.literacy.models import ExternalCertificate


def external_certificates_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "organisation": e.organisation.name,
            "module": e.module_key,
            "title": e.title,
            "issuer": e.issuer,
            "reference": e.reference,
            "issued_on": iso(e.issued_on),
            "valid_until": iso(e.valid_until),
            "status": e.status,
            "declared_at": iso(e.declared_at),
            "reviewed_at": iso(e.reviewed_at),
            "review_note": e.review_note,
        }
        for e in ExternalCertificate.objects.filter(user=user).select_related("organisation")
    ]


def external_certificates_erase(user: User) -> None:
    # The free text goes; that a certificate was accepted (and when) stays as evidence.
    ExternalCertificate.objects.filter(user=user).update(reference="", review_note="")
