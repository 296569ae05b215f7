"""The large community of the web benchmark, written with PostgreSQL's COPY.

100,000 made-up people in 59 organisations, one of them ("Zorggroep Groot", slug
``groot``) with 10,000 staff; every person follows about three of the shipped modules,
with about a million lessons done in all. Beside them the benchmark's personas (a care
worker and a manager of the large organisation, the community lead), an AI tool register
and guidelines for the large organisation, and a pool of open quiz attempts (each of its
own person) for the quiz-submit load. Everything here is fictional.

Run through ``python -m benchmarks.web.run``; it needs a configured Django (``django.setup``)
on an empty, migrated PostgreSQL database.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models
from django.utils import timezone

BIG_SLUG = "groot"
WORKER_EMAIL = "zorgmedewerker@groot.example"
MANAGER_EMAIL = "manager@groot.example"
LEAD_EMAIL = "lead@bench.example"


@dataclass
class Community:
    people: int
    big: int
    progress_rows: int = 0
    enrolments: int = 0
    seconds: float = 0.0
    worker_id: int = 0
    manager_id: int = 0
    lead_id: int = 0
    quiz: list[tuple[int, int]] = field(default_factory=list)  # (user id, attempt id)


def _default(f: models.Field[Any, Any], now: Any) -> Any:
    if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False):
        return now
    if f.has_default():
        return f.get_db_prep_save(f.get_default(), connection)
    if f.null:
        return None
    return f.get_default()  # "" for text


def copy_into(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> int:
    """COPY ``rows`` (values for ``columns``, attnames) into the model's table; every other
    column gets its default. Returns the number of rows."""
    now = timezone.now()
    fields = list(model._meta.concrete_fields)
    fixed = {
        f.attname: _default(f, now)
        for f in fields
        if f.attname not in columns and not f.primary_key  # the database numbers the rest
    }
    column_of = {f.attname: f.column for f in fields}
    names = ", ".join(connection.ops.quote_name(column_of[a]) for a in [*columns, *fixed])
    tail = tuple(fixed.values())
    count = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        table = connection.ops.quote_name(model._meta.db_table)
        with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row + tail)
                count += 1
    return count


def _sequences_reset(*models_: type[models.Model]) -> None:
    with connection.cursor() as cursor:
        for model in models_:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
            )


def generate(
    *,
    people: int,
    big: int,
    organisations: int,
    progress: int,
    quiz_pool: int,
    say: Callable[[str], None] = print,
) -> Community:
    from carai.accounts.models import User
    from carai.community.models import CareBranch, Membership, Organisation, OrganisationKind, Role
    from carai.learning.models import Enrolment, LessonKind, LessonProgress, Module
    from carai.learning.services.assignments import assignment_create
    from carai.learning.services.progress import enrolment_start
    from carai.learning.services.quiz import quiz_attempt_start
    from carai.register.models import AITool, Register
    from carai.register.services import guideline_publish

    rng = random.Random(2026)  # noqa: S311 - repeatable made-up data, no secrets
    started = time.perf_counter()
    community = Community(people=people, big=big)
    now = timezone.now()

    # Organisations: the large one first (id 1).
    copy_into(
        Organisation,
        ["id", "name", "slug", "kind", "care_branch", "created_at"],
        (
            (
                n + 1,
                "Zorggroep Groot (fictief)" if n == 0 else f"Organisatie {n} (fictief)",
                BIG_SLUG if n == 0 else f"org-{n}",
                rng.choice(OrganisationKind.values),
                rng.choice(CareBranch.values),
                now,
            )
            for n in range(organisations)
        ),
    )
    # People: ids 1..people; the first ``big`` work at the large organisation (id 1 is the
    # benchmark's care worker). Then the manager and the lead.
    copy_into(
        User,
        ["id", "email", "full_name", "password"],
        ((n, f"persoon{n}@bench.example", f"Persoon {n:06d}", "!") for n in range(1, people + 1)),
    )
    community.worker_id = 1
    User.objects.filter(pk=1).update(email=WORKER_EMAIL, full_name="Sanne Groot (fictief)")
    community.manager_id, community.lead_id = people + 1, people + 2
    copy_into(
        User,
        ["id", "email", "full_name", "password", "is_community_lead"],
        [
            (people + 1, MANAGER_EMAIL, "Ahmed Groot (fictief)", "!", False),
            (people + 2, LEAD_EMAIL, "Noor Regie (fictief)", "!", True),
        ],
    )
    roles = [Role.PROFESSIONAL] * 17 + [Role.STUDENT] * 2 + [Role.EDUCATOR]

    def memberships() -> Iterable[tuple[Any, ...]]:
        for n in range(1, people + 1):
            organisation = 1 if n <= big else rng.randint(2, organisations)
            role = Role.PROFESSIONAL if n == 1 else rng.choice(roles)
            level = "mbo" if role == Role.STUDENT else ""
            yield (n, organisation, role, level, f"Team {n % 20}", now)
        yield (people + 1, 1, Role.MANAGER, "", "", now)

    copy_into(
        Membership,
        ["user_id", "organisation_id", "role", "student_level", "team", "started_at"],
        memberships(),
    )
    _sequences_reset(Organisation, User, Membership)
    say(f"  people and organisations: {time.perf_counter() - started:.1f} s")

    # Learning: about three shipped modules each, lessons done in order.
    modules = list(Module.objects.filter(status="published", language="nl").order_by("pk"))
    lessons = {
        m.pk: list(m.lessons.filter(is_active=True).order_by("order").values_list("pk", flat=True))
        for m in modules
    }
    per_person = max(1, min(len(modules), round(progress / people / 3.2)))
    enrolment_rows: list[tuple[Any, ...]] = []
    progress_rows: list[tuple[int, int, Any]] = []
    enrolment_id = 0
    for n in range(1, people + 1):
        for module in rng.sample(modules, per_person):
            enrolment_id += 1
            done = lessons[module.pk][: rng.randint(1, len(lessons[module.pk]))]
            finished = len(done) == len(lessons[module.pk])
            enrolment_rows.append(
                (
                    enrolment_id,
                    n,
                    module.pk,
                    now,
                    now if finished else None,
                    module.version if finished else None,
                    done[-1],
                )
            )
            progress_rows.extend((enrolment_id, lesson, now) for lesson in done)
    community.enrolments = copy_into(
        Enrolment,
        [
            "id",
            "user_id",
            "module_id",
            "started_at",
            "completed_at",
            "completed_version",
            "last_lesson_id",
        ],
        enrolment_rows,
    )
    community.progress_rows = copy_into(
        LessonProgress, ["enrolment_id", "lesson_id", "completed_at"], progress_rows
    )
    _sequences_reset(Enrolment, LessonProgress)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    say(
        f"  learning ({community.enrolments} enrolments, {community.progress_rows} lessons done): "
        f"{time.perf_counter() - started:.1f} s"
    )
    community.seconds = time.perf_counter() - started

    # The large organisation's register, guidelines and assignments, through the services.
    big_org = Organisation.objects.get(slug=BIG_SLUG)
    manager = User.objects.get(pk=community.manager_id)
    Register.objects.get_or_create(organisation=big_org)
    for number, status in enumerate(
        ["allowed", "allowed_with_conditions", "allowed", "under_review", "not_allowed", "allowed"]
    ):
        tool = AITool.objects.create(
            organisation=big_org,
            name=f"Hulpmiddel {number} (fictief)",
            vendor="Fictief BV",
            purpose="Verslagen en brieven",
            status=status,
            roles=[] if number % 2 else [Role.PROFESSIONAL, Role.MANAGER],
        )
        tool.required_modules.set(modules[:2])
    guideline_publish(
        organisation=big_org,
        actor=manager,
        title="Onze AI-afspraken",
        body="- Nooit een BSN in een AI-hulpmiddel\n- Lees na wat de AI schreef",
    )
    for role, days in ((Role.PROFESSIONAL, 30), (Role.STUDENT, 60)):
        assignment_create(
            actor=manager,
            organisation=big_org,
            module=modules[0],
            role=role,
            due_date=timezone.localdate() + datetime.timedelta(days=days),
        )

    # Open quiz attempts, each of another person of the large organisation.
    quiz_module, quiz_lesson = next(
        (m, lesson)
        for m in modules
        for lesson in m.lessons.filter(is_active=True, kind=LessonKind.QUIZ).order_by("order")
    )
    candidates = User.objects.filter(pk__gt=1, pk__lte=big).order_by("pk")[:quiz_pool]
    for person in candidates:
        enrolment = enrolment_start(user=person, module=quiz_module)
        attempt = quiz_attempt_start(enrolment=enrolment, lesson=quiz_lesson)
        community.quiz.append((person.pk, attempt.pk))

    from carai.kpis.store import kpi_data_changed

    kpi_data_changed()  # COPY sends no signals
    say(
        f"  register, assignments and {len(community.quiz)} open quiz attempts: "
        f"{time.perf_counter() - started:.1f} s"
    )
    return community
