"""Surveys: making, sending, consent, pre/post pairing by pseudonymous key, withdrawal, the
anonymity rule on results and exports, masking open answers, reminders."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from carai.community.models import Role
from carai.core.models import MailMessage
from carai.insights import results
from carai.insights.models import Survey, SurveyAnswer, SurveyResponse
from carai.insights.pseudonym import respondent_key
from carai.insights.services import surveys as services
from tests.conftest import World, client_for, downloaded
from tests.factories import MembershipFactory, UserFactory

SOON = datetime.date.today() + datetime.timedelta(days=10)


def _people(world: World, count: int, role: str = Role.PROFESSIONAL) -> list[Any]:
    users = []
    for i in range(count):
        user = UserFactory.create(
            email=f"{role}-{i}@zorg-a.example", full_name=f"Persoon {role} {i}"
        )
        MembershipFactory.create(user=user, organisation=world.org_a, role=role)
        users.append(user)
    return users


def _survey(world: World, *, pre: Survey | None = None, keys=("ai-literacy",)) -> Survey:
    survey = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Na de module" if pre else "Voor de module",
        consent_text="Vrijwillig.",
        template_keys=keys,
        pre_survey=pre,
    )
    services.survey_send(survey=survey, actor=world.educator, closes_on=SOON)
    return survey


def _likert(survey: Survey, value: int) -> dict[int, Any]:
    return {item.pk: value for item in survey.items.all() if item.kind == "likert"}


def test_templates_make_sections_and_sending_mails_the_group(world: World) -> None:
    survey = _survey(world, keys=("ai-literacy", "time-administration"))
    assert [i.code for i in survey.items.all()][:2] == ["lit1", "lit2"]
    assert survey.items.filter(kind="multiple").get().choices[0] == {
        "nl": "Rapportages schrijven",
        "en": "Writing reports",
    }
    # Everyone in organisation A (6 members), one e-mail each.
    assert survey.recipients.count() == 5
    assert MailMessage.objects.filter(template="insights/email/survey_invite").count() == 5
    with pytest.raises(ValidationError):
        services.survey_item_add(survey=survey, data={"kind": "text", "text_nl": "Nog iets?"})


def test_a_role_narrows_the_group(world: World) -> None:
    survey = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Managers",
        consent_text="Vrijwillig.",
        template_keys=["work-pleasure"],
        role=Role.MANAGER,
    )
    assert list(services.survey_audience(survey=survey)) == [world.manager]


def test_builder_adds_questions_of_every_kind(world: World) -> None:
    survey = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Eigen",
        consent_text="Vrijwillig.",
        template_keys=["work-pleasure"],
    )
    client = client_for(world.educator)
    url = reverse("insights:survey_edit", kwargs={"slug": "zorg-a", "survey_id": survey.pk})
    response = client.post(
        url,
        {
            "section_nl": "Extra",
            "kind": "single",
            "text_nl": "Welke dienst werk je?",
            "text_en": "Which shift do you work?",
            "choices": "Dag | Day\nNacht | Night",
        },
    )
    assert response.status_code == 302
    item = survey.items.get(text_nl="Welke dienst werk je?")
    assert item.choices == [{"nl": "Dag", "en": "Day"}, {"nl": "Nacht", "en": "Night"}]
    response = client.post(url, {"kind": "multiple", "text_nl": "Kies", "choices": "Alleen een"})
    assert "minstens twee keuzes" in response.content.decode()


def test_consent_is_required_and_answers_are_never_required(world: World) -> None:
    survey = _survey(world)
    with pytest.raises(ValidationError, match="consent"):
        services.survey_respond(survey=survey, user=world.care_worker, consent=False, answers={})
    services.survey_respond(survey=survey, user=world.care_worker, consent=True, answers={})
    response = SurveyResponse.objects.get(survey=survey)
    assert response.answers.count() == 0
    # Not linked to a name: the key is the HMAC of the chain and the user.
    assert response.respondent_key == respondent_key(
        salt=survey.key_salt, chain_id=survey.pk, user_id=world.care_worker.pk
    )
    assert world.care_worker.full_name not in response.respondent_key


def test_answer_page_shows_consent_before_the_first_question(world: World) -> None:
    survey = _survey(world)
    client = client_for(world.care_worker)
    url = reverse("insights:survey_answer", kwargs={"slug": "zorg-a", "survey_id": survey.pk})
    page = client.get(url).content.decode()
    item = survey.items.first()
    assert item is not None
    assert page.index("Vrijwillig.") < page.index(item.text_nl)
    response = client.post(url, {f"item_{item.pk}": "4"})
    assert response.status_code == 200  # no consent box ticked
    assert not SurveyResponse.objects.exists()
    response = client.post(url, {"consent": "on", f"item_{item.pk}": "4"})
    assert response.status_code == 302
    assert SurveyAnswer.objects.get().number == 4
    # Someone the survey was not sent to cannot answer it.
    assert client_for(world.outsider).get(url).status_code == 404


def test_withdrawal_deletes_the_answers(world: World) -> None:
    survey = _survey(world)
    services.survey_respond(
        survey=survey, user=world.care_worker, consent=True, answers=_likert(survey, 4)
    )
    client = client_for(world.care_worker)
    url = reverse("insights:survey_withdraw", kwargs={"slug": "zorg-a", "survey_id": survey.pk})
    assert client.post(url).status_code == 302
    assert not SurveyResponse.objects.exists()
    assert not SurveyAnswer.objects.exists()


def test_pre_post_pairs_by_key_and_shows_the_change(world: World) -> None:
    people = _people(world, 5)
    pre = _survey(world)
    for person, value in zip(people, (2, 3, 4, 2, 3), strict=True):
        services.survey_respond(survey=pre, user=person, consent=True, answers=_likert(pre, value))
    post = _survey(world, pre=pre)
    assert [i.code for i in post.items.all()] == [i.code for i in pre.items.all()]
    for person, value in zip(people, (3, 5, 4, 4, 4), strict=True):
        services.survey_respond(
            survey=post, user=person, consent=True, answers=_likert(post, value)
        )
    # The same person has the same key in both.
    assert set(pre.responses.values_list("respondent_key", flat=True)) == set(
        post.responses.values_list("respondent_key", flat=True)
    )
    outcome = results.survey_results(survey=post)
    assert outcome.visible
    assert outcome.changes is not None
    (change,) = outcome.changes
    assert change.label == "ai_literacy"
    # The worked example of test_rules: changes 1, 2, 0, 2, 1.
    assert change.change.mean_change == pytest.approx(1.2)
    assert change.change.ci_low == pytest.approx(0.16132, abs=1e-4)
    assert change.change.dz == pytest.approx(1.43427, abs=1e-4)
    page = client_for(world.lead).get(
        reverse("insights:survey_results", kwargs={"slug": "zorg-a", "survey_id": post.pk})
    )
    text = page.content.decode()
    assert "is het gemiddelde gestegen met 1,20" in text
    assert "een groot effect" in text


def test_results_need_five_answerers(world: World) -> None:
    people = _people(world, 4)
    survey = _survey(world)
    for person in people:
        services.survey_respond(
            survey=survey, user=person, consent=True, answers=_likert(survey, 4)
        )
    assert not results.survey_results(survey=survey).visible
    url = reverse("insights:survey_results", kwargs={"slug": "zorg-a", "survey_id": survey.pk})
    assert "minstens 5 mensen" in client_for(world.manager).get(url).content.decode()
    services.survey_respond(
        survey=survey, user=world.care_worker, consent=True, answers=_likert(survey, 2)
    )
    outcome = results.survey_results(survey=survey)
    assert outcome.visible
    assert outcome.items[0].distribution == [("1", 0), ("2", 1), ("3", 0), ("4", 4), ("5", 0)]


def test_a_role_filter_that_differs_by_fewer_than_five_is_suppressed(world: World) -> None:
    professionals = _people(world, 5)
    managers = _people(world, 1, role=Role.MANAGER)
    survey = _survey(world)
    for person in [*professionals, *managers]:
        services.survey_respond(
            survey=survey, user=person, consent=True, answers=_likert(survey, 3)
        )
    # Everyone (6) minus professionals (5) would show the one manager's answers.
    roles, visible = results.filter_choices(survey=survey)
    assert roles == ["manager", "professional"]
    assert visible == {results.EVERYONE}
    assert not results.survey_results(survey=survey, role="professional").visible
    assert not results.survey_results(survey=survey, role="manager").visible


def test_open_answers_show_only_masked(world: World) -> None:
    people = _people(world, 5)
    survey = _survey(world, keys=("time-administration",))
    text_item = survey.items.get(kind="text")
    for person in people:
        services.survey_respond(
            survey=survey,
            user=person,
            consent=True,
            answers={text_item.pk: "Ik schreef het verslag van mevrouw Jansen sneller."},
        )
    outcome = results.survey_results(survey=survey)
    text_result = next(r for r in outcome.items if r.item.pk == text_item.pk)
    assert text_result.texts == []  # not masked yet: nothing shows
    assert text_result.waiting_texts == 5
    for response in survey.responses.all():
        services.answers_mask(response_id=response.pk)
    outcome = results.survey_results(survey=survey)
    text_result = next(r for r in outcome.items if r.item.pk == text_item.pk)
    assert len(text_result.texts) == 5
    assert all("Jansen" not in text for text in text_result.texts)
    assert not SurveyAnswer.objects.exclude(text="").exists()  # the typed text is gone


def test_researcher_csv_has_keys_and_a_codebook(world: World) -> None:
    people = _people(world, 5)
    survey = _survey(world, keys=("time-administration",))
    items = {i.code: i for i in survey.items.all()}
    for person in people:
        services.survey_respond(
            survey=survey,
            user=person,
            consent=True,
            answers={items["time1"].pk: 120, items["time2"].pk: 1, items["time3"].pk: [0, 2]},
        )
    client = client_for(world.educator)
    url = reverse(
        "insights:survey_export", kwargs={"slug": "zorg-a", "survey_id": survey.pk, "what": "data"}
    )
    data = downloaded(client.get(url)).decode("utf-8-sig").splitlines()
    assert data[0] == "respondent_key,time1,time2,time3,time4"
    assert data[1].endswith(",120.0,2,1;3,")
    assert all(p.full_name not in "\n".join(data) for p in people)
    url = url.replace("data.csv", "codebook.csv")
    codebook = downloaded(client.get(url)).decode("utf-8-sig")
    assert "1=Never; 2=Sometimes; 3=Often" in codebook
    # Managers see results but do not download the answers.
    assert client_for(world.manager).get(url).status_code == 404


def test_no_export_below_five(world: World) -> None:
    survey = _survey(world)
    services.survey_respond(survey=survey, user=world.care_worker, consent=True, answers={})
    url = reverse(
        "insights:survey_export", kwargs={"slug": "zorg-a", "survey_id": survey.pk, "what": "data"}
    )
    assert client_for(world.educator).get(url).status_code == 404


def test_one_reminder_before_closing(world: World) -> None:
    survey = _survey(world)
    Survey.objects.filter(pk=survey.pk).update(
        closes_on=datetime.date.today() + datetime.timedelta(days=2)
    )
    assert services.reminders_send(today=datetime.date.today()) == 1
    assert services.reminders_send(today=datetime.date.today()) == 0
    assert MailMessage.objects.filter(template="insights/email/survey_reminder").count() == 5


def test_own_data_export_and_erasure_find_the_answers_by_key(world: World) -> None:
    from carai.insights import personal_data

    survey = _survey(world)
    services.survey_respond(
        survey=survey, user=world.care_worker, consent=True, answers=_likert(survey, 4)
    )
    (exported,) = personal_data.surveys_export(world.care_worker)
    assert exported["answers"]["lit1"] == 4
    personal_data.surveys_erase(world.care_worker)
    assert not SurveyResponse.objects.exists()
    assert not survey.recipients.filter(user=world.care_worker).exists()


def test_a_question_few_people_answered_shows_no_answers(world: World) -> None:
    people = _people(world, 5)
    survey = _survey(world)
    first = survey.items.first()
    assert first is not None
    for number, person in enumerate(people):
        answers = _likert(survey, 3)
        if number:
            answers.pop(first.pk)  # only one person answers the first question
        services.survey_respond(survey=survey, user=person, consent=True, answers=answers)
    outcome = results.survey_results(survey=survey)
    assert outcome.visible
    assert outcome.items[0].n is None  # not even the count: it would tell who skipped
    assert outcome.items[0].distribution == []
    assert outcome.items[1].distribution[2] == ("3", 5)


def test_the_lead_builds_and_sends_a_survey_to_a_partners_own_people(world: World) -> None:
    """The community lead measures the effect for the funders: they may make a survey in a
    partner organisation; it goes to that organisation's people only."""
    client = client_for(world.lead)
    slug = world.org_a.slug
    response = client.post(
        reverse("insights:survey_new", kwargs={"slug": slug}),
        {
            "title": "Voormeting community (fictief)",
            "consent_text": "Meedoen is vrijwillig.",
            "templates": ["ai-literacy"],
            "role": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    survey = Survey.objects.get(title="Voormeting community (fictief)")
    assert survey.organisation == world.org_a
    sent = client.post(
        reverse("insights:survey_send", kwargs={"slug": slug, "survey_id": survey.pk}),
        {"closes_on": (datetime.date.today() + datetime.timedelta(days=14)).isoformat()},
    )
    assert sent.status_code == 302
    recipients = set(survey.recipients.values_list("user__email", flat=True))
    assert world.care_worker.email in recipients
    assert world.outsider.email not in recipients
    assert all(
        user.memberships.filter(organisation=world.org_a).exists()
        for user in (r.user for r in survey.recipients.select_related("user"))
    )
