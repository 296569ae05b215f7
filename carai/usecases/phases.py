"""The fixed method of a use case: Design Science Research phases, their deliverables and
checklists, the responsible-AI checklist and the selection criteria (texts only, no data)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Phase:
    key: str
    label: Promise
    deliverable: Promise
    checklist: tuple[tuple[str, Promise], ...]


PHASES: tuple[Phase, ...] = (
    Phase(
        "analysis",
        _("Problem analysis"),
        _("A problem statement that the people on the work floor recognise"),
        (
            ("observed", _("We watched the work where the problem happens")),
            ("stakeholders", _("We spoke with care workers, clients or family, and managers")),
            ("baseline", _("We measured how it goes now (time, quality, work pleasure)")),
            ("data", _("We know which data would be needed and who owns it")),
        ),
    ),
    Phase(
        "design",
        _("Design"),
        _("A design with requirements, checked with users"),
        (
            ("requirements", _("Requirements are written down with the users")),
            ("options", _("We compared at least two solutions, one without AI")),
            ("privacy_by_design", _("The design uses as little personal data as possible")),
            ("feedback", _("Users gave feedback on the design")),
        ),
    ),
    Phase(
        "build",
        _("Build and demonstrate"),
        _("A working demonstrator, shown to users"),
        (
            ("demonstrator", _("There is a demonstrator that people can try")),
            ("fictional_data", _("The demonstrator works on fictional or pseudonymised data")),
            ("demo_session", _("We showed it in a session with users")),
        ),
    ),
    Phase(
        "evaluate",
        _("Evaluate"),
        _("Measured results against the baseline"),
        (
            ("measured", _("We measured again: time, quality, work pleasure")),
            ("users_heard", _("Users told us what works and what does not")),
            ("risks_checked", _("We checked the risks again with the privacy officer")),
        ),
    ),
    Phase(
        "reflect",
        _("Reflect and transfer"),
        _("Lessons learned, and a learning module for others"),
        (
            ("lessons", _("Lessons learned are written down")),
            ("module", _("A learning module is drafted from the use case")),
            ("next_step", _("We decided what happens next: stop, continue or scale up")),
        ),
    ),
)
PHASE_KEYS = tuple(phase.key for phase in PHASES)
FINISHED = "finished"


def phase(key: str) -> Phase:
    for item in PHASES:
        if item.key == key:
            return item
    raise KeyError(key)


def next_phase(key: str) -> str:
    """The phase after ``key``; ``FINISHED`` after the last one."""
    index = PHASE_KEYS.index(key)
    return PHASE_KEYS[index + 1] if index + 1 < len(PHASE_KEYS) else FINISHED


RESPONSIBLE_AI: tuple[tuple[str, Promise], ...] = (
    ("privacy_dpia", _("Privacy: is a DPIA needed, and is it done?")),
    ("data_access", _("Data: may we use it, and is its quality good enough?")),
    ("bias", _("Bias: could the AI treat some people unfairly?")),
    ("explainability", _("Explainability: can users understand what the AI does?")),
    ("human_oversight", _("Human oversight: who checks the AI, and can they stop it?")),
    ("ai_act", _("AI Act: which risk category is it in?")),
    ("involvement", _("Involvement: were clients and staff involved?")),
)

CRITERIA: tuple[tuple[str, Promise], ...] = (
    ("work_floor", _("It comes from the work floor and people recognise it")),
    ("value", _("It can save time or improve care or work pleasure")),
    ("feasible", _("It can be done in one cycle of about six months")),
    ("learning", _("Others can learn from it (a module can come out of it)")),
    ("responsible", _("It can be done responsibly (privacy, safety)")),
)
