"""A person's external certificates, for their own-data export and for erasing their account
(see ``carai.accounts.personal_data``)."""

from __future__ import annotations

from typing import Any

from carai.accounts.models import User
from carai.accounts.personal_data import iso
from carai.core.cache import rows_written_send
from carai.literacy.models import ExternalCertificate, LiteracyTask


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
    certificates = list(ExternalCertificate.objects.filter(user=user))
    ExternalCertificate.objects.filter(user=user).update(reference="", review_note="")
    fields = ["reference", "review_note"]
    # The register's cached facts (and the ended memberships: community's erasure reports
    # them the same way, core.cache.rows_written_send).
    rows_written_send(model=ExternalCertificate, instances=certificates, update_fields=fields)


def literacy_tasks_export(user: User) -> list[dict[str, Any]]:
    """What the literacy follow-up asked of the person (guidelines, exercises, workshops).
    Nothing to erase: no free text, and it is the organisation's evidence of its measures."""
    return [
        {
            "organisation": t.organisation.name,
            "kind": t.kind,
            "what": t.key,
            "due_date": iso(t.due_date),
            "created_at": iso(t.created_at),
            "done_at": iso(t.done_at),
            "ended_at": iso(t.ended_at),
            "reminded_at": iso(t.reminded_at),
        }
        for t in LiteracyTask.objects.filter(user=user).select_related("organisation")
    ]
