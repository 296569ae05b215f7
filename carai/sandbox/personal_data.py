"""The sandbox attempts a person kept, for the own-data export and erasure."""

from __future__ import annotations

from typing import Any

from carai.accounts.models import User
from carai.accounts.personal_data import iso
from carai.sandbox.models import Call, SandboxAttempt


def sandbox_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "case": a.case.title,
            "task": a.task,
            "prompt": a.prompt,
            "answer": a.answer,
            "source": a.source,
            "marks": a.marks,
            "reflection": a.reflection,
            "kept_at": iso(a.created_at),
        }
        for a in SandboxAttempt.objects.filter(user=user).select_related("case")
    ]


def sandbox_erase(user: User) -> None:
    SandboxAttempt.objects.filter(user=user).delete()
    Call.objects.filter(user=user).update(user=None)  # the counts stay, without who
