"""The AI tool register as a publication for the Dutch Algoritmeregister, standard v1.0.

Each tool becomes one object with exactly the standard's fields (``STANDARD_FIELDS`` names
them; a test validates against the published field list), in Dutch (the standard knows only
``nld``). What CARAI knows beyond the standard (its data rules, the AI Act category as we
store it, the processor agreement, the next review) goes in a separate companion file, keyed
by the same ``source_id``, never inside the standard object.

Status: a tool that is allowed (with or without conditions) is "In gebruik" since the month
it was first allowed; a tool under review is "In ontwikkeling"; a tool that is not allowed is
"Buiten gebruik" only when it was in use before (with the month it stopped), and is left out
of the publication when it never was: "not allowed" says the organisation does not use it,
not that it stopped using it.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import translation
from django.utils.formats import date_format

from carai.community.models import Organisation
from carai.register.models import (
    AIActCategory,
    AITool,
    DataCategory,
    Permission,
    Register,
    ToolRevision,
    ToolStatus,
)
from carai.register.selectors import register_of

STANDARD_VERSION = "1.0"
IN_DEVELOPMENT = "In ontwikkeling"
IN_USE = "In gebruik"
OUT_OF_USE = "Buiten gebruik"
HIGH_RISK = "Hoog-risico AI-systeem"
OTHER = "Overige algoritmes"
POLICY_AREA = "Zorg en gezondheid"
DPIA_TITLE = "Data Protection Impact Assessment (DPIA)"

# The field lengths of the standard that our own columns can exceed.
LIMITS = {
    "name": 100,
    "description_short": 400,
    "organization": 100,
    "contact_email": 500,
    "website": 500,
    "provider": 200,
    "source_id": 100,
    "impacttoetsen_link": 500,
    "text": 2500,
    "methods_and_models": 5000,
}
USED = {ToolStatus.ALLOWED.value, ToolStatus.CONDITIONS.value}


@dataclass(frozen=True)
class Lifecycle:
    status: str | None  # None: not part of the publication
    begin: date | None = None
    end: date | None = None


def tool_lifecycle(*, current: str, history: list[tuple[datetime, str]]) -> Lifecycle:
    """The standard's status of a tool from its current status and its history of
    ``(changed_at, status)`` per revision, oldest first."""
    begin: datetime | None = None
    end: datetime | None = None
    for changed_at, status in history:
        if status in USED:
            begin = begin or changed_at
            end = None
        elif begin is not None and end is None:
            end = changed_at
    if current in USED:
        return Lifecycle(IN_USE, begin=begin.date() if begin else None)
    if current == ToolStatus.UNDER_REVIEW:
        return Lifecycle(IN_DEVELOPMENT)
    if begin is not None:
        return Lifecycle(OUT_OF_USE, begin=begin.date(), end=end.date() if end else None)
    return Lifecycle(None)


TAG = re.compile(r"<[^<>]*>")


def fit(text: str, limit: int) -> str:
    """Plain ``text`` without anything that looks like an HTML tag (the standard allows tags
    only in its long text fields), shortened to at most ``limit`` characters, at a word where
    possible."""
    return _shorten(TAG.sub("", text).strip(), limit)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.7:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def as_html(text: str, limit: int = LIMITS["text"]) -> str:
    """Plain text as the little HTML the standard allows (``p`` and ``br``), escaped, at most
    ``limit`` characters long (the text is shortened until its HTML fits)."""

    def render(plain: str) -> str:
        paragraphs = [p.strip() for p in plain.replace("\r\n", "\n").split("\n\n") if p.strip()]
        return "".join(
            "<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>"
            for p in paragraphs
        )

    plain = text.strip()
    if len(render(plain)) <= limit:
        return render(plain)
    low, high = 0, len(plain)  # the longest shortened text whose HTML fits: between these
    while low < high:
        middle = (low + high + 1) // 2
        if len(render(_shorten(plain, middle))) <= limit:
            low = middle
        else:
            high = middle - 1
    return render(_shorten(plain, low)) if low else ""


def as_html_list(items: list[str], limit: int = LIMITS["text"]) -> str:
    kept: list[str] = []
    for item in items:
        candidate = [*kept, f"<li>{html.escape(item)}</li>"]
        if len("<ul>" + "".join(candidate) + "</ul>") > limit:
            break
        kept = candidate
    return "<ul>" + "".join(kept) + "</ul>" if kept else ""


def _history(tools: list[AITool]) -> dict[int, list[tuple[datetime, str]]]:
    history: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    rows = (
        ToolRevision.objects.filter(tool__in=tools)
        .order_by("tool_id", "number")
        .values_list("tool_id", "changed_at", "snapshot__status")
    )
    for tool_id, changed_at, status in rows:
        history[tool_id].append((changed_at, str(status)))
    return history


def _source_data(tool: AITool) -> str:
    items = []
    for category, rule in sorted(tool.rules().items()):
        if rule.permission == Permission.NOT_ALLOWED:
            continue
        label = str(DataCategory(category).label)
        if rule.permission == Permission.CONDITIONS:
            label += " (onder voorwaarden)"
        items.append(label)
    return as_html_list(items)


def _methods(tool: AITool) -> str:
    parts = [" ".join(p for p in (tool.product, tool.version) if p)]
    if tool.general_purpose:
        parts.append("Gebouwd op een AI-model voor algemene doeleinden.")
    if tool.hosting:
        parts.append(f"Hosting: {tool.hosting}.")
    return as_html("\n".join(p for p in parts if p), LIMITS["methods_and_models"])


def _impact_tests(tool: AITool) -> tuple[list[dict[str, str]], str]:
    if not tool.dpia_done:
        return [], as_html("Er is (nog) geen DPIA gedaan voor deze AI-tool.")
    grouping = {"title": DPIA_TITLE}
    if tool.dpia_link:
        grouping["link"] = fit(tool.dpia_link, LIMITS["impacttoetsen_link"])
    text = ""
    if tool.dpia_date:
        text = as_html(f"DPIA gedaan op {date_format(tool.dpia_date, 'j F Y')}.")
    return [grouping], text


def _tags(tool: AITool) -> list[str]:
    tags = ["AI-tool", "CARAI"]
    if tool.ai_act_category in AIActCategory.values:
        tags.append(str(AIActCategory(tool.ai_act_category).label))
    return tags


def tool_publication(
    tool: AITool,
    *,
    organisation: Organisation,
    register: Register | None,
    lifecycle: Lifecycle,
    website: str = "",
) -> dict[str, Any]:
    """One tool as an Algoritmeregister v1.0 object. Call inside ``translation.override("nl")``."""
    if lifecycle.status is None:
        raise ValueError(f"{tool.name} is not part of a publication")
    grouping, impact_text = _impact_tests(tool)
    fields: dict[str, Any] = {
        "name": fit(tool.name, LIMITS["name"]),
        "description_short": fit(tool.description or tool.purpose, LIMITS["description_short"]),
        "organization": fit(organisation.name, LIMITS["organization"]),
        "category": [POLICY_AREA],
        "status": lifecycle.status,
        "begin_date": lifecycle.begin.strftime("%Y-%m") if lifecycle.begin else "",
        "end_date": lifecycle.end.strftime("%Y-%m") if lifecycle.end else "",
        "contact_email": fit(
            tool.contact_email or (register.contact_email if register else ""),
            LIMITS["contact_email"],
        ),
        "website": fit(website, LIMITS["website"]),
        "publication_category": (
            HIGH_RISK if tool.ai_act_category == AIActCategory.HIGH_RISK else OTHER
        ),
        "goal": as_html("\n\n".join(p for p in (tool.purpose, tool.approved_uses) if p)),
        "human_intervention": as_html(tool.human_oversight),
        "risks": as_html(tool.known_risks),
        "impacttoetsen_grouping": grouping,
        "impacttoetsen": impact_text,
        "source_data": _source_data(tool),
        "methods_and_models": _methods(tool),
        "provider": fit(tool.vendor, LIMITS["provider"]),
        "lang": "nld",
        "standard_version": STANDARD_VERSION,
        "source_id": f"carai-{organisation.slug}-{tool.pk}"[: LIMITS["source_id"]],
        "tags": as_html(", ".join(_tags(tool))),
    }
    required = {"name", "description_short", "organization", "status", "contact_email", "lang"}
    return {key: value for key, value in fields.items() if value or key in required}


def tool_companion(tool: AITool, *, organisation: Organisation) -> dict[str, Any]:
    """What CARAI keeps about a tool beyond the standard, keyed by the same ``source_id``."""
    rules = tool.rules()
    return {
        "source_id": f"carai-{organisation.slug}-{tool.pk}"[: LIMITS["source_id"]],
        "name": tool.name,
        "register_status": tool.status,
        "ai_act_category": tool.ai_act_category,
        "general_purpose_model": tool.general_purpose,
        "data_location": tool.data_location,
        "processor_agreement": tool.processor_agreement,
        "next_review": tool.next_review.isoformat() if tool.next_review else None,
        "version": tool.revision,
        "data_rules": {
            category: {"permission": rule.permission, "conditions": rule.conditions}
            for category, rule in sorted(rules.items())
        },
    }


def register_publication(
    *, organisation: Organisation, tools: list[AITool], website: str = ""
) -> list[dict[str, Any]]:
    """The tools that belong in the Algoritmeregister, as v1.0 objects (in Dutch)."""
    register = register_of(organisation=organisation)
    history = _history(tools)
    out = []
    with translation.override("nl"):
        for tool in tools:
            lifecycle = tool_lifecycle(current=tool.status, history=history.get(tool.pk, []))
            if lifecycle.status is None:
                continue
            out.append(
                tool_publication(
                    tool,
                    organisation=organisation,
                    register=register,
                    lifecycle=lifecycle,
                    website=website,
                )
            )
    return out


def register_companion(*, organisation: Organisation, tools: list[AITool]) -> dict[str, Any]:
    return {
        "about": (
            "CARAI fields beside an Algoritmeregister v1.0 publication; not part of the "
            "standard. Joined to the publication by source_id."
        ),
        "organisation": organisation.name,
        "tools": [tool_companion(tool, organisation=organisation) for tool in tools],
    }
