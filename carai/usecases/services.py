"""Every write to use cases: intake, triage, phases, team, checklist, demonstrators,
lessons and outcomes, publication and transfer to a learning module."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.learning.content import ModuleFields
from carai.learning.images import ImageProblem, image_clean
from carai.learning.models import Module, ModuleFormat
from carai.learning.services.authoring import (
    lesson_create,
    lesson_update,
    module_create,
)
from carai.usecases.emails import (
    join_request_email_answer,
    join_request_email_team,
    use_case_decision_email,
)
from carai.usecases.models import (
    JOIN_ROLES,
    Cycle,
    Demonstrator,
    HistoryEntry,
    JoinRequest,
    JoinStatus,
    PhaseRecord,
    ResponsibleAIItem,
    Status,
    TeamMember,
    TeamRole,
    UseCase,
)
from carai.usecases.phases import CRITERIA, FINISHED, RESPONSIBLE_AI, next_phase, phase


def _history(use_case: UseCase, actor: User | None, what: str) -> None:
    HistoryEntry.objects.create(use_case=use_case, actor=actor, what=what[:300])


@transaction.atomic
def use_case_submit(*, actor: User, organisation: Organisation, data: dict[str, Any]) -> UseCase:
    """A practice question from any member; the submitter joins the team as problem owner."""
    if not Membership.objects.active().filter(user=actor, organisation=organisation).exists():
        raise ValidationError({"organisation": _("You can only submit for your own organisation.")})
    use_case = UseCase.objects.create(organisation=organisation, submitted_by=actor, **data)
    TeamMember.objects.create(use_case=use_case, user=actor, role=TeamRole.OWNER)
    ResponsibleAIItem.objects.bulk_create(
        ResponsibleAIItem(use_case=use_case, key=key) for key, _label in RESPONSIBLE_AI
    )
    _history(use_case, actor, _("Practice question submitted"))
    return use_case


@transaction.atomic
def use_case_triage(
    *,
    actor: User,
    use_case: UseCase,
    accept: bool,
    cycle: Cycle | None,
    criteria: dict[str, int],
    reason: str,
) -> UseCase:
    """The community lead accepts a question into a cycle or declines it with a reason."""
    if not actor.is_community_lead:
        raise ValidationError(_("Only the community lead decides on practice questions."))
    use_case = UseCase.objects.select_for_update().get(pk=use_case.pk)
    if use_case.status != Status.SUBMITTED:
        raise ValidationError(_("A decision was already taken on this question."))
    unknown = set(criteria) - {key for key, _label in CRITERIA}
    if unknown or any(not 1 <= score <= 5 for score in criteria.values()):
        raise ValidationError(_("Score each criterion from 1 to 5."))
    if accept and cycle is None:
        raise ValidationError({"cycle": _("Choose the cycle the use case joins.")})
    if not accept and not reason.strip():
        raise ValidationError({"reason": _("Say why the question is declined.")})
    use_case.criteria = criteria
    use_case.decision_reason = reason.strip()
    if accept:
        use_case.status = Status.ACCEPTED
        use_case.cycle = cycle
        _history(use_case, actor, _("Accepted into %(cycle)s") % {"cycle": cycle})
    else:
        use_case.status = Status.DECLINED
        _history(use_case, actor, _("Declined: %(reason)s") % {"reason": reason.strip()})
    use_case.save()
    use_case_decision_email(use_case=use_case)
    return use_case


def _require_accepted(use_case: UseCase) -> None:
    if use_case.status != Status.ACCEPTED:
        raise ValidationError(_("The team starts once the use case is accepted into a cycle."))


@transaction.atomic
def phase_record_save(
    *, actor: User, use_case: UseCase, checklist: dict[str, bool], notes: str, deliverables: str
) -> PhaseRecord:
    """Save the team's work on the current phase."""
    _require_accepted(use_case)
    if use_case.phase == FINISHED:
        raise ValidationError(_("This use case is finished."))
    items = {key for key, _label in phase(use_case.phase).checklist}
    record, _created = PhaseRecord.objects.get_or_create(use_case=use_case, phase=use_case.phase)
    record.checklist = {key: True for key, done in checklist.items() if done and key in items}
    record.notes = notes
    record.deliverables = deliverables
    record.save()
    _history(
        use_case,
        actor,
        _("Work on phase '%(phase)s' saved") % {"phase": phase(use_case.phase).label},
    )
    return record


