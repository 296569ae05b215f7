"""Every write of surveys: making one (from templates or item by item), sending it to a
group, answering with consent, withdrawing, closing, masking open answers and reminders."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Collection, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.core.audit import audit_record
from carai.core.engine import privacy_engine_or_none, privacy_engine_warm_up
from carai.core.mail import mail_send
from carai.insights.audit import InsightsAction
from carai.insights.content import survey_templates
from carai.insights.models import (
    ItemKind,
    Survey,
    SurveyAnswer,
    SurveyItem,
    SurveyRecipient,
    SurveyResponse,
    new_key_salt,
)
from carai.insights.selectors import survey_cycles, survey_use_cases
from carai.insights.services.maturity import maturity_reminders_send
from carai.learning.models import Enrolment, Module
from carai.usecases.models import Cycle, TeamMember, UseCase

logger = logging.getLogger(__name__)
REMIND_DAYS_BEFORE = 3
MAX_NUMBER = 100_000


def _copy_items(survey: Survey, items: QuerySet[SurveyItem]) -> None:
    SurveyItem.objects.bulk_create(
        SurveyItem(
            survey=survey,
            order=item.order,
            section_nl=item.section_nl,
            section_en=item.section_en,
            code=item.code,
            kind=item.kind,
            text_nl=item.text_nl,
            text_en=item.text_en,
            choices=item.choices,
            scale=item.scale,
        )
        for item in items
    )


@transaction.atomic
def survey_create(
    *,
    organisation: Organisation,
    actor: User,
    title: str,
    consent_text: str,
    template_keys: Collection[str] = (),
    pre_survey: Survey | None = None,
    role: str = "",
    module: Module | None = None,
    use_case: UseCase | None = None,
    cycle: Cycle | None = None,
) -> Survey:
    """A draft survey. As the after-measurement of ``pre_survey`` it gets the same items
    and the same key salt (so that a person's keys in both match)."""
    if pre_survey is not None and (
        pre_survey.organisation_id != organisation.pk or pre_survey.pre_survey_id is not None
    ):
        raise ValidationError({"pre_survey": _("Choose a first measurement of this organisation.")})
    if (
        use_case is not None
        and not survey_use_cases(organisation=organisation).filter(pk=use_case.pk).exists()
    ):
        raise ValidationError(
            {"use_case": _("Choose a use case in whose team someone of this organisation works.")}
        )
    if (
        cycle is not None
        and not survey_cycles(organisation=organisation).filter(pk=cycle.pk).exists()
    ):
        raise ValidationError(
            {
                "cycle": _(
                    "Choose a cycle with a use case in whose team someone of this "
                    "organisation works."
                )
            }
        )
    survey = Survey.objects.create(
        organisation=organisation,
        title=title,
        consent_text=consent_text,
        created_by=actor,
        pre_survey=pre_survey,
        key_salt=pre_survey.key_salt if pre_survey is not None else new_key_salt(),
        role=role,
        module=module,
        use_case=use_case,
        cycle=cycle,
    )
    if pre_survey is not None:
        _copy_items(survey, pre_survey.items.all())
        return survey
    known = {t.key: t for t in survey_templates()}
    order = 0
    for key in template_keys:
        template = known.get(key)
        if template is None:
            raise ValidationError({"templates": _("Unknown template.")})
        for item in template.items:
            order += 1
            SurveyItem.objects.create(
                survey=survey,
                order=order,
                section_nl=template.title["nl"],
                section_en=template.title["en"],
                code=item.code,
                kind=item.kind,
                text_nl=item.text["nl"],
                text_en=item.text["en"],
                choices=[dict(c) for c in item.choices],
                scale=item.scale,
            )
    return survey


def _editable(survey: Survey) -> None:
    if survey.sent_at is not None:
        raise ValidationError(_("A survey that was sent can no longer change."))


@transaction.atomic
def survey_item_add(*, survey: Survey, data: Mapping[str, Any]) -> SurveyItem:
    """Add a question to a draft survey (the builder). ``choices``: a list of (nl, en)."""
    _editable(survey)
    kind = data["kind"]
    choices = [{"nl": nl, "en": en} for nl, en in data.get("choices") or []]
    if kind in (ItemKind.SINGLE, ItemKind.MULTIPLE) and len(choices) < 2:
        raise ValidationError({"choices": _("Give at least two choices, one per line.")})
    if kind not in (ItemKind.SINGLE, ItemKind.MULTIPLE):
        choices = []
    last = survey.items.aggregate(last=Max("order"))["last"] or 0
    code = data.get("code") or f"q{last + 1}"
    if survey.items.filter(code=code).exists():
        raise ValidationError({"code": _("Another question of this survey has this code.")})
    return SurveyItem.objects.create(
        survey=survey,
        order=last + 1,
        section_nl=data.get("section_nl", ""),
        section_en=data.get("section_en", "") or data.get("section_nl", ""),
        code=code,
        kind=kind,
        text_nl=data["text_nl"],
        text_en=data.get("text_en") or data["text_nl"],
        choices=choices,
        scale=data.get("scale", ""),
    )


@transaction.atomic
def survey_item_delete(*, item: SurveyItem) -> None:
    _editable(item.survey)
    item.delete()


def survey_audience(*, survey: Survey) -> QuerySet[User]:
    """The group the survey goes to: the organisation's current members, narrowed to a role,
    the learners of a module, the team of a use case and/or the teams of a cycle's use cases.
    Team members of other organisations and people whose membership ended are never in it."""
    memberships = Membership.objects.active_in(organisation=survey.organisation)
    if survey.role:
        memberships = memberships.filter(role=survey.role)
    users = User.objects.filter(
        pk__in=memberships.values("user_id"), is_active=True, erased_at__isnull=True
    )
    if survey.module_id is not None:
        users = users.filter(
            pk__in=Enrolment.objects.filter(module_id=survey.module_id).values("user_id")
        )
    if survey.use_case_id is not None:
        users = users.filter(
            pk__in=TeamMember.objects.filter(use_case_id=survey.use_case_id).values("user_id")
        )
    if survey.cycle_id is not None:
        users = users.filter(
            pk__in=TeamMember.objects.filter(use_case__cycle_id=survey.cycle_id).values("user_id")
        )
    return users.order_by("pk")


def _link(survey: Survey) -> str:
    path = reverse(
        "insights:survey_answer", kwargs={"slug": survey.organisation.slug, "survey_id": survey.pk}
    )
    return str(settings.CARAI_BASE_URL).rstrip("/") + path


def _mail(survey: Survey, users: Collection[User], kind: str) -> None:
    for user in users:
        if not user.email:
            continue
        mail_send(
            to=user.email,
            language=user.preferred_language or settings.LANGUAGE_CODE,
            template=f"insights/email/survey_{kind}",
            context={
                "name": user.full_name or user.email,
                "organisation": survey.organisation.name,
                "title": survey.title,
                "closes_on": survey.closes_on,
                "link": _link(survey),
            },
            organisation_id=survey.organisation_id,
        )


@transaction.atomic
def survey_send(*, survey: Survey, actor: User, closes_on: datetime.date) -> int:
    """Open the survey until ``closes_on`` and invite the group by e-mail."""
    _editable(survey)
    if not survey.items.exists():
        raise ValidationError(_("Add at least one question first."))
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": _("Choose a date that has not passed.")})
    users = list(survey_audience(survey=survey))
    if not users:
        raise ValidationError(_("Nobody is in this group."))
    survey.sent_at = timezone.now()
    survey.closes_on = closes_on
    survey.save(update_fields=["sent_at", "closes_on"])
    SurveyRecipient.objects.bulk_create(SurveyRecipient(survey=survey, user=u) for u in users)
    _mail(survey, users, "invite")
    audit_record(
        action=InsightsAction.SURVEY_SENT,
        actor=actor,
        organisation=survey.organisation,
        target=survey,
        details={"recipients": len(users)},
    )
    return len(users)


@transaction.atomic
def survey_close(*, survey: Survey, actor: User) -> None:
    if survey.closed_at is None:
        survey.closed_at = timezone.now()
        survey.save(update_fields=["closed_at"])
        audit_record(
            action=InsightsAction.SURVEY_CLOSED,
            actor=actor,
            organisation=survey.organisation,
            target=survey,
        )


def key_for(*, survey: Survey, user: User) -> str:
    return survey.key_of(user.pk)


def _value(item: SurveyItem, raw: Any) -> dict[str, Any]:
    """The stored form of one answer; raises ValidationError for a value out of range."""
    if item.kind == ItemKind.LIKERT:
        if raw not in (1, 2, 3, 4, 5):
            raise ValidationError(_("Choose an answer from 1 to 5."))
        return {"number": float(raw)}
    if item.kind == ItemKind.SINGLE:
        if not isinstance(raw, int) or not 0 <= raw < len(item.choices):
            raise ValidationError(_("Choose one of the answers."))
        return {"number": float(raw)}
    if item.kind == ItemKind.MULTIPLE:
        chosen = sorted(set(raw))
        if any(not 0 <= i < len(item.choices) for i in chosen):
            raise ValidationError(_("Choose from the answers given."))
        return {"choices": chosen}
    if item.kind == ItemKind.NUMBER:
        if not 0 <= float(raw) <= MAX_NUMBER:
            raise ValidationError(_("Give a number from 0 to 100,000."))
        return {"number": float(raw)}
    return {"text": str(raw)}


@transaction.atomic
def survey_respond(
    *, survey: Survey, user: User, consent: bool, answers: Mapping[int, Any]
) -> SurveyResponse:
    """Keep one person's answers under their pseudonymous key. Every question may be left
    empty; consent is required. Answering again replaces the earlier answers."""
    if not survey.is_open or not survey.recipients.filter(user=user).exists():
        raise ValidationError(_("This survey is not open for you."))
    if not consent:
        raise ValidationError({"consent": _("Give your consent to answer, or leave the survey.")})
    key = key_for(survey=survey, user=user)
    SurveyResponse.objects.filter(survey=survey, respondent_key=key).delete()
    roles = Membership.objects.active_in(organisation=survey.organisation).filter(user=user)
    role = survey.role or (roles.order_by("role").values_list("role", flat=True).first() or "")
    response = SurveyResponse.objects.create(
        survey=survey, respondent_key=key, role=role, consented_at=timezone.now()
    )
    items = {item.pk: item for item in survey.items.all()}
    rows = []
    for item_id, raw in answers.items():
        item = items.get(item_id)
        if item is None or raw in (None, "", []):
            continue
        rows.append(SurveyAnswer(response=response, item=item, **_value(item, raw)))
    SurveyAnswer.objects.bulk_create(rows)
    if any(row.text for row in rows):
        response_id = response.pk
        transaction.on_commit(lambda: survey_answers_mask.enqueue(response_id=response_id))
    return response


@transaction.atomic
def survey_withdraw(*, survey: Survey, user: User) -> bool:
    """Delete the person's answers to this survey (found through their key). True when there
    were answers."""
    deleted, _rows = SurveyResponse.objects.filter(
        survey=survey, respondent_key=key_for(survey=survey, user=user)
    ).delete()
    return bool(deleted)


def answers_mask(*, response_id: int) -> int:
    """Replace each open answer of a response by its copy with identifiers masked, and forget
    the text as typed. Safe to run twice."""
    engine = privacy_engine_or_none()
    if engine is None:
        privacy_engine_warm_up(wait=True)
        engine = privacy_engine_or_none()
    if engine is None:  # the engine failed to load: try again later
        raise RuntimeError("The privacy engine is not available.")
    done = 0
    for answer in SurveyAnswer.objects.filter(response_id=response_id, masked=False).exclude(
        text=""
    ):
        masked = engine.analyse(answer.text).pseudonymised
        SurveyAnswer.objects.filter(pk=answer.pk, masked=False).update(
            text_masked=masked, text="", masked=True
        )
        done += 1
    return done


@task()
def survey_answers_mask(*, response_id: int) -> int:
    return answers_mask(response_id=response_id)


def reminders_send(*, today: datetime.date) -> int:
    """One reminder to the whole group of each open survey that closes within
    ``REMIND_DAYS_BEFORE`` days. We cannot tell who answered (answers have no name), so the
    reminder thanks whoever already did."""
    sent = 0
    due = Survey.objects.filter(
        sent_at__isnull=False,
        closed_at__isnull=True,
        reminded_at__isnull=True,
        closes_on__gte=today,
        closes_on__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
    ).select_related("organisation")
    for survey in due:
        with transaction.atomic():
            claimed = Survey.objects.filter(pk=survey.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if not claimed:
                continue
            users = [r.user for r in survey.recipients.select_related("user")]
            _mail(survey, [u for u in users if u.is_active], "reminder")
            sent += 1
    return sent


@task()
def surveys_follow_up() -> int:
    """Run daily (``manage.py surveys_daily``): the reminders before a survey closes and
    before a maturity round closes (to the invitees who have not answered)."""
    today = timezone.localdate()
    return reminders_send(today=today) + maturity_reminders_send(today=today)
