"""Issue 17's last three parts: one survey across all partners (the community lead), results
published as releases (differencing over time), and no two overlapping groups that differ by
1 to 4 people (rule 6)."""

from __future__ import annotations

import datetime
import itertools
from typing import Any, cast

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from carai.community.models import Organisation, Role
from carai.insights import anonymity, releases, results, stats
from carai.insights.figures import effect_figures
from carai.insights.models import Survey, SurveyAnswer, SurveyRecipient, SurveyResponse
from carai.insights.services import surveys as services
from tests.conftest import World, client_for, downloaded
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

SOON = datetime.date.today() + datetime.timedelta(days=10)


_NUMBERS = itertools.count()


def _people(organisation: Organisation, count: int, role: str = Role.PROFESSIONAL) -> list[Any]:
    users = []
    for _n in range(count):
        i = next(_NUMBERS)
        user = UserFactory.create(
            email=f"{organisation.slug}-{role}-{i}@example.org",
            full_name=f"Persoon {organisation.slug} {role} {i}",
        )
        MembershipFactory.create(user=user, organisation=organisation, role=role)
        users.append(user)
    return users


def _likert(survey: Survey, value: int) -> dict[int, Any]:
    return {item.pk: value for item in survey.items.all() if item.kind == "likert"}


def _community(world: World, *, pre: Survey | None = None, role: str = "") -> Survey:
    survey = services.survey_create(
        organisation=None,
        actor=world.lead,
        title="Na (community)" if pre else "Voor (community)",
        consent_text="Vrijwillig, voor de hele community.",
        template_keys=() if pre else ("ai-literacy",),
        pre_survey=pre,
        role=role,
    )
    services.survey_send(survey=survey, actor=world.lead, closes_on=SOON)
    return survey


# 1. One survey across all partners ----------------------------------------------------------


def test_only_the_lead_makes_a_community_survey(world: World) -> None:
    with pytest.raises(ValidationError):
        services.survey_create(
            organisation=None, actor=world.org_admin, title="X", consent_text="-"
        )
    for user in (world.org_admin, world.educator, world.outsider_admin):
        assert client_for(user).get(reverse("insights:community_survey_list")).status_code == 404
        assert client_for(user).get(reverse("insights:community_survey_new")).status_code == 404
    assert client_for(world.lead).get(reverse("insights:community_survey_list")).status_code == 200


def test_lead_makes_and_sends_through_the_pages_to_every_organisation(world: World) -> None:
    client = client_for(world.lead)
    response = client.post(
        reverse("insights:community_survey_new"),
        {"title": "Werkplezier 2026", "consent_text": "Vrijwillig.", "templates": ["ai-literacy"]},
    )
    survey = Survey.objects.get(title="Werkplezier 2026")
    assert survey.is_community
    assert response["Location"] == reverse(
        "insights:community_survey_edit", kwargs={"community_survey_id": survey.pk}
    )
    response = client.post(
        reverse("insights:community_survey_send", kwargs={"community_survey_id": survey.pk}),
        {"closes_on": SOON.isoformat()},
    )
    assert response.status_code == 302
    through = dict(
        SurveyRecipient.objects.filter(survey=survey).values_list("user", "organisation")
    )
    assert through[world.care_worker.pk] == world.org_a.pk
    assert through[world.outsider.pk] == world.org_b.pk
    # Each person answers through their own organisation; never through another's.
    own = reverse("insights:survey_answer", kwargs={"slug": "zorg-a", "survey_id": survey.pk})
    other = reverse("insights:survey_answer", kwargs={"slug": "zorg-b", "survey_id": survey.pk})
    assert client_for(world.care_worker).get(own).status_code == 200
    assert client_for(world.outsider).get(own).status_code == 404
    assert client_for(world.care_worker).get(other).status_code == 404
    listing = client_for(world.care_worker).get(
        reverse("insights:survey_list", kwargs={"slug": "zorg-a"})
    )
    assert "Werkplezier 2026" in listing.content.decode()