@transaction.atomic
def use_case_advance(*, actor: User, use_case: UseCase) -> UseCase:
    """Move to the next phase: only when the current phase's deliverables are described and
    its checklist is done. Phases are never skipped."""
    use_case = UseCase.objects.select_for_update().get(pk=use_case.pk)
    _require_accepted(use_case)
    if use_case.phase == FINISHED:
        raise ValidationError(_("This use case is finished."))
    current = phase(use_case.phase)
    record = PhaseRecord.objects.filter(use_case=use_case, phase=current.key).first()
    if record is None or not record.deliverables.strip():
        raise ValidationError(
            _("Describe the deliverables of '%(phase)s' before you go on.")
            % {"phase": current.label}
        )
    open_items = [label for key, label in current.checklist if not record.checklist.get(key)]
    if open_items:
        raise ValidationError(
            _("First finish the checklist of '%(phase)s': %(items)s")
            % {"phase": current.label, "items": "; ".join(str(i) for i in open_items)}
        )
    record.completed_at = timezone.now()
    record.save(update_fields=["completed_at"])
    use_case.phase = next_phase(current.key)
    use_case.save(update_fields=["phase"])
    if use_case.phase == FINISHED:
        _history(use_case, actor, _("Use case finished"))
    else:
        _history(
            use_case,
            actor,
            _("Moved to phase '%(phase)s'") % {"phase": phase(use_case.phase).label},
        )
    return use_case


@transaction.atomic
def team_add(*, actor: User, use_case: UseCase, email: str, role: str) -> TeamMember:
    """Add a person with a CARAI account to the team (from any partner organisation)."""
    person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise ValidationError({"email": _("Nobody with this e-mail address has a CARAI account.")})
    if use_case.team.filter(user=person).exists():
        raise ValidationError({"email": _("This person is already in the team.")})
    return _join_team(actor=actor, use_case=use_case, person=person, role=role)


def _join_team(*, actor: User, use_case: UseCase, person: User, role: str) -> TeamMember:
    member = TeamMember.objects.create(use_case=use_case, user=person, role=role)
    _history(use_case, actor, _("%(name)s joined the team") % {"name": person.display_name})
    return member


@transaction.atomic
def use_case_recruiting_set(
    *, actor: User, use_case: UseCase, open_to_join: bool, looking_for: str
) -> UseCase:
    """The team opens itself to new members (saying who it looks for) or closes again.
    Requests that are waiting stay, for the team to answer."""
    looking_for = looking_for.strip()
    if open_to_join:
        if not use_case.is_running:
            raise ValidationError(
                _("Only a use case that runs in a cycle can look for new team members.")
            )
        if not looking_for:
            raise ValidationError({"looking_for": _("Write who the team is looking for.")})
    was_open = use_case.open_to_join
    use_case.open_to_join = open_to_join
    use_case.looking_for = looking_for
    use_case.save(update_fields=["open_to_join", "looking_for"])
    if open_to_join and not was_open:
        _history(use_case, actor, _("The team is open to new members"))
    elif was_open and not open_to_join:
        _history(use_case, actor, _("The team is closed to new members"))
    return use_case


@transaction.atomic
def join_request_create(
    *, actor: User, use_case: UseCase, role: str, motivation: str
) -> JoinRequest:
    """A member of any partner organisation asks to join an open team."""
    if not Membership.objects.active().filter(user=actor, organisation__is_active=True).exists():
        raise ValidationError(_("Only members of a partner organisation can join a team."))
    if not use_case.can_be_joined:
        raise ValidationError(_("This team is not looking for new members now."))
    if use_case.team.filter(user=actor).exists():
        raise ValidationError(_("You are already in this team."))
    if use_case.join_requests.filter(user=actor, status=JoinStatus.PENDING).exists():
        raise ValidationError(_("You already asked to join. The team will answer you."))
    if role not in dict(JOIN_ROLES):
        raise ValidationError({"role": _("Choose a role from the list.")})
    join_request = JoinRequest.objects.create(
        use_case=use_case, user=actor, role=role, motivation=motivation.strip()
    )
    _history(use_case, actor, _("%(name)s asked to join the team") % {"name": actor.display_name})
    join_request_email_team(join_request=join_request)
    return join_request


@transaction.atomic
def join_request_decide(
    *, actor: User, join_request: JoinRequest, accept: bool, reply: str
) -> JoinRequest:
    """The team or the lead answers a request once; accepting puts the person in the team."""
    locked = (
        JoinRequest.objects.select_for_update()
        .select_related("use_case", "user")
        .get(pk=join_request.pk)
    )
    if locked.status != JoinStatus.PENDING:
        raise ValidationError(_("This request has already been answered."))
    name = locked.user.display_name
    if accept:
        if not locked.use_case.team.filter(user=locked.user).exists():
            _join_team(actor=actor, use_case=locked.use_case, person=locked.user, role=locked.role)
    else:
        _history(
            locked.use_case,
            actor,
            _("The request of %(name)s to join was declined") % {"name": name},
        )
    locked.status = JoinStatus.ACCEPTED if accept else JoinStatus.DECLINED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.reply = reply.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "reply"])
    join_request_email_answer(join_request=locked)
    return locked


@transaction.atomic
def join_request_withdraw(*, actor: User, join_request: JoinRequest) -> JoinRequest:
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if locked.user_id != actor.pk or locked.status != JoinStatus.PENDING:
        raise ValidationError(_("This request can no longer be withdrawn."))
    locked.status = JoinStatus.WITHDRAWN
    locked.save(update_fields=["status"])
    _history(
        locked.use_case,
        actor,
        _("%(name)s withdrew the request to join") % {"name": actor.display_name},
    )
    return locked


