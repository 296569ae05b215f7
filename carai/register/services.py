"""Every write to the AI tool register, the guidelines and the "Mag dit?" counts."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.access import roles_in_organisation
from carai.community.models import Organisation
from carai.core.audit import audit_record
from carai.core.engine import privacy_engine_or_none
from carai.core.language import content_language
from carai.learning.models import Module
from carai.privacy import Result
from carai.privacy import patterns as privacy_patterns
from carai.register import selectors, verdict
from carai.register.audit import RegisterAction
from carai.register.content import TemplateData
from carai.register.forms import ToolForm
from carai.register.models import (
    Acknowledgement,
    AITool,
    CheckCount,
    DataRule,
    Guideline,
    Register,
    ToolRevision,
    ToolStatus,
    ToolTemplate,
    tool_snapshot,
)
from carai.register.selectors import CSV_COLUMNS, csv_row_to_form_data

Rules = dict[str, tuple[str, str]]


def _write_rules(tool: AITool, rules: Rules) -> None:
    tool.data_rules.all().delete()
    DataRule.objects.bulk_create(
        DataRule(tool=tool, category=category, permission=permission, conditions=conditions)
        for category, (permission, conditions) in rules.items()
    )


def _name_taken(organisation: Organisation, name: str, *, exclude: int | None = None) -> bool:
    tools = AITool.objects.filter(organisation=organisation, name__iexact=name.strip())
    if exclude is not None:
        tools = tools.exclude(pk=exclude)
    return tools.exists()


@transaction.atomic
def tool_create(
    *,
    organisation: Organisation,
    actor: User,
    data: dict[str, Any],
    rules: Rules,
    modules: list[Module] | None = None,
    template: ToolTemplate | None = None,
    note: str = "",
) -> AITool:
    if _name_taken(organisation, data["name"]):
        raise ValidationError({"name": _("Your register already has a tool with this name.")})
    tool = AITool.objects.create(organisation=organisation, template=template, **data)
    _write_rules(tool, rules)
    tool.required_modules.set(modules or [])
    ToolRevision.objects.create(
        tool=tool, number=1, snapshot=tool_snapshot(tool), changed_by=actor, note=note
    )
    audit_record(
        action=RegisterAction.AI_TOOL_CHANGED,
        actor=actor,
        organisation=organisation,
        target=tool,
        target_label=tool.name,
        details={"version": 1},
    )
    return tool


@transaction.atomic
def tool_update(
    *,
    tool: AITool,
    actor: User,
    data: dict[str, Any],
    rules: Rules,
    modules: list[Module] | None = None,
    note: str = "",
) -> AITool:
    """Change a tool. A new version is kept only when something changed."""
    tool = AITool.objects.select_for_update().get(pk=tool.pk)
    if _name_taken(tool.organisation, data["name"], exclude=tool.pk):
        raise ValidationError({"name": _("Your register already has a tool with this name.")})
    before = tool_snapshot(tool)
    for name, value in data.items():
        setattr(tool, name, value)
    tool.save()
    _write_rules(tool, rules)
    if modules is not None:
        tool.required_modules.set(modules)
    after = tool_snapshot(tool)
    if after == before:
        return tool
    tool.revision = F("revision") + 1
    tool.save(update_fields=["revision"])
    tool.refresh_from_db()
    ToolRevision.objects.create(
        tool=tool, number=tool.revision, snapshot=after, changed_by=actor, note=note
    )
    audit_record(
        action=RegisterAction.AI_TOOL_CHANGED,
        actor=actor,
        organisation=tool.organisation,
        target=tool,
        target_label=tool.name,
        details={"version": tool.revision},
    )
    return tool


def template_tool_data(template: ToolTemplate, *, language: str) -> tuple[dict[str, Any], Rules]:
    """What adopting ``template`` puts into a register: its facts, in ``language``."""
    verify = template.text("verify", language)
    checked = template.checked_on.isoformat()
    data = {
        "name": template.name,
        "vendor": template.vendor,
        "product": template.product,
        "version": template.version,
        "description": template.text("description", language),
        "purpose": template.text("purpose", language),
        "approved_uses": template.text("approved_uses", language),
        "status": ToolStatus.UNDER_REVIEW,  # nobody may use it before the officer decides
        "hosting": template.hosting,
        "data_location": template.data_location,
        "processor_agreement": False,  # in place only once the organisation signed one
        "ai_act_category": template.ai_act_category,
        "general_purpose": template.general_purpose,
        "human_oversight": template.text("human_oversight", language),
        "known_risks": (
            template.text("known_risks", language)
            + "\n\n"
            + _("Template facts of %(date)s; verify for your contract: %(verify)s")
            % {"date": checked, "verify": verify}
        ),
    }
    rules = {
        category: (rule["permission"], rule.get(language) or rule.get("nl") or "")
        for category, rule in template.data_rules.items()
    }
    return data, rules


def tool_adopt_template(
    *, organisation: Organisation, actor: User, template: ToolTemplate, language: str
) -> AITool:
    data, rules = template_tool_data(template, language=language)
    return tool_create(
        organisation=organisation,
        actor=actor,
        data=data,
        rules=rules,
        template=template,
        note=_("Taken from the community template (facts of %(date)s)")
        % {"date": template.checked_on.isoformat()},
    )


def template_import(*, data: TemplateData) -> tuple[ToolTemplate, bool]:
    """Create or update one community template from ``content/ai-tools/``."""
    values = {
        "checked_on": data.checked_on,
        "name": data.name,
        "vendor": data.vendor,
        "product": data.product,
        "version": data.version,
        "suggested_status": data.suggested_status,
        "data_location": data.data_location,
        "hosting": data.hosting,
        "processor_agreement": data.processor_agreement,
        "ai_act_category": data.ai_act_category,
        "general_purpose": data.general_purpose,
        "texts": data.texts,
        "data_rules": data.data_rules,
        "sources": data.sources,
        "is_active": True,
    }
    return ToolTemplate.objects.update_or_create(slug=data.slug, defaults=values)


@transaction.atomic
def register_publish(
    *, organisation: Organisation, actor: User, is_public: bool, contact_email: str
) -> Register:
    register, _created = Register.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    if is_public and not register.is_public:
        register.published_at = timezone.now()
    register.is_public = is_public
    register.contact_email = contact_email
    register.save()
    audit_record(
        action=RegisterAction.AI_REGISTER_PUBLISHED
        if is_public
        else RegisterAction.AI_REGISTER_HIDDEN,
        actor=actor,
        organisation=organisation,
        target=register,
        target_label=str(organisation),
    )
    return register


@transaction.atomic
def guideline_publish(
    *, organisation: Organisation, actor: User, title: str, body: str
) -> Guideline:
    """A new version of the guidelines; every member is asked to acknowledge it."""
    last = (
        Guideline.objects.select_for_update()
        .filter(organisation=organisation)
        .order_by("-version")
        .first()
    )
    if last is not None and last.title == title and last.body.strip() == body.strip():
        raise ValidationError(_("Nothing has changed since the current version."))
    guideline = Guideline.objects.create(
        organisation=organisation,
        version=(last.version + 1) if last else 1,
        title=title,
        body=body,
        published_by=actor,
    )
    audit_record(
        action=RegisterAction.GUIDELINES_PUBLISHED,
        actor=actor,
        organisation=organisation,
        target=guideline,
        target_label=f"{title} v{guideline.version}",
    )
    return guideline


def guideline_acknowledge(*, guideline: Guideline, user: User) -> Acknowledgement:
    try:
        with transaction.atomic():
            return Acknowledgement.objects.create(guideline=guideline, user=user)
    except IntegrityError:
        return Acknowledgement.objects.get(guideline=guideline, user=user)


class EngineStarting(Exception):
    """The privacy engine is still loading; the page asks the person to try again soon."""


@dataclass
class ToolCheck:
    """What "Mag dit?" answers, for the page to put in words."""

    tool: AITool | None
    categories: set[str]
    decision: verdict.Decision
    result: Result | None  # the privacy engine's findings, when a text was given
    pseudonymise_helps: bool
    alternatives: list[AITool]


def tool_check(
    *,
    organisation: Organisation,
    user: User,
    tools: list[AITool],
    tool: AITool | None,
    text: str,
    categories: set[str],
    about_staff: bool,
) -> ToolCheck:
    """May this text, or data of these categories, go into ``tool`` (one of the organisation's
    ``tools``, or None for a tool that is not in the register)? Counted anonymously
    (tool, verdict and day); the text itself is never stored."""
    found = set(categories)
    result = None
    if text:
        engine = privacy_engine_or_none()
        if engine is None:
            raise EngineStarting
        result = engine.analyse(text)
        found |= verdict.categories_from_text(
            {span.label for span in result.spans},
            health_terms=privacy_patterns.has_health_terms(text),
            about_staff=about_staff,
        )
    roles = roles_in_organisation(user=user, organisation=organisation)
    finished = selectors.finished_module_keys(user=user)
    language = content_language()
    others = [other for other in tools if other is not tool]
    answer = verdict.check(
        selectors.tool_rules(tool, roles=roles, finished=finished, language=language)
        if tool is not None
        else None,
        found,
        [
            selectors.tool_rules(other, roles=roles, finished=finished, language=language)
            for other in others
        ],
    )
    check_count(organisation=organisation, tool=tool, verdict=answer.decision.outcome)
    return ToolCheck(
        tool=tool,
        categories=found,
        decision=answer.decision,
        result=result,
        pseudonymise_helps=answer.pseudonymise_helps,
        alternatives=[others[index] for index in answer.alternatives],
    )


def check_count(*, organisation: Organisation, tool: AITool | None, verdict: str) -> None:
    """Count one "Mag dit?" check: tool, verdict and day only; never who or what."""
    day = timezone.localdate()
    with transaction.atomic():
        counted = CheckCount.objects.filter(
            organisation=organisation, tool=tool, verdict=verdict, day=day
        ).update(count=F("count") + 1)
        if not counted:
            try:
                with transaction.atomic():
                    CheckCount.objects.create(
                        organisation=organisation, tool=tool, verdict=verdict, day=day, count=1
                    )
            except IntegrityError:  # another request made the row first
                CheckCount.objects.filter(
                    organisation=organisation, tool=tool, verdict=verdict, day=day
                ).update(count=F("count") + 1)


# CSV import --------------------------------------------------------------------------------


@transaction.atomic
def register_import_csv(*, organisation: Organisation, actor: User, text: str) -> tuple[int, int]:
    """Create or update tools from CSV rows (matched by name). All or nothing: every error
    is reported with its line, and then nothing is saved. Returns (created, updated)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [
        c for c in ("name", "vendor", "purpose", "status") if c not in (reader.fieldnames or [])
    ]
    if missing:
        raise ValidationError(
            _("The first line must name the columns; missing: %(columns)s")
            % {"columns": ", ".join(missing)}
        )
    unknown = [c for c in reader.fieldnames or [] if c not in CSV_COLUMNS]
    errors: list[str] = []
    if unknown:
        errors.append(_("Line 1: unknown columns %(columns)s") % {"columns": ", ".join(unknown)})
    plans: list[tuple[AITool | None, ToolForm]] = []
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        data = csv_row_to_form_data(row)
        name = data.get("name") or ""
        if name.lower() in seen:
            errors.append(
                _("Line %(line)s: the tool %(name)s is in the file twice.")
                % {"line": line, "name": name}
            )
            continue
        seen.add(name.lower())
        existing = AITool.objects.filter(organisation=organisation, name__iexact=name).first()
        form = ToolForm(data, instance=existing or AITool(organisation=organisation))
        if not form.is_valid():
            for field, field_errors in form.errors.items():
                for message in field_errors:
                    errors.append(
                        _("Line %(line)s, column %(column)s: %(message)s")
                        % {
                            "line": line,
                            "column": field if field != "__all__" else "-",
                            "message": message,
                        }
                    )
            continue
        plans.append((existing, form))
    if not plans and not errors:
        errors.append(_("The file has no rows with tools."))
    if errors:
        raise ValidationError(errors)
    created = updated = 0
    for existing, form in plans:
        if existing is None:
            tool_create(
                organisation=organisation,
                actor=actor,
                data=form.tool_data(),
                rules=form.rules(),
                note=_("Imported from CSV"),
            )
            created += 1
        else:
            tool_update(
                tool=existing,
                actor=actor,
                data=form.tool_data(),
                rules=form.rules(),
                note=_("Imported from CSV"),
            )
            updated += 1
    return created, updated
