"""A person's learning records on their way to an LRS, for the own-data export and erasure
(see ``carai.accounts.personal_data``)."""

from __future__ import annotations

from typing import Any

from carai.accounts.models import User
from carai.accounts.personal_data import iso
from carai.xapi.models import Statement, StatementState


def xapi_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "organisation": s.lrs.organisation.name,
            "what": s.body.get("verb", {}).get("display", {}).get("en-US", ""),
            "object": s.body.get("object", {}).get("id", ""),
            "when": s.body.get("timestamp"),
            "state": s.state,
            "sent_at": iso(s.sent_at),
        }
        for s in Statement.objects.filter(user=user).select_related("lrs__organisation")
    ]


def xapi_erase(user: User) -> None:
    # Not yet sent: never sent. What an LRS already holds is the organisation's to erase.
    Statement.objects.filter(user=user).exclude(state=StatementState.SENT).delete()
    Statement.objects.filter(user=user).update(user=None)
