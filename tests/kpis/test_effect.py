"""The effect figures in the key figures: pre/post changes, time saved and maturity per stage,
under the same anonymity rule (5, and whole blocks of 5 pairs so that no choice of filters can be
subtracted from another; see also tests/insights/test_differencing.py)."""

from __future__ import annotations

import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from carai.community.models import Role
from carai.insights.figures import effect_figures
from carai.insights.services import surveys
from carai.kpis.figures import KpiFilters, dashboard
from tests.conftest import World, client_for, downloaded
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

SOON = datetime.date.today() + datetime.timedelta(days=10)


def _pre_post(world: World, organisation, people: int, before: int, after: int) -> None:
    users = []
    for i in range(people):
        user = UserFactory.create(email=f"{organisation.slug}-{i}@example.org")
        MembershipFactory.create(user=user, organisation=organisation, role=Role.PROFESSIONAL)
        users.append(user)
    educator = UserFactory.create(email=f"{organisation.slug}-educator@example.org")
    MembershipFactory.create(user=educator, organisation=organisation, role=Role.EDUCATOR)
    pre = surveys.survey_create(
        organisation=organisation,
        actor=educator,
        title="Voor",
        consent_text="Vrijwillig.",
        template_keys=["ai-literacy", "time-administration"],
        role=Role.PROFESSIONAL,
    )
    surveys.survey_send(survey=pre, actor=educator, closes_on=SOON)
    post = surveys.survey_create(
        organisation=organisation, actor=educator, title="Na", consent_text="-", pre_survey=pre
    )
    surveys.survey_send(survey=post, actor=educator, closes_on=SOON)
    for survey, value, minutes in ((pre, before, 300), (post, after, 240)):
        for user in users:
            answers = {i.pk: value for i in survey.items.filter(kind="likert")}
            answers[survey.items.get(code="time1").pk] = minutes
            surveys.survey_respond(survey=survey, user=user, consent=True, answers=answers)


def test_changes_and_time_saved_for_the_community(world: World) -> None:
    _pre_post(world, world.org_a, 6, 2, 4)
    figures = effect_figures(organisation_ids=None)
    # The published release: made at the fifth pair; the sixth alone does not move it.
    assert figures["ai_literacy"]["n"] == 5
    assert figures["ai_literacy"]["change"] == 2
    assert figures["admin_minutes"]["change"] == -60
    # 60 minutes a week less: 60 * 52 / 12 / 60 = 4.3 hours a month.
    assert figures["hours_saved_per_month"]["value"] == 4.3
    assert figures["work_pleasure"]["change"] is None  # not asked
    assert figures["maturity"]["per_stage"] is None  # no organisation has a round


def test_an_after_measurement_with_fewer_than_five_pairs_never_counts(world: World) -> None:
    _pre_post(world, world.org_a, 6, 2, 4)
    other = OrganisationFactory.create(name="Zorg C (fictief)", slug="zorg-c")
    _pre_post(world, other, 3, 3, 3)
    # C's three pairs are a block below 5: not in C's figure, and not in the community's
    # either (else the community minus A would show C's three people).
    assert effect_figures(organisation_ids=None)["ai_literacy"]["n"] == 5  # A's release
    assert effect_figures(organisation_ids=[world.org_a.pk])["ai_literacy"]["change"] == 2
    assert effect_figures(organisation_ids=[other.pk])["ai_literacy"]["change"] is None
    board = dashboard(KpiFilters(organisation=other))
    row = next(r for r in board.effect if r[0].startswith("AI"))
    assert row[1] == "—"


def test_the_effect_is_on_the_page_and_in_the_xlsx(world: World) -> None:
    _pre_post(world, world.org_a, 5, 2, 3)
    client = client_for(world.lead)
    report = client.get(reverse("kpis:report")).content.decode()
    assert "effect-caption" in report
    workbook = load_workbook(
        io.BytesIO(downloaded(client.get(reverse("kpis:export", kwargs={"fmt": "xlsx"}))))
    )
    sheet = workbook.worksheets[-1]
    rows = list(sheet.iter_rows(values_only=True))
    literacy = next(r for r in rows if str(r[0]).startswith("AI"))
    assert literacy[1] == "+1,00"
