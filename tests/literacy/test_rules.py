"""The literacy register's rules without the database (carai/literacy/rules.py): which teams
a tool names, who may use it, what it requires, which evidence holds longest, the first
expiry."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from carai.literacy import rules
from carai.literacy.models import RequirementKind
from carai.literacy.rules import Requirement

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_the_kinds_are_the_models_choices() -> None:
    assert rules.MODULE == RequirementKind.MODULE
    assert rules.GUIDELINES == RequirementKind.GUIDELINES
    assert Requirement("practice", "val:melding").code == "practice:val:melding"


def test_split_teams() -> None:
    text = "Wijkteam Noord; Kortverblijf\n  Nacht ,, Wijkteam Noord,\n;"
    assert rules.split_teams(text) == ("Kortverblijf", "Nacht", "Wijkteam Noord")
    assert rules.split_teams("") == ()
    assert rules.split_teams(" , ;\n") == ()
    assert rules.split_teams("Wijkteam Noord") == ("Wijkteam Noord",)


@pytest.mark.parametrize(
    ("roles", "teams", "role", "team", "expected"),
    [
        ((), (), "professional", "", True),  # no roles, no teams: everyone
        (("professional",), (), "professional", "Noord", True),
        (("professional",), (), "manager", "Noord", False),
        ((), ("Noord",), "manager", "Noord", True),
        ((), ("Noord",), "manager", "Zuid", False),
        ((), ("Noord",), "manager", "", False),
        (("professional",), ("Noord",), "professional", "Noord", True),
        (("professional",), ("Noord",), "professional", "Zuid", False),
        (("professional",), ("Noord",), "manager", "Noord", False),
    ],
)
def test_who_fits_a_tool(
    roles: tuple[str, ...], teams: tuple[str, ...], role: str, team: str, expected: bool
) -> None:
    assert rules.fits(roles=roles, teams=teams, role=role, team=team) is expected


def test_a_tool_requires_its_modules_once_and_sorted_then_the_extras() -> None:
    extra = [Requirement("workshop", "basis"), Requirement("guidelines", "")]
    assert rules.tool_requirements(
        module_keys=["privacy", "basis", "privacy"], extra=extra, has_guideline=True
    ) == [
        Requirement("module", "basis"),
        Requirement("module", "privacy"),
        Requirement("workshop", "basis"),
        Requirement("guidelines", ""),
    ]


def test_reading_the_guidelines_is_required_only_once_they_are_published() -> None:
    extra = [Requirement("guidelines", ""), Requirement("practice", "val:melding")]
    assert rules.tool_requirements(module_keys=[], extra=extra, has_guideline=False) == [
        Requirement("practice", "val:melding")
    ]


@dataclass(frozen=True)
class Ev:
    name: str
    expires: datetime.datetime | datetime.date | None


def _at(day: int, hour: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 5, day, hour, tzinfo=AMSTERDAM)


def test_the_evidence_that_holds_longest_is_kept() -> None:
    early, late = Ev("early", _at(3)), Ev("late", _at(9))
    never = Ev("never", None)
    assert rules.lasts_longer(None, early) is early
    assert rules.lasts_longer(early, late) is late
    assert rules.lasts_longer(late, early) is late
    assert rules.lasts_longer(early, never) is never
    assert rules.lasts_longer(never, late) is never
    assert rules.lasts_longer(never, Ev("also never", None)) is never
    # On a tie the first stays.
    assert rules.lasts_longer(early, Ev("same", _at(3))) is early


def test_a_date_and_a_moment_are_compared_in_the_sites_time_zone() -> None:
    # A date counts from the start of that day in Amsterdam.
    day = Ev("external", datetime.date(2026, 5, 4))
    assert rules.lasts_longer(day, Ev("certificate", _at(4, 1))).name == "certificate"
    assert rules.lasts_longer(Ev("certificate", _at(3, 23)), day).name == "external"
    assert rules.as_datetime(datetime.date(2026, 5, 4)) == _at(4)
    assert rules.as_datetime(_at(4, 5)) == _at(4, 5)


def test_the_first_expiry() -> None:
    assert rules.first_expiry([]) is None
    assert rules.first_expiry([None, None]) is None
    assert rules.first_expiry([_at(9), None, datetime.date(2026, 5, 4), _at(4, 1)]) == (
        datetime.date(2026, 5, 4)
    )
    assert rules.first_expiry([_at(9), _at(3, 23), datetime.date(2026, 5, 4)]) == _at(3, 23)
