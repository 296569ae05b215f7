"""The rules of the literacy register as plain functions (no database), so that each lives
in one place and its tests, and mutation testing (docs/testing.md), need no database.

``selectors`` calls them: which teams a tool names, whether a membership may use a tool,
what a tool requires, which of two pieces of evidence holds longest, and the first expiry
among a person's evidence. Whether a person *has* evidence on a moment is a query
(``selectors.evidence_exists`` and ``selectors._evidence_for``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from django.utils import timezone

# RequirementKind.MODULE and .GUIDELINES (the models' choices, as their stored text).
MODULE = "module"
GUIDELINES = "guidelines"

When = datetime.datetime | datetime.date


@dataclass(frozen=True)
class Requirement:
    kind: str
    key: str

    @property
    def code(self) -> str:
        return f"{self.kind}:{self.key}"


def split_teams(text: str) -> tuple[str, ...]:
    """The teams a tool names ("Wijkteam Noord, Kortverblijf"): comma, semicolon or line;
    each once, sorted, without empty ones."""
    parts = text.replace(";", ",").replace("\n", ",").split(",")
    return tuple(sorted({p.strip() for p in parts if p.strip()}))


def fits(*, roles: tuple[str, ...], teams: tuple[str, ...], role: str, team: str) -> bool:
    """Whether a membership (role, team) may use a tool that names ``roles`` and ``teams``;
    a tool that names no roles is for every role, no teams for every team."""
    return (not roles or role in roles) and (not teams or team in teams)


def tool_requirements(
    *, module_keys: Iterable[str], extra: Iterable[Requirement], has_guideline: bool
) -> list[Requirement]:
    """What a tool requires: its required modules (each once, by key), then its extra
    requirements in their order; "read the guidelines" only once a version is published."""
    requirements = [Requirement(MODULE, key) for key in sorted(set(module_keys))]
    for requirement in extra:
        if requirement.kind == GUIDELINES and not has_guideline:
            continue  # nothing published to read yet
        requirements.append(requirement)
    return requirements


def as_datetime(value: When) -> datetime.datetime:
    """A date as the start of that day in the site's time zone; a moment as it is."""
    if isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))


class Expiring(Protocol):
    @property
    def expires(self) -> When | None: ...


E = TypeVar("E", bound=Expiring)


def lasts_longer(kept: E | None, new: E) -> E:
    """Of two pieces of evidence for one requirement, the one that holds longest: no expiry
    beats any date, then the later expiry; on a tie the one kept first stays."""
    if kept is None:
        return new
    if kept.expires is None:
        return kept
    if new.expires is None or as_datetime(new.expires) > as_datetime(kept.expires):
        return new
    return kept


def first_expiry(expiries: Iterable[When | None]) -> When | None:
    """The earliest of the dates and moments given (None ones left out), or None."""
    dates = [value for value in expiries if value is not None]
    return min(dates, key=as_datetime) if dates else None
