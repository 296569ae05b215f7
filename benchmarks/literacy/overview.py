"""How fast the AI literacy register's gap overview is for a large organisation.

    python -m benchmarks.literacy.overview [--people 10000] [--tools 50] [--rounds 7]
                                           [--database URL] [--keep]

Builds one organisation in a fresh database (a temporary SQLite file, or the PostgreSQL
database in ``--database``, which is emptied first; ``--keep`` reuses what an earlier run
built there) with made-up people in 40 teams and five roles, 50 tools in the register (each
for some roles and teams, each requiring a module; some also the guidelines, a practice
exercise or a workshop) and evidence for most of them (certificates, some expired;
confirmations; passed exercises; attendance). Then it asks the privacy officer's page
``/ai-geletterdheid/<organisation>/`` as a browser would, with each filter the page
offers (whole page, and the htmx list alone), and prints per filter the median and the
slowest of ``--rounds`` requests (wall-clock), the median CPU time of this process (Python
and Django, without the database server: on a shared machine it says more than the clock)
and the number of queries. The first line outdates the
cached facts before every request (as any change does); the others read them from the
cache, as requests do until the next change. Everything generated is
fictional.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

TEAMS = 40
ROLES = ["professional", "professional", "professional", "student", "ai_coach", "educator"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--tools", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--database", default="")
    parser.add_argument("--keep", action="store_true", help="reuse the data of an earlier run")
    args = parser.parse_args()
    os.environ["CARAI_ENV"] = "test"
    # The follow-up would make thousands of assignments while the data is loaded; the
    # overview is measured on its own.
    os.environ["CARAI_TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
    if args.database:
        os.environ["DATABASE_URL"] = args.database
    else:
        os.environ.pop("DATABASE_URL", None)
        folder = tempfile.mkdtemp(prefix="carai-bench-")
        os.environ["SQLITE_PATH"] = os.path.join(folder, "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carai.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    from carai.community.models import Organisation

    reuse = args.keep and args.database
    call_command("migrate", verbosity=0)
    if reuse and Organisation.objects.filter(slug="bench-groot").exists():
        print("reusing the data of an earlier run")
    else:
        if args.database:
            call_command("flush", interactive=False, verbosity=0)
        started = time.perf_counter()
        _fill(args.people, args.tools)
        print(f"generated in {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    cache.clear()
    _measure_all(args.rounds)
    return 0


def _measure_all(rounds: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from carai.accounts.models import User
    from carai.community.models import Membership, Organisation
    from carai.core.cache import cache_bump
    from carai.literacy.selectors import facts_scope
    from carai.register.models import AITool

    organisation = Organisation.objects.get(slug="bench-groot")
    officer = User.objects.get(email="privacy@bench.example")
    people = Membership.objects.filter(organisation=organisation).count()
    tools = AITool.objects.filter(organisation=organisation).count()
    print(f"{connection.vendor}: {people} memberships, {tools} tools, {rounds} requests each")
    browser = Client()
    browser.force_login(officer)
    url = reverse("literacy:overview", kwargs={"slug": organisation.slug})
    tool = AITool.objects.filter(organisation=organisation).order_by("name")[3]
    cases: list[tuple[str, dict[str, str], bool]] = [
        ("whole page, after a change", {}, False),
        ("whole page, no filter", {}, False),
        ("whole page, page 40", {"pagina": "40"}, False),
        ("list, not allowed to use yet", {"status": "blocked"}, True),
        ("list, may use everything", {"status": "ready"}, True),
        ("list, one tool", {"tool": str(tool.pk)}, True),
        ("list, one role", {"role": "student"}, True),
        ("list, one team", {"team": "Team 07"}, True),
        ("list, one person", {"q": "Persoon 04321"}, True),
        ("list, team + not allowed yet", {"team": "Team 07", "status": "blocked"}, True),
        ("whole page, not allowed yet", {"status": "blocked"}, False),
    ]
    browser.get(url)  # warm: session, content types, translations
    for name, query, htmx in cases:
        headers = {"HX-Request": "true"} if htmx else {}
        seconds, cpu = [], []
        queries = 0
        for _ in range(rounds):
            if name.endswith("after a change"):
                # What a change to the register, a membership or evidence does: the
                # cached facts are outdated and worked out afresh.
                cache_bump(facts_scope(organisation.pk))
            with CaptureQueriesContext(connection) as captured:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = browser.get(url, query, headers=headers)
                seconds.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            assert response.status_code == 200, response.status_code
            queries = len(captured.captured_queries)
        print(
            f"  {name:32} median {statistics.median(seconds) * 1000:5.0f} ms, "
            f"max {max(seconds) * 1000:5.0f} ms, CPU of this process median "
            f"{statistics.median(cpu) * 1000:4.0f} ms, {queries} queries"
        )


def _fill(size: int, tool_count: int) -> None:
    import datetime
    import random

    from django.db import transaction
    from django.utils import timezone

    from carai.accounts.models import User
    from carai.community.models import Membership, Organisation
    from carai.learning.models import (
        Certificate,
        Lesson,
        Module,
        WorkshopRegistration,
        WorkshopSession,
    )
    from carai.literacy.models import ToolRequirement
    from carai.practice.models import Case, PracticeAttempt
    from carai.register.models import Acknowledgement
    from carai.register.services import guideline_publish, tool_create

    rng = random.Random(2026)  # noqa: S311 - repeatable made-up data, no secrets
    now = timezone.now()
    organisation = Organisation.objects.create(name="Zorggroep Groot (fictief)", slug="bench-groot")
    officer = User.objects.create(email="privacy@bench.example", full_name="Privacy Functionaris")
    Membership.objects.create(user=officer, organisation=organisation, role="privacy_officer")
    users = User.objects.bulk_create(
        (
            User(email=f"p{n}@bench.example", full_name=f"Persoon {n:05d}", password="!")  # noqa: S106 - no usable password
            for n in range(size)
        ),
        batch_size=2000,
    )
    Membership.objects.bulk_create(
        (
            Membership(
                user=user,
                organisation=organisation,
                role=ROLES[n % len(ROLES)],
                team=f"Team {n % TEAMS:02d}",
            )
            for n, user in enumerate(users)
        ),
        batch_size=2000,
    )
    modules = [
        Module.objects.create(
            key=f"bench-{n}",
            language="nl",
            title=f"Module {n} (fictief)",
            summary="x",
            status="published",
            validity_months=12,
        )
        for n in range(8)
    ]
    certificates = []
    for user in users:
        for module in modules:
            if rng.random() < 0.55:
                issued = now - datetime.timedelta(days=rng.randint(1, 500))
                certificates.append(
                    Certificate(
                        user=user,
                        module=module,
                        module_version=1,
                        module_title=module.title,
                        holder_name=user.full_name,
                        issued_at=issued,
                        expires_at=issued + datetime.timedelta(days=365),
                    )
                )
    Certificate.objects.bulk_create(certificates, batch_size=5000)
    case = Case.objects.create(
        key="bench-casus", language="nl", title="Casus (fictief)", branch="vvt", content_hash="x"
    )
    PracticeAttempt.objects.bulk_create(
        (
            PracticeAttempt(user=user, case=case, exercise="privacy", score=80, passed=True)
            for user in users
            if rng.random() < 0.5
        ),
        batch_size=5000,
    )
    lesson = Lesson.objects.create(
        module=modules[0], slug="werkplaats", order=9, kind="workshop", title="Werkplaats"
    )
    session = WorkshopSession.objects.create(
        lesson=lesson,
        organisation=organisation,
        starts_at=now - datetime.timedelta(days=20),
        ends_at=now - datetime.timedelta(days=20, hours=-2),
        capacity=size,
    )
    WorkshopRegistration.objects.bulk_create(
        (
            WorkshopRegistration(session=session, user=user, attended=True)
            for user in users
            if rng.random() < 0.3
        ),
        batch_size=5000,
    )
    guideline = guideline_publish(
        organisation=organisation, actor=officer, title="AI-regels", body="Tekst (fictief)"
    )
    Acknowledgement.objects.bulk_create(
        (Acknowledgement(user=user, guideline=guideline) for user in users if rng.random() < 0.6),
        batch_size=5000,
    )
    with transaction.atomic():
        for n in range(tool_count):
            tool = tool_create(
                organisation=organisation,
                actor=officer,
                data={
                    "name": f"Hulpmiddel {n:02d} (fictief)",
                    "vendor": "Fictief BV",
                    "purpose": "x",
                    "status": "allowed" if n % 7 else "conditions",
                    "roles": sorted({ROLES[n % len(ROLES)], ROLES[(n + 2) % len(ROLES)]})
                    if n % 5
                    else [],
                    "teams": ", ".join(f"Team {(n + k) % TEAMS:02d}" for k in range(6))
                    if n % 3
                    else "",
                    "ai_act_category": "limited",
                },
                rules={},
                modules=[modules[n % len(modules)], modules[(n + 3) % len(modules)]],
            )
            if n % 4 == 0:
                ToolRequirement.objects.create(tool=tool, kind="guidelines", key="")
            if n % 6 == 0:
                ToolRequirement.objects.create(
                    tool=tool, kind="practice", key="bench-casus:privacy"
                )
            if n % 10 == 0:
                ToolRequirement.objects.create(tool=tool, kind="workshop", key=modules[0].key)


if __name__ == "__main__":
    sys.exit(main())
