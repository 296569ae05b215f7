"""The web benchmark (issue 12): CARAI's key pages at the size of a real partner, served
production-style, measured beside a bare Django view on the same configuration.

    python -m benchmarks.web.run [--database postgres://postgres@127.0.0.1:5432/carai_bench]
        [--small-database postgres://postgres@127.0.0.1:5432/carai_bench_small]
        [--seconds 10] [--connections 50] [--memory-seconds 600] [--reuse]
        [--redis redis://127.0.0.1:6379/11]

1. Builds two fresh PostgreSQL databases (both emptied first): the large community
   (100,000 people, one organisation of 10,000, ~1M lessons done; ``generate.py``, COPY)
   and a small one (1,000 people, an organisation of 100). ``--reuse`` keeps them.
2. In-process, with production settings: per key page the median time of 20 requests, its
   queries at small and at large data, and the HTML size (Django's test client).
3. Serves the large one with the repository's ``gunicorn.conf.py`` (production settings;
   ``benchmarks.web.settings`` adds ``/bench/bare/``, a view that does nothing), drives each
   page and the bare view in turn on loopback (``--connections`` clients, ``--seconds`` each,
   at most 60), and prints p50/p95/req/s and the ratio to the bare view.
4. PSS of the gunicorn master and workers (``/proc/<pid>/smaps_rollup``) before and after
   ``--memory-seconds`` of mixed load (in runs of at most 60 s).

With ``--redis`` (default: database 11 of the local Redis, emptied first) the cache is
Redis, as in production with ``REDIS_URL``; ``--redis ''`` runs without. All data is
fictional.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "overview",
    "catalogue",
    "module",
    "lesson",
    "quiz submit",
    "key figures",
    "register list",
    "Privacycheck POST",
    "team page",
]
CSRF = "benchmarkcsrfsecret0123456789abc"  # 32 characters: an unmasked CSRF secret
PRIVACY_TEXT = (
    "Mevrouw Jansen (fictief) heeft BSN 111222333, woont aan de Dorpsstraat 12 in Utrecht "
    "en is op 3 maart 1948 geboren. Haar dochter belt op 06-12345678."
)


def _say(text: str) -> None:
    print(text, flush=True)


# Environment --------------------------------------------------------------------------------


def _secret(workdir: Path) -> str:
    """One SECRET_KEY per work folder: the sessions made while preparing must stay valid
    for the server (and for a later ``--reuse``)."""
    path = workdir / "secret.txt"
    if not path.exists():
        path.write_text("bench-" + secrets.token_urlsafe(50))
    return path.read_text()


def _env(args: argparse.Namespace, database: str, workdir: Path, port: int = 0) -> dict[str, str]:
    env = {
        **os.environ,
        "CARAI_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "benchmarks.web.settings",
        "SECRET_KEY": _secret(workdir),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DATABASE_URL": database,
        "CARAI_BASE_URL": "https://127.0.0.1",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_HOST": "127.0.0.1",
        "DEFAULT_FROM_EMAIL": "CARAI <noreply@carai.example>",
        "PYTHONPATH": str(ROOT),
    }
    # Not for the management commands; gunicorn.conf.py asks for it (the master loads the
    # engine before forking) and the in-process step loads it itself.
    env.pop("CARAI_PRIVACY_WARMUP", None)
    if args.redis:
        env["REDIS_URL"] = args.redis
    else:
        env.pop("REDIS_URL", None)
    if port:
        env["CARAI_BIND"] = f"127.0.0.1:{port}"
    return env


def _fresh_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"carai_([a-z0-9]+_)?bench[a-z0-9_]*", name):
        raise SystemExit(
            f"the benchmark only empties databases named carai_bench… or carai_NAME_bench…,"
            f" not {name!r}"
        )
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")


def _child(step: str, env: dict[str, str], *extra: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "benchmarks.web.run", step, *extra], cwd=ROOT, env=env, check=True
    )


# Steps run in a child process (Django configured for one database) -------------------------


def step_prepare(state_file: Path, *sizes: int) -> None:
    people, big, organisations, progress, quiz_pool = sizes
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.core.management import call_command

    from benchmarks.web.generate import BIG_SLUG, generate
    from carai.accounts.models import User
    from carai.learning.models import Lesson, LessonKind, QuizAttempt

    call_command("migrate", verbosity=0)
    call_command("content_import", verbosity=0)
    started = time.perf_counter()
    community = generate(
        people=people,
        big=big,
        organisations=organisations,
        progress=progress,
        quiz_pool=quiz_pool,
        say=_say,
    )
    _say(
        f"  generated in {community.seconds:.0f} s (COPY), everything in "
        f"{time.perf_counter() - started:.0f} s"
    )

    def session_for(user: User) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        assert store.session_key is not None
        return store.session_key

    users = User.objects.in_bulk(
        [
            community.worker_id,
            community.manager_id,
            community.lead_id,
            *(u for u, _a in community.quiz),
        ]
    )
    enrolment = users[community.worker_id].enrolments.select_related("module").first()
    assert enrolment is not None
    lesson = (
        Lesson.objects.filter(module=enrolment.module, is_active=True, kind=LessonKind.TEXT)
        .order_by("order")
        .first()
        or enrolment.module.lessons.filter(is_active=True).first()
    )
    assert lesson is not None
    quiz = []
    for user_id, attempt_id in community.quiz:
        attempt = QuizAttempt.objects.get(pk=attempt_id)
        from carai.learning.models import Question

        answers = {
            f"q{q.pk}": str(q.options.order_by("pk").first().pk)  # type: ignore[union-attr]
            for q in Question.objects.filter(pk__in=attempt.question_order)
        }
        quiz.append((session_for(users[user_id]), attempt_id, urllib.parse.urlencode(answers)))
    state = {
        "people": people,
        "big": big,
        "progress_rows": community.progress_rows,
        "generate_seconds": community.seconds,
        "cookie": settings.SESSION_COOKIE_NAME,
        "worker": session_for(users[community.worker_id]),
        "manager": session_for(users[community.manager_id]),
        "lead": session_for(users[community.lead_id]),
        "module": enrolment.module_id,
        "lesson": lesson.pk,
        "slug": BIG_SLUG,
        "quiz": quiz,
    }
    state_file.write_text(json.dumps(state))


def _requests(state: dict[str, Any]) -> dict[str, Any]:
    """Per page: a function giving the next (method, path, session key, body), or None."""
    quiz = iter(state["quiz"])

    def get(path: str, who: str) -> Any:
        return lambda: ("GET", path, state[who], b"")

    def quiz_submit() -> Any:
        item = next(quiz, None)
        if item is None:
            return None
        key, attempt, body = item
        return (
            "POST",
            f"/leren/pogingen/{attempt}/",
            key,
            f"csrfmiddlewaretoken={CSRF}&{body}".encode(),
        )

    privacy = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF, "text": PRIVACY_TEXT})
    return {
        "overview": get("/overzicht/", "worker"),
        "catalogue": get("/leren/", "worker"),
        "module": get(f"/leren/modules/{state['module']}/", "worker"),
        "lesson": get(f"/leren/modules/{state['module']}/lessen/{state['lesson']}/", "worker"),
        "quiz submit": quiz_submit,
        "key figures": get("/community/kpis/", "lead"),
        "register list": get(f"/ai-register/{state['slug']}/", "worker"),
        "Privacycheck POST": lambda: (
            "POST",
            "/oefenen/privacycheck/",
            state["worker"],
            privacy.encode(),
        ),
        "team page": get(f"/leren/team/{state['slug']}/", "manager"),
        "bare Django": lambda: ("GET", "/bench/bare/", "", b""),
    }


def client_send(client: Any, spec: tuple[str, str, str, bytes]) -> Any:
    """One request of ``_requests`` through Django's test client, as behind TLS."""
    from django.conf import settings

    method, path, key, body = spec
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    if method == "GET":
        return client.get(path, secure=True)
    return client.post(path, body, secure=True, content_type="application/x-www-form-urlencoded")


