"""Demo literacy data for the made-up care organisation Lindehof (idempotent): the current
guidelines required for Copilot, a literacy plan with goals per role and risk level, one
external certificate accepted and one waiting for review, and two out of three members
who confirmed the guidelines. All of it is fictional."""

from __future__ import annotations

import datetime

from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.literacy import services
from carai.literacy.models import ExternalCertificate, PlanGoal, RequirementKind, ToolRequirement
from carai.register.models import AITool
from carai.register.selectors import current_guideline
from carai.register.services import guideline_acknowledge

GOALS = [
    (
        Role.PROFESSIONAL,
        "limited",
        "Zorgmedewerkers weten welke gegevens niet in Copilot mogen en controleren wat AI "
        "schrijft.",
        "Module Privacy en AI voor iedereen die Copilot gebruikt; afspraken lezen; "
        "oefenen met verzonnen casussen.",
    ),
    (
        Role.STUDENT,
        "limited",
        "Stagiairs gebruiken AI alleen zoals de afspraken van Lindehof zeggen.",
        "Afspraken lezen in de eerste stageweek; gesprek met de praktijkbegeleider.",
    ),
    (
        "",
        "high_risk",
        "Nog geen AI met hoog risico in gebruik; eerst een DPIA en scholing per rol.",
        "De privacy officer toetst elke nieuwe tool vooraf; het plan krijgt dan eigen doelen.",
    ),
]


def load_demo_literacy() -> int:
    """Returns the number of goals in Lindehof's plan."""
    lindehof = Organisation.objects.get(slug="lindehof")
    officer = User.objects.get(email="privacy@lindehof.example")
    manager = User.objects.get(email="manager@lindehof.example")
    copilot = AITool.objects.filter(organisation=lindehof, template__slug="microsoft-365-copilot")
    tool = copilot.first()
    if (
        tool is not None
        and not ToolRequirement.objects.filter(
            tool=tool, kind=RequirementKind.GUIDELINES, removed_at__isnull=True
        ).exists()
    ):
        services.requirement_add(actor=officer, tool=tool, kind=RequirementKind.GUIDELINES)
    if not PlanGoal.objects.filter(organisation=lindehof).exists():
        evaluate_on = timezone.localdate() + datetime.timedelta(days=180)
        for role, risk, goal, measures in GOALS:
            services.plan_goal_save(
                actor=officer,
                organisation=lindehof,
                data={
                    "role": role,
                    "risk_level": risk,
                    "goal": goal,
                    "measures": measures,
                    "responsible": officer if risk == "high_risk" else manager,
                    "evaluate_on": evaluate_on,
                },
            )
    if not ExternalCertificate.objects.filter(organisation=lindehof).exists():
        coach = User.objects.get(email="aicoach@lindehof.example")
        student = User.objects.get(email="student@vakschool.example")
        accepted = services.external_declare(
            organisation=lindehof,
            user=coach,
            module_key="privacy-en-ai",
            title="AI en privacy in de zorg (verzonnen cursus)",
            issuer="Zorgacademie Demo",
            issued_on=timezone.localdate() - datetime.timedelta(days=90),
            valid_until=timezone.localdate() + datetime.timedelta(days=640),
            reference="DEMO-2026-001",
        )
        services.external_review(actor=officer, external=accepted, accept=True)
        services.external_declare(
            organisation=lindehof,
            user=student,
            module_key="privacy-en-ai",
            title="Digitale vaardigheden in de zorg (verzonnen)",
            issuer="Vakschool Demo",
            issued_on=timezone.localdate() - datetime.timedelta(days=20),
            reference="VS-DEMO-17",
        )
    # Two out of three members confirmed the guidelines (a mix for the register to show).
    guideline = current_guideline(organisation=lindehof)
    if guideline is not None:
        members = (
            Membership.objects.active_in(organisation=lindehof)
            .order_by("user__email")
            .values_list("user_id", flat=True)
            .distinct()
        )
        for n, user_id in enumerate(dict.fromkeys(members)):
            if n % 3 != 2:
                guideline_acknowledge(guideline=guideline, user=User.objects.get(pk=user_id))
    return PlanGoal.objects.filter(organisation=lindehof, superseded_at__isnull=True).count()
