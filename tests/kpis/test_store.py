"""Stored key figures: served without recomputing, outdated by every counted change,
worked out in the background (with a waiting notice) when that takes long."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend

from carai.community.models import Role
from carai.kpis import store as kpi_store
from carai.kpis.figures import Figures, KpiFilters, _months_of
from carai.kpis.models import KpiSnapshot
from carai.learning.models import Enrolment
from carai.learning.services.progress import enrolment_start
from carai.usecases import services as usecases
from carai.usecases.models import TeamRole, UseCase
from tests.authoring_helpers import make_org_module
from tests.conftest import World, client_for, downloaded
from tests.factories import MembershipFactory, UserFactory

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _computes(queries: CaptureQueriesContext) -> bool:
    """Whether the figures were worked out (the reach query) during ``queries``."""
    return any("UNION ALL" in query["sql"] for query in queries.captured_queries)


def _use_case(world: World) -> UseCase:
    return usecases.use_case_submit(
        actor=world.care_worker,
        organisation=world.org_a,
        data={"title": "t", "problem": "p", "who_has_it": "w", "expected_value": "e"},
    )


def _add_colleague(world: World) -> None:
    """A care professional of organisation A joins the (only) use case's team."""
    colleague = UserFactory.create()
    MembershipFactory.create(user=colleague, organisation=world.org_a, role=Role.PROFESSIONAL)
    usecases.team_add(
        actor=world.care_worker,
        use_case=UseCase.objects.get(),
        email=colleague.email,
        role=TeamRole.PROFESSIONAL,
    )


def _professionals(page_context: object) -> int:
    board = page_context["board"]  # type: ignore[index]
    return next(f.value for f in board.reached if f.key == "professionals")


def test_the_page_reads_stored_figures_until_something_counted_changes(world: World) -> None:
    _use_case(world)
    lead = client_for(world.lead)
    url = reverse("kpis:dashboard")
    first = lead.get(url)
    assert _professionals(first.context) == 1  # Sanne, the problem owner
    with CaptureQueriesContext(connection) as queries:
        again = lead.get(url)
    assert not _computes(queries)
    assert again.context["stored"].is_current
    assert _professionals(again.context) == 1

    _add_colleague(world)
    with CaptureQueriesContext(connection) as queries:
        after = lead.get(url)
    assert _computes(queries)  # quick enough: worked out while the lead waits
    assert _professionals(after.context) == 2


def test_current_figures_and_the_data_version_are_one_query(world: World) -> None:
    _use_case(world)
    lead = client_for(world.lead)
    url = reverse("kpis:dashboard")
    lead.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = lead.get(url)
    assert again.context["stored"].is_current
    store_reads = [
        q["sql"]
        for q in queries.captured_queries
        if "kpis_kpisnapshot" in q["sql"] or "kpis_kpidataversion" in q["sql"]
    ]
    assert len(store_reads) == 1, store_reads
    # Something counted changes: that one query sees the newer version.
    _add_colleague(world)
    after = lead.get(url)
    assert _professionals(after.context) == 2


def test_counted_changes_raise_the_version_and_others_do_not(world: World) -> None:
    module = make_org_module(world).live
    learner = UserFactory.create()
    MembershipFactory.create(user=learner, organisation=world.org_a, role=Role.PROFESSIONAL)
    before = kpi_store.kpi_data_version()
    enrolment = enrolment_start(user=learner, module=module)
    started = kpi_store.kpi_data_version()
    assert started > before
    enrolment.last_lesson = module.lessons.first()
    enrolment.save(update_fields=["last_lesson"])  # opening a lesson counts for nothing
    assert kpi_store.kpi_data_version() == started
    Enrolment.objects.filter(pk=enrolment.pk).delete()
    assert kpi_store.kpi_data_version() > started


def test_every_counted_field_exists() -> None:
    for label, names in kpi_store.COUNTED_FIELDS.items():
        model = apps.get_model(label)
        known = {f.name for f in model._meta.get_fields()}
        assert names <= known, (label, names - known)


def test_filter_keys_round_trip_and_bad_keys_are_refused(world: World) -> None:
    filters = KpiFilters(
        organisation=world.org_a,
        branch="ggz",
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 6, 30),
    )
    assert KpiFilters.from_key(filters.key()) == filters
    assert KpiFilters.from_key(KpiFilters().key()) == KpiFilters()
    assert KpiFilters.from_key("org=abc|branch=|start=|end=") is None
    assert KpiFilters.from_key("nonsense") is None
    assert KpiFilters.from_key("org=999999|branch=|start=|end=") is None


