"""Reads the community's AI tool templates from ``content/ai-tools/*.yaml``.

Strict: a file with a missing key or a value outside the allowed set is refused with the
file name and the reason, so that a broken template never half-loads.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from carai.register.models import (
    AIActCategory,
    DataCategory,
    DataLocation,
    Permission,
    ToolStatus,
)

# The allowed values are the register's own choices, so a template can hold nothing the
# register cannot.
STATUSES = set(ToolStatus.values)
PERMISSIONS = set(Permission.values)
LOCATIONS = set(DataLocation.values)
AI_ACT = set(AIActCategory.values)
CATEGORIES = tuple(DataCategory.values)
TEXT_FIELDS = (
    "description",
    "purpose",
    "approved_uses",
    "human_oversight",
    "known_risks",
    "verify",
)
LANGUAGES = ("nl", "en")


class TemplateError(ValueError):
    pass


@dataclass(frozen=True)
class TemplateData:
    slug: str
    checked_on: datetime.date
    name: str
    vendor: str
    product: str
    version: str
    suggested_status: str
    data_location: str
    hosting: str
    processor_agreement: bool
    ai_act_category: str
    general_purpose: bool
    texts: dict[str, dict[str, str]]
    data_rules: dict[str, dict[str, str]]
    sources: list[dict[str, str]]


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise TemplateError(f"{where}: '{key}' must be text")
    return value.strip()


def _choice(data: dict[str, Any], key: str, allowed: set[str], where: str) -> str:
    value = data.get(key)
    if value not in allowed:
        raise TemplateError(f"{where}: '{key}' must be one of {', '.join(sorted(allowed))}")
    return str(value)


def read_template(path: Path) -> TemplateData:
    where = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise TemplateError(f"{where}: not valid YAML ({error})") from error
    if not isinstance(data, dict):
        raise TemplateError(f"{where}: expected a mapping")
    slug = _text(data, "slug", where)
    if slug != path.stem:
        raise TemplateError(f"{where}: slug '{slug}' differs from the file name")
    checked_on = data.get("checked_on")
    if not isinstance(checked_on, datetime.date):
        raise TemplateError(f"{where}: 'checked_on' must be a date (YYYY-MM-DD)")
    texts: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        block = data.get(language)
        if not isinstance(block, dict):
            raise TemplateError(f"{where}: '{language}' texts are missing")
        texts[language] = {f: _text(block, f, f"{where} ({language})") for f in TEXT_FIELDS}
    rules_in = data.get("data_rules")
    if not isinstance(rules_in, dict) or set(rules_in) != set(CATEGORIES):
        raise TemplateError(f"{where}: 'data_rules' must name exactly {', '.join(CATEGORIES)}")
    rules: dict[str, dict[str, str]] = {}
    for category in CATEGORIES:
        rule = rules_in[category]
        if not isinstance(rule, dict):
            raise TemplateError(f"{where}: data rule '{category}' must be a mapping")
        permission = _choice(rule, "permission", PERMISSIONS, f"{where} ({category})")
        conditions = {lang: _text(rule, lang, f"{where} ({category})") for lang in LANGUAGES}
        if permission != "allowed" and not all(conditions.values()):
            raise TemplateError(f"{where}: data rule '{category}' needs its conditions or reason")
        rules[category] = {"permission": permission, **conditions}
    sources = []
    for line in data.get("sources") or []:
        title, _sep, url = str(line).partition("|")
        if not url.strip().startswith("https://"):
            raise TemplateError(f"{where}: source '{line}' must be 'title | https://...'")
        sources.append({"title": title.strip(), "url": url.strip()})
    for flag in ("processor_agreement", "general_purpose"):
        if not isinstance(data.get(flag), bool):
            raise TemplateError(f"{where}: '{flag}' must be true or false")
    return TemplateData(
        slug=slug,
        checked_on=checked_on,
        name=_text(data, "name", where),
        vendor=_text(data, "vendor", where),
        product=_text(data, "product", where),
        version=_text(data, "version", where),
        suggested_status=_choice(data, "suggested_status", STATUSES, where),
        data_location=_choice(data, "data_location", LOCATIONS, where),
        hosting=_text(data, "hosting", where),
        processor_agreement=bool(data["processor_agreement"]),
        ai_act_category=_choice(data, "ai_act_category", AI_ACT, where),
        general_purpose=bool(data["general_purpose"]),
        texts=texts,
        data_rules=rules,
        sources=sources,
    )


def read_templates(folder: Path) -> list[TemplateData]:
    return [read_template(path) for path in sorted(folder.glob("*.yaml"))]
