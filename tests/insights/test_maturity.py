"""AI maturity rounds: starting, answering alone, results only for the group, growth, and
the community lead's distribution across partners."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from carai.community.models import Role
from carai.core.models import AuditEvent, MailMessage
from carai.insights import selectors
from carai.insights.content import shipped_model
from carai.insights.models import MaturityInvite, MaturityRound
from carai.insights.services import maturity as services
from tests.conftest import World, client_for
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

SOON = datetime.date.today() + datetime.timedelta(days=14)


def _ratings(value: int = 3, **overrides: int) -> dict[str, int]:
    ratings = {s.key: value for s in shipped_model().statements}
    ratings.update({k.replace("__", "."): v for k, v in overrides.items()})
    return ratings


def _start(world: World, *, organisation=None, invitees=None) -> MaturityRound:
    organisation = organisation or world.org_a
    invitees = invitees or [world.care_worker, world.manager, world.privacy_officer]
    return services.maturity_round_start(
        organisation=organisation,
        actor=world.org_admin,
        title="Najaar 2026",
        closes_on=SOON,
        invitee_ids=[u.pk for u in invitees],
    )


def test_start_invites_members_by_email_and_audits(world: World) -> None:
    maturity_round = _start(world)
    assert set(maturity_round.invites.values_list("user__email", flat=True)) == {
        world.care_worker.email,
        world.manager.email,
        world.privacy_officer.email,
    }
    assert set(
        MailMessage.objects.filter(template="insights/email/maturity_invite").values_list(
            "to", flat=True
        )
    ) == {world.care_worker.email, world.manager.email, world.privacy_officer.email}
    assert AuditEvent.objects.filter(action="maturity_round_started").count() == 1


def test_start_refuses_outsiders_and_too_small_groups(world: World) -> None:
    with pytest.raises(ValidationError, match="nu lid zijn"):
        _start(world, invitees=[world.care_worker, world.manager, world.outsider])
    with pytest.raises(ValidationError, match="minstens 3"):
        _start(world, invitees=[world.care_worker, world.manager])
    assert not MaturityRound.objects.exists()


def test_answers_must_be_complete_and_stop_when_closed(world: World) -> None:
    maturity_round = _start(world)
    invite = maturity_round.invites.get(user=world.care_worker)
    incomplete = _ratings()
    incomplete.pop("data.learn")
    with pytest.raises(ValidationError):
        services.maturity_answers_save(invite=invite, ratings=incomplete)
    with pytest.raises(ValidationError):
        services.maturity_answers_save(invite=invite, ratings=_ratings(value=5))
    services.maturity_answers_save(invite=invite, ratings=_ratings())
    services.maturity_answers_save(invite=invite, ratings=_ratings(value=2))  # changed her mind
    assert set(invite.answers.values_list("rating", flat=True)) == {2}
    services.maturity_round_close(maturity_round=maturity_round, actor=world.org_admin)
    invite.refresh_from_db()
    with pytest.raises(ValidationError, match="gesloten"):
        services.maturity_answers_save(invite=invite, ratings=_ratings())


def test_results_show_only_after_closing_and_with_three_answers(world: World) -> None:
    admin = client_for(world.org_admin)
    small = _start(world)
    small_url = reverse("insights:round_detail", kwargs={"slug": "zorg-a", "round_id": small.pk})
    for user in (world.care_worker, world.manager):
        services.maturity_answers_save(invite=small.invites.get(user=user), ratings=_ratings())
    assert "uitkomsten verschijnen als de ronde gesloten" in admin.get(small_url).content.decode()
    services.maturity_round_close(maturity_round=small, actor=world.org_admin)
    assert "Minder dan 3 mensen hebben ingevuld" in admin.get(small_url).content.decode()

    full = _start(world)
    url = reverse("insights:round_detail", kwargs={"slug": "zorg-a", "round_id": full.pk})
    for user in (world.care_worker, world.manager):
        services.maturity_answers_save(invite=full.invites.get(user=user), ratings=_ratings())
    services.maturity_answers_save(
        invite=full.invites.get(user=world.privacy_officer),
        ratings=_ratings(value=4, people__innovate=1),
    )
    services.maturity_round_close(maturity_round=full, actor=world.org_admin)
    page = admin.get(url).content.decode()
    assert "Niveau en spreiding per onderwerp" in page
    assert "ja: praat erover" in page  # people.innovate: 3, 3 and 1
    # Advice links to what CARAI has, and the sources are named.
    assert reverse("learning:catalogue") in page
    assert "Verordening (EU) 2024/1689" in page  # in the page's language
    assert "Regulation (EU)" not in page
    # Names never show on the results.
    assert world.privacy_officer.full_name not in page


def test_answer_page_saves_the_persons_own_answers(world: World) -> None:
    maturity_round = _start(world)
    client = client_for(world.care_worker)
    url = reverse("insights:round_answer", kwargs={"slug": "zorg-a", "round_id": maturity_round.pk})
    page = client.get(url).content.decode()
    assert escape(shipped_model().statements[0].text["nl"]) in page
    response = client.post(url, {k: str(v) for k, v in _ratings(value=4).items()})
    assert response.status_code == 302
    invite = MaturityInvite.objects.get(round=maturity_round, user=world.care_worker)
    assert invite.answered_at is not None
    assert invite.answers.count() == 18
    # A person who was not invited cannot answer.
    assert client_for(world.educator).get(url).status_code == 404


def test_start_page_for_the_organisation_admin(world: World) -> None:
    url = reverse("insights:round_start", kwargs={"slug": "zorg-a"})
    client = client_for(world.org_admin)
    response = client.post(
        url,
        {
            "title": "Voorjaar",
            "closes_on": SOON.isoformat(),
            "invitees": [world.care_worker.pk, world.manager.pk, world.educator.pk],
        },
    )
    assert response.status_code == 302
    assert MaturityRound.objects.get().invites.count() == 3
    response = client.post(
        url, {"title": "Te klein", "closes_on": SOON.isoformat(), "invitees": [world.manager.pk]}
    )
    assert "Nodig minstens 3 mensen uit" in response.content.decode()


def _closed_round(world: World, organisation, users, value: int) -> MaturityRound:
    maturity_round = services.maturity_round_start(
        organisation=organisation,
        actor=world.org_admin,
        title=f"Ronde {value}",
        closes_on=SOON,
        invitee_ids=[u.pk for u in users],
    )
    for invite in maturity_round.invites.all():
        services.maturity_answers_save(invite=invite, ratings=_ratings(value=value))
    return services.maturity_round_close(maturity_round=maturity_round, actor=world.org_admin)


def test_growth_over_rounds(world: World) -> None:
    people = [world.care_worker, world.manager, world.privacy_officer]
    first = _closed_round(world, world.org_a, people, 2)
    MaturityRound.objects.filter(pk=first.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=180)
    )
    _closed_round(world, world.org_a, people, 4)
    growth = selectors.growth(organisation=world.org_a)
    assert [[d.level for d in r.dimensions or []] for r in growth] == [[0] * 6, [3] * 6]
    page = client_for(world.manager).get(reverse("insights:home", kwargs={"slug": "zorg-a"}))
    assert "Groei in de tijd" in page.content.decode()
    # A care worker sees their invitations, not every round.
    page = client_for(world.care_worker).get(reverse("insights:home", kwargs={"slug": "zorg-a"}))
    assert "Groei in de tijd" not in page.content.decode()


def _organisation_with_round(world: World, number: int, value: int) -> None:
    organisation = OrganisationFactory.create(name=f"Partner {number} (fictief)", slug=f"p{number}")
    users = []
    for i in range(3):
        user = UserFactory.create(email=f"p{number}-{i}@example.org")
        MembershipFactory.create(user=user, organisation=organisation, role=Role.PROFESSIONAL)
        users.append(user)
    _closed_round(world, organisation, users, value)


def test_lead_sees_the_distribution_only_from_five_organisations(world: World) -> None:
    client = client_for(world.lead)
    url = reverse("insights:community")
    for number in range(4):
        _organisation_with_round(world, number, 3 if number < 2 else 1)
    assert selectors.community_distribution() is None
    assert "minstens 5 organisaties" in client.get(url).content.decode()
    _organisation_with_round(world, 4, 4)
    distribution = selectors.community_distribution()
    assert distribution is not None
    assert distribution.organisations == 5
    assert distribution.levels["data"] == [2, 0, 0, 3]
    assert "Organisaties per niveau en onderwerp" in client.get(url).content.decode()
    # The lead never opens one organisation's rounds.
    assert client.get(reverse("insights:home", kwargs={"slug": "p0"})).status_code == 404
