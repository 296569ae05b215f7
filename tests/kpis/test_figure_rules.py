"""The counting rules of the key figures (``carai.kpis.figures``) one by one: percentages of a
target, the filters and their stored key, months in local time, the monthly series, and what
each count includes. Written to close the gaps mutation testing found (docs/testing.md).
Every person, organisation and event is fictional."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from freezegun import freeze_time

from carai.community.models import Organisation, OrganisationKind, Role
from carai.kpis.figures import (
    ACTIVITY,
    MAX_MONTHS,
    Dashboard,
    Figure,
    Figures,
    KpiFilters,
    _activity_series,
    _chart_months,
    _local_month,
    _monthly,
    _months_from,
    _months_of,
    _Reach,
    figures_compute,
    targets,
)
from carai.kpis.models import KpiKey, KpiTarget
from carai.usecases.phases import FINISHED, PHASES
from tests.conftest import World
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
D = datetime.date


@pytest.mark.parametrize(
    ("value", "target", "percent"),
    [(0, None, None), (5, 0, None), (50, 200, 25), (1, 3, 33), (2, 3, 67), (900, 800, 112)],
)
def test_a_figure_is_a_rounded_percentage_of_its_target(
    value: int, target: int | None, percent: int | None
) -> None:
    assert Figure("k", "label", value, target).percent == percent


def test_the_key_of_the_filters_names_each_filter(world: World) -> None:
    assert KpiFilters().key() == "org=|branch=|start=|end="
    filters = KpiFilters(
        organisation=world.org_a, branch="vvt", start=D(2026, 1, 1), end=D(2026, 6, 30)
    )
    assert filters.key() == f"org={world.org_a.pk}|branch=vvt|start=2026-01-01|end=2026-06-30"
    assert KpiFilters.from_key(filters.key()) == filters
    assert KpiFilters.from_key(KpiFilters().key()) == KpiFilters()
    assert KpiFilters.from_key("org=|branch=ggz|start=|end=2026-02-01") == KpiFilters(
        branch="ggz", end=D(2026, 2, 1)
    )


@pytest.mark.parametrize(
    "key",
    [
        "",
        "org=|branch=",  # a part missing
        "org=x|branch=|start=|end=",
        "org=|branch=|start=2026-13-01|end=",
        "org=|branch=|start=|end=gisteren",
        "org=999999|branch=|start=|end=",  # no such organisation (any more)
    ],
)
def test_a_malformed_key_or_a_gone_organisation_gives_no_filters(db: None, key: str) -> None:
    assert KpiFilters.from_key(key) is None


def test_a_key_of_a_deactivated_organisation_gives_no_filters(world: World) -> None:
    key = KpiFilters(organisation=world.org_b).key()
    Organisation.objects.filter(pk=world.org_b.pk).update(is_active=False)
    assert KpiFilters.from_key(key) is None


def test_the_period_filters_on_local_dates_from_start_to_end_inclusive() -> None:
    start, end = D(2026, 1, 1), D(2026, 3, 31)
    assert KpiFilters().period("joined_at") == Q()
    assert KpiFilters(start=start).period("joined_at") == Q(joined_at__date__gte=start)
    assert KpiFilters(end=end).period("joined_at") == Q(joined_at__date__lte=end)
    assert KpiFilters(start=start, end=end).period("joined_at") == Q(
        joined_at__date__gte=start
    ) & Q(joined_at__date__lte=end)


def test_the_scope_is_active_organisations_of_the_chosen_organisation_and_branch(
    world: World,
) -> None:
    gone = OrganisationFactory.create(slug="opgeheven", is_active=False)
    MembershipFactory.create(user=UserFactory.create(), organisation=gone, role=Role.STUDENT)
    assert set(KpiFilters().organisations()) == {world.org_a, world.org_b}
    assert set(KpiFilters(organisation=world.org_b).organisations()) == {world.org_b}
    assert set(KpiFilters(branch="ggz").organisations()) == {world.org_b}
    assert set(KpiFilters(organisation=world.org_a, branch="ggz").organisations()) == set()

    def members(filters: KpiFilters) -> set[int]:
        return {m.organisation_id for m in filters.memberships()}

    assert members(KpiFilters()) == {world.org_a.pk, world.org_b.pk}
    assert members(KpiFilters(organisation=world.org_a)) == {world.org_a.pk}
    assert members(KpiFilters(branch="ggz")) == {world.org_b.pk}


def test_stored_figures_are_read_back_only_in_their_own_format() -> None:
    figures = Figures(
        reached={"professionals": 3, "students": 1, "educators": 0},
        reached_total=4,
        use_cases=2,
        use_cases_by_phase={"analysis": 2},
        modules=5,
        events=1,
        attendance=7,
        demonstrators=0,
        partners={"care": 2},
        months=["2026-05"],
        reached_by_month={"professionals": [3]},
        activity_months=["2026-05"],
        activity={"events": [1]},
    )
    data = figures.as_json()
    assert data["format"] == Figures.FORMAT
    assert Figures.readable(data)
    assert Figures.from_json(data) == figures
    assert not Figures.readable({**data, "format": Figures.FORMAT - 1})
    assert not Figures.readable({})


def test_the_dashboard_labels_every_figure_and_sets_it_against_its_target(db: None) -> None:
    KpiTarget.objects.create(key="students", value=40)
    goal = targets()
    assert goal["students"] == 40
    assert goal["professionals"] == 800  # the default, not set here
    figures = Figures(
        reached={"professionals": 400, "students": 10},
        reached_total=410,
        use_cases=3,
        use_cases_by_phase={PHASES[0].key: 2, FINISHED: 1},
        modules=9,
        events=2,
        attendance=30,
        demonstrators=1,
        partners={OrganisationKind.CARE: 4, "gone": 1},
        months=["2026-05", "2026-06"],
        reached_by_month={"professionals": [300, 400]},
        activity_months=["2026-06"],
        activity={"events": [2]},
    )
    board = Dashboard.of(figures, goal)
    assert [(f.key, f.value, f.target, f.percent) for f in board.reached] == [
        ("professionals", 400, 800, 50),
        ("students", 10, 40, 25),
        ("educators", 0, 50, 0),
    ]
    assert [f.label for f in board.reached] == [
        str(KpiKey.PROFESSIONALS.label),
        str(KpiKey.STUDENTS.label),
        str(KpiKey.EDUCATORS.label),
    ]
    assert (board.use_cases.value, board.use_cases.target) == (3, 9)
    assert (board.modules.value, board.modules.percent) == (9, 100)
    assert (board.reached_total, board.events, board.attendance, board.demonstrators) == (
        410,
        2,
        30,
        1,
    )
    assert [(f.key, f.label) for f in (board.use_cases, board.modules)] == [
        ("use_cases", str(KpiKey.USE_CASES.label)),
        ("modules", str(KpiKey.MODULES.label)),
    ]
    # Every phase, then finished.
    assert board.use_cases_by_phase == [
        *[(str(p.label), 2 if p is PHASES[0] else 0) for p in PHASES],
        (gettext("Finished"), 1),
    ]
    assert board.activity_months == figures.activity_months
    assert (board.months, board.reached_by_month) == (figures.months, figures.reached_by_month)
    none_finished = Dashboard.of(Figures(**{**figures.__dict__, "use_cases_by_phase": {}}), goal)
    assert none_finished.use_cases_by_phase[-1] == (gettext("Finished"), 0)
    assert board.partners == [(str(OrganisationKind.CARE.label), 4), ("gone", 1)]
    assert [n for _label, n in board.activity] == [[2], [], [], []]
    assert [label for label, _n in board.activity] == [str(label) for label in ACTIVITY.values()]


def test_months_run_from_the_first_to_the_last_inclusive() -> None:
    assert _months_from(D(2026, 1, 31), D(2026, 1, 1)) == [D(2026, 1, 1)]
    assert _months_from(D(2025, 11, 15), D(2026, 2, 3)) == [
        D(2025, 11, 1),
        D(2025, 12, 1),
        D(2026, 1, 1),
        D(2026, 2, 1),
    ]


@freeze_time("2026-06-15 12:00:00")
def test_a_chart_runs_to_this_month_and_shows_at_most_five_years() -> None:
    assert _chart_months([D(2026, 4, 1)]) == [D(2026, 4, 1), D(2026, 5, 1), D(2026, 6, 1)]
    assert _chart_months([D(2026, 8, 1), D(2026, 5, 1)])[-1] == D(2026, 8, 1)  # a later month
    long = _chart_months([D(2010, 1, 1)])
    assert len(long) == MAX_MONTHS == 60
    assert (long[0], long[-1]) == (D(2021, 7, 1), D(2026, 6, 1))


def test_a_moment_counts_in_its_local_month() -> None:
    # 23:30 UTC on 31 January is already 1 February in Amsterdam.
    late = datetime.datetime(2026, 1, 31, 23, 30, tzinfo=datetime.UTC)
    assert _local_month(late, AMSTERDAM) == D(2026, 2, 1)
    assert _local_month(datetime.datetime(2026, 1, 31, 23, 30), AMSTERDAM) == D(2026, 1, 1)
    assert _local_month(D(2026, 3, 17), AMSTERDAM) == D(2026, 3, 1)
    # In the zone it is given, whatever the zone of the process.
    assert _local_month(late, datetime.UTC) == D(2026, 1, 1)


def test_seconds_since_1970_are_put_in_their_local_month() -> None:
    assert _months_of({}) == {}
    first_of_march = datetime.datetime(2026, 3, 1, tzinfo=AMSTERDAM)  # 28 Feb 23:00 UTC
    seconds = {
        1: int(first_of_march.timestamp()),  # the first moment of March
        2: int(first_of_march.timestamp()) - 1,  # the last second of February
        3: int(datetime.datetime(2026, 5, 20, 9, tzinfo=AMSTERDAM).timestamp()),
    }
    assert _months_of(seconds) == {1: D(2026, 3, 1), 2: D(2026, 2, 1), 3: D(2026, 5, 1)}


@freeze_time("2026-06-15 12:00:00")
def test_people_reached_add_up_per_month_and_earlier_reach_starts_the_first_month() -> None:
    assert _monthly(_Reach(first={}, groups={})) == ([], {})
    reach = _Reach(
        first={
            1: D(2026, 4, 1),
            2: D(2026, 6, 1),
            3: D(2026, 4, 1),
            4: D(2026, 5, 1),
            5: D(2026, 4, 1),
        },
        groups={
            1: {"professionals", "educators"},
            2: {"professionals"},
            3: {"students"},
            5: {"professionals"},  # the second professional of April
        },
    )
    months, series = _monthly(reach)
    assert months == ["2026-04", "2026-05", "2026-06"]
    assert series == {
        "professionals": [2, 2, 3],
        "students": [1, 1, 1],
        "educators": [1, 1, 1],
    }
    old = _Reach(first={1: D(2015, 1, 1), 2: D(2026, 6, 1)}, groups={1: {"students"}, 2: set()})
    months, series = _monthly(old)
    assert len(months) == MAX_MONTHS
    assert series["students"][0] == 1  # reached before the chart starts: in its first month


@freeze_time("2026-06-15 12:00:00")
def test_activity_is_listed_per_month_with_zeros_between() -> None:
    assert _activity_series({"events": {}, "attendance": {}}) == ([], {})
    counts = {
        "events": {D(2026, 4, 1): 2},
        "attendance": {D(2026, 4, 1): 9, D(2026, 6, 1): 3},
        "demonstrators": {},
        "modules": {D(2026, 5, 1): 1},
    }
    months, series = _activity_series(counts)
    assert months == ["2026-04", "2026-05", "2026-06"]
    assert series == {
        "events": [2, 0, 0],
        "attendance": [9, 0, 3],
        "demonstrators": [0, 0, 0],
        "modules": [0, 1, 0],
    }


def test_counts_follow_the_organisation_and_branch_filters(world: World) -> None:
    """Partners per kind, only active organisations; use cases accepted only."""
    from carai.usecases import services as usecases

    OrganisationFactory.create(slug="school", kind=OrganisationKind.EDUCATION, care_branch="ggz")
    OrganisationFactory.create(slug="weg", kind=OrganisationKind.WELFARE, is_active=False)
    usecases.use_case_submit(
        actor=world.care_worker,
        organisation=world.org_a,
        data={"title": "t", "problem": "p", "who_has_it": "w", "expected_value": "e"},
    )
    everyone = figures_compute(KpiFilters())
    assert everyone.partners == {OrganisationKind.CARE: 2, OrganisationKind.EDUCATION: 1}
    assert everyone.use_cases == 0  # submitted, not accepted
    assert everyone.use_cases_by_phase == {}
    ggz = figures_compute(KpiFilters(branch="ggz"))
    assert ggz.partners == {OrganisationKind.CARE: 1, OrganisationKind.EDUCATION: 1}
    only_a = figures_compute(KpiFilters(organisation=world.org_a))
    assert only_a.partners == {OrganisationKind.CARE: 1}
    # Sanne joined the team of her use case: reached, as a care professional of A.
    assert only_a.reached_total == 1
    assert only_a.reached == {"professionals": 1, "students": 0, "educators": 0}
    assert ggz.reached_total == 0
    assert (only_a.events, only_a.attendance, only_a.demonstrators) == (0, 0, 0)
    assert only_a.activity_months == []  # nothing happened: no activity chart
    assert ggz.months == []  # nobody reached: no reach chart


@freeze_time("2026-06-15 12:00:00")
def test_a_period_counts_what_started_in_it(world: World) -> None:
    from carai.learning.models import Enrolment
    from tests.authoring_helpers import make_org_module

    module = make_org_module(world).live
    enrolment, _new = Enrolment.objects.get_or_create(user=world.care_worker, module=module)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        started_at=datetime.datetime(2026, 3, 10, 10, tzinfo=AMSTERDAM)
    )
    march = KpiFilters(start=D(2026, 3, 1), end=D(2026, 3, 31))
    assert figures_compute(march).reached == {"professionals": 1, "students": 0, "educators": 0}
    assert figures_compute(march).months == ["2026-03", "2026-04", "2026-05", "2026-06"]
    assert figures_compute(KpiFilters(start=D(2026, 3, 11))).reached_total == 0
    assert figures_compute(KpiFilters(end=D(2026, 3, 9))).reached_total == 0
    assert figures_compute(KpiFilters(end=D(2026, 3, 10))).reached_total == 1
    # The module of organisation A counts for A and for A's branch, not for B.
    assert figures_compute(KpiFilters(organisation=world.org_a)).modules == 1
    assert figures_compute(KpiFilters(branch="vvt")).modules == 1
    assert figures_compute(KpiFilters(organisation=world.org_b)).modules == 0
    assert timezone.localdate() == D(2026, 6, 15)


def test_use_cases_count_when_accepted_in_scope_and_running_in_the_period(world: World) -> None:
    from carai.usecases.models import Cycle, Demonstrator, Status, UseCase

    spring = Cycle.objects.create(name="Voorjaar", starts_on=D(2026, 1, 1), ends_on=D(2026, 6, 30))
    autumn = Cycle.objects.create(name="Najaar", starts_on=D(2026, 7, 1), ends_on=D(2026, 12, 31))
    first, second = PHASES[0].key, PHASES[1].key

    def use_case(
        organisation: Organisation, cycle: Cycle | None, phase: str, status: str
    ) -> UseCase:
        return UseCase.objects.create(
            title="Fictieve use case",
            problem="p",
            who_has_it="w",
            expected_value="e",
            organisation=organisation,
            cycle=cycle,
            phase=phase,
            status=status,
        )

    ours = use_case(world.org_a, spring, first, Status.ACCEPTED)
    use_case(world.org_a, autumn, second, Status.ACCEPTED)
    use_case(world.org_b, spring, first, Status.ACCEPTED)
    use_case(world.org_a, None, first, Status.SUBMITTED)
    Demonstrator.objects.create(use_case=ours, name="Demo", what_it_does="w", ai_used="a")

    everyone = figures_compute(KpiFilters())
    assert (everyone.use_cases, everyone.use_cases_by_phase) == (3, {first: 2, second: 1})
    assert everyone.demonstrators == 1
    only_a = figures_compute(KpiFilters(organisation=world.org_a))
    assert (only_a.use_cases, only_a.use_cases_by_phase) == (2, {first: 1, second: 1})
    only_b = figures_compute(KpiFilters(organisation=world.org_b))
    assert (only_b.use_cases, only_b.demonstrators) == (1, 0)
    # A cycle counts in a period it overlaps; a start alone or an end alone also filters.
    assert figures_compute(KpiFilters(start=D(2026, 7, 1))).use_cases == 1
    assert figures_compute(KpiFilters(end=D(2026, 6, 30))).use_cases == 2
    assert figures_compute(KpiFilters(start=D(2026, 6, 30), end=D(2026, 7, 1))).use_cases == 3
    assert figures_compute(KpiFilters(start=D(2027, 1, 1))).use_cases == 0


def test_signing_up_for_an_event_that_was_held_is_not_attending_it(world: World) -> None:
    from carai.community import events
    from tests.kpis.test_figures import _event

    event = _event(world, starts=timezone.now() - datetime.timedelta(hours=3), title="Sessie")
    with freeze_time(timezone.now() - datetime.timedelta(days=7)):
        events.event_register(user=world.care_worker, event=event)
        registration = events.event_register(user=world.manager, event=event)
    events.event_mark_attendance(actor=world.lead, event=event, present={registration.pk})
    figures = figures_compute(KpiFilters())
    assert (figures.events, figures.attendance) == (1, 1)
    # Only the manager was there; the care worker signed up and did not come.
    assert figures.reached_total == 1
    assert figures.reached == {"professionals": 0, "students": 0, "educators": 0}
    # Attendance counts the people of the chosen organisations; events are not per organisation.
    other = figures_compute(KpiFilters(organisation=world.org_b))
    assert (other.events, other.attendance, other.reached_total) == (1, 0, 0)
