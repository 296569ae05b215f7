"""Lessons that are done in another part of CARAI, such as an attempt kept in the AI sandbox.

The learning app sits below the apps that hold that work, so it never imports them. Such an
app registers, in its ``AppConfig.ready``, how to tell whether a person did the work on a case
and where the learner goes to do it. Without a registration the lesson is never done (and the
lesson page says the work is not available), so a missing app cannot finish lessons by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from carai.accounts.models import User

# done(user=, case_key=, since=) -> bool: the work on the case (any language), from ``since``
# (the start of a renewal round) when given.
DoneCheck = Callable[..., bool]
# link(case=) -> str: where the learner does the work on this case.
Link = Callable[..., str]


@dataclass(frozen=True)
class Elsewhere:
    done: DoneCheck
    link: Link


_registry: dict[str, Elsewhere] = {}


def elsewhere_register(*, kind: str, done: DoneCheck, link: Link) -> None:
    """Say how a lesson of ``kind`` is done elsewhere (called once per kind, in ready())."""
    _registry[kind] = Elsewhere(done=done, link=link)


def is_done_elsewhere(*, kind: str, user: User, case_key: str, since: datetime | None) -> bool:
    entry = _registry.get(kind)
    if entry is None or not case_key:
        return False
    return bool(entry.done(user=user, case_key=case_key, since=since))


def link_elsewhere(*, kind: str, case: Any) -> str:
    """The address of the work for this case, or '' when no app registered it."""
    entry = _registry.get(kind)
    if entry is None or case is None:
        return ""
    return str(entry.link(case=case))
