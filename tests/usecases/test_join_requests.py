"""Joining a use-case team: the team opens up and says who it looks for, a member of any
partner asks, the team or the lead answers once, the person may withdraw. All made up."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from carai.community.models import Role
from carai.kpis import store as kpi_store
from carai.usecases import services
from carai.usecases.models import JoinRequest, JoinStatus, TeamMember, UseCase
from carai.usecases.phases import FINISHED
from tests.conftest import World, client_for
from tests.factories import MembershipFactory, UserFactory

CALL = "We zoeken een student verpleegkunde die wil meedenken over de overdracht (fictief)."
WHY = "Ik loop stage in de avonddienst en wil leren hoe AI helpt."


@pytest.fixture
def open_team(world: World, accepted: UseCase) -> UseCase:
    return services.use_case_recruiting_set(
        actor=world.care_worker, use_case=accepted, open_to_join=True, looking_for=CALL
    )


def _ask(world: World, use_case: UseCase, **overrides: Any) -> JoinRequest:
    data = {"role": "student", "motivation": WHY, **overrides}
    return services.join_request_create(actor=world.outsider, use_case=use_case, **data)


def test_only_a_running_use_case_with_a_call_opens_up(
    world: World,
    accepted: UseCase,
) -> None:
    with pytest.raises(ValidationError) as no_call:
        services.use_case_recruiting_set(
            actor=world.care_worker, use_case=accepted, open_to_join=True, looking_for="  "
        )
    assert "looking_for" in no_call.value.message_dict
    submitted = services.use_case_submit(
        actor=world.care_worker,
        organisation=world.org_a,
        data={"title": "t", "problem": "p", "who_has_it": "w", "expected_value": "e"},
    )
    with pytest.raises(ValidationError):
        services.use_case_recruiting_set(
            actor=world.care_worker, use_case=submitted, open_to_join=True, looking_for=CALL
        )
    # Not open: nobody may ask, and the join page does not exist for anyone.
    with pytest.raises(ValidationError):
        _ask(world, accepted)
    url = reverse("usecases:join", kwargs={"use_case_id": accepted.pk})
    assert client_for(world.outsider).get(url).status_code == 404


def test_a_member_of_another_partner_asks_and_the_team_accepts(
    world: World, open_team: UseCase, django_capture_on_commit_callbacks: Any
) -> None:
    kevin = client_for(world.outsider)
    join_url = reverse("usecases:join", kwargs={"use_case_id": open_team.pk})
    page = kevin.get(join_url).content.decode()
    assert CALL in page
    # The join page shows the call, never the problem text or who is in the team.
    assert open_team.problem not in page
    assert world.care_worker.full_name not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = kevin.post(join_url, {"role": "student", "motivation": WHY})
    assert response.status_code == 302
    join_request = JoinRequest.objects.get()
    assert join_request.status == JoinStatus.PENDING
    # The team is told by e-mail, with a link, without the motivation.
    assert [m.to for m in mail.outbox] == [[world.care_worker.email]]
    assert WHY not in mail.outbox[0].body
    assert "#join-requests" in mail.outbox[0].body
    # Asking twice, or while in the team, is refused.
    with pytest.raises(ValidationError):
        _ask(world, open_team)
    again = kevin.post(join_url, {"role": "student", "motivation": WHY})
    assert again.status_code == 200
    assert again.context["pending"] is not None

    detail = client_for(world.care_worker).get(
        reverse("usecases:detail", kwargs={"use_case_id": open_team.pk})
    )
    assert WHY in detail.content.decode()  # the team reads why
    version = kpi_store.kpi_data_version()
    decide = reverse("usecases:join_decide", kwargs={"join_request_id": join_request.pk})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer = client_for(world.care_worker).post(
            decide, {"decision": "accept", "reply": "Welkom!"}
        )
    assert answer.status_code == 302
    member = TeamMember.objects.get(use_case=open_team, user=world.outsider)
    assert member.role == "student"
    assert kpi_store.kpi_data_version() > version  # Kevin now counts as reached
    assert mail.outbox[0].to == [world.outsider.email]
    assert "Welkom!" in mail.outbox[0].body
    # Answered once only; Kevin now works on the use case itself.
    with pytest.raises(ValidationError):
        services.join_request_decide(
            actor=world.lead, join_request=join_request, accept=False, reply=""
        )
    assert (
        kevin.get(reverse("usecases:detail", kwargs={"use_case_id": open_team.pk})).status_code
        == 200
    )


def test_declined_then_asked_again_and_withdrawn(world: World, open_team: UseCase) -> None:
    first = _ask(world, open_team)
    services.join_request_decide(
        actor=world.lead, join_request=first, accept=False, reply="Het team is vol."
    )
    assert not open_team.team.filter(user=world.outsider).exists()
    mine = client_for(world.outsider).get(reverse("usecases:open")).content.decode()
    assert "Het team is vol." in mine
    second = _ask(world, open_team, role="professional")  # a new request is allowed
    withdraw = reverse("usecases:join_withdraw", kwargs={"join_request_id": second.pk})
    # Only the person who asked can withdraw: the team gets 404.
    assert client_for(world.care_worker).post(withdraw).status_code == 404
    assert client_for(world.outsider).post(withdraw).status_code == 302
    second.refresh_from_db()
    assert second.status == JoinStatus.WITHDRAWN
    with pytest.raises(ValidationError):
        services.join_request_withdraw(actor=world.outsider, join_request=second)


def test_who_may_answer_and_bad_answers(world: World, open_team: UseCase) -> None:
    join_request = _ask(world, open_team)
    decide = reverse("usecases:join_decide", kwargs={"join_request_id": join_request.pk})
    for stranger in (world.manager, world.outsider_admin, world.outsider):
        assert client_for(stranger).post(decide, {"decision": "accept"}).status_code == 404
    team = client_for(world.care_worker)
    for bad in ({}, {"decision": "maybe"}, {"decision": "accept", "reply": "x" * 1001}):
        response = team.post(decide, bad)
        assert response.status_code == 200
        assert response.context["decision_form"].errors
    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.PENDING
    assert client_for(world.lead).post(decide, {"decision": "decline"}).status_code == 302


def test_who_may_ask(world: World, open_team: UseCase) -> None:
    nobody = UserFactory.create()  # an account without a partner organisation
    with pytest.raises(ValidationError):
        services.join_request_create(
            actor=nobody, use_case=open_team, role="student", motivation=WHY
        )
    with pytest.raises(ValidationError):
        services.join_request_create(
            actor=world.care_worker, use_case=open_team, role="student", motivation=WHY
        )  # already in the team
    with pytest.raises(ValidationError):
        _ask(world, open_team, role="owner")  # not a role one can ask for
    UseCase.objects.filter(pk=open_team.pk).update(phase=FINISHED)
    open_team.refresh_from_db()
    with pytest.raises(ValidationError):
        _ask(world, open_team)
    bad = client_for(world.outsider).post(
        reverse("usecases:join", kwargs={"use_case_id": open_team.pk}), {"role": "student"}
    )
    assert bad.status_code == 404  # finished: no longer open


def test_e_mails_are_plain_text_without_html_escapes(
    world: World, open_team: UseCase, django_capture_on_commit_callbacks: Any
) -> None:
    UseCase.objects.filter(pk=open_team.pk).update(title="Overdracht & rapportage <avond>")
    open_team.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        _ask(world, open_team)
    message = mail.outbox[0]
    assert "Overdracht & rapportage <avond>" in message.subject
    assert "Overdracht & rapportage <avond>" in message.body
    assert "&amp;" not in message.body


def test_the_team_sees_where_people_come_from_and_what_students_study(
    world: World, open_team: UseCase
) -> None:
    student = UserFactory.create(full_name="Daan de Student")
    MembershipFactory.create(
        user=student,
        organisation=world.org_b,
        role=Role.STUDENT,
        student_level="mbo",
        programme="Verpleegkunde niveau 4",
    )
    join_request = services.join_request_create(
        actor=student, use_case=open_team, role="student", motivation=WHY
    )
    url = reverse("usecases:detail", kwargs={"use_case_id": open_team.pk})
    page = client_for(world.care_worker).get(url).content.decode()
    assert "Verpleegkunde niveau 4" in page
    assert world.org_b.name in page
    services.join_request_decide(
        actor=world.care_worker, join_request=join_request, accept=True, reply=""
    )
    team = client_for(world.care_worker).get(url).context["team"]
    row = next(r for r in team if r.member.user_id == student.pk)
    assert row.person.organisations == [world.org_b.name]
    assert row.person.study.endswith("Verpleegkunde niveau 4")
