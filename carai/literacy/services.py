"""Every write of the literacy register: external certificates, extra requirements, the
plan and evidence files. The follow-up (assignments) lives in ``followup.py``."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.core.audit import audit_record
from carai.literacy.audit import LiteracyAction
from carai.literacy.models import (
    EXTRA_KINDS,
    EvidenceFile,
    ExternalCertificate,
    ExternalStatus,
    PlanGoal,
    RequirementKind,
    ToolRequirement,
)
from carai.register.models import AITool

# External certificates -------------------------------------------------------------------


@transaction.atomic
def external_declare(
    *,
    organisation: Organisation,
    user: User,
    module_key: str,
    title: str,
    issuer: str,
    issued_on: datetime.date,
    valid_until: datetime.date | None = None,
    reference: str = "",
) -> ExternalCertificate:
    """A member declares a certificate from elsewhere for a module; it waits for review."""
    if not Membership.objects.active_in(organisation=organisation).filter(user=user).exists():
        raise ValidationError(_("You are not a member of this organisation."))
    if issued_on > timezone.localdate():
        raise ValidationError({"issued_on": _("The date cannot be in the future.")})
    if valid_until is not None and valid_until <= issued_on:
        raise ValidationError({"valid_until": _("The end date must come after the issue date.")})
    external = ExternalCertificate.objects.create(
        organisation=organisation,
        user=user,
        module_key=module_key,
        title=title,
        issuer=issuer,
        issued_on=issued_on,
        valid_until=valid_until,
        reference=reference,
    )
    audit_record(
        action=LiteracyAction.EXTERNAL_DECLARED,
        actor=user,
        organisation=organisation,
        target=external,
        target_label=title,
        details={"module": module_key},
    )
    return external


@transaction.atomic
def external_review(
    *, actor: User, external: ExternalCertificate, accept: bool, note: str = ""
) -> ExternalCertificate:
    """A manager or the privacy officer accepts (counts as evidence from now) or refuses."""
    external = ExternalCertificate.objects.select_for_update().get(pk=external.pk)
    if external.status != ExternalStatus.DECLARED:
        raise ValidationError(_("This certificate was already reviewed."))
    if external.user_id == actor.pk:
        raise ValidationError(_("Someone else must review your own certificate."))
    if not accept and not note.strip():
        raise ValidationError({"note": _("Say why the certificate is not accepted.")})
    external.status = ExternalStatus.ACCEPTED if accept else ExternalStatus.REJECTED
    external.reviewed_at = timezone.now()
    external.reviewed_by = actor
    external.review_note = note.strip()
    external.save(update_fields=["status", "reviewed_at", "reviewed_by", "review_note"])
    audit_record(
        action=LiteracyAction.EXTERNAL_ACCEPTED if accept else LiteracyAction.EXTERNAL_REJECTED,
        actor=actor,
        organisation=external.organisation,
        target=external,
        target_label=external.title,
        details={"module": external.module_key, "person": external.user_id},
    )
    return external


# Extra requirements ----------------------------------------------------------------------


@transaction.atomic
def requirement_add(*, actor: User, tool: AITool, kind: str, key: str = "") -> ToolRequirement:
    if kind not in EXTRA_KINDS:
        raise ValidationError({"kind": _("Choose a kind of requirement.")})
    if kind == RequirementKind.GUIDELINES:
        key = ""
    elif not key:
        raise ValidationError({"key": _("Say what is required.")})
    if ToolRequirement.objects.filter(
        tool=tool, kind=kind, key=key, removed_at__isnull=True
    ).exists():
        raise ValidationError(_("The tool already has this requirement."))
    requirement = ToolRequirement.objects.create(tool=tool, kind=kind, key=key, added_by=actor)
    audit_record(
        action=LiteracyAction.REQUIREMENT_ADDED,
        actor=actor,
        organisation=tool.organisation,
        target=tool,
        target_label=tool.name,
        details={"kind": kind, "key": key},
    )
    return requirement


@transaction.atomic
def requirement_remove(*, actor: User, requirement: ToolRequirement) -> ToolRequirement:
    """End a requirement (kept, so the state on earlier dates stays as it was)."""
    if requirement.removed_at is None:
        requirement.removed_at = timezone.now()
        requirement.save(update_fields=["removed_at"])
        audit_record(
            action=LiteracyAction.REQUIREMENT_REMOVED,
            actor=actor,
            organisation=requirement.tool.organisation,
            target=requirement.tool,
            target_label=requirement.tool.name,
            details={"kind": requirement.kind, "key": requirement.key},
        )
    return requirement


# The plan --------------------------------------------------------------------------------


@transaction.atomic
def plan_goal_save(
    *,
    actor: User,
    organisation: Organisation,
    data: dict[str, object],
    goal: PlanGoal | None = None,
) -> PlanGoal:
    """Add a goal, or change one: the change is a new row, the old one is kept superseded."""
    responsible = data.get("responsible")
    if (
        isinstance(responsible, User)
        and not Membership.objects.active_in(organisation=organisation)
        .filter(user=responsible)
        .exists()
    ):
        raise ValidationError({"responsible": _("Choose a member of the organisation.")})
    now = timezone.now()
    if goal is not None:
        goal = PlanGoal.objects.select_for_update().get(pk=goal.pk)
        if goal.superseded_at is not None:
            raise ValidationError(_("This goal was changed meanwhile. Open it again."))
        goal.superseded_at = now
        goal.save(update_fields=["superseded_at"])
    new = PlanGoal.objects.create(
        organisation=organisation,
        created_by=actor,
        created_at=now,
        replaces=goal,
        **data,
    )
    audit_record(
        action=LiteracyAction.PLAN_GOAL_SAVED,
        actor=actor,
        organisation=organisation,
        target=new,
        target_label=new.goal[:100],
    )
    return new


@transaction.atomic
def plan_goal_remove(*, actor: User, goal: PlanGoal) -> PlanGoal:
    if goal.superseded_at is None:
        goal.superseded_at = timezone.now()
        goal.save(update_fields=["superseded_at"])
        audit_record(
            action=LiteracyAction.PLAN_GOAL_REMOVED,
            actor=actor,
            organisation=goal.organisation,
            target=goal,
            target_label=goal.goal[:100],
        )
    return goal


# Evidence files --------------------------------------------------------------------------


@transaction.atomic
def evidence_file_request(
    *, actor: User, organisation: Organisation, as_of: datetime.date, language: str
) -> EvidenceFile:
    """Ask for the evidence file as it was on ``as_of``; a background task makes it."""
    if as_of > timezone.localdate():
        raise ValidationError({"as_of": _("Choose today or a day in the past.")})
    made = EvidenceFile.objects.create(
        organisation=organisation, as_of=as_of, requested_by=actor, language=language
    )
    from carai.literacy.tasks import evidence_file_task

    transaction.on_commit(lambda: evidence_file_task.enqueue(file_id=made.pk), robust=True)
    return made
