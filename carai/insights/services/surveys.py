"""Every write of surveys: making one (from templates or item by item), sending it to a
group, answering with consent, withdrawing, closing, masking open answers and reminders."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Collection, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.core.audit import audit_record
from carai.core.cache import (
    organisation_scope,
    rows_written_send,
    scopes_changed,
    user_scope,
)
from carai.core.engine import privacy_engine_or_none, privacy_engine_warm_up
from carai.core.mail import mail_send
from carai.insights import anonymity, releases
from carai.insights.audit import InsightsAction
from carai.insights.content import survey_templates
from carai.insights.models import (
    ItemKind,
    Survey,
    SurveyAnswer,
    SurveyItem,
    SurveyRecipient,
    SurveyRelease,
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
# Rule 6 of ``anonymity``: surveys with a question in common sent this recently (or still
# open) count as overlapping groups.
OVERLAP_DAYS = 365


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
    organisation: Organisation | None,
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
    and the same key salt (so that a person's keys in both match). ``organisation`` None: a
    community survey, for the community lead only, to every active partner organisation
    (narrowed by role, module or cycle; not by a use case's team)."""
    if organisation is None:
        _community_checks(actor=actor, pre_survey=pre_survey, use_case=use_case)
    elif pre_survey is not None and (
        pre_survey.organisation_id != organisation.pk or pre_survey.pre_survey_id is not None
    ):
        raise ValidationError({"pre_survey": _("Choose a first measurement of this organisation.")})
    if (
        organisation is not None
        and use_case is not None
        and not survey_use_cases(organisation=organisation).filter(pk=use_case.pk).exists()
    ):
        raise ValidationError(
            {"use_case": _("Choose a use case in whose team someone of this organisation works.")}
        )
    if (
        organisation is not None
        and cycle is not None
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


def _community_checks(*, actor: User, pre_survey: Survey | None, use_case: UseCase | None) -> None:
    if not actor.is_community_lead:
        raise ValidationError(_("Only the community lead sends a survey to the whole community."))
    if pre_survey is not None and (
        pre_survey.organisation_id is not None or pre_survey.pre_survey_id is not None
    ):
        raise ValidationError({"pre_survey": _("Choose a first measurement of the community.")})
    if use_case is not None:
        raise ValidationError(
            {"use_case": _("A community survey goes to organisations, not to one team.")}
        )


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


def _memberships(survey: Survey) -> QuerySet[Membership]:
    if survey.organisation_id is None:
        memberships = Membership.objects.active().filter(organisation__is_active=True)
    else:
        memberships = Membership.objects.active_in(organisation=survey.organisation_id)
    if survey.role:
        memberships = memberships.filter(role=survey.role)
    return memberships


def survey_audience(*, survey: Survey) -> QuerySet[User]:
    """The group the survey goes to: the organisation's current members (for a community
    survey: those of every active organisation), narrowed to a role, the learners of a
    module (in either language), the team of a use case and/or the teams of a cycle's use
    cases. Team members of other organisations and people whose membership ended are never
    in it."""
    memberships = _memberships(survey)
    users = User.objects.filter(
        pk__in=memberships.values("user_id"), is_active=True, erased_at__isnull=True
    )
    if survey.module is not None:  # the learners of either language version
        users = users.filter(
            pk__in=Enrolment.objects.filter(module__key=survey.module.key).values("user_id")
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


def _asked_through(survey: Survey, users: list[User]) -> dict[int, Organisation]:
    """Per person, the organisation through which they are asked: the survey's, or (for a
    community survey) the first of their organisations in the group."""
    if survey.organisation is not None:
        return {user.pk: survey.organisation for user in users}
    out: dict[int, Organisation] = {}
    rows = (
        _memberships(survey)
        .filter(user_id__in=[u.pk for u in users])
        .select_related("organisation")
        .order_by("organisation__name", "organisation_id")
    )
    for membership in rows:
        out.setdefault(membership.user_id, membership.organisation)
    return out


def _by_organisation(pairs: Collection[tuple[int, int | None]]) -> dict[int | None, frozenset[int]]:
    """(user id, organisation id) -> per organisation, its people; None: everyone."""
    out: dict[int | None, set[int]] = {None: set()}
    for user_id, organisation_id in pairs:
        out[None].add(user_id)
        out.setdefault(organisation_id, set()).add(user_id)
    return {key: frozenset(value) for key, value in out.items()}


def survey_group_too_close(
    *, survey: Survey, asked: Collection[tuple[int, int | None]]
) -> Survey | None:
    """Rule 6 of ``anonymity`` (one place). ``asked``: the new group, as (user id, organisation
    id through which they are asked). Returns another survey with a question in common, sent
    in the last ``OVERLAP_DAYS`` days or still open, outside this survey's own pre/post
    chain, whose group differs from the new one by 1 to 4 people: in one organisation (each
    organisation sees its own people's results), or in the whole community when both are
    community surveys. Comparing the two results would show those few people."""
    codes = set(survey.items.values_list("code", flat=True))
    since = timezone.now() - datetime.timedelta(days=OVERLAP_DAYS)
    others = (
        Survey.objects.filter(sent_at__isnull=False, items__code__in=codes)
        .filter(models.Q(sent_at__gte=since) | models.Q(closed_at__isnull=True))
        .exclude(pk=survey.pk)
        .distinct()
        .order_by("-sent_at")
    )
    new = _by_organisation(asked)
    for other in others:
        if other.chain_id == survey.chain_id:
            continue  # the after-measurement of the same group: compared as pairs
        theirs = _by_organisation(
            list(
                SurveyRecipient.objects.filter(survey=other).values_list(
                    "user_id", "organisation_id"
                )
            )
        )
        places = set(new) & set(theirs) - {None}
        if survey.is_community and other.is_community:
            places.add(None)
        if any(anonymity.groups_too_close(new[p], [theirs[p]]) for p in places):
            return other
    return None


def _link(survey: Survey, organisation: Organisation) -> str:
    path = reverse(
        "insights:survey_answer", kwargs={"slug": organisation.slug, "survey_id": survey.pk}
    )
    return str(settings.CARAI_BASE_URL).rstrip("/") + path


def _mail(survey: Survey, people: Collection[tuple[User, Organisation]], kind: str) -> None:
    for user, organisation in people:
        if not user.email:
            continue
        mail_send(
            to=user.email,
            language=user.preferred_language or settings.LANGUAGE_CODE,
            template=f"insights/email/survey_{kind}",
            context={
                "name": user.full_name or user.email,
                "organisation": organisation.name,
                "title": survey.title,
                "closes_on": survey.closes_on,
                "link": _link(survey, organisation),
            },
            organisation_id=organisation.pk,
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
    through = _asked_through(survey, users)
    other = survey_group_too_close(survey=survey, asked=[(u.pk, through[u.pk].pk) for u in users])
    if other is not None:
        raise ValidationError(
            _(
                'This group differs by fewer than 5 people from the group of "%(title)s", '
                "which has the same questions. Comparing the two results could show those "
                "people's answers. Choose the same group, or one that differs by at least 5 "
                "people."
            )
            % {"title": other.title}
        )
    survey.sent_at = timezone.now()
    survey.closes_on = closes_on
    survey.save(update_fields=["sent_at", "closes_on"])
    SurveyRecipient.objects.bulk_create(
        SurveyRecipient(survey=survey, user=u, organisation=through[u.pk]) for u in users
    )
    _invitations_changed(survey)
    _mail(survey, [(u, through[u.pk]) for u in users], "invite")
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
        _invitations_changed(survey)
        audit_record(
            action=InsightsAction.SURVEY_CLOSED,
            actor=actor,
            organisation=survey.organisation,
            target=survey,
        )


def _invitations_changed(survey: Survey) -> None:
    """The survey was sent or closed: the "to answer" lists of its recipients (in "Mijn
    overzicht", cached per organisation of the people in it) are outdated."""
    organisation_ids = set(
        survey.recipients.exclude(organisation=None).values_list("organisation_id", flat=True)
    )
    scopes_changed(*(organisation_scope(pk) for pk in sorted(organisation_ids)))


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
    recipient = survey.recipients.filter(user=user).first()
    if not survey.is_open or recipient is None:
        raise ValidationError(_("This survey is not open for you."))
    if not consent:
        raise ValidationError({"consent": _("Give your consent to answer, or leave the survey.")})
    key = key_for(survey=survey, user=user)
    SurveyResponse.objects.filter(survey=survey, respondent_key=key).delete()
    organisation_id = recipient.organisation_id or survey.organisation_id
    roles = Membership.objects.active().filter(user=user, organisation=organisation_id)
    role = survey.role or (roles.order_by("role").values_list("role", flat=True).first() or "")
    response = SurveyResponse.objects.create(
        survey=survey,
        respondent_key=key,
        role=role,
        organisation_id=organisation_id,
        consented_at=timezone.now(),
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
    scopes_changed(user_scope(user.pk))  # no longer "to answer" in their overview
    survey_release_refresh(survey=survey)
    return response


@transaction.atomic
def survey_withdraw(*, survey: Survey, user: User) -> bool:
    """Delete the person's answers to this survey (found through their key). True when there
    were answers."""
    deleted, _rows = SurveyResponse.objects.filter(
        survey=survey, respondent_key=key_for(survey=survey, user=user)
    ).delete()
    scopes_changed(user_scope(user.pk))  # "to answer" again while the survey is open
    survey_release_refresh(survey=survey)
    return bool(deleted)


@transaction.atomic
def survey_release_refresh(*, survey: Survey, again: bool = False) -> SurveyRelease | None:
    """Publish a new release of the survey's results when rule 5 of ``anonymity`` allows it
    (``releases``): the first from 5 answers, a next one when at least 5 answers were added,
    changed or withdrawn since the last. ``again``: also make the last release again when
    its answers are still exactly the same (after open answers were masked: the same people,
    only the masked texts are new)."""
    Survey.objects.select_for_update().filter(pk=survey.pk).first()
    last = releases.latest(survey=survey)
    now = frozenset(
        str(pk) for pk in SurveyResponse.objects.filter(survey=survey).values_list("pk", flat=True)
    )
    before = frozenset(last.responses) if last is not None else None
    if last is not None and again and before == now:
        previous = SurveyRelease.objects.filter(survey=survey, number__lt=last.number).first()
        last.results, last.figures = releases.build(survey=survey, previous=previous)
        last.save(update_fields=["results", "figures"])
        return last
    if not anonymity.release_due(before=before, now=now):
        return last
    results, figures = releases.build(survey=survey, previous=last)
    return SurveyRelease.objects.create(
        survey=survey,
        number=last.number + 1 if last is not None else 1,
        responses=sorted(now, key=int),
        results=results,
        figures=figures,
    )


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
    survey = Survey.objects.filter(responses__pk=response_id).first()
    if done and survey is not None:
        survey_release_refresh(survey=survey, again=True)
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
            rows_written_send(model=Survey, instances=[survey], update_fields=["reminded_at"])
            people = [
                (r.user, r.organisation or survey.organisation)
                for r in survey.recipients.select_related("user", "organisation")
            ]
            _mail(
                survey,
                [(u, o) for u, o in people if u.is_active and o is not None],
                "reminder",
            )
            sent += 1
    return sent


def releases_refresh() -> int:
    """Make the releases that are due for every survey with answers (answering and withdrawing
    already do this at once; this catches answers that came in another way, e.g. before
    releases existed). Returns how many new releases were made."""
    made = 0
    for survey in Survey.objects.filter(responses__isnull=False).distinct().order_by("pk"):
        before = releases.latest(survey=survey)
        after = survey_release_refresh(survey=survey)
        made += after is not None and (before is None or after.pk != before.pk)
    return made


@task()
def surveys_follow_up() -> int:
    """Run daily (``manage.py surveys_daily``): the reminders before a survey closes and
    before a maturity round closes (to the invitees who have not answered), and any release
    of results that is due (``releases_refresh``)."""
    today = timezone.localdate()
    releases_refresh()
    return reminders_send(today=today) + maturity_reminders_send(today=today)