def test_results_per_organisation_only_where_the_rule_allows(world: World) -> None:
    org_c = OrganisationFactory.create(name="Zorg C (fictief)", slug="zorg-c")
    a, b, c = _people(world.org_a, 6), _people(world.org_b, 6), _people(org_c, 3)
    survey = _community(world, role=Role.PROFESSIONAL)
    for number, user in enumerate([*a, *b, *c]):
        services.survey_respond(
            survey=survey, user=user, consent=True, answers=_likert(survey, 1 + number % 5)
        )
    everyone = releases.published_results(survey=survey)
    assert everyone.visible
    assert everyone.respondents == 15
    # A (6) and B (6) are both big enough, but everyone minus A and B leaves C's 3 people:
    # one of the two is held back; C never shows.
    groups, visible = releases.published_groups(survey=survey)
    orgs = {results.organisation_group(o.pk) for o in (world.org_a, world.org_b, org_c)}
    assert orgs <= set(groups)
    shown_orgs = visible & orgs
    assert len(shown_orgs) == 1
    assert results.organisation_group(org_c.pk) not in shown_orgs

    url = reverse("insights:community_survey_results", kwargs={"community_survey_id": survey.pk})
    response = client_for(world.lead).get(url)
    page = response.content.decode()
    filters = {name: shown for _group, name, shown in response.context["filters"]}
    assert filters["Zorg C (fictief)"] is False
    assert not any(user.full_name in page or user.email in page for user in [*a, *b, *c])
    # The lead's per-organisation view of a held-back organisation shows nothing.
    held = (orgs - shown_orgs - {results.organisation_group(org_c.pk)}).pop()
    response = client_for(world.lead).get(url, {"groep": held})
    assert response.context["role"] == held
    assert not response.context["outcome"].visible

    # An organisation admin sees their own organisation's group only, whatever they ask for.
    for admin, org in ((world.org_admin, world.org_a), (world.outsider_admin, world.org_b)):
        own = reverse("insights:survey_results", kwargs={"slug": org.slug, "survey_id": survey.pk})
        response = client_for(admin).get(own, {"groep": ""})
        assert response.status_code == 200
        assert response.context["role"] == results.organisation_group(org.pk)
        assert response.context["filters"] == []
        expected = results.organisation_group(org.pk) in shown_orgs
        assert response.context["outcome"].visible is expected
        if expected:
            assert response.context["outcome"].respondents == 6
        # Never the community's own pages, never the CSV.
        assert client_for(admin).get(url).status_code == 404
    csv = reverse(
        "insights:survey_export", kwargs={"slug": "zorg-a", "survey_id": survey.pk, "what": "data"}
    )
    assert client_for(world.org_admin).get(csv).status_code == 404


def test_community_pre_post_pairs_and_counts_in_the_key_figures(world: World) -> None:
    a, b = _people(world.org_a, 5), _people(world.org_b, 5)
    pre = _community(world, role=Role.PROFESSIONAL)
    post = _community(world, pre=pre, role=Role.PROFESSIONAL)
    for user in [*a, *b]:
        services.survey_respond(survey=pre, user=user, consent=True, answers=_likert(pre, 2))
        services.survey_respond(survey=post, user=user, consent=True, answers=_likert(post, 4))
    # The care worker and the outsider (professionals too) were asked but did not answer.
    change = releases.published_results(survey=post).changes
    assert change is not None
    assert change[0].change.n == 10
    assert change[0].change.mean_change == 2
    community = effect_figures(organisation_ids=None)["ai_literacy"]
    assert community["n"] == 10
    assert community["change"] == 2
    # Per organisation: each of A and B has 5 pairs, and together they are everyone.
    assert effect_figures(organisation_ids=[world.org_a.pk])["ai_literacy"]["n"] == 5
    assert effect_figures(organisation_ids=[world.org_b.pk])["ai_literacy"]["n"] == 5


# 2. Differencing over time -------------------------------------------------------------------


def _shown(survey: Survey, group: str = results.EVERYONE) -> tuple[Any, ...]:
    outcome = releases.published_results(survey=survey, group=group)
    return (
        outcome.visible,
        outcome.respondents,
        [(r.n, r.distribution, r.mean) for r in outcome.items],
        outcome.scales,
    )


