"""The team page's member rows written in Python (learning_team.team_member_rows) give the
same HTML as the template loop they replace, in both languages, escaped the same way."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from carai.accounts.models import User
from carai.learning.team import MemberRow

# The loop as the template wrote it before (templates/learning/includes/team_results.html).
TEMPLATE_ROWS = (Path(__file__).parent / "team_rows_before.html").read_text()
TAG_ROWS = "{% load learning_team %}{% team_member_rows rows filters.module %}"


def _rows() -> list[MemberRow]:
    tricky = User(email="a&b@zorg.example", full_name='Jan <b>"de" & Vries</b> (fictief)')
    plain = User(email="els@zorg.example", full_name="Els Groen (fictief)")
    nameless = User(email="zonder-naam@zorg.example", full_name="")
    return [
        MemberRow(
            user=tricky,
            roles=["professional", "manager"],
            teams=["Team <A>", "B&C"],
            assigned=3,
            finished=1,
            overdue=["Privacy <basis>", "AI & zorg"],
            status="overdue",
            exercises_passed=4,
            last_passed=datetime.date(2026, 3, 5),
        ),
        MemberRow(user=plain, roles=["student"], teams=[], assigned=0, status="finished"),
        MemberRow(
            user=nameless,
            roles=[],
            teams=["Noord"],
            assigned=2,
            finished=2,
            status="busy",
            exercises_passed=0,
        ),
        MemberRow(user=plain, roles=["professional"], teams=["Zuid"], status=""),
    ]


def _normal(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("module", ["", "testmodule"])
def test_the_rows_are_the_html_the_template_wrote(language: str, module: str) -> None:
    context = {"rows": _rows(), "filters": {"module": module}}
    with translation.override(language):
        before = Template(TEMPLATE_ROWS).render(Context(context))
        after = Template(TAG_ROWS).render(Context(context))
    assert "<tr" in after
    assert "&lt;b&gt;" in after
    assert "<b>" not in after
    assert _normal(after) == _normal(before)
