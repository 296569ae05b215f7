"""Survey groups by use-case team and cycle, the key salt that outlives SECRET_KEY, and the
reminders of a maturity round."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.core.models import MailMessage
from carai.insights import results
from carai.insights.models import MaturityRound, Survey, SurveyResponse
from carai.insights.pseudonym import respondent_key
from carai.insights.services import maturity as maturity_services
from carai.insights.services import surveys as services
from carai.usecases.models import Cycle, Status, TeamMember, TeamRole, UseCase
from tests.conftest import World, client_for
from tests.factories import MembershipFactory, UserFactory

TODAY = timezone.localdate()  # the conftest sets it again when each test starts
SOON = TODAY + datetime.timedelta(days=10)


def _use_case(organisation: Organisation, title: str, cycle: Cycle | None = None) -> UseCase:
    if cycle is None:
        cycle, _new = Cycle.objects.get_or_create(
            name="Lopende cyclus",
            defaults={"starts_on": TODAY, "ends_on": TODAY + datetime.timedelta(days=90)},
        )
    return UseCase.objects.create(
        title=title,
        problem="Rapporteren kost veel tijd.",
        who_has_it="Wijkteams",
        expected_value="Meer tijd voor cliënten",
        organisation=organisation,
        status=Status.ACCEPTED,
        cycle=cycle,
    )


def _team(use_case: UseCase, *users: User) -> None:
    for user in users:
        TeamMember.objects.create(use_case=use_case, user=user, role=TeamRole.PROFESSIONAL)


def _member(world: World, email: str, organisation: Organisation | None = None) -> User:
    user = UserFactory.create(email=email, full_name=email.split("@")[0])
    MembershipFactory.create(
        user=user, organisation=organisation or world.org_a, role=Role.PROFESSIONAL
    )
    return user


def _draft(world: World, **group: Any) -> Survey:
    return services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Team",
        consent_text="Vrijwillig.",
        template_keys=["work-pleasure"],
        **group,
    )


# Groups by use-case team and cycle -----------------------------------------------------------


def test_a_use_case_team_is_the_organisations_own_current_members_in_it(world: World) -> None:
    ended = _member(world, "gestopt@zorg-a.example")
    Membership.objects.filter(user=ended).update(ended_at=timezone.now())
    colleague = _member(world, "collega@zorg-a.example")
    partner = _member(world, "partner@zorg-b.example", world.org_b)
    use_case = _use_case(world.org_b, "Spraak naar rapport")
    # The team spans organisations: B owns the use case, two of A's people work in it.
    _team(use_case, world.care_worker, colleague, ended, partner)
    survey = _draft(world, use_case=use_case)
    audience = list(services.survey_audience(survey=survey))
    assert audience == sorted([world.care_worker, colleague], key=lambda u: u.pk)
    assert partner not in audience  # another organisation's member is never asked
    assert ended not in audience  # nor someone whose membership ended
    assert services.survey_send(survey=survey, actor=world.educator, closes_on=SOON) == 2


def test_a_use_case_without_anyone_of_the_organisation_is_refused(world: World) -> None:
    outsider_team = _use_case(world.org_b, "Alleen bij B")
    _team(outsider_team, _member(world, "b1@zorg-b.example", world.org_b))
    with pytest.raises(ValidationError) as caught:
        _draft(world, use_case=outsider_team)
    assert "use_case" in caught.value.message_dict
    # Nor does the form offer it.
    page = client_for(world.educator).get(reverse("insights:survey_new", kwargs={"slug": "zorg-a"}))
    assert "Alleen bij B" not in page.content.decode()


def test_a_cycle_is_everyone_of_the_organisation_in_its_use_case_teams(world: World) -> None:
    spring = Cycle.objects.create(
        name="Voorjaar 2027", starts_on=TODAY, ends_on=TODAY + datetime.timedelta(days=180)
    )
    autumn = Cycle.objects.create(
        name="Najaar 2026",
        starts_on=TODAY - datetime.timedelta(days=200),
        ends_on=TODAY - datetime.timedelta(days=10),
    )
    first = _use_case(world.org_a, "Planning", spring)
    second = _use_case(world.org_b, "Overdracht", spring)
    earlier = _use_case(world.org_a, "Vorig jaar", autumn)
    colleague = _member(world, "collega@zorg-a.example")
    partner = _member(world, "partner@zorg-b.example", world.org_b)
    _team(first, world.care_worker)
    _team(second, colleague, partner)
    _team(earlier, world.manager)
    survey = _draft(world, cycle=spring)
    audience = set(services.survey_audience(survey=survey))
    assert audience == {world.care_worker, colleague}
    # A cycle without anyone of the organisation cannot be chosen.
    lonely = Cycle.objects.create(
        name="Leeg", starts_on=TODAY, ends_on=TODAY + datetime.timedelta(days=30)
    )
    _team(_use_case(world.org_b, "Elders", lonely), partner)
    with pytest.raises(ValidationError):
        _draft(world, cycle=lonely)


def test_the_form_sends_to_a_use_case_team(world: World) -> None:
    use_case = _use_case(world.org_a, "Slim roosteren")
    _team(use_case, world.care_worker)
    client = client_for(world.educator)
    response = client.post(
        reverse("insights:survey_new", kwargs={"slug": "zorg-a"}),
        {
            "title": "Teamvragen",
            "consent_text": "Vrijwillig.",
            "templates": ["work-pleasure"],
            "use_case": str(use_case.pk),
        },
    )
    assert response.status_code == 302
    survey = Survey.objects.get(title="Teamvragen")
    assert survey.use_case == use_case
    assert list(services.survey_audience(survey=survey)) == [world.care_worker]


# The key salt ------------------------------------------------------------------------------


def test_pairing_and_withdrawal_survive_a_new_secret_key(world: World) -> None:
    people = [_member(world, f"p{i}@zorg-a.example") for i in range(5)]
    pre = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Voor",
        consent_text="Vrijwillig.",
        template_keys=["ai-literacy"],
    )
    services.survey_send(survey=pre, actor=world.educator, closes_on=SOON)
    for person in people:
        answers = {i.pk: 2 for i in pre.items.filter(kind="likert")}
        services.survey_respond(survey=pre, user=person, consent=True, answers=answers)
    with override_settings(SECRET_KEY="a-completely-new-secret-key-after-rotation-0123456789"):
        post = services.survey_create(
            organisation=world.org_a,
            actor=world.educator,
            title="Na",
            consent_text="Vrijwillig.",
            pre_survey=pre,
        )
        assert post.key_salt == pre.key_salt
        services.survey_send(survey=post, actor=world.educator, closes_on=SOON)
        for person in people:
            answers = {i.pk: 4 for i in post.items.filter(kind="likert")}
            services.survey_respond(survey=post, user=person, consent=True, answers=answers)
        outcome = results.survey_results(survey=post)
        assert outcome.changes is not None
        assert [c.change.n for c in outcome.changes] == [5]
        assert outcome.changes[0].change.mean_change == 2
        # Withdrawing still finds the answers given before the rotation.
        assert services.survey_withdraw(survey=pre, user=people[0])
    assert not SurveyResponse.objects.filter(
        survey=pre, respondent_key=pre.key_of(people[0].pk)
    ).exists()


def test_every_chain_has_its_own_salt_and_keys(world: World) -> None:
    one = _draft(world)
    two = _draft(world)
    assert len(one.key_salt) == 64
    assert one.key_salt != two.key_salt
    assert one.key_of(world.care_worker.pk) != two.key_of(world.care_worker.pk)
    assert one.key_of(world.care_worker.pk) == respondent_key(
        salt=one.key_salt, chain_id=one.pk, user_id=world.care_worker.pk
    )
    with pytest.raises(ValueError, match="salt"):
        respondent_key(salt="", chain_id=one.pk, user_id=world.care_worker.pk)


def test_the_migration_moves_old_keys_to_the_salted_ones(world: World) -> None:
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "carai.insights.migrations.0002_survey_groups_key_salt_maturity_reminders"
    )
    survey = _draft(world)
    services.survey_send(survey=survey, actor=world.educator, closes_on=SOON)
    old = migration._old_key(survey.pk, world.care_worker.pk)
    SurveyResponse.objects.create(survey=survey, respondent_key=old, consented_at=timezone.now())
    stranger = SurveyResponse.objects.create(
        survey=survey, respondent_key="0" * 20, consented_at=timezone.now()
    )
    migration.salts_and_keys(apps, None)
    survey.refresh_from_db()
    assert SurveyResponse.objects.filter(
        survey=survey, respondent_key=survey.key_of(world.care_worker.pk)
    ).exists()
    assert not SurveyResponse.objects.filter(respondent_key=old).exists()
    stranger.refresh_from_db()
    assert stranger.respondent_key == "0" * 20  # no recipient of this survey: left as it was


# Maturity reminders ------------------------------------------------------------------------


def _round(world: World, closes_on: datetime.date) -> MaturityRound:
    people = [world.care_worker, world.manager, world.privacy_officer]
    return maturity_services.maturity_round_start(
        organisation=world.org_a,
        actor=world.org_admin,
        title="Voorjaar",
        closes_on=closes_on,
        invitee_ids=[u.pk for u in people],
    )


def _reminded() -> list[str]:
    return sorted(
        MailMessage.objects.filter(template="insights/email/maturity_reminder").values_list(
            "to", flat=True
        )
    )


def test_maturity_reminder_goes_once_to_those_who_did_not_answer(world: World) -> None:
    from carai.insights.content import shipped_model

    maturity_round = _round(world, TODAY + datetime.timedelta(days=2))
    invite = maturity_round.invites.get(user=world.care_worker)
    maturity_services.maturity_answers_save(
        invite=invite, ratings={s.key: 3 for s in shipped_model().statements}
    )
    Membership.objects.filter(user=world.privacy_officer, organisation=world.org_a).update(
        ended_at=timezone.now()
    )
    assert maturity_services.maturity_reminders_send(today=TODAY) == 1
    assert _reminded() == [world.manager.email]  # not the one who answered, nor who left
    assert maturity_services.maturity_reminders_send(today=TODAY) == 0  # only once
    assert _reminded() == [world.manager.email]
    # The daily task sends the reminders of both surveys and rounds.
    assert services.surveys_follow_up.call() == 0


def test_no_maturity_reminder_too_early_or_after_closing(world: World) -> None:
    later = _round(world, TODAY + datetime.timedelta(days=10))
    closed = _round(world, TODAY + datetime.timedelta(days=1))
    maturity_services.maturity_round_close(maturity_round=closed, actor=world.org_admin)
    past = _round(world, TODAY + datetime.timedelta(days=1))
    assert maturity_services.maturity_reminders_send(today=TODAY + datetime.timedelta(days=2)) == 0
    assert _reminded() == []
    past.refresh_from_db()
    assert past.reminded_at is None  # closed by its date: never reminded
    # Within the window, the open round is reminded.
    assert maturity_services.maturity_reminders_send(today=TODAY + datetime.timedelta(days=8)) == 1
    later.refresh_from_db()
    assert later.reminded_at is not None