def test_one_answer_more_or_less_changes_nothing_shown_five_do(world: World) -> None:
    people = _people(world.org_a, 13)
    survey = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Voor",
        consent_text="-",
        template_keys=["ai-literacy"],
        role=Role.PROFESSIONAL,
    )
    services.survey_send(survey=survey, actor=world.educator, closes_on=SOON)
    for number, user in enumerate(people[:10]):
        services.survey_respond(
            survey=survey, user=user, consent=True, answers=_likert(survey, 1 + number % 5)
        )
    first = _shown(survey)
    assert first[0]
    assert first[1] == 10
    url = reverse("insights:survey_results", kwargs={"slug": "zorg-a", "survey_id": survey.pk})
    assert client_for(world.educator).get(url).context["release"].number == 2
    data_url = reverse(
        "insights:survey_export", kwargs={"slug": "zorg-a", "survey_id": survey.pk, "what": "data"}
    )
    csv_before = downloaded(client_for(world.educator).get(data_url))
    figures_before = effect_figures(organisation_ids=None)

    # One more answer: nothing shown changes (page, CSV).
    services.survey_respond(
        survey=survey, user=people[10], consent=True, answers=_likert(survey, 5)
    )
    assert _shown(survey) == first
    assert downloaded(client_for(world.educator).get(data_url)) == csv_before
    # One withdrawal: the answers are gone at once, what is shown stays.
    key = survey.key_of(people[0].pk)
    assert services.survey_withdraw(survey=survey, user=people[0])
    assert not SurveyResponse.objects.filter(survey=survey, respondent_key=key).exists()
    assert not SurveyAnswer.objects.filter(response__respondent_key=key).exists()
    assert _shown(survey) == first
    # Answering again with other answers counts as two changes (old gone, new added).
    services.survey_respond(survey=survey, user=people[1], consent=True, answers=_likert(survey, 5))
    assert _shown(survey) == first
    response = client_for(world.educator).get(url)
    assert response.context["release"].number == 2
    assert response.context["outcome"].respondents == 10
    assert effect_figures(organisation_ids=None) == figures_before
    # The withdrawn person's row leaves the CSV at once (their answers are deleted), and so
    # does the changed row; new and changed rows come with the next release.
    csv_now = downloaded(client_for(world.educator).get(data_url))
    assert key.encode() in csv_before
    assert key.encode() not in csv_now
    assert csv_now.count(b"\n") == csv_before.count(b"\n") - 2

    # A fifth change (one more answer): a new release, computed without the withdrawn one.
    services.survey_respond(
        survey=survey, user=people[11], consent=True, answers=_likert(survey, 5)
    )
    moved = _shown(survey)
    assert moved != first
    assert moved[1] == 11  # 10 - 1 withdrawn + 2 new
    assert client_for(world.educator).get(url).context["release"].number == 3
    assert downloaded(client_for(world.educator).get(data_url)).count(b"\n") == 12


def test_over_time_holds_back_a_figure_that_moved_by_a_few(world: World) -> None:
    managers = _people(world.org_a, 6, Role.MANAGER)
    nurses = _people(world.org_a, 10)
    survey = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Voor",
        consent_text="-",
        template_keys=["ai-literacy"],
    )
    services.survey_send(survey=survey, actor=world.educator, closes_on=SOON)
    for user in [*managers[:5], *nurses[:5]]:
        services.survey_respond(survey=survey, user=user, consent=True, answers=_likert(survey, 3))
    assert _shown(survey, Role.MANAGER)[1] == 5
    # Five more answers: four nurses and one manager. Everyone moves (5 changed); the
    # managers' figure moved by one person, so it is held back, not updated.
    for user in [*nurses[5:9], managers[5]]:
        services.survey_respond(survey=survey, user=user, consent=True, answers=_likert(survey, 5))
    assert _shown(survey)[1] == 15
    assert not _shown(survey, Role.MANAGER)[0]
    # Nurses moved by 4, also held back (everyone minus the managers would show them).
    assert not _shown(survey, Role.PROFESSIONAL)[0]


def test_over_time_rule_on_its_own() -> None:
    def people(*names: str) -> frozenset[str]:
        return frozenset(names)

    last = {"q": {"all": people(*"abcde"), "nurses": people(*"abc")}}
    # One person more among everyone: the figure may not take it.
    now = {"q": {"all": people(*"abcdef")}}
    assert anonymity.over_time(now, last) == {"q": set()}
    # Six more for everyone and five more nurses: their changes differ by one person.
    now = {"q": {"all": people(*"abcdefghijk"), "nurses": people(*"abcfghij")}}
    assert anonymity.over_time(now, last) == {"q": {"all"}}
    # Unchanged figures show; a first figure shows as it passed rules 1-3.
    now = {"q": {"all": people(*"abcde"), "new": people(*"vwxyz")}}
    assert anonymity.over_time(now, last) == {"q": {"all", "new"}}
    assert anonymity.release_due(before=None, now=people(*"abcd")) is False
    assert anonymity.release_due(before=None, now=people(*"abcde")) is True
    assert anonymity.release_due(before=people(*"abcde"), now=people(*"abcdf")) is False
    assert anonymity.release_due(before=people(*"abcde"), now=people(*"abfgh")) is True


def test_pooled_change_equals_the_change_over_all_pairs() -> None:
    first = [(2.0, 3.0), (3.0, 5.0), (4.0, 4.0), (2.0, 4.0), (3.0, 4.0)]
    second = [(1.0, 1.5), (2.5, 4.0), (3.0, 3.0), (4.0, 5.0), (2.0, 2.0), (1.0, 4.0)]
    pooled = stats.pooled_change([stats.paired_change(first), stats.paired_change(second)])
    direct = stats.paired_change(first + second)
    for field in ("n", "mean_pre", "mean_post", "mean_change", "sd_change", "ci_low", "ci_high"):
        assert getattr(pooled, field) == pytest.approx(getattr(direct, field))


# 3. Two overlapping groups --------------------------------------------------------------------


