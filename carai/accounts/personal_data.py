"""What CARAI keeps about a person, gathered from every app that keeps some.

An app that holds personal data registers a section in its ``AppConfig.ready``: how to
export it (for the person's own download) and how to erase it when the person erases their
account. So the accounts app, low in the stack, needs no import of the apps above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from carai.accounts.models import User


@dataclass(frozen=True)
class PersonalDataSection:
    name: str  # the key in the export
    export: Callable[[User], Any]  # JSON-ready data about the person
    erase: Callable[[User], None] | None = None  # wipes free text; counts may stay


_SECTIONS: dict[str, PersonalDataSection] = {}


def personal_data_register(
    *,
    name: str,
    export: Callable[[User], Any],
    erase: Callable[[User], None] | None = None,
) -> None:
    """Add a section (again with the same name: replaced, e.g. when tests reload apps)."""
    _SECTIONS[name] = PersonalDataSection(name=name, export=export, erase=erase)


def personal_data_sections() -> list[PersonalDataSection]:
    """In the order the apps registered them (the order of INSTALLED_APPS)."""
    return list(_SECTIONS.values())


def iso(value: Any) -> str | None:
    """A date or time as ISO 8601 text for the export."""
    return value.isoformat() if value is not None else None
