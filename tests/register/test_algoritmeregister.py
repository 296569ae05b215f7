"""The register's publication meets the Algoritmeregister standard v1.0 exactly (issue 20).

The standard's field list is the published file in ``../shared/standards`` (unchanged copy of
MinBZK/Algoritmeregister's ``v1_0.json``); the test turns it into a JSON Schema and validates
every exported object with ``jsonschema``: only the standard's properties, required ones
present, enums from the permitted values, lengths within the maxima, HTML only with the
allowed tags. All tools here are fictional."""

from __future__ import annotations

import datetime
import json
import os
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from carai.register import algoritmeregister
from carai.register.content import read_templates
from carai.register.models import TOOL_FIELDS, AITool, ToolRevision, ToolStatus, ToolTemplate
from carai.register.services import (
    register_publish,
    template_import,
    tool_adopt_template,
    tool_create,
    tool_update,
)
from tests.conftest import World, client_for

STANDARDS = Path(
    os.environ.get("CARAI_STANDARDS_DIR", Path(settings.BASE_DIR).parent / "shared" / "standards")
)
FIELDS_FILE = STANDARDS / "algoritmeregister-v1_0.json"


def _field_schema(spec: dict[str, Any]) -> dict[str, Any]:
    kind = spec["type"]
    if kind == "enum":
        return {"enum": spec["permitted_values"]}
    if kind == "string":
        schema: dict[str, Any] = {"type": "string"}
        if "max_length" in spec:
            schema["maxLength"] = spec["max_length"]
        return schema
    if kind == "array" and "permitted_values" in spec:
        return {"type": "array", "items": {"enum": spec["permitted_values"]}}
    if kind == "array":
        return {"type": "array", "items": _object_schema(spec["items"])}
    raise AssertionError(f"unknown field type {kind!r} in the standard")


def _object_schema(fields: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: _field_schema(spec) for name, spec in fields.items()},
        # The file writes one "required" as the string "false": only a real True counts.
        "required": [name for name, spec in fields.items() if spec.get("required") is True],
        "additionalProperties": False,
    }


@pytest.fixture(scope="module")
def standard() -> dict[str, Any]:
    assert FIELDS_FILE.is_file(), (
        f"{FIELDS_FILE} is missing: the published standard lives in ../shared/standards "
        "(or set CARAI_STANDARDS_DIR)"
    )
    return json.loads(FIELDS_FILE.read_text(encoding="utf-8"))["properties"]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.add(tag)


def assert_meets_standard(items: list[dict[str, Any]], standard: dict[str, Any]) -> None:
    schema = {"type": "array", "items": _object_schema(standard)}
    jsonschema.validate(items, schema)
    for item in items:
        for name, value in item.items():
            allowed = set(standard[name].get("allowed_html_tags", []))
            if isinstance(value, str):
                parser = _Tags()
                parser.feed(value)
                assert parser.tags <= allowed, (name, parser.tags - allowed)


def _publication(world: World) -> list[dict[str, Any]]:
    tools = list(AITool.objects.filter(organisation=world.org_a).prefetch_related("data_rules"))
    return algoritmeregister.register_publication(organisation=world.org_a, tools=tools)


def _set_status(tool: AITool, status: str, world: World) -> AITool:
    values = {name: getattr(tool, name) for name in TOOL_FIELDS}
    values["status"] = status
    rules = {c: (r.permission, r.conditions) for c, r in tool.rules().items()}
    return tool_update(tool=tool, actor=world.privacy_officer, data=values, rules=rules)


def test_the_schema_check_can_fail(standard: dict[str, Any]) -> None:
    """The converted schema refuses what the old export wrote (status, category, lang, own
    fields), so a pass below means something."""
    old_style = {
        "name": "X",
        "description_short": "X",
        "organization": "X",
        "status": "in_use",
        "contact_email": "",
        "lang": "nl",
        "publication_category": "other_algorithms",
        "impacttoetsen": [],
        "carai_version": 1,
    }
    with pytest.raises(jsonschema.ValidationError):
        assert_meets_standard([old_style], standard)
    valid = {
        **old_style,
        "status": "In gebruik",
        "lang": "nld",
        "publication_category": "Overige algoritmes",
    }
    del valid["impacttoetsen"], valid["carai_version"]
    assert_meets_standard([valid], standard)
    with pytest.raises(AssertionError):
        assert_meets_standard([{**valid, "goal": "<script>x</script>"}], standard)
    with pytest.raises(jsonschema.ValidationError):
        assert_meets_standard([{**valid, "name": "N" * 101}], standard)


def test_every_shipped_template_tool_meets_the_standard(
    world: World, standard: dict[str, Any]
) -> None:
    folder = Path(settings.BASE_DIR) / "content" / "ai-tools"
    for data in read_templates(folder):
        template_import(data=data)
    templates = list(ToolTemplate.objects.all())
    assert templates
    for template in templates:
        tool = tool_adopt_template(
            organisation=world.org_a, actor=world.privacy_officer, template=template, language="nl"
        )
        if template.suggested_status != ToolStatus.NOT_ALLOWED:
            _set_status(tool, ToolStatus.ALLOWED, world)
    items = _publication(world)
    assert len(items) == len(templates)  # in use or (allowed, then) under review: all published
    assert_meets_standard(items, standard)
    assert {item["lang"] for item in items} == {"nld"}
    assert {item["standard_version"] for item in items} == {"1.0"}


