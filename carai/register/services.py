"""Every write to the AI tool register, the guidelines and the "Mag dit?" counts."""

from __future__ import annotations

import csv
import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django_tasks import task

from carai.accounts.models import User
from carai.community.access import roles_in_organisation
from carai.community.models import Organisation
from carai.core.audit import audit_record
from carai.core.cache import rows_written_send
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
    TOOL_FIELDS,
    Acknowledgement,
    AITool,
    CheckCount,
    DataRule,
    Guideline,
    ImportStatus,
    Register,
    ToolImport,
    ToolRevision,
    ToolStatus,
    ToolTemplate,
    snapshot_of,
    tool_snapshot,
)
from carai.register.selectors import CSV_COLUMNS, csv_row_to_form_data

Rules = dict[str, tuple[str, str]]

logger = logging.getLogger(__name__)


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
#
# Bounded: at most MAX_IMPORT_ROWS rows, MAX_FIELD_CHARS characters in one field and
# MAX_IMPORT_SECONDS for reading and checking (the file itself is at most
# forms.MAX_CSV_BYTES). Every row is checked in memory with the tool form (no query per
# row); then everything is written at once, or nothing. The file's text is never logged.

MAX_IMPORT_ROWS = 2_000
MAX_FIELD_CHARS = 10_000
MAX_IMPORT_SECONDS = 60
MAX_PROBLEMS = 100  # reported; the rest is counted
BACKGROUND_LINES = 200  # a file with more lines is imported by a background task
PROGRESS_EVERY = 100  # rows
Progress = Callable[[int, int], None]
REQUIRED_COLUMNS = ("name", "vendor", "purpose", "status")


class ImportToolForm(ToolForm):
    """The tool form's checks for the rows of a CSV file: one form checks every row (making
    a form per row costs more than the checks), without asking the database (names are
    compared with the register in memory)."""

    def validate_unique(self) -> None:
        pass

    def check_row(self, data: dict[str, Any], *, organisation: Organisation) -> bool:
        self.data = data
        self.is_bound = True
        self._errors = None
        self._bound_fields_cache.clear()  # type: ignore[attr-defined]
        self.instance = AITool(organisation=organisation)
        return self.is_valid()


@dataclass
class ImportPlan:
    line: int
    existing: AITool | None
    data: dict[str, Any]
    rules: Rules


class ImportRefused(ValidationError):
    """Nothing was imported; ``count`` problems were found (``messages`` lists the first)."""

    def __init__(self, messages: list[str], *, count: int) -> None:
        super().__init__(messages)
        self.count = count


