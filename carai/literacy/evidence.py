"""The evidence file of an organisation as it was on a chosen day: the plan, the tools and
their risk class, what each requires, coverage per tool, role and team, and the people who
miss something. One set of facts (``evidence_facts``) is written as XLSX and as PDF; both
carry the day they were made and the SHA-256 of the facts, so two files of the same day
can be compared, and the stored files have their own checksums."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl import Workbook

from carai.community.models import Organisation, Role
from carai.core.exports import safe_text
from carai.learning.certificates import FONTS
from carai.literacy import selectors
from carai.literacy.models import PlanGoal, PlanStep
from carai.register.models import AIActCategory

CHUNK = 500


@dataclass
class EvidenceFacts:
    organisation: str
    as_of: datetime.date
    made_at: datetime.datetime
    plan: list[dict[str, str]] = field(default_factory=list)
    tools: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    teams: list[dict[str, Any]] = field(default_factory=list)
    gaps: list[dict[str, str]] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def checksum(self) -> str:
        """SHA-256 of the facts (without the moment the file was made)."""
        data = {k: v for k, v in self.__dict__.items() if k != "made_at"}
        text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()


def plan_on(*, organisation: Organisation, at: datetime.datetime) -> list[PlanGoal]:
    """The goals of the plan as they stood on ``at``."""
    return list(
        PlanGoal.objects.filter(organisation=organisation, created_at__lte=at)
        .filter(Q(superseded_at__isnull=True) | Q(superseded_at__gt=at))
        .select_related("responsible")
        .order_by("role", "risk_level", "created_at")
    )


def _role_label(role: str) -> str:
    return str(Role(role).label) if role in Role.values else _("Everyone")


def _risk_label(level: str) -> str:
    return str(AIActCategory(level).label) if level in AIActCategory.values else _("Every level")


def evidence_facts(*, organisation: Organisation, as_of: datetime.date) -> EvidenceFacts:
    """Everything the evidence file says, worked out for the end of ``as_of``."""
    scope = selectors.scope_of(organisation=organisation, day=as_of)
    labels = selectors.requirement_labels(scope.requirements)
    facts = EvidenceFacts(organisation=organisation.name, as_of=as_of, made_at=timezone.now())
    for goal in plan_on(organisation=organisation, at=scope.at):
        facts.plan.append(
            {
                "role": _role_label(goal.role),
                "risk": _risk_label(goal.risk_level),
                "goal": goal.goal,
                "measures": goal.measures,
                "responsible": goal.responsible.display_name if goal.responsible else "",
                "evaluate_on": goal.evaluate_on.isoformat(),
                "evaluation": goal.evaluation,
            }
        )
    overview = selectors.overview(scope, labels=labels)
    facts.totals = {
        "people": overview.people,
        "users": overview.users,
        "ready": overview.ready,
        "blocked": overview.blocked,
    }
    for coverage in overview.tools:
        tool = coverage.tool
        facts.tools.append(
            {
                "name": tool.name,
                "version": tool.version,
                "risk": tool.risk_label,
                "roles": ", ".join(tool.role_labels) or _("Everyone"),
                "teams": ", ".join(tool.teams) or _("All teams"),
                "requirements": [g.label for g in coverage.gaps],
                "users": coverage.users,
                "ready": coverage.ready,
                "missing": {g.label: g.missing for g in coverage.gaps},
            }
        )
    for name, target in (("role", facts.roles), ("team", facts.teams)):
        for group in selectors.coverage_by(scope, name):
            target.append(
                {
                    "name": group.name,
                    "people": group.people,
                    "users": group.users,
                    "ready": group.ready,
                    "blocked": group.blocked,
                }
            )
    blocked = selectors.people(scope, selectors.PeopleFilters(status=selectors.BLOCKED))
    for start in range(0, blocked.count(), CHUNK):
        users = list(blocked[start : start + CHUNK])
        for record in selectors.person_records(scope, users, labels=labels):
            for person_tool in record.blocked_tools:
                facts.gaps.append(
                    {
                        "person": record.user.display_name,
                        "roles": ", ".join(record.roles),
                        "teams": ", ".join(record.teams),
                        "tool": person_tool.tool.name,
                        "missing": "; ".join(i.label for i in person_tool.missing),
                    }
                )
    return facts


def _sheets(facts: EvidenceFacts) -> Iterator[tuple[str, list[str], list[list[Any]]]]:
    yield (
        _("About"),
        [_("Field"), _("Value")],
        [
            [_("Organisation"), facts.organisation],
            [_("As it was on"), facts.as_of],
            [_("Made on"), facts.made_at.replace(tzinfo=None)],
            [_("Checksum of the facts (SHA-256)"), facts.checksum()],
            [_("People"), facts.totals["people"]],
            [_("May use at least one AI tool"), facts.totals["users"]],
            [_("Meet every requirement"), facts.totals["ready"]],
            [_("Not allowed to use a tool yet"), facts.totals["blocked"]],
        ],
    )
    yield (
        _("Plan"),
        [
            _("Role"),
            _("Risk level"),
            _("Goal"),
            _("Measures"),
            _("Responsible"),
            _("Evaluation date"),
            _("Evaluation"),
        ],
        [
            [
                g["role"],
                g["risk"],
                g["goal"],
                g["measures"],
                g["responsible"],
                g["evaluate_on"],
                g["evaluation"],
            ]
            for g in facts.plan
        ],
    )
    yield (
        _("Tools"),
        [
            _("Tool"),
            _("Version"),
            _("Risk class"),
            _("Roles"),
            _("Teams"),
            _("Requirements"),
            _("May use"),
            _("Meet every requirement"),
        ],
        [
            [
                t["name"],
                t["version"],
                t["risk"],
                t["roles"],
                t["teams"],
                "; ".join(t["requirements"]),
                t["users"],
                t["ready"],
            ]
            for t in facts.tools
        ],
    )
    yield (
        _("Missing per requirement"),
        [_("Tool"), _("Requirement"), _("People who miss it")],
        [[t["name"], label, count] for t in facts.tools for label, count in t["missing"].items()],
    )
    for title, rows in ((_("Per role"), facts.roles), (_("Per team"), facts.teams)):
        yield (
            title,
            [_("Name"), _("People"), _("May use a tool"), _("Ready"), _("Not allowed yet")],
            [[r["name"], r["people"], r["users"], r["ready"], r["blocked"]] for r in rows],
        )
    yield (
        _("Gaps"),
        [_("Person"), _("Roles"), _("Teams"), _("Tool"), _("Missing")],
        [[g["person"], g["roles"], g["teams"], g["tool"], g["missing"]] for g in facts.gaps],
    )


def evidence_xlsx(facts: EvidenceFacts) -> bytes:
    book = Workbook(write_only=True)
    for title, header, rows in _sheets(facts):
        sheet = book.create_sheet(title[:31])
        sheet.append(header)
        for row in rows:
            sheet.append([safe_text(v) if isinstance(v, str) else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class _Pdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 7)
        self.cell(0, 5, f"{self.footer_text} · {self.page_no()}", align="C")


def evidence_pdf(facts: EvidenceFacts) -> bytes:
    pdf = _Pdf(orientation="P", unit="mm", format="A4")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(_("AI literacy evidence") + f" · {facts.organisation}")
    pdf.set_author("CARAI")
    pdf.footer_text = _("%(organisation)s · as it was on %(date)s · SHA-256 %(sum)s") % {
        "organisation": facts.organisation,
        "date": formats.date_format(facts.as_of, "j F Y"),
        "sum": facts.checksum()[:16],
    }
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()
    width = pdf.epw

    def heading(text: str, size: int = 13) -> None:
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(width, 7, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def line(text: str) -> None:
        pdf.set_font("DejaVu", "", 9)
        pdf.multi_cell(width, 5, text, new_x="LMARGIN", new_y="NEXT")

    heading(_("AI literacy evidence (EU AI Act, article 4)"), 16)
    line(facts.organisation)
    line(_("As it was on %(date)s") % {"date": formats.date_format(facts.as_of, "j F Y")})
    line(_("Made on %(date)s") % {"date": formats.date_format(facts.made_at, "j F Y H:i")})
    line(_("Checksum of the facts (SHA-256): %(sum)s") % {"sum": facts.checksum()})
    pdf.ln(3)
    t = facts.totals
    line(
        _(
            "%(people)s people; %(users)s may use at least one AI tool; %(ready)s of them meet "
            "every requirement; %(blocked)s are not allowed to use a tool yet."
        )
        % t
    )
    pdf.ln(3)
    heading(_("The plan"))
    steps = dict(PlanStep.choices)
    line(" · ".join(str(s) for s in steps.values()))
    for goal in facts.plan:
        pdf.ln(1)
        line(f"{goal['role']} · {goal['risk']}: {goal['goal']}")
        line(_("Measures: %(m)s") % {"m": goal["measures"]})
        line(
            _("Responsible: %(who)s · evaluation on %(date)s")
            % {"who": goal["responsible"] or "—", "date": goal["evaluate_on"]}
        )
        if goal["evaluation"]:
            line(_("Evaluation: %(text)s") % {"text": goal["evaluation"]})
    if not facts.plan:
        line(_("No goals in the plan on this date."))
    pdf.ln(3)
    heading(_("AI tools, requirements and coverage"))
    for tool in facts.tools:
        pdf.ln(1)
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(
            width, 5, f"{tool['name']} (v{tool['version']}) · {tool['risk']}",
            new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip
        line(_("Who: %(roles)s · %(teams)s") % {"roles": tool["roles"], "teams": tool["teams"]})
        line(
            _("%(ready)s of %(users)s people meet every requirement")
            % {"ready": tool["ready"], "users": tool["users"]}
        )
        for label, count in tool["missing"].items():
            line(f"  - {label}: " + _("%(count)s people miss this") % {"count": count})
    for title, rows in (
        (_("Coverage per role"), facts.roles),
        (_("Coverage per team"), facts.teams),
    ):
        pdf.ln(3)
        heading(title)
        for r in rows:
            line(
                _("%(name)s: %(people)s people, %(users)s may use a tool, %(ready)s ready, "
                  "%(blocked)s not allowed yet") % r
            )  # fmt: skip
    pdf.ln(3)
    heading(_("Gaps per person"))
    for gap in facts.gaps:
        line(f"{gap['person']} ({gap['roles']}) · {gap['tool']}: {gap['missing']}")
    if not facts.gaps:
        line(_("Nobody misses anything for the tools they may use."))
    return bytes(pdf.output())


def evidence_files(
    *, organisation: Organisation, as_of: datetime.date, language: str
) -> tuple[EvidenceFacts, bytes, bytes]:
    with translation.override(language):
        facts = evidence_facts(organisation=organisation, as_of=as_of)
        return facts, evidence_pdf(facts), evidence_xlsx(facts)