def test_a_tool_with_every_field_full_and_long_meets_the_standard(
    world: World, standard: dict[str, Any]
) -> None:
    long_text = ("Een verzonnen zin met <b>opmaak</b> & tekens.\n" * 400).strip()
    data = {
        "name": "N" * 200,
        "vendor": "V" * 200,
        "product": "P" * 200,
        "version": "9" * 100,
        "description": long_text,
        "purpose": long_text,
        "approved_uses": long_text,
        "status": ToolStatus.ALLOWED,
        "roles": [],
        "teams": "T" * 300,
        "hosting": "H" * 300,
        "data_location": "eu",
        "processor_agreement": True,
        "dpia_done": True,
        "dpia_date": datetime.date(2026, 3, 1),
        "dpia_link": "https://example.org/" + "d" * 180,
        "ai_act_category": "high_risk",
        "general_purpose": True,
        "human_oversight": long_text,
        "known_risks": long_text,
        "contact_person": "C" * 200,
        "contact_email": ("a" * 64) + "@" + ("b" * 180) + ".example",
        "next_review": datetime.date(2027, 1, 1),
    }
    rules = dict.fromkeys(("public", "internal", "health"), ("allowed_with_conditions", long_text))
    tool_create(organisation=world.org_a, actor=world.privacy_officer, data=data, rules=rules)
    (item,) = _publication(world)
    assert_meets_standard([item], standard)
    assert item["publication_category"] == "Hoog-risico AI-systeem"
    assert item["status"] == "In gebruik"
    assert item["impacttoetsen_grouping"][0]["title"].endswith("(DPIA)")
    assert "&lt;b&gt;" in item["goal"]  # the text's own markup is shown, never run
    assert item["name"].endswith("…")  # shortened to the standard's 100 characters, and says so


def test_a_tool_with_only_the_required_fields_meets_the_standard(
    world: World, standard: dict[str, Any]
) -> None:
    data = {"name": "Kaal (fictief)", "vendor": "Fictief BV", "purpose": "Iets"}
    tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={**data, "status": ToolStatus.UNDER_REVIEW},
        rules={},
    )
    (item,) = _publication(world)
    assert_meets_standard([item], standard)
    assert item["status"] == "In ontwikkeling"
    assert item["contact_email"] == ""  # required key, no address known: present, empty


def _tool(world: World, status: str) -> AITool:
    return tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={
            "name": "Schrijfhulp",
            "vendor": "Fictief BV",
            "purpose": "Brieven",
            "status": status,
        },
        rules={},
    )


def _revisions_at(tool: AITool, *months: datetime.datetime) -> None:
    for revision, when in zip(tool.revisions.order_by("number"), months, strict=True):
        ToolRevision.objects.filter(pk=revision.pk).update(changed_at=when)


def test_status_and_dates_follow_the_tools_history(world: World) -> None:
    tool = _tool(world, ToolStatus.UNDER_REVIEW)
    tool = _set_status(tool, ToolStatus.ALLOWED, world)
    tz = timezone.get_current_timezone()
    _revisions_at(
        tool, datetime.datetime(2026, 1, 5, tzinfo=tz), datetime.datetime(2026, 2, 9, tzinfo=tz)
    )
    (item,) = _publication(world)
    assert (item["status"], item["begin_date"]) == ("In gebruik", "2026-02")
    assert "end_date" not in item

    tool = _set_status(tool, ToolStatus.NOT_ALLOWED, world)
    ToolRevision.objects.filter(tool=tool, number=3).update(
        changed_at=datetime.datetime(2026, 6, 30, tzinfo=tz)
    )
    (item,) = _publication(world)
    assert (item["status"], item["begin_date"], item["end_date"]) == (
        "Buiten gebruik",
        "2026-02",
        "2026-06",
    )


def test_a_tool_that_was_never_allowed_is_not_published_as_out_of_use(world: World) -> None:
    _tool(world, ToolStatus.NOT_ALLOWED)
    assert _publication(world) == []


def test_downloads_standard_file_and_carai_companion(
    world: World, standard: dict[str, Any]
) -> None:
    tool = _tool(world, ToolStatus.ALLOWED)
    client = client_for(world.care_worker)
    exported = client.get(reverse("register:export_json", kwargs={"slug": world.org_a.slug}))
    items = exported.json()
    assert_meets_standard(items, standard)
    assert items[0]["source_id"].endswith(str(tool.pk))
    companion = client.get(
        reverse("register:export_companion_json", kwargs={"slug": world.org_a.slug})
    ).json()
    (row,) = companion["tools"]
    assert row["source_id"] == items[0]["source_id"]
    assert row["data_rules"] == {}
    assert row["register_status"] == "allowed"

    register_publish(
        organisation=world.org_a,
        actor=world.privacy_officer,
        is_public=True,
        contact_email="ai@zorg-a.example",
    )
    public = reverse("register:public", kwargs={"slug": world.org_a.slug})
    (item,) = client_for(None).get(public + "?formaat=json").json()
    assert_meets_standard([item], standard)
    assert item["website"] == "http://testserver" + public
    assert item["contact_email"] == "ai@zorg-a.example"
