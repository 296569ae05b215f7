"""Keep the follow-up and the cached register current.

A change to the register (a tool, its required modules, an extra requirement) or to a
membership queues the follow-up of that organisation once the change is committed; the
daily run catches anything else (expiry).

The register's facts per organisation (``selectors.Scope.facts``) are cached under the scope
``literacy:<organisation id>``: every save or delete of what they read outdates it: the
register, memberships, names, and evidence (certificates, external certificates,
confirmations, practice attempts, workshop attendance) of the organisations the person
belongs to.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_save

from carai.accounts.models import User
from carai.community.models import Membership
from carai.core.cache import on_write, scopes_changed
from carai.learning.models import Certificate, WorkshopRegistration, WorkshopSession
from carai.practice.models import PracticeAttempt
from carai.register.models import Acknowledgement, AITool, Guideline


def _queue(organisation_id: int) -> None:
    """Once per organisation and transaction (a demo load saves thousands of rows): a
    follow-up of the organisation that already waits for the commit is enough."""
    from carai.literacy.tasks import literacy_follow_up

    for entry in connection.run_on_commit:  # (savepoints, function, robust)
        if getattr(entry[1], "literacy_organisation_id", None) == organisation_id:
            return

    def run() -> None:
        literacy_follow_up.enqueue(organisation_id=organisation_id)

    run.literacy_organisation_id = organisation_id  # type: ignore[attr-defined]
    transaction.on_commit(run, robust=True)


def _outdate(*organisation_ids: int) -> None:
    from carai.literacy.selectors import facts_scope

    scopes_changed(*(facts_scope(pk) for pk in sorted(set(organisation_ids))))


def outdate_person(user_id: int) -> None:
    """Outdate the facts of every organisation the person is or was in (also used by the
    account erasure, which ends the memberships with an update that sends no signal)."""
    _outdate(
        *Membership.objects.filter(user_id=user_id)
        .values_list("organisation_id", flat=True)
        .distinct()
    )


def _tool_saved(sender: Any, instance: AITool, **kwargs: Any) -> None:
    _outdate(instance.organisation_id)
    if kwargs.get("signal") is post_save:
        _queue(instance.organisation_id)


def _modules_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, AITool):
        _outdate(instance.organisation_id)
        _queue(instance.organisation_id)


def _requirement_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    _outdate(instance.tool.organisation_id)
    _queue(instance.tool.organisation_id)


def _membership_saved(sender: Any, instance: Membership, **kwargs: Any) -> None:
    _outdate(instance.organisation_id)
    if kwargs.get("signal") is post_save:
        _queue(instance.organisation_id)


def _by_organisation(sender: Any, instance: Any, **kwargs: Any) -> None:
    _outdate(instance.organisation_id)


def _guideline_saved(sender: Any, instance: Guideline, **kwargs: Any) -> None:
    """A new version of the guidelines: everyone whose tool asks for them reads it again."""
    _outdate(instance.organisation_id)
    if kwargs.get("signal") is post_save:
        _queue(instance.organisation_id)


def _register_imported(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    """A CSV import writes the tools in bulk (no signal per tool); its audit event is the
    one save that tells: outdate the facts and follow up."""
    from carai.register.audit import RegisterAction

    imported = created and instance.action == RegisterAction.AI_REGISTER_IMPORTED
    if imported and instance.organisation_id is not None:
        _outdate(instance.organisation_id)
        _queue(instance.organisation_id)


def _by_user(sender: Any, instance: Any, **kwargs: Any) -> None:
    outdate_person(instance.user_id)


def _user_saved(sender: Any, instance: User, **kwargs: Any) -> None:
    """Only a name or e-mail change matters (a log-in saves ``last_login`` alone)."""
    fields = kwargs.get("update_fields")
    if fields is None or {"full_name", "email", "erased_at"} & set(fields):
        outdate_person(instance.pk)


def connect() -> None:
    """Connected in ``LiteracyConfig.ready``."""
    from carai.literacy.models import ExternalCertificate, ToolRequirement

    m2m_changed.connect(
        _modules_changed,
        sender=AITool.required_modules.through,
        dispatch_uid="literacy_tool_modules",
    )
    both: list[tuple[type[Model], Any]] = [
        (AITool, _tool_saved),
        (ToolRequirement, _requirement_saved),
        (Membership, _membership_saved),
        (Guideline, _guideline_saved),
        (WorkshopSession, _by_organisation),
        (User, _user_saved),
        (Certificate, _by_user),
        (ExternalCertificate, _by_user),
        (Acknowledgement, _by_user),
        (PracticeAttempt, _by_user),
        (WorkshopRegistration, _by_user),
    ]
    from carai.core.models import AuditEvent

    post_save.connect(
        _register_imported, sender=AuditEvent, dispatch_uid="literacy_register_imported"
    )
    for model, receiver in both:
        on_write(model, receiver, dispatch_uid=f"literacy-{model._meta.label}")