class ImportProblems:
    """The problems of one file, each with its line; at most MAX_PROBLEMS are kept."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.count = 0

    def add(self, message: str) -> None:
        self.count += 1
        if self.count <= MAX_PROBLEMS:
            self.messages.append(message)

    def raise_if_any(self) -> None:
        if not self.count:
            return
        messages = list(self.messages)
        if self.count > MAX_PROBLEMS:
            messages.append(
                _("... and %(count)s more problems.") % {"count": self.count - MAX_PROBLEMS}
            )
        raise ImportRefused(messages, count=self.count)


def _too_slow() -> ValidationError:
    return ValidationError(
        _(
            "Checking the file took longer than the limit of %(seconds)s seconds. "
            "Split it into smaller files."
        )
        % {"seconds": MAX_IMPORT_SECONDS}
    )


def _csv_rows(text: str, problems: ImportProblems) -> list[tuple[int, dict[str, Any]]]:
    """(line, row) of the file, within the limits on rows and field size."""
    reader = csv.DictReader(io.StringIO(text))
    try:
        columns = reader.fieldnames or []
    except csv.Error:
        columns = []
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ValidationError(
            _("The first line must name the columns; missing: %(columns)s")
            % {"columns": ", ".join(missing)}
        )
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    if unknown:
        problems.add(_("Line 1: unknown columns %(columns)s") % {"columns": ", ".join(unknown)})
    rows: list[tuple[int, dict[str, Any]]] = []
    line = 1  # as a spreadsheet numbers the rows: the header is line 1
    while True:
        line += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise ValidationError(
                _(
                    "Line %(line)s: this is not valid CSV, or a field is longer than the "
                    "limit of %(limit)s characters."
                )
                % {"line": line, "limit": number_format(MAX_FIELD_CHARS, force_grouping=True)}
            ) from None
        if line > MAX_IMPORT_ROWS + 1:
            raise ValidationError(
                _("The file has more than %(limit)s rows. Split it into smaller files.")
                % {"limit": number_format(MAX_IMPORT_ROWS, force_grouping=True)}
            )
        too_long = [
            column or "-"
            for column, value in row.items()
            if isinstance(value, str) and len(value) > MAX_FIELD_CHARS
        ]
        for column in too_long:
            problems.add(
                _(
                    "Line %(line)s, column %(column)s: longer than the limit of %(limit)s "
                    "characters."
                )
                % {
                    "line": line,
                    "column": column,
                    "limit": number_format(MAX_FIELD_CHARS, force_grouping=True),
                }
            )
        if not too_long:
            rows.append((line, row))
    return rows


def register_import_check(
    *, organisation: Organisation, text: str, progress: Progress | None = None
) -> list[ImportPlan]:
    """Every row of the CSV checked against the form and the register, in memory. Raises a
    ValidationError with every problem (and its line) when there is any. ``progress`` is
    told (rows checked, rows) now and then."""
    deadline = time.monotonic() + MAX_IMPORT_SECONDS
    problems = ImportProblems()
    rows = _csv_rows(text, problems)
    existing = {tool.name.lower(): tool for tool in selectors.tools_of(organisation=organisation)}
    plans: list[ImportPlan] = []
    seen: set[str] = set()
    form = ImportToolForm()
    for number, (line, row) in enumerate(rows):
        if time.monotonic() > deadline:
            raise _too_slow()
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number, len(rows))
        data = csv_row_to_form_data(row)
        name = str(data.get("name") or "")
        if name.lower() in seen:
            problems.add(
                _("Line %(line)s: the tool %(name)s is in the file twice.")
                % {"line": line, "name": name}
            )
            continue
        seen.add(name.lower())
        if not form.check_row(data, organisation=organisation):
            for field, field_errors in form.errors.items():
                for message in field_errors:
                    problems.add(
                        _("Line %(line)s, column %(column)s: %(message)s")
                        % {
                            "line": line,
                            "column": field if field != "__all__" else "-",
                            "message": message,
                        }
                    )
            continue
        plans.append(ImportPlan(line, existing.get(name.lower()), form.tool_data(), form.rules()))
    if not plans and not problems.count:
        problems.add(_("The file has no rows with tools."))
    problems.raise_if_any()
    return plans


def register_import_csv(
    *, organisation: Organisation, actor: User, text: str, progress: Progress | None = None
) -> tuple[int, int]:
    """Create or update tools from CSV rows (matched by name). All or nothing: every error
    is reported with its line, and then nothing is saved. Returns (created, updated)."""
    plans = register_import_check(organisation=organisation, text=text, progress=progress)
    return _import_write(organisation=organisation, actor=actor, plans=plans)


@transaction.atomic
def _import_write(
    *, organisation: Organisation, actor: User, plans: list[ImportPlan]
) -> tuple[int, int]:
    note = _("Imported from CSV")
    now = timezone.now()
    new = [plan for plan in plans if plan.existing is None]
    tools = AITool.objects.bulk_create(
        AITool(organisation=organisation, **plan.data) for plan in new
    )
    revisions = [
        ToolRevision(
            tool=tool,
            number=1,
            snapshot=snapshot_of(tool, rules=plan.rules, module_keys=[]),
            changed_by=actor,
            note=note,
        )
        for tool, plan in zip(tools, new, strict=True)
    ]
    rules = {tool.pk: plan.rules for tool, plan in zip(tools, new, strict=True)}
    changed: list[AITool] = []
    for plan in plans:
        tool = plan.existing
        if tool is None:
            continue
        before = tool_snapshot(tool)  # rules and modules were fetched with the register
        for name, value in plan.data.items():
            setattr(tool, name, value)
        after = snapshot_of(tool, rules=plan.rules, module_keys=before["required_modules"])
        if after == before:
            continue
        tool.revision += 1
        tool.updated_at = now
        changed.append(tool)
        rules[tool.pk] = plan.rules
        revisions.append(
            ToolRevision(
                tool=tool, number=tool.revision, snapshot=after, changed_by=actor, note=note
            )
        )
    AITool.objects.bulk_update(changed, [*TOOL_FIELDS, "revision", "updated_at"], batch_size=500)
    DataRule.objects.filter(tool__in=changed).delete()
    DataRule.objects.bulk_create(
        DataRule(tool_id=pk, category=category, permission=permission, conditions=conditions)
        for pk, tool_rules in rules.items()
        for category, (permission, conditions) in tool_rules.items()
    )
    ToolRevision.objects.bulk_create(revisions)
    # Bulk writes send no signals: tell the caches that read tools (the register's list,
    # Mijn overzicht, the literacy facts) which tools changed.
    rows_written_send(model=AITool, instances=[*tools, *changed])
    updated = len(plans) - len(new)
    audit_record(
        action=RegisterAction.AI_REGISTER_IMPORTED,
        actor=actor,
        organisation=organisation,
        target_label=str(organisation),
        details={"created": len(new), "updated": updated, "changed": len(changed)},
    )
    return len(new), updated


def tool_import_queue(*, organisation: Organisation, actor: User, text: str) -> ToolImport:
    """Keep a large file for the background task, which imports it once this commits."""
    with transaction.atomic():
        job = ToolImport.objects.create(
            organisation=organisation, created_by=actor, text=text, rows_total=text.count("\n")
        )
        job_id = job.pk
        transaction.on_commit(lambda: tool_import_task.enqueue(import_id=job_id), robust=True)
    return job


def tool_import_run(*, import_id: int) -> None:
    """Run a queued import: all or nothing, as on the page. Safe to run twice: a finished
    import is left as it is."""
    with transaction.atomic():
        job = ToolImport.objects.select_for_update().filter(pk=import_id).first()
        if job is None or job.is_finished or job.created_by is None:
            return
        job.status = ImportStatus.RUNNING
        job.save(update_fields=["status"])

    def progress(checked: int, total: int) -> None:
        ToolImport.objects.filter(pk=import_id).update(rows_checked=checked, rows_total=total)

    result: dict[str, Any] = {"status": ImportStatus.DONE, "rows_checked": F("rows_total")}
    try:
        created, updated = register_import_csv(
            organisation=job.organisation, actor=job.created_by, text=job.text, progress=progress
        )
    except ValidationError as error:
        result.update(
            status=ImportStatus.REFUSED,
            problems=error.messages,
            problem_count=getattr(error, "count", len(error.messages)),
        )
    else:
        result.update(created_count=created, updated_count=updated)
    ToolImport.objects.filter(pk=import_id).update(**result, text="", finished_at=timezone.now())


@task()
def tool_import_task(*, import_id: int) -> None:
    tool_import_run(import_id=import_id)


# A queued import whose task the queue lost (the queue was unreachable at commit) is queued
# again by ``manage.py imports_relay`` (every minute) once it has waited QUEUED_GRACE. A run
# cut short by a dead worker is queued again by RQ itself (docs/operations.md).
QUEUED_GRACE = timedelta(minutes=2)


def tool_imports_relay() -> int:
    waiting = ToolImport.objects.filter(
        status=ImportStatus.QUEUED, created_at__lt=timezone.now() - QUEUED_GRACE
    ).values_list("pk", flat=True)
    count = 0
    for import_id in waiting:
        try:
            tool_import_task.enqueue(import_id=import_id)
        except Exception:
            logger.exception("Could not queue import %s again", import_id)
        else:
            count += 1
    return count
