"""The rows of the team page's member table, written in Python.

A page shows 25 people with six or seven cells each; through the template language every
cell costs a variable look-up, a filter or a translation block, and the rows were most of
the page's rendering. This writes the same HTML (``tests/learning/test_team_rows.py``
compares it with the template it replaces) with each text escaped and each column name and
fixed text translated once per page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def team_member_rows(rows: Sequence[Any], show_status: bool) -> SafeString:
    """``rows``: ``team.MemberRow``s; ``show_status``: a module is chosen in the filter."""
    e = conditional_escape
    label_name = e(gettext("Name"))
    label_role = e(gettext("Role"))
    label_team = e(gettext("Team"))
    label_asked = e(gettext("What you asked"))
    label_chosen = e(gettext("Chosen module"))
    label_exercises = e(gettext("Exercises passed"))
    finished_of = gettext("%(done)s of %(asked)s finished")
    overdue_text = e(gettext("Overdue:"))
    last_text = gettext("last %(date)s")
    statuses = {
        "finished": "✓ " + e(gettext("Finished")),
        "busy": e(gettext("Busy")),
        "overdue": "! " + e(gettext("Overdue")),
    }
    not_started = e(gettext("Not started"))
    out: list[str] = []
    for row in rows:
        if row.assigned:
            asked = finished_of % {"done": row.finished, "asked": row.assigned}
            if row.overdue:
                asked += (
                    f'<br><span class="carai-status--overdue">! {overdue_text} '
                    f"{e(', '.join(str(t) for t in row.overdue))}</span>"
                )
        else:
            asked = "—"
        if show_status:
            status = (
                f'<td class="utrecht-table__cell carai-status carai-status--{e(row.status)}"'
                f' data-label="{label_chosen}">{statuses.get(row.status, not_started)}</td>'
            )
        else:
            status = ""
        exercises = str(row.exercises_passed)
        if row.last_passed:
            when = last_text % {"date": e(date_format(row.last_passed, "j M Y"))}
            exercises += f' <span class="carai-muted">({when})</span>'
        teams = ", ".join(row.teams)
        out.append(
            '<tr class="utrecht-table__row">\n'
            f'      <th class="utrecht-table__cell carai-row-head" scope="row"'
            f' data-label="{label_name}">{e(row.user.display_name)}</th>\n'
            f'      <td class="utrecht-table__cell" data-label="{label_role}">'
            f"{e(', '.join(row.role_labels))}</td>\n"
            f'      <td class="utrecht-table__cell" data-label="{label_team}">'
            f"{e(teams) if teams else '—'}</td>\n"
            f'      <td class="utrecht-table__cell" data-label="{label_asked}">{asked}</td>\n'
            f"      {status}\n"
            f'      <td class="utrecht-table__cell utrecht-table__cell--numeric"'
            f' data-label="{label_exercises}">{exercises}</td>\n'
            "    </tr>"
        )
    return mark_safe("\n    ".join(out))  # noqa: S308  (every text above is escaped)
