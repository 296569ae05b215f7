"""Keep the follow-up current: a change to the register (a tool, its required modules, an
extra requirement) or to a membership queues the follow-up of that organisation once the
change is committed. The daily run catches anything else (expiry)."""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_save

from carai.community.models import Membership
from carai.register.models import AITool


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


def _tool_saved(sender: Any, instance: AITool, **kwargs: Any) -> None:
    _queue(instance.organisation_id)


def _modules_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, AITool):
        _queue(instance.organisation_id)


def _requirement_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    _queue(instance.tool.organisation_id)


def _membership_saved(sender: Any, instance: Membership, **kwargs: Any) -> None:
    _queue(instance.organisation_id)


def connect() -> None:
    """Connected in ``LiteracyConfig.ready``."""
    from carai.literacy.models import ToolRequirement

    post_save.connect(_tool_saved, sender=AITool, dispatch_uid="literacy_tool_saved")
    m2m_changed.connect(
        _modules_changed,
        sender=AITool.required_modules.through,
        dispatch_uid="literacy_tool_modules",
    )
    post_save.connect(
        _requirement_saved, sender=ToolRequirement, dispatch_uid="literacy_requirement_saved"
    )
    post_save.connect(
        _membership_saved, sender=Membership, dispatch_uid="literacy_membership_saved"
    )
