"""Every write of the AI maturity self-assessment."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Organisation
from carai.core.audit import audit_record
from carai.core.cache import rows_written_send
from carai.core.mail import mail_send
from carai.insights.audit import InsightsAction
from carai.insights.content import shipped_model
from carai.insights.maturity import MIN_ANSWERERS
from carai.insights.models import MaturityAnswer, MaturityInvite, MaturityRound
from carai.insights.selectors import invitable_members

REMIND_DAYS_BEFORE = 3


def _mail(maturity_round: MaturityRound, users: Collection[User], kind: str) -> None:
    organisation = maturity_round.organisation
    path = reverse(
        "insights:round_answer", kwargs={"slug": organisation.slug, "round_id": maturity_round.pk}
    )
    for user in users:
        if not user.email:
            continue
        mail_send(
            to=user.email,
            language=user.preferred_language or settings.LANGUAGE_CODE,
            template=f"insights/email/maturity_{kind}",
            context={
                "name": user.full_name or user.email,
                "organisation": organisation.name,
                "closes_on": maturity_round.closes_on,
                "link": settings.CARAI_BASE_URL.rstrip("/") + path,
            },
            organisation_id=organisation.pk,
        )


@transaction.atomic
def maturity_round_start(
    *,
    organisation: Organisation,
    actor: User,
    title: str,
    closes_on: datetime.date,
    invitee_ids: Collection[int],
) -> MaturityRound:
    """Start a round and invite members of the organisation (each gets an e-mail)."""
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": _("Choose a date that has not passed.")})
    invitees = list(invitable_members(organisation=organisation).filter(pk__in=invitee_ids))
    if len(invitees) != len(set(invitee_ids)):
        raise ValidationError({"invitees": _("Invite only current members.")})
    if len(invitees) < MIN_ANSWERERS:
        raise ValidationError(
            {
                "invitees": _(
                    "Invite at least %(count)s people: results show only when %(count)s or "
                    "more answered."
                )
                % {"count": MIN_ANSWERERS}
            }
        )
    maturity_round = MaturityRound.objects.create(
        organisation=organisation,
        title=title,
        model_version=shipped_model().version,
        started_by=actor,
        closes_on=closes_on,
    )
    MaturityInvite.objects.bulk_create(
        MaturityInvite(round=maturity_round, user=user) for user in invitees
    )
    _mail(maturity_round, invitees, "invite")
    audit_record(
        action=InsightsAction.MATURITY_ROUND_STARTED,
        actor=actor,
        organisation=organisation,
        target=maturity_round,
        details={"invited": len(invitees)},
    )
    return maturity_round


@transaction.atomic
def maturity_answers_save(*, invite: MaturityInvite, ratings: Mapping[str, int]) -> None:
    """Keep one person's ratings (they may change them until the round closes)."""
    if invite.round.is_closed:
        raise ValidationError(_("This round is closed."))
    model = shipped_model()
    keys = {s.key for s in model.statements}
    if set(ratings) != keys:
        raise ValidationError(_("Rate every statement."))
    if any(rating not in model.ratings for rating in ratings.values()):
        raise ValidationError(_("Choose one of the answers for every statement."))
    invite.answers.all().delete()
    answers = MaturityAnswer.objects.bulk_create(
        MaturityAnswer(invite=invite, statement=key, rating=rating)
        for key, rating in sorted(ratings.items())
    )
    # One insert sends no signals: the key figures count the answers (core.cache).
    rows_written_send(model=MaturityAnswer, instances=answers)
    invite.answered_at = timezone.now()
    invite.save(update_fields=["answered_at"])


@transaction.atomic
def maturity_round_close(*, maturity_round: MaturityRound, actor: User) -> MaturityRound:
    if maturity_round.closed_at is None:
        maturity_round.closed_at = timezone.now()
        maturity_round.save(update_fields=["closed_at"])
        audit_record(
            action=InsightsAction.MATURITY_ROUND_CLOSED,
            actor=actor,
            organisation=maturity_round.organisation,
            target=maturity_round,
        )
    return maturity_round


def maturity_reminders_send(*, today: datetime.date) -> int:
    """One reminder per open round that closes within ``REMIND_DAYS_BEFORE`` days, to the
    invitees who have not answered yet and are still members (answers of a round are kept per
    invitation, so unlike a survey we know who answered). Never for a closed round; safe to
    run twice (the round is claimed before the e-mails are queued). Returns the rounds."""
    reminded = 0
    due = MaturityRound.objects.filter(
        closed_at__isnull=True,
        reminded_at__isnull=True,
        closes_on__gte=today,
        closes_on__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
    ).select_related("organisation")
    for maturity_round in due:
        with transaction.atomic():
            claimed = MaturityRound.objects.filter(
                pk=maturity_round.pk, reminded_at__isnull=True, closed_at__isnull=True
            ).update(reminded_at=timezone.now())
            if not claimed:
                continue
            rows_written_send(
                model=MaturityRound, instances=[maturity_round], update_fields=["reminded_at"]
            )
            members = invitable_members(organisation=maturity_round.organisation)
            waiting = list(
                members.filter(
                    maturity_invites__round=maturity_round,
                    maturity_invites__answered_at__isnull=True,
                ).distinct()
            )
            _mail(maturity_round, waiting, "reminder")
            reminded += 1
    return reminded