@override_settings(TIME_ZONE="Europe/Amsterdam")
def test_months_follow_dutch_time_at_the_turn_of_the_month() -> None:
    utc = datetime.UTC
    late_march = datetime.datetime(2026, 3, 31, 21, 30, tzinfo=utc)  # 23:30 in Amsterdam
    early_may = datetime.datetime(2026, 4, 30, 22, 30, tzinfo=utc)  # 00:30 on 1 May
    new_year = datetime.datetime(2025, 12, 31, 23, 30, tzinfo=utc)  # 00:30 on 1 January
    found = _months_of(
        {
            1: int(late_march.timestamp()),
            2: int(early_may.timestamp()),
            3: int(new_year.timestamp()),
        }
    )
    assert found == {
        1: datetime.date(2026, 3, 1),
        2: datetime.date(2026, 5, 1),
        3: datetime.date(2026, 1, 1),
    }


@pytest.fixture
def slow_figures(world: World) -> Iterator[DummyBackend]:
    """Figures that took long last time, and a task backend that holds tasks back."""
    _use_case(world)
    kpi_store.kpi_figures_compute(filters=KpiFilters())
    KpiSnapshot.objects.update(seconds=8.0)
    with override_settings(TASKS=DUMMY_TASKS):
        backend = task_backends["default"]
        assert isinstance(backend, DummyBackend)
        yield backend


def test_slow_figures_are_worked_out_in_the_background(
    world: World, slow_figures: DummyBackend, django_capture_on_commit_callbacks
) -> None:
    lead = client_for(world.lead)
    url = reverse("kpis:dashboard")
    _add_colleague(world)
    # The task is queued once the request's transaction commits.
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        page = lead.get(url)
    assert not _computes(queries)
    assert _professionals(page.context) == 1  # the previous figures, with a notice
    text = page.content.decode()
    assert "kpi-status" in text
    assert "8" in text  # how long it took last time
    assert len(slow_figures.results) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert lead.get(url).status_code == 200
    assert len(slow_figures.results) == 1  # asked once, not on every visit

    status = reverse("kpis:status")
    assert lead.get(status, {"shown": "1"}).status_code == 204  # still working
    key = slow_figures.results[0].kwargs["key"]
    filters = KpiFilters.from_key(key)
    assert filters is not None
    kpi_store.kpi_figures_compute(filters=filters)  # what the worker does
    ready = lead.get(status, {"shown": "1"})
    assert ready.status_code == 286  # htmx stops asking
    body = ready.content.decode()
    assert "<progress" not in body
    assert f'href="{url}"' in body  # a link to show the new figures
    assert _professionals(lead.get(url).context) == 2


def test_without_any_figures_the_page_shows_progress_then_reloads(
    world: World, slow_figures: DummyBackend
) -> None:
    lead = client_for(world.lead)
    page = lead.get(reverse("kpis:dashboard"), {"organisation": world.org_a.pk})
    assert page.status_code == 200
    assert "board" not in page.context
    assert "<progress" in page.content.decode()
    status = reverse("kpis:status")
    assert lead.get(status, {"organisation": str(world.org_a.pk), "shown": "0"}).status_code == 204
    kpi_store.kpi_figures_compute(filters=KpiFilters(organisation=world.org_a))
    done = lead.get(status, {"organisation": str(world.org_a.pk), "shown": "0"})
    assert done["HX-Refresh"] == "true"
    assert client_for(world.care_worker).get(status).status_code == 404


def test_downloads_never_use_outdated_figures(world: World, slow_figures: DummyBackend) -> None:
    _add_colleague(world)
    csv_text = downloaded(
        client_for(world.lead).get(reverse("kpis:export", kwargs={"fmt": "csv"}))
    ).decode()
    professionals = next(line for line in csv_text.splitlines() if "800" in line)
    assert professionals.split(",")[1] == "2"


def test_figures_stored_in_an_older_format_are_worked_out_again(world: World) -> None:
    _use_case(world)
    kpi_store.kpi_figures_compute(filters=KpiFilters())
    KpiSnapshot.objects.update(figures={"format": 0, "reached": {}})
    with CaptureQueriesContext(connection) as queries:
        page = client_for(world.lead).get(reverse("kpis:dashboard"))
    assert _computes(queries)
    assert _professionals(page.context) == 1
    assert Figures.readable(KpiSnapshot.objects.get().figures)