def _send_to_professionals(
    world: World, title: str, keys: tuple[str, ...] = ("ai-literacy",)
) -> Survey:
    survey = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title=title,
        consent_text="-",
        template_keys=keys,
        role=Role.PROFESSIONAL,
    )
    services.survey_send(survey=survey, actor=world.educator, closes_on=SOON)
    return survey


def test_a_group_that_differs_by_one_person_is_refused_at_send(world: World) -> None:
    _people(world.org_a, 6)
    first = _send_to_professionals(world, "Professionals")
    # One person joins, and the professionals are asked the same questions again: the two
    # groups differ by one person. Refused, with a clear message; nothing is sent.
    _people(world.org_a, 1)
    with pytest.raises(ValidationError, match="verschilt minder dan 5 mensen"):
        _send_to_professionals(world, "Professionals, opnieuw")
    again = Survey.objects.get(title="Professionals, opnieuw")
    assert again.sent_at is None
    assert not again.recipients.exists()
    # Other questions: nothing to subtract.
    _send_to_professionals(world, "Werkplezier", ("work-pleasure",))
    # The after-measurement of the same chain goes to the changed group: compared as pairs.
    post = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Na",
        consent_text="-",
        pre_survey=first,
        role=Role.PROFESSIONAL,
    )
    services.survey_send(survey=post, actor=world.educator, closes_on=SOON)
    # Five more join: now the group differs by enough from both earlier ones.
    _people(world.org_a, 5)
    services.survey_send(survey=again, actor=world.educator, closes_on=SOON)
    # The rule itself: 1 to 4 apart (either way) is too close; 0 or 5 is not.
    group = frozenset(range(10))
    assert anonymity.groups_too_close(group, [frozenset(range(11))])
    assert anonymity.groups_too_close(group, [frozenset(range(1, 11))])  # one in, one out
    assert not anonymity.groups_too_close(group, [group, frozenset(range(15))])


def test_a_community_survey_is_checked_per_organisation(world: World) -> None:
    _people(world.org_a, 6)
    own = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="A",
        consent_text="-",
        template_keys=["ai-literacy"],
        role=Role.PROFESSIONAL,
    )
    services.survey_send(survey=own, actor=world.educator, closes_on=SOON)
    _people(world.org_a, 1)  # one more professional in A
    community = services.survey_create(
        organisation=None,
        actor=world.lead,
        title="Community",
        consent_text="-",
        template_keys=["ai-literacy"],
        role=Role.PROFESSIONAL,
    )
    # A's admin would see A's group of the community survey beside A's own survey: one
    # person apart.
    with pytest.raises(ValidationError, match="Wie de twee uitkomsten vergelijkt"):
        services.survey_send(survey=community, actor=world.lead, closes_on=SOON)


def test_the_results_page_writes_nothing_and_the_daily_run_makes_a_due_release(
    world: World,
) -> None:
    people = _people(world.org_a, 5)
    survey = _community(world, role=Role.PROFESSIONAL)
    for user in people:
        services.survey_respond(survey=survey, user=user, consent=True, answers=_likert(survey, 4))
    assert releases.latest(survey=survey) is not None  # answering made the first release
    # Answers that arrived another way (e.g. before releases existed) wait for the daily run:
    survey.releases.all().delete()
    url = reverse("insights:community_survey_results", kwargs={"community_survey_id": survey.pk})
    response = client_for(world.lead).get(url)
    assert response.status_code == 200
    assert releases.latest(survey=survey) is None  # a GET makes no release
    assert not response.context["outcome"].visible
    assert services.releases_refresh() == 1
    assert services.releases_refresh() == 0  # nothing new: no second release
    assert client_for(world.lead).get(url).context["outcome"].respondents == 5


def test_a_module_is_offered_once_and_both_language_versions_learners_get_the_survey(
    world: World,
) -> None:
    from carai.insights.forms import SurveyForm
    from carai.learning.models import Enrolment, Module, ModuleStatus

    dutch, english = (
        Module.objects.create(
            key="ai-basis-test", language=language, title=title, status=ModuleStatus.PUBLISHED
        )
        for language, title in (("nl", "AI-basis (test)"), ("en", "AI basics (test)"))
    )
    for language, shown in (("nl", dutch), ("en", english)):
        field = SurveyForm(organisation=world.org_a, language=language).fields["module"]
        offered = list(cast(Any, field).queryset)
        assert shown in offered
        assert {dutch, english} - {shown} <= set(Module.objects.all()) - set(offered)
    people = _people(world.org_a, 2)
    Enrolment.objects.create(user=people[0], module=dutch)
    Enrolment.objects.create(user=people[1], module=english)
    survey = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Na de module",
        consent_text="-",
        template_keys=["ai-literacy"],
        module=dutch,
    )
    assert set(services.survey_audience(survey=survey)) == set(people)
