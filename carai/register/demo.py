"""The demo register of the made-up care organisation Lindehof (idempotent).

Its privacy officer took Microsoft 365 Copilot and consumer ChatGPT from the catalogue,
set them up, and published AI guidelines. All of it is fictional."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings

from carai.accounts.models import User
from carai.community.models import Organisation
from carai.learning.models import Module
from carai.register.content import read_templates
from carai.register.models import TOOL_FIELDS, AITool, Guideline, Register, ToolStatus, ToolTemplate
from carai.register.services import (
    guideline_publish,
    register_publish,
    template_import,
    tool_adopt_template,
    tool_update,
)

GUIDELINES = """Deze afspraken gelden voor iedereen die bij Lindehof (demo) werkt of leert.

## Wat mag
- Gebruik alleen AI-tools die in ons register staan als **toegestaan**.
- Kijk bij twijfel eerst in **Mag dit?**.

## Wat nooit mag
- Nooit een BSN, naam, adres of geboortedatum van een cliënt in een AI-tool.
- Nooit gezondheidsgegevens van cliënten in een algemene chat-tool.

## Altijd
- Lees en controleer wat de AI schrijft. U blijft zelf verantwoordelijk.
- Twijfel? Vraag de privacy officer.

*Dit zijn verzonnen demo-afspraken.*
"""


def load_demo_register() -> int:
    folder = Path(settings.BASE_DIR) / "content" / "ai-tools"
    for template_data in read_templates(folder):
        template_import(data=template_data)
    lindehof = Organisation.objects.get(slug="lindehof")
    officer = User.objects.get(email="privacy@lindehof.example")
    for slug in ("microsoft-365-copilot", "chatgpt-consumer"):
        template = ToolTemplate.objects.get(slug=slug)
        tool = AITool.objects.filter(organisation=lindehof, template=template).first()
        if tool is None:
            tool = tool_adopt_template(
                organisation=lindehof, actor=officer, template=template, language="nl"
            )
        if tool.status == ToolStatus.UNDER_REVIEW:
            values = {name: getattr(tool, name) for name in TOOL_FIELDS}
            values.update(
                status=template.suggested_status,
                processor_agreement=template.processor_agreement,
                contact_person="Privacy officer Lindehof (demo)",
                contact_email=officer.email,
                next_review=datetime.date(2027, 6, 1),
            )
            modules = list(Module.objects.filter(key="privacy-en-ai").published())
            tool_update(
                tool=tool,
                actor=officer,
                data=values,
                rules={r.category: (r.permission, r.conditions) for r in tool.data_rules.all()},
                modules=modules if slug == "microsoft-365-copilot" else [],
                note="Demo: gecontroleerd voor ons contract",
            )
    if not Guideline.objects.filter(organisation=lindehof).exists():
        guideline_publish(
            organisation=lindehof, actor=officer, title="Onze afspraken over AI", body=GUIDELINES
        )
    if not Register.objects.filter(organisation=lindehof, is_public=True).exists():
        register_publish(
            organisation=lindehof, actor=officer, is_public=True, contact_email=officer.email
        )
    return AITool.objects.filter(organisation=lindehof).count()