@transaction.atomic
def rai_item_update(*, actor: User, use_case: UseCase, key: str, status: str, note: str) -> None:
    """The team works through the DPIA and AI Act checklist, once the use case is accepted."""
    _require_accepted(use_case)
    item = ResponsibleAIItem.objects.filter(use_case=use_case, key=key).first()
    if item is None:
        raise ValidationError(_("Unknown checklist item."))
    item.status, item.note = status, note
    item.save()


MAX_DEMONSTRATOR_BYTES = 5 * 1024 * 1024


def _sniff(data: bytes) -> str | None:
    """The file type from its first bytes (the name and the browser's claim are not trusted)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"%PDF-"):
        return "pdf"
    return None


def _image_message(code: str) -> str:
    return {
        "too_large": _("The picture is too large (at most 2 MB). A PDF may be up to 5 MB."),
        "too_many_pixels": _("The picture has too many pixels."),
    }.get(code, _("Upload a picture (PNG, JPEG, WebP) or a PDF."))


@transaction.atomic
def demonstrator_add(
    *, actor: User, use_case: UseCase, data: dict[str, Any], file_data: bytes | None
) -> Demonstrator:
    _require_accepted(use_case)
    demonstrator = Demonstrator(use_case=use_case, **data)
    if file_data is not None:
        if len(file_data) > MAX_DEMONSTRATOR_BYTES:
            raise ValidationError({"file": _("The file is too large (at most 5 MB).")})
        kind = _sniff(file_data)
        if kind is None:
            raise ValidationError({"file": _("Upload a picture (PNG, JPEG, WebP) or a PDF.")})
        if kind != "pdf":
            try:
                cleaned = image_clean(file_data)  # re-encoded: no GPS or camera data
            except ImageProblem as problem:
                raise ValidationError({"file": _image_message(problem.code)}) from problem
            file_data, kind = cleaned.content, cleaned.extension
        demonstrator.file.save(f"demonstrator.{kind}", ContentFile(file_data), save=False)
    demonstrator.save()
    _history(use_case, actor, _("Demonstrator '%(name)s' added") % {"name": demonstrator.name})
    return demonstrator


@transaction.atomic
def lessons_save(*, actor: User, use_case: UseCase, data: dict[str, Any]) -> UseCase:
    for field, value in data.items():
        setattr(use_case, field, value)
    use_case.save()
    _history(use_case, actor, _("Lessons learned and results saved"))
    return use_case


@transaction.atomic
def use_case_publish(*, actor: User, use_case: UseCase, published: bool) -> UseCase:
    if not actor.is_community_lead:
        raise ValidationError(_("Only the community lead puts use cases in the showcase."))
    if published and use_case.status != Status.ACCEPTED:
        raise ValidationError(_("Only accepted use cases go into the showcase."))
    use_case.is_published = published
    use_case.save(update_fields=["is_published"])
    _history(
        use_case, actor, _("Put in the showcase") if published else _("Taken out of the showcase")
    )
    return use_case


@transaction.atomic
def module_draft_from_use_case(
    *, actor: User, use_case: UseCase, organisation: Organisation
) -> Module:
    """A draft learning module pre-filled from the use case, linked both ways."""
    if use_case.module_id is not None:
        raise ValidationError(_("A module was already made from this use case."))
    fields = ModuleFields(
        language="nl",
        title=_("Learning from: %(title)s") % {"title": use_case.title},
        summary=use_case.problem[:500],
        objectives=[
            _("You can explain the problem this use case worked on."),
            _("You know what the team learned and what to watch out for."),
        ],
        roles=[],
        levels=[],
        branches=[],
        estimated_minutes=30,
        format=ModuleFormat.BLENDED,
        licence="CC BY-SA 4.0",
        validity_months=24,
        references=[],
    )
    module = module_create(actor=actor, organisation=organisation, fields=fields)
    parts = [
        (_("The problem"), f"{use_case.problem}\n\n{use_case.who_has_it}"),
        (
            _("What it brought"),
            use_case.expected_value
            + (
                "\n\n" + _("Effect on quality: %(effect)s") % {"effect": use_case.quality_effect}
                if use_case.quality_effect
                else ""
            ),
        ),
        (
            _("Lessons learned"),
            "\n\n".join(
                f"**{label}:** {text}" for label, text in use_case.lessons_learned() if text
            )
            or _("(Write the lessons learned here.)"),
        ),
    ]
    for title, body in parts:
        lesson = lesson_create(module=module, kind="text", title=str(title))
        lesson_update(lesson=lesson, body=body)
    use_case.module = module
    use_case.save(update_fields=["module"])
    _history(use_case, actor, _("Learning module drafted: %(title)s") % {"title": module.title})
    return module


def cycle_create(*, name: str, starts_on: Any, ends_on: Any) -> Cycle:
    if ends_on <= starts_on:
        raise ValidationError({"ends_on": _("The end date must come after the start date.")})
    if Cycle.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": _("There is already a cycle with this name.")})
    return Cycle.objects.create(name=name, starts_on=starts_on, ends_on=ends_on)
