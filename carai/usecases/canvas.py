"""The use-case canvas as a PDF (A4, DejaVu Sans so every name and accent renders)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from fpdf import FPDF

from carai.learning.certificates import FONTS, INK, TEAL
from carai.usecases.models import Status, UseCase
from carai.usecases.phases import RESPONSIBLE_AI


def canvas_pdf(use_case: UseCase, *, show_names: bool) -> bytes:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_title(_("Use-case canvas") + f": {use_case.title}")
    pdf.set_author("CARAI")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_text_color(*TEAL)
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(
        0, 8, _("Use-case canvas") + f": {use_case.title}", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("DejaVu", "", 10)
    pdf.set_text_color(*INK)
    where = use_case.organisation.name + (f" · {use_case.cycle.name}" if use_case.cycle else "")
    pdf.multi_cell(0, 6, where, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    team = [
        (f"{m.user.display_name} · " if show_names else "") + str(m.get_role_display())
        for m in use_case.team.select_related("user")
    ]
    rai = {item.key: item for item in use_case.rai_items.all()}
    blocks = [
        (_("The problem"), use_case.problem),
        (_("Who has it"), use_case.who_has_it),
        (_("What it would bring"), use_case.expected_value),
        (_("Data and AI"), use_case.data_and_ai or "—"),
        (_("Team"), "\n".join(team) or "—"),
        (
            _("Phase and AI maturity"),
            f"{use_case.get_phase_display()} · {use_case.get_maturity_display()}",
        ),
        (
            _("Responsible AI"),
            "\n".join(
                f"{'✓' if rai.get(key) and rai[key].status == 'done' else '!'} {question}"
                for key, question in RESPONSIBLE_AI
            )
            if use_case.status == Status.ACCEPTED
            else _(
                "The checklists for privacy (DPIA) and the AI Act open once the use case is "
                "accepted into a cycle."
            ),
        ),
        (
            _("Demonstrators"),
            "\n".join(f"{d.name} ({d.get_status_display()})" for d in use_case.demonstrators.all())
            or "—",
        ),
        (
            _("Lessons learned"),
            "\n".join(f"{label}: {text or '—'}" for label, text in use_case.lessons_learned()),
        ),
    ]
    for title, body in blocks:
        pdf.set_font("DejaVu", "B", 11)
        pdf.set_text_color(*TEAL)
        pdf.multi_cell(0, 7, str(title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        pdf.set_text_color(*INK)
        pdf.multi_cell(0, 5.5, str(body), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())
