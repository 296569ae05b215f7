"""Demo data of insights for the made-up care organisation Lindehof (idempotent): a finished
AI maturity round and a pre/post survey on AI literacy and work pleasure; and a community
survey of the lead to every partner organisation. All answers are
made up, generated from fixed numbers so that every run gives the same result."""

from __future__ import annotations

import datetime

from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.insights.content import shipped_model
from carai.insights.models import MaturityRound, Survey
from carai.insights.services import maturity, surveys

ROUND_TITLE = "Zelfscan voorjaar 2026 (demo)"
PRE_TITLE = "AI-geletterdheid en werkplezier: voormeting (demo)"
POST_TITLE = "AI-geletterdheid en werkplezier: nameting (demo)"
COMMUNITY_TITLE = "Werkplezier in de hele community (demo)"
# Ratings per answerer, per dimension (learn, innovate, operationalise): made up.
MATURITY = [
    (4, 3, 2),
    (3, 3, 1),
    (3, 2, 1),
    (4, 4, 2),
    (3, 1, 1),
]


def _members(organisation: Organisation) -> list[User]:
    ids = Membership.objects.active_in(organisation=organisation).values("user_id")
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("email"))


def _load_round(lindehof: Organisation, admin: User, people: list[User]) -> None:
    if MaturityRound.objects.filter(organisation=lindehof, title=ROUND_TITLE).exists():
        return
    today = timezone.localdate()
    invited = people[: len(MATURITY)]
    maturity_round = maturity.maturity_round_start(
        organisation=lindehof,
        actor=admin,
        title=ROUND_TITLE,
        closes_on=today + datetime.timedelta(days=1),
        invitee_ids=[u.pk for u in invited],
    )
    model = shipped_model()
    for number, invite in enumerate(maturity_round.invites.order_by("user__email")):
        ratings = {}
        for d_index, dimension in enumerate(model.dimensions):
            triple = MATURITY[(number + d_index) % len(MATURITY)]
            for statement, rating in zip(dimension.statements, triple, strict=True):
                ratings[statement.key] = rating
        maturity.maturity_answers_save(invite=invite, ratings=ratings)
    maturity.maturity_round_close(maturity_round=maturity_round, actor=admin)


def _likert_answers(survey: Survey, base: int, person: int) -> dict[int, int]:
    answers = {}
    for number, item in enumerate(survey.items.filter(kind="likert")):
        answers[item.pk] = max(1, min(5, base + (person + number) % 3 - 1))
    for item in survey.items.filter(kind="number"):
        answers[item.pk] = 240 - 20 * base + 10 * person
    return answers


def _load_surveys(lindehof: Organisation, educator: User, people: list[User]) -> None:
    if Survey.objects.filter(organisation=lindehof, title=PRE_TITLE).exists():
        return
    consent = (
        "Meedoen is vrijwillig. Je antwoorden worden bewaard onder een code, niet onder je "
        "naam. Uitkomsten tonen we alleen voor groepen van minstens 5 mensen. (Demo.)"
    )
    closes = timezone.localdate() + datetime.timedelta(days=14)
    pre = surveys.survey_create(
        organisation=lindehof,
        actor=educator,
        title=PRE_TITLE,
        consent_text=consent,
        template_keys=["ai-literacy", "work-pleasure", "time-administration"],
    )
    surveys.survey_send(survey=pre, actor=educator, closes_on=closes)
    post = surveys.survey_create(
        organisation=lindehof,
        actor=educator,
        title=POST_TITLE,
        consent_text=consent,
        pre_survey=pre,
    )
    surveys.survey_send(survey=post, actor=educator, closes_on=closes)
    for person, user in enumerate(people):
        surveys.survey_respond(
            survey=pre, user=user, consent=True, answers=_likert_answers(pre, 2, person)
        )
        if person % 4 != 3:  # not everyone answers the second time
            surveys.survey_respond(
                survey=post, user=user, consent=True, answers=_likert_answers(post, 4, person)
            )
    surveys.survey_close(survey=pre, actor=educator)
    surveys.survey_close(survey=post, actor=educator)


def _load_community_survey() -> None:
    """A survey of the community lead to the professionals of every partner organisation,
    with answers from most of them (made up), so that the lead sees the community and the
    organisations that are big enough, and each organisation admin their own organisation's
    group."""
    if Survey.objects.filter(organisation__isnull=True, title=COMMUNITY_TITLE).exists():
        return
    lead = User.objects.filter(is_community_lead=True).order_by("pk").first()
    if lead is None:
        return
    survey = surveys.survey_create(
        organisation=None,
        actor=lead,
        title=COMMUNITY_TITLE,
        consent_text=(
            "Deze vragenlijst gaat naar alle partners van de community. Meedoen is vrijwillig. "
            "Je antwoorden worden bewaard onder een code, niet onder je naam. Uitkomsten tonen "
            "we alleen voor groepen van minstens 5 mensen. (Demo.)"
        ),
        template_keys=["work-pleasure"],
        # The professionals: Lindehof's own pre/post (same questions) went to all its
        # members, a group more than 4 people apart (rule 6 of ``anonymity``).
        role=Role.PROFESSIONAL,
    )
    surveys.survey_send(
        survey=survey, actor=lead, closes_on=timezone.localdate() + datetime.timedelta(days=21)
    )
    recipients = survey.recipients.select_related("user").order_by("user__email")
    for person, recipient in enumerate(recipients):
        if person % 5 == 4:  # not everyone answers
            continue
        surveys.survey_respond(
            survey=survey,
            user=recipient.user,
            consent=True,
            answers=_likert_answers(survey, 3 + person % 2, person),
        )


def load_demo_insights() -> None:
    lindehof = Organisation.objects.get(slug="lindehof")
    people = _members(lindehof)
    admin = User.objects.get(email="beheerder@lindehof.example")
    educator = next(
        (
            m.user
            for m in Membership.objects.active_in(organisation=lindehof)
            .filter(role=Role.EDUCATOR)
            .select_related("user")
        ),
        admin,
    )
    _load_round(lindehof, admin, people)
    _load_surveys(lindehof, educator, people)
    _load_community_survey()
