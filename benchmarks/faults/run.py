"""Fault test: a production-style CARAI under a bounded load while its parts fail.

    python -m benchmarks.faults.run            # about 15 minutes
    python -m benchmarks.faults.run --quick    # shorter faults, for a first look

Everything runs on this machine, on 127.0.0.1 only, and is removed afterwards:

- its own PostgreSQL cluster (``initdb`` in a temporary folder, on a free port; run as the
  ``postgres`` user when started as root), its own Redis server, and a local SMTP server
  (``benchmarks.faults.smtp_sink``, aiosmtpd) that can refuse or be slow;
- CARAI with ``CARAI_ENV=production``: gunicorn with the repository's ``gunicorn.conf.py``
  (2 workers), the task worker ``manage.py tasks_worker`` on RQ, kept running by a small
  supervisor here (as systemd's ``Restart=always`` does), and ``manage.py mail_relay``
  every minute (the timer in docs/operations.md);
- a bounded load: 4 learners who keep starting and handing in a quiz, and an organisation
  admin who invites someone every 3 seconds (each invitation is an e-mail).

Faults, one after another: PostgreSQL restarted; PostgreSQL stopped for 10 s; a web worker
killed (SIGKILL); the task worker killed (SIGKILL, with its work horse) while it sends an
e-mail to a slow mail server; the mail server refusing connections for a minute; the mail
server taking 30 s per message for a minute.

Printed per fault: requests and errors (answers >= 500 or no answer), the slowest request,
seconds until the site answered again after the fault ended, quiz answers handed in (the
learner saw them accepted) against those stored, and e-mails queued against delivered
(and delivered twice). Then it checks the targets and exits non-zero if one is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from benchmarks.faults.smtp_sink import SmtpSink, free_port
from tests.smoke.production import Browser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Fouttest-wachtwoord-2026"  # noqa: S105 (fictional accounts, throwaway database)
LEARNERS = 4
# Shorter pauses between tries than production (15 s ... 4 h) so the test ends in minutes;
# the mechanism is the same. Printed with the results.
WORKER_SETTINGS = {
    "EMAIL_TIMEOUT": "40",  # longer than the slow server's 30 s
    "CARAI_MAIL_LEASE_SECONDS": "100",
    "CARAI_TASK_RETRY_DELAYS": "5,10,20,40,80,160,320",
    "CARAI_MAIL_MAX_ATTEMPTS": "8",
    "CARAI_TASK_MAINTENANCE_SECONDS": "30",
}


def raw_error(status: int, body: bytes) -> bool:
    """An error answer a person should never see: a traceback, or not CARAI's own error
    page (which carries the site's theme) but a bare server or framework text."""
    return status >= 500 and (b"Traceback" in body or b"carai-theme" not in body)


def log(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", flush=True)


# ---------------------------------------------------------------------------- services


class Postgres:
    """A throwaway PostgreSQL cluster of its own."""

    def __init__(self) -> None:
        pg_config = shutil.which("pg_config")
        bindir = ""
        if pg_config:
            bindir = subprocess.run(  # noqa: S603
                [pg_config, "--bindir"], capture_output=True, text=True, check=False
            ).stdout.strip()
        candidates = [Path(bindir)] if bindir else []
        candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
        self.bin = next(p for p in candidates if (p / "initdb").exists())
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="carai-faults-pg-"))
        self.user: str | None = None
        if os.geteuid() == 0:  # initdb refuses to run as root
            self.user = "postgres"
            pw = pwd.getpwnam("postgres")
            os.chown(self.folder, pw.pw_uid, pw.pw_gid)
        self._run("initdb", "-D", str(self.folder / "data"), "-U", "postgres", "-A", "trust")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/carai"

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
        data, logfile = str(self.folder / "data"), str(self.folder / "log")
        self._run("pg_ctl", "-D", data, "-o", options, "-w", "-l", logfile, "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def create_database(self) -> None:
        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE carai")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class Redis:
    def __init__(self) -> None:
        self.port = free_port()
        self.folder = tempfile.mkdtemp(prefix="carai-faults-redis-")
        server = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(  # noqa: S603
            [
                server,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                self.folder,
            ],
            stdout=subprocess.DEVNULL,
        )
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def remove(self) -> None:
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.folder, ignore_errors=True)