def step_inprocess(state_file: Path, out_file: Path, rounds: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from carai.core.engine import privacy_engine_warm_up

    privacy_engine_warm_up(wait=True)
    state = json.loads(state_file.read_text())
    requests = _requests(state)
    out: dict[str, Any] = {}
    for name in [*PAGES, "bare Django"]:
        client = Client(HTTP_ACCEPT_LANGUAGE="nl")
        client.cookies["csrftoken"] = CSRF
        times, queries, size, statuses = [], [], 0, set()
        for n in range(rounds + 2):
            spec = requests[name]()
            if spec is None:
                break
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client_send(client, spec)
                seconds = time.perf_counter() - started
            statuses.add(response.status_code)
            if n >= 2:  # the first two warm the caches
                times.append(seconds)
                queries.append(len(captured.captured_queries))
                size = len(response.content)
        out[name] = {
            "median_ms": statistics.median(times) * 1000 if times else None,
            "queries": statistics.median(queries) if queries else None,
            "bytes": size,
            "statuses": sorted(statuses),
        }
    # The team page once, cold (empty cache): the time for one user.
    from django.core.cache import cache

    cache.clear()
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.cookies[settings.SESSION_COOKIE_NAME] = state["manager"]
    started = time.perf_counter()
    client.get(f"/leren/team/{state['slug']}/", secure=True)
    out["team page cold ms"] = (time.perf_counter() - started) * 1000
    out_file.write_text(json.dumps(out))


# Serving and load ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else 0


def _processes(master: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{master}/task").iterdir():
        with contextlib.suppress(OSError):
            children += [int(p) for p in (task / "children").read_text().split()]
    return [master, *children]


def _memory(master: int) -> tuple[float, int]:
    pids = _processes(master)
    return sum(_pss_kb(pid) for pid in pids) / 1024, len(pids)


def _wait_ready(port: int, process: subprocess.Popen[bytes], limit: float = 300) -> float:
    import urllib.request

    started = time.monotonic()
    while time.monotonic() - started < limit:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped with code {process.returncode}")
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/gezond/", headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310
                if answer.status == 200:
                    return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not become ready")


def _next(make: Any) -> Any:
    return _as_request(make())


def _as_request(spec: Any) -> Any:
    from benchmarks.web.load import Request

    if spec is None:
        return None
    method, path, key, body = spec
    cookie = f"csrftoken={CSRF}" + (f"; {COOKIE}={key}" if key else "")
    return Request(method=method, path=path, cookie=cookie, body=body)


COOKIE = "sessionid"


def serve_and_load(
    args: argparse.Namespace, env: dict[str, str], state: dict[str, Any], port: int
) -> dict[str, Any]:
    from benchmarks.web.load import drive

    global COOKIE
    COOKIE = state["cookie"]
    log = open(Path(env["STATIC_ROOT"]).parent / "gunicorn.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "carai.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    out: dict[str, Any] = {"pages": {}}
    try:
        out["ready_seconds"] = _wait_ready(port, process)
        time.sleep(2)
        out["pss_start"] = _memory(process.pid)
        requests = _requests(state)
        for name in ["bare Django", *PAGES]:
            make = requests[name]
            result = drive(
                name,
                port,
                partial(_next, make),
                connections=args.connections,
                seconds=args.seconds,
                expected=302 if name == "quiz submit" else 200,
            )
            out["pages"][name] = {
                "p50": result.p50,
                "p95": result.percentile(95),
                "rps": result.per_second,
                "ok": result.ok,
                "statuses": dict(result.statuses),
                "errors": dict(result.errors),
                "seconds": result.seconds,
            }
            _say(
                f"    {name}: {result.per_second:.1f} req/s, p50 {result.p50:.0f} ms, "
                f"p95 {result.percentile(95):.0f} ms, {dict(result.statuses)} "
                f"{dict(result.errors) or ''}"
            )
        out["pss_before"] = _memory(process.pid)
        mixed = [requests[n] for n in PAGES if n != "quiz submit"]
        cycle = itertools.cycle(mixed)
        left, total = args.memory_seconds, 0
        errors: dict[str, int] = {}
        while left > 0:
            run = min(60.0, left)
            result = drive(
                "mixed",
                port,
                lambda: _as_request(next(cycle)()),
                connections=args.connections,
                seconds=run,
            )
            total += result.ok
            for key, n in {
                **dict(result.errors),
                **{str(s): c for s, c in result.statuses.items() if s != 200},
            }.items():
                errors[key] = errors.get(key, 0) + n
            left -= run
        out["mixed"] = {"seconds": args.memory_seconds, "requests": total, "errors": errors}
        out["pss_after"] = _memory(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
    out["worker_timeouts"] = (
        (Path(env["STATIC_ROOT"]).parent / "gunicorn.log")
        .read_text(errors="replace")
        .count("WORKER TIMEOUT")
    )
    return out


# The whole run ------------------------------------------------------------------------------


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "prepare":
        a = sys.argv[2:]
        step_prepare(Path(a[0]), *(int(x) for x in a[1:]))
        sys.stdout.flush()
        os._exit(0)  # not the minutes of tearing down a loaded privacy engine
    if len(sys.argv) > 1 and sys.argv[1] == "inprocess":
        step_inprocess(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
        sys.stdout.flush()
        os._exit(0)  # tearing down the loaded privacy engine object by object takes minutes
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/carai_bench")
    parser.add_argument(
        "--small-database", default="postgres://postgres@127.0.0.1:5432/carai_bench_small"
    )
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=10_000)
    parser.add_argument("--organisations", type=int, default=59)
    parser.add_argument("--progress", type=int, default=1_000_000)
    parser.add_argument("--quiz-pool", type=int, default=600)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--memory-seconds", type=float, default=600)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--reuse", action="store_true", help="keep the generated databases")
    parser.add_argument("--workdir", default="")
    args = parser.parse_args()
    args.seconds = min(args.seconds, 60)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="carai-web-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.redis:
        import redis

        redis.Redis.from_url(args.redis).flushdb()
    sizes = {
        "small": (args.small_database, 1_000, 100, 10, args.progress // 100, 60),
        "large": (
            args.database,
            args.people,
            args.big,
            args.organisations,
            args.progress,
            args.quiz_pool,
        ),
    }
    env = _env(args, args.database, workdir)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    states, inprocess = {}, {}
    for size, (database, people, big, organisations, progress, pool) in sizes.items():
        state_file = workdir / f"{size}.json"
        env = _env(args, database, workdir)
        if not (args.reuse and state_file.exists()):
            _say(f"{size}: {people} people, an organisation of {big}, ~{progress} lessons done")
            _fresh_database(database)
            _child(
                "prepare",
                env,
                str(state_file),
                str(people),
                str(big),
                str(organisations),
                str(progress),
                str(pool),
            )
        out_file = workdir / f"{size}-inprocess.json"
        if not (args.reuse and out_file.exists()):
            _child("inprocess", env, str(state_file), str(out_file), str(args.rounds))
        states[size] = json.loads(state_file.read_text())
        inprocess[size] = json.loads(out_file.read_text())
    port = _free_port()
    # The in-process step used part of the quiz pool: go on after it.
    states["large"]["quiz"] = states["large"]["quiz"][args.rounds + 2 :]
    env = _env(args, args.database, workdir, port)
    _say(f"serving the large community on 127.0.0.1:{port} (gunicorn.conf.py, production)")
    served = serve_and_load(args, env, states["large"], port)
    report = {
        "args": vars(args),
        "states": {
            k: {x: v[x] for x in ("people", "big", "progress_rows", "generate_seconds")}
            for k, v in states.items()
        },
        "inprocess": inprocess,
        "served": served,
    }
    (workdir / "report.json").write_text(json.dumps(report, indent=1))
    _print(report)
    _say(f"(report: {workdir / 'report.json'})")
    return 0


def _print(report: dict[str, Any]) -> None:
    small, large = report["inprocess"]["small"], report["inprocess"]["large"]
    served = report["served"]
    bare = served["pages"]["bare Django"]["rps"]
    large_state = report["states"]["large"]
    _say("")
    _say(
        f"Large community: {large_state['people']} people, an organisation of "
        f"{large_state['big']}, {large_state['progress_rows']} lessons done; generated in "
        f"{large_state['generate_seconds']:.0f} s"
    )
    _say(
        f"Load: {report['args']['connections']} connections, {report['args']['seconds']:.0f} s "
        f"per page; gunicorn ready after {served['ready_seconds']:.0f} s"
    )
    head = (
        f"{'page':<18} {'in-proc ms':>10} {'q small':>7} {'q large':>7} {'KB':>6} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'req/s':>7} {'vs bare':>7} {'errors':>7}"
    )
    _say(head)
    _say("-" * len(head))
    for name in ["bare Django", *PAGES]:
        s, big, p = small[name], large[name], served["pages"][name]
        expected = "302" if name == "quiz submit" else "200"
        bad = sum(p["errors"].values()) + sum(
            n for st, n in p["statuses"].items() if str(st) != expected
        )
        _say(
            f"{name:<18} {big['median_ms'] or 0:>10.1f} {s['queries'] or 0:>7.0f} "
            f"{big['queries'] or 0:>7.0f} {big['bytes'] / 1024:>6.0f} {p['p50']:>7.0f} "
            f"{p['p95']:>7.0f} {p['rps']:>7.1f} {p['rps'] / bare * 100 if bare else 0:>6.1f}% "
            f"{bad:>7}"
        )
    _say(
        f"Team page, one user, cold cache: {large['team page cold ms']:.0f} ms, "
        f"{large['team page']['bytes'] / 1024:.0f} KB of HTML"
    )
    for key in ("pss_start", "pss_before", "pss_after"):
        mb, n = served[key]
        _say(f"PSS {key[4:]:<6}: {mb:.0f} MB in {n} processes")
    mixed = served["mixed"]
    _say(
        f"Mixed load: {mixed['seconds']:.0f} s, {mixed['requests']} requests, errors "
        f"{mixed['errors'] or 0}; worker timeouts: {served['worker_timeouts']}"
    )


if __name__ == "__main__":
    sys.exit(main())
