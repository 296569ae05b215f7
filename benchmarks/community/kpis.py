"""How fast the community lead's KPI dashboard is on a large, generated community.

    python -m benchmarks.community.kpis [--organisations 100] [--people 50000]
                                        [--records 500000] [--database URL]

Builds a fresh database (a temporary SQLite file, or the PostgreSQL database in
``--database``, which is emptied first), fills it with made-up organisations, people,
enrolments, event attendance and use-case teams, and prints the time of the dashboard's
figures: the time to work them out (median of 5 runs), and the time of the lead's page
once they are stored (median of 20 requests), each with its number of queries. Everything
generated is fictional.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=100)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--records", type=int, default=500_000)
    parser.add_argument("--database", default="")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="carai-bench-")
    os.environ["CARAI_ENV"] = "test"
    if args.database:
        os.environ["DATABASE_URL"] = args.database
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = os.path.join(folder, "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carai.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if args.database:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _fill(args.organisations, args.people, args.records)
    print(
        f"{connection.vendor}: {args.organisations} organisations, {args.people} people, "
        f"{args.records} progress/attendance/team records; generated in "
        f"{time.perf_counter() - started:.0f} s"
    )
    from django.test import Client
    from django.urls import reverse

    from carai.accounts.models import User
    from carai.community.models import Organisation
    from carai.kpis.figures import KpiFilters, figures_compute
    from carai.kpis.store import kpi_data_changed, kpi_figures_peek

    kpi_data_changed()  # bulk_create sends no signals
    lead = User.objects.create(email="lead@bench.example", is_community_lead=True)
    browser = Client()
    browser.force_login(lead)
    one = Organisation.objects.order_by("pk").first()
    assert one is not None
    url = reverse("kpis:dashboard")
    for name, filters, query in (
        ("whole community", KpiFilters(), {}),
        ("one organisation", KpiFilters(organisation=one), {"organisation": str(one.pk)}),
    ):
        _measure(f"{name}, working out the figures", partial(figures_compute, filters))
        first = browser.get(url, query)  # works them out and stores them (or asks the worker)
        assert first.status_code == 200
        assert kpi_figures_peek(filters=filters).is_current
        _measure(f"{name}, the page with stored figures", partial(browser.get, url, query), 20)
    return 0


def _measure(name: str, work: Callable[[], object], rounds: int = 5) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seconds = []
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            work()
            seconds.append(time.perf_counter() - start)
    print(
        f"  {name}: median {statistics.median(seconds) * 1000:.0f} ms, "
        f"max {max(seconds) * 1000:.0f} ms, {len(queries.captured_queries)} queries"
    )


def _fill(organisations: int, people: int, records: int) -> None:
    import datetime

    from django.utils import timezone

    from carai.accounts.models import User
    from carai.community.models import (
        CareBranch,
        Event,
        EventRegistration,
        Membership,
        Organisation,
        OrganisationKind,
        Role,
    )
    from carai.learning.models import Enrolment, Module
    from carai.usecases.models import Cycle, TeamMember, UseCase

    rng = random.Random(2026)  # noqa: S311 - repeatable test data, no secrets
    now = timezone.now()
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Organisatie {n} (fictief)",
            slug=f"org-{n}",
            kind=rng.choice(OrganisationKind.values),
            care_branch=rng.choice(CareBranch.values),
        )
        for n in range(organisations)
    )
    users = User.objects.bulk_create(
        (User(email=f"persoon{n}@bench.example", full_name=f"Persoon {n}") for n in range(people)),
        batch_size=2000,
    )
    roles = [Role.PROFESSIONAL] * 6 + [Role.STUDENT] * 3 + [Role.EDUCATOR]
    Membership.objects.bulk_create(
        (Membership(user=u, organisation=rng.choice(orgs), role=rng.choice(roles)) for u in users),
        batch_size=2000,
    )
    modules = Module.objects.bulk_create(
        Module(
            key=f"bench-{n}", language="nl", title=f"Module {n}", summary="x", status="published"
        )
        for n in range(40)
    )
    events = Event.objects.bulk_create(
        Event(
            title=f"Bijeenkomst {n}",
            kind="community",
            description="x",
            starts_at=now - datetime.timedelta(days=n * 3),
            ends_at=now - datetime.timedelta(days=n * 3) + datetime.timedelta(hours=2),
            place="x",
            capacity=100_000,
        )
        for n in range(200)
    )
    cycle = Cycle.objects.create(
        name="Bench", starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 6, 30)
    )
    cases = UseCase.objects.bulk_create(
        UseCase(
            title=f"Use case {n}",
            problem="x",
            who_has_it="x",
            expected_value="x",
            organisation=rng.choice(orgs),
            status="accepted",
            cycle=cycle,
        )
        for n in range(300)
    )
    third = records // 3
    enrolments = {(rng.choice(users).pk, rng.choice(modules).pk) for _ in range(third)}
    Enrolment.objects.bulk_create(
        (Enrolment(user_id=u, module_id=m) for u, m in enrolments), batch_size=5000
    )
    attendance = {(rng.choice(users).pk, rng.choice(events).pk) for _ in range(third)}
    EventRegistration.objects.bulk_create(
        (
            EventRegistration(user_id=u, event_id=e, status="registered", attended=True)
            for u, e in attendance
        ),
        batch_size=5000,
    )
    teams = {(rng.choice(users).pk, rng.choice(cases).pk) for _ in range(records - 2 * third)}
    TeamMember.objects.bulk_create(
        (TeamMember(user_id=u, use_case_id=c, role="professional") for u, c in teams),
        batch_size=5000,
    )


if __name__ == "__main__":
    sys.exit(main())
