"""Background work of the literacy register (django-tasks): making evidence files, and the
daily follow-up that turns requirements into assignments."""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from carai.core.audit import audit_record
from carai.literacy.audit import LiteracyAction
from carai.literacy.evidence import evidence_files
from carai.literacy.models import EvidenceFile, EvidenceStatus


def evidence_file_make(*, file_id: int) -> None:
    """Make the PDF and XLSX of a requested evidence file once; safe to run again."""
    made = EvidenceFile.objects.select_related("organisation").filter(pk=file_id).first()
    if made is None or made.status == EvidenceStatus.DONE:
        return
    facts, pdf, xlsx = evidence_files(
        organisation=made.organisation, as_of=made.as_of, language=made.language
    )
    with transaction.atomic():
        made.pdf, made.xlsx = pdf, xlsx
        made.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        made.xlsx_sha256 = hashlib.sha256(xlsx).hexdigest()
        made.made_at = facts.made_at
        made.status = EvidenceStatus.DONE
        made.save()
        audit_record(
            action=LiteracyAction.EVIDENCE_FILE_MADE,
            actor=made.requested_by,
            organisation=made.organisation,
            target=made,
            target_label=made.as_of.isoformat(),
            details={
                "as_of": made.as_of.isoformat(),
                "facts_sha256": facts.checksum(),
                "pdf_sha256": made.pdf_sha256,
                "xlsx_sha256": made.xlsx_sha256,
            },
        )


@task()
def evidence_file_task(*, file_id: int) -> None:
    try:
        evidence_file_make(file_id=file_id)
    except Exception:
        EvidenceFile.objects.filter(pk=file_id, status=EvidenceStatus.QUEUED).update(
            status=EvidenceStatus.FAILED, made_at=timezone.now()
        )
        raise


@task()
def literacy_follow_up(*, organisation_id: int | None = None) -> dict[str, int]:
    """New and refreshed assignments for what people need, and ending what they no longer
    need. Run daily (``manage.py literacy_daily``) and after register or role changes."""
    from carai.literacy.followup import follow_up

    return follow_up(organisation_id=organisation_id)