def descendants(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            for child in (task / "children").read_text().split():
                found += [int(child), *descendants(int(child))]
    return found


class Supervised:
    """Starts a command again whenever it stops, like systemd's Restart=always."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], logfile: Path):
        self.name, self.command, self.env = name, command, env
        self.log = logfile.open("ab")
        self.process: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self.running = True
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while self.running:
            self.process = subprocess.Popen(  # noqa: S603
                self.command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
            )
            self.process.wait()
            if self.running:
                self.restarts += 1
                time.sleep(1)

    def kill_all(self) -> None:
        """SIGKILL the process and everything it started (RQ's work horse, scheduler)."""
        assert self.process is not None
        for pid in [*descendants(self.process.pid), self.process.pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def stop(self) -> None:
        self.running = False
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill_all()


# ---------------------------------------------------------------------------- load


@dataclass
class Request:
    at: float
    seconds: float
    status: int  # 0: no answer
    raw: bool = False  # an error page that is not CARAI's (see raw_error)
    path: str = ""


@dataclass
class Record:
    requests: list[Request] = field(default_factory=list)
    answers: list[tuple[float, int]] = field(default_factory=list)  # (handed in at, attempt)
    invitations: list[tuple[float, str]] = field(default_factory=list)  # (at, address)
    invitations_tried: list[float] = field(default_factory=list)
    logged_in: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class Client:
    def __init__(self, base: str, record: Record) -> None:
        self.browser = Browser(base)
        self.record = record

    def call(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, bytes]:
        started = time.monotonic()
        try:
            status, location, body = self.browser.request(path, data)
        except OSError:
            status, location, body = 0, "", b""
        with self.record.lock:
            self.record.requests.append(
                Request(
                    time.time(),
                    time.monotonic() - started,
                    status,
                    raw_error(status, body),
                    path.split("?", 1)[0],
                )
            )
        return status, location, body

    def post(self, path: str, data: dict[str, str]) -> tuple[int, str, bytes]:
        token = self.browser.cookies.get("csrftoken", "")
        return self.call(path, {"csrfmiddlewaretoken": token, **data})

    def log_in(self, email: str) -> None:
        for _ in range(60):
            status, _, _ = self.call("/account/inloggen/")
            if status == 200:
                status, location, _ = self.post(
                    "/account/inloggen/", {"username": email, "password": PASSWORD}
                )
                if status == 302 and "inloggen" not in location:
                    with self.record.lock:
                        self.record.logged_in += 1
                    return
            time.sleep(1)
        raise RuntimeError(f"{email} could not log in")


def learner(base: str, email: str, quiz: str, record: Record, stop: threading.Event) -> None:
    client = Client(base, record)
    client.log_in(email)
    while not stop.is_set():
        status, location, _ = client.post(quiz, {})
        match = re.search(r"/pogingen/(\d+)/", location)
        if status != 302 or match is None:
            time.sleep(0.5)
            continue
        attempt = f"/leren/pogingen/{match.group(1)}/"
        status, _, body = client.call(attempt)
        fields = dict(re.findall(rb'name="(q\d+)" value="(\d+)"', body))
        if status != 200 or not fields:
            time.sleep(0.5)
            continue
        answers = {k.decode(): v.decode() for k, v in fields.items()}
        status, location, _ = client.post(attempt, answers)
        if status == 302 and location.endswith(attempt):  # the learner sees it accepted
            with record.lock:
                record.answers.append((time.time(), int(match.group(1))))
        time.sleep(0.2)


def inviter(base: str, email: str, slug: str, record: Record, stop: threading.Event) -> None:
    client = Client(base, record)
    client.log_in(email)
    number = 0
    while not stop.wait(3):
        number += 1
        address = f"genodigde{number}-{secrets.token_hex(3)}@zorg-fout.example"
        with record.lock:
            record.invitations_tried.append(time.time())
        status, _, _ = client.post(
            f"/organisaties/{slug}/uitnodigen/", {"email": address, "role": "professional"}
        )
        if status == 302:
            with record.lock:
                record.invitations.append((time.time(), address))


def site_answers(base: str) -> bool:
    try:
        return Browser(base).request("/gezond/")[0] == 200
    except OSError:
        return False


# ---------------------------------------------------------------------------- the run


SETUP = """
import json
from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.learning.services.progress import enrolment_start
from carai.learning.models import Module, LessonKind
org = Organisation.objects.create(name="Zorg Fouttest (fictief)", slug="zorg-fout")
admin = User.objects.create_user("beheer@zorg-fout.example", PASSWORD, full_name="Beheer Fout")
Membership.objects.create(user=admin, organisation=org, role=Role.ORG_ADMIN)
module = Module.objects.filter(lessons__kind=LessonKind.QUIZ).order_by("pk").first()
quiz = module.lessons.get(kind=LessonKind.QUIZ)
learners = []
for n in range(LEARNERS):
    user = User.objects.create_user(f"leerling{n}@zorg-fout.example", PASSWORD,
                                    full_name=f"Leerling {n} (fictief)")
    Membership.objects.create(user=user, organisation=org, role=Role.PROFESSIONAL)
    enrolment_start(user=user, module=module)
    learners.append(user.email)
print(json.dumps({"admin": admin.email, "learners": learners, "slug": org.slug,
                  "quiz": f"/leren/modules/{module.pk}/lessen/{quiz.pk}/toets/"}))
"""


@dataclass
class Phase:
    name: str
    started: float
    fault_ended: float = 0.0
    ended: float = 0.0
    recovered_after: float | None = None


class Run:
    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.folder = Path(tempfile.mkdtemp(prefix="carai-faults-"))
        self.stack = contextlib.ExitStack()
        self.record = Record()
        self.phases: list[Phase] = []

    # setup
    def __enter__(self) -> Run:
        log("Starting PostgreSQL (own cluster), Redis and the SMTP sink")
        self.pg = Postgres()
        self.stack.callback(self.pg.remove)
        self.pg.start()
        self.pg.create_database()
        self.redis = Redis()
        self.stack.callback(self.redis.remove)
        self.sink = SmtpSink().start()
        self.stack.callback(self.sink.stop)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            **self.sink.settings_env(),
            **WORKER_SETTINGS,
            "CARAI_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": self.pg.url,
            "REDIS_URL": self.redis.url,
            "CARAI_BASE_URL": "https://127.0.0.1",
            "STATIC_ROOT": str(self.folder / "static"),
            "MEDIA_ROOT": str(self.folder / "media"),
            "CARAI_BIND": f"127.0.0.1:{self.port}",
            "CARAI_WORKERS": "2",
            "AXES_ENABLED": "false",  # the load logs in from one address, many times
            "LOG_LEVEL": "WARNING",
        }
        self.env.pop("DEBUG", None)
        manage = [sys.executable, "manage.py"]
        log("Migrating, collecting static files, importing content, making people")
        steps = [["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]]
        for args in [*steps, ["content_import", "-v0"]]:
            subprocess.run([*manage, *args], cwd=ROOT, env=self.env, check=True)  # noqa: S603
        code = f"PASSWORD={PASSWORD!r}\nLEARNERS={LEARNERS}\n" + SETUP
        out = subprocess.run(  # noqa: S603
            [*manage, "shell", "-c", code],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        self.people = json.loads(out.strip().splitlines()[-1])
        log("Starting gunicorn, the task worker and the relay")
        self.web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "carai.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=(self.folder / "web.log").open("ab"),
            stderr=subprocess.STDOUT,
        )
        self.stack.callback(self._stop_web)
        self.worker = Supervised(
            "worker", [*manage, "tasks_worker"], self.env, self.folder / "worker.log"
        )
        self.stack.callback(self.worker.stop)
        self.relay_stop = threading.Event()
        threading.Thread(target=self._relay, daemon=True).start()
        self.stack.callback(self.relay_stop.set)
        deadline = time.monotonic() + 300
        while not site_answers(self.base):
            if time.monotonic() > deadline or self.web.poll() is not None:
                raise RuntimeError("gunicorn did not start; see " + str(self.folder))
            time.sleep(1)
        return self

    def _relay(self) -> None:
        while not self.relay_stop.wait(60):
            subprocess.run(
                [sys.executable, "manage.py", "mail_relay", "-v0"],
                cwd=ROOT,
                env=self.env,
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def _stop_web(self) -> None:
        self.web.terminate()
        try:
            self.web.wait(20)
        except subprocess.TimeoutExpired:
            self.web.kill()

    def __exit__(self, *exc: object) -> None:
        self.stack.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # load and faults
    @contextlib.contextmanager
    def load(self) -> Iterator[None]:
        stop = threading.Event()
        threads = [
            threading.Thread(
                target=learner,
                args=(self.base, email, self.people["quiz"], self.record, stop),
                daemon=True,
            )
            for email in self.people["learners"]
        ]
        threads.append(
            threading.Thread(
                target=inviter,
                args=(self.base, self.people["admin"], self.people["slug"], self.record, stop),
                daemon=True,
            )
        )
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 180
        while self.record.logged_in < len(threads) and time.monotonic() < deadline:
            time.sleep(0.5)
        try:
            yield
        finally:
            stop.set()
            for thread in threads:
                thread.join(60)

    def phase(self, name: str, fault: Callable[[], None], settle: float) -> None:
        log(f"Fault: {name}")
        phase = Phase(name, time.time())
        self.phases.append(phase)
        fault()
        phase.fault_ended = time.time()
        while not site_answers(self.base):
            time.sleep(0.1)
            if time.time() - phase.fault_ended > 120:
                break
        else:
            phase.recovered_after = time.time() - phase.fault_ended
        time.sleep(settle)
        phase.ended = time.time()

    def _wait_for_claim(self) -> None:
        deadline = time.monotonic() + 60
        with psycopg.connect(self.pg.url, autocommit=True) as conn:
            while time.monotonic() < deadline:
                row = conn.execute(
                    "SELECT count(*) FROM core_mailmessage"
                    " WHERE status = 'queued' AND claimed_until > now()"
                ).fetchone()
                if row and row[0]:
                    time.sleep(2)  # well into the conversation with the slow server
                    return
                time.sleep(0.2)
        raise RuntimeError("no e-mail was being sent")

    def faults(self) -> None:
        down = 3 if self.quick else 10
        smtp_fault = 20 if self.quick else 60
        slow = 10 if self.quick else 30
        settle = 5 if self.quick else 15

        def pg_restart() -> None:
            self.pg.stop()
            self.pg.start()

        def pg_down() -> None:
            self.pg.stop()
            time.sleep(down)
            self.pg.start()

        def kill_web_worker() -> None:
            children = descendants(self.web.pid)
            os.kill(children[0], signal.SIGKILL)

        def kill_task_worker_mid_send() -> None:
            self.sink.mode, self.sink.delay = "slow", 8.0
            self._wait_for_claim()
            self.worker.kill_all()
            self.sink.mode, self.sink.delay = "accept", 0.0

        def smtp_refuses() -> None:
            self.sink.stop()
            time.sleep(smtp_fault)
            self.sink.start()

        def smtp_slow() -> None:
            self.sink.mode, self.sink.delay = "slow", float(slow)
            time.sleep(smtp_fault)
            self.sink.mode, self.sink.delay = "accept", 0.0

        with self.load():
            time.sleep(settle)
            self.phase("PostgreSQL restarted", pg_restart, settle)
            self.phase(f"PostgreSQL stopped {down} s", pg_down, settle)
            self.phase("web worker killed (SIGKILL)", kill_web_worker, settle)
            self.phase("task worker killed mid-send", kill_task_worker_mid_send, settle)
            self.phase(f"SMTP refuses connections {smtp_fault} s", smtp_refuses, settle)
            self.phase(f"SMTP slow, {slow} s per message, {smtp_fault} s", smtp_slow, settle)

    def drain(self, limit: float) -> float:
        """Wait until every queued e-mail was sent (or failed for good)."""
        log("Waiting until every e-mail is delivered")
        started = time.monotonic()
        with psycopg.connect(self.pg.url, autocommit=True) as conn:
            while time.monotonic() - started < limit:
                row = conn.execute(
                    "SELECT count(*) FROM core_mailmessage WHERE status = 'queued'"
                ).fetchone()
                if row is not None and row[0] == 0:
                    break
                time.sleep(2)
        return time.monotonic() - started

    # results
    def report(self, drained: float) -> bool:
        with psycopg.connect(self.pg.url, autocommit=True) as conn:
            stored = {
                r[0]
                for r in conn.execute(
                    "SELECT id FROM learning_quizattempt WHERE submitted_at IS NOT NULL"
                )
            }
            messages = {
                r[0]: (str(r[1]), r[2], r[3])
                for r in conn.execute(
                    'SELECT "to", public_id, status, attempts FROM core_mailmessage'
                )
            }
        received = self.sink.ids()
        rows = []
        ok = True
        bounds = [(p, p.started, p.ended) for p in self.phases]
        for phase, start, end in bounds:
            requests = [r for r in self.record.requests if start <= r.at <= end]
            errors = [r for r in requests if r.status == 0 or r.status >= 500]
            raw = [r for r in requests if r.raw]
            answers = [a for t, a in self.record.answers if start <= t <= end]
            lost = [a for a in answers if a not in stored]
            invites = [a for t, a in self.record.invitations if start <= t <= end]
            tried = [t for t in self.record.invitations_tried if start <= t <= end]
            queued = [messages[a] for a in invites if a in messages]
            delivered = [m for m in queued if sum(m[0] in i for i in received) >= 1]
            twice = [m for m in queued if sum(m[0] in i for i in received) > 1]
            slowest = max(requests, key=lambda r: r.seconds, default=None)
            recovered = phase.recovered_after
            rows.append(
                [
                    phase.name,
                    str(len(requests)),
                    str(len(errors)),
                    str(len(raw)),
                    "0.0" if slowest is None else f"{slowest.seconds:.1f} ({slowest.path})",
                    "-" if recovered is None else f"{recovered:.1f}",
                    f"{len(answers)} / {len(answers) - len(lost)}",
                    f"{len(tried)} / {len(invites)} / {len(queued)} / {len(delivered)}",
                    str(len(twice)),
                ]
            )
            if lost or len(delivered) != len(invites) or twice or raw:
                ok = False
            if recovered is None or recovered > 5:
                ok = False
        header = [
            "fault",
            "requests",
            "errors",
            "of them not CARAI's error page",
            "slowest s (page)",
            "answers again after s",
            "quiz answers accepted / stored",
            "invitations sent / accepted / e-mails queued / delivered",
            "delivered twice",
        ]
        print()
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        print()
        statuses: dict[str, int] = {}
        for _, status, _ in messages.values():
            statuses[status] = statuses.get(status, 0) + 1
        print(
            f"All e-mails: {len(messages)} in the outbox {statuses}, {len(received)} received "
            f"by the SMTP server, {self.sink.duplicates()} duplicates, "
            f"{self.sink.dropped} conversation(s) cut off mid-send; every one delivered "
            f"{drained:.0f} s after the last fault. Task worker restarts: "
            f"{self.worker.restarts}. Settings: {WORKER_SETTINGS}."
        )
        print("Targets met." if ok else "TARGETS MISSED.")
        return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter faults")
    args = parser.parse_args()
    with Run(quick=args.quick) as run:
        run.faults()
        drained = run.drain(limit=900)
        ok = run.report(drained)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
