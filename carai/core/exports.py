"""Downloads as CSV or XLSX that are safe to open in a spreadsheet, and that stream.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return could be
taken as a formula by a spreadsheet (CSV injection, see OWASP). Such text gets a leading
apostrophe in CSV; in XLSX every text cell is written as text, never as a formula. Numbers
and dates stay numbers and dates.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

Cell = str | int | float | datetime.date | datetime.datetime | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_text(value: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unsafe_text(value: str) -> str:
    """The text as typed, from a cell that ``safe_text`` wrote (for reading our own CSV back
    in: an export and import of the same file changes nothing)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def csv_cell(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return safe_text(str(value))


class _Echo:
    """A file-like object whose write returns what it was given (for streaming CSV)."""

    def write(self, value: str) -> str:
        return value


def csv_download(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> StreamingHttpResponse:
    """A CSV file, written row by row as ``rows`` produces them (with a BOM, so that Excel
    reads it as UTF-8)."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow([csv_cell(h) for h in header])
        for row in rows:
            yield writer.writerow([csv_cell(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_row(sheet: WriteOnlyWorksheet, row: Sequence[Cell]) -> list[Any]:
    cells = []
    for value in row:
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            value = value.replace(tzinfo=None)  # spreadsheets have no time zones
        shown: Any = value  # openpyxl writes dates as dates
        cell = WriteOnlyCell(sheet, value=shown)
        if isinstance(value, str):
            cell.data_type = "s"  # text, also when it starts with "=": never a formula
        cells.append(cell)
    return cells


def xlsx_download(
    *, filename: str, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Cell]]]]
) -> FileResponse:
    """An XLSX workbook with one sheet per (title, header, rows), written in constant memory
    (openpyxl's write-only mode) to a temporary file that the response streams."""
    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append(_xlsx_row(sheet, list(header)))
        for row in rows:
            sheet.append(_xlsx_row(sheet, row))
    file = tempfile.TemporaryFile()  # noqa: SIM115  (closed by the response)
    book.save(file)
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
