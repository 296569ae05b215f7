"""Quick faults with a real task worker process, on PostgreSQL (issue 13).

The rest of the suite runs tasks at once (the immediate backend). Here ``manage.py
tasks_worker`` runs as its own process against the test database, with the production
backend (RQ on a private Redis server started for these tests) and with the embedded
database backend, sending to a local SMTP server (``benchmarks.faults.smtp_sink``):

- the worker keeps working after its database connection is cut;
- an e-mail refused by the mail server is tried again and delivered once;
- an e-mail whose worker was killed mid-send is re-queued and delivered once;
- a task queued in a transaction that rolls back never runs; one that commits does;
- a password reset asked for in a request runs in the worker after commit (never when
  rolled back), and its e-mail is tried again until the mail server takes it.

Skipped on SQLite (the worker cannot see the in-memory test database). ``bin/test`` sets
CARAI_REQUIRE_FAULT_TESTS=1, which turns a missing Redis server into a failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import override_settings

from benchmarks.faults.smtp_sink import SmtpSink
from carai.core.mail import mail_relay, mail_send
from carai.core.models import MailMessage, MailStatus
from tests.processes import private_redis

ROOT = Path(__file__).resolve().parents[2]
RQ = "django_tasks_rq.RQBackend"
DB = "django_tasks_db.DatabaseBackend"
pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]


def _missing(reason: str) -> None:
    if os.environ.get("CARAI_REQUIRE_FAULT_TESTS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("The worker process needs a database it can reach: run on PostgreSQL.")


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        _missing("redis-server is not installed (bin/test installs it).")
        return
    with private_redis(server) as url:
        yield url


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    server = SmtpSink().start()
    yield server
    server.stop()


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            for child in (task / "children").read_text().split():
                found += [int(child), *descendants(int(child))]
    return found


def _database_url() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"


WORKER_ENV = {
    "EMAIL_TIMEOUT": "5",
    "CARAI_MAIL_LEASE_SECONDS": "15",  # longer than any send here (the slow server: 4 s)
    "CARAI_TASK_RETRY_DELAYS": "1,2,2,3,3,3,3,3,3,3",
    "CARAI_MAIL_MAX_ATTEMPTS": "10",
    "CARAI_TASK_MAINTENANCE_SECONDS": "2",
}


class Worker:
    def __init__(self, backend: str, redis_url: str, sink: SmtpSink) -> None:
        self.log = tempfile.NamedTemporaryFile(prefix="carai-worker-", suffix=".log")  # noqa: SIM115
        env = {
            **os.environ,
            **sink.settings_env(),
            **WORKER_ENV,
            "CARAI_ENV": "test",
            "DATABASE_URL": _database_url(),
            "CARAI_TASKS_BACKEND": backend,
            "REDIS_URL": redis_url,
        }
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", os.environ.get("CARAI_FAULT_WORKER", "tasks_worker")],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the worker and every process it started (RQ's work horse runs in a
        process group of its own), as the kernel's out-of-memory killer or a stop of the
        whole service would."""
        for pid in [*descendants(self.process.pid), self.process.pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait(10)

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.alive():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


@pytest.fixture
def start_worker(redis_url: str, sink: SmtpSink) -> Iterator[Callable[[str], Worker]]:
    workers: list[Worker] = []

    def start(backend: str) -> Worker:
        worker = Worker(backend, redis_url, sink)
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


def _settings(backend: str, redis_url: str) -> Any:
    """This test process queues to the same backend the worker reads."""
    return override_settings(
        TASKS={"default": {"BACKEND": backend, "QUEUES": ["default"]}},
        TASKS_BACKEND=backend,
        RQ_QUEUES={
            "default": {
                "URL": redis_url,
                "DEFAULT_TIMEOUT": 60,
                "QUEUE_CLASS": "carai.core.queue.RetryingQueue",
            }
        },
        CARAI_TASK_RETRY_DELAYS=[1, 2, 2, 3, 3, 3, 3, 3, 3, 3],
    )


def _queue(to: str) -> MailMessage:
    with transaction.atomic():
        return mail_send(
            to=to,
            language="nl",
            template="accounts/email/password_reset",
            context={"user": None, "link": "https://carai.example/x"},
        )


def _wait(condition: Callable[[], bool], seconds: float, worker: Worker | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    detail = f"\nWorker output:\n{worker.output()}" if worker else ""
    raise AssertionError(f"Not within {seconds} s{detail}")


def _delivered_once(sink: SmtpSink, message: MailMessage) -> None:
    # The worker records "sent" just after the SMTP server took the message: a test that
    # waited for the server may look before that; give the worker time to write it.
    _wait(lambda: MailMessage.objects.filter(pk=message.pk, status=MailStatus.SENT).exists(), 30)
    message.refresh_from_db()
    assert message.status == MailStatus.SENT
    assert message.body == ""  # the link is not kept once sent
    assert len([i for i in sink.ids() if str(message.public_id) in i]) == 1
    assert sink.duplicates() == 0


@pytest.mark.parametrize("backend", [RQ, DB])
def test_worker_keeps_working_after_losing_its_database_connection(
    backend: str, redis_url: str, sink: SmtpSink, start_worker: Callable[[str], Worker]
) -> None:
    worker = start_worker(backend)
    with _settings(backend, redis_url):
        first = _queue("een@zorg-a.example")
        _wait(lambda: len(sink.received) == 1, 60, worker)
        with connection.cursor() as cursor:  # what a PostgreSQL restart does to a worker
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        time.sleep(2)  # the worker polls (database backend) and meets the closed connection
        second = _queue("twee@zorg-a.example")
        _wait(lambda: len(sink.received) == 2, 60, worker)
    assert worker.alive(), worker.output()
    _delivered_once(sink, first)
    _delivered_once(sink, second)


@pytest.mark.parametrize("backend", [RQ, DB])
def test_refused_mail_is_tried_again_and_delivered_once(
    backend: str, redis_url: str, sink: SmtpSink, start_worker: Callable[[str], Worker]
) -> None:
    sink.mode = "refuse"
    worker = start_worker(backend)
    with _settings(backend, redis_url):
        message = _queue("weigering@zorg-a.example")

        def tried_twice() -> bool:
            if backend == DB:
                mail_relay()  # the database backend has no retries: the relay (cron) steps in
            message.refresh_from_db()
            return message.attempts >= 2

        _wait(tried_twice, 60, worker)
        assert message.status == MailStatus.QUEUED  # still being tried, and visible why
        assert "450" in message.last_error
        sink.mode = "accept"

        def sent() -> bool:
            if backend == DB:
                mail_relay()
            message.refresh_from_db()
            return message.status == MailStatus.SENT

        _wait(sent, 60, worker)
    _delivered_once(sink, message)
    assert sink.refused >= 1


def test_mail_of_a_killed_worker_is_requeued_and_delivered_once(
    redis_url: str, sink: SmtpSink, start_worker: Callable[[str], Worker]
) -> None:
    import django_rq
    from rq.registry import StartedJobRegistry
    from rq.scheduler import SCHEDULER_LOCKING_KEY_TEMPLATE

    sink.mode, sink.delay = "slow", 4.0
    worker = start_worker(RQ)
    with _settings(RQ, redis_url):
        message = _queue("halverwege@zorg-a.example")

        def claimed() -> bool:
            message.refresh_from_db()
            return message.claimed_until is not None

        _wait(claimed, 60, worker)
        time.sleep(1.5)  # the work horse now waits for the slow mail server
        worker.kill()
        message.refresh_from_db()
        assert message.status == MailStatus.QUEUED  # stalled: claimed, never sent
        _wait(lambda: sink.dropped == 1, 10)  # the server saw the client hang up
        assert sink.received == []
        sink.mode = "accept"
        replacement = start_worker(RQ)
        # RQ finds the job abandoned once its heartbeat is older than 60 s, and the new
        # worker's scheduler takes over when the dead one's lock expires (61 s). Run the
        # same maintenance as if two minutes had passed instead of waiting for them.
        queue = django_rq.get_queue("default", job_class="django_tasks_rq.Job")
        registry = StartedJobRegistry(queue=queue, job_class=queue.job_class)
        assert len(registry.get_job_ids(cleanup=False)) == 1
        registry.cleanup(timestamp=time.time() + 120)
        queue.connection.delete(SCHEDULER_LOCKING_KEY_TEMPLATE % "default")

        def sent() -> bool:
            message.refresh_from_db()
            return message.status == MailStatus.SENT

        _wait(sent, 60, replacement)
    _delivered_once(sink, message)
    assert message.attempts >= 2


class TestProductionBackendWithRealWorker:
    """RQ, as in production: queued on commit, run by the worker, never when rolled back."""

    def test_queued_after_commit_and_never_after_rollback(
        self, redis_url: str, sink: SmtpSink, start_worker: Callable[[str], Worker]
    ) -> None:
        worker = start_worker(RQ)
        with _settings(RQ, redis_url):

            def queue_then_fail() -> None:
                with transaction.atomic():
                    _queue("nooit@zorg-a.example")
                    raise RuntimeError("roll back")

            with pytest.raises(RuntimeError):
                queue_then_fail()
            assert not MailMessage.objects.exists()
            message = _queue("wel@zorg-a.example")
            _wait(lambda: len(sink.received) == 1, 60, worker)
        assert sink.received[0].to == ["wel@zorg-a.example"]
        _delivered_once(sink, message)

    def test_password_reset_runs_in_the_worker_after_commit_and_is_retried(
        self, redis_url: str, sink: SmtpSink, start_worker: Callable[[str], Worker]
    ) -> None:
        from carai.accounts.services import password_reset_request
        from tests.factories import UserFactory

        kept = UserFactory.create(email="herstel@zorg-a.example")
        rolled_back = UserFactory.create(email="teruggedraaid@zorg-a.example")
        sink.mode = "refuse"  # the first tries fail: RQ must try again
        worker = start_worker(RQ)
        with _settings(RQ, redis_url):

            def ask_then_fail() -> None:
                with transaction.atomic():
                    password_reset_request(email=rolled_back.email, client="192.0.2.9")
                    raise RuntimeError("roll back")

            with pytest.raises(RuntimeError):
                ask_then_fail()
            with transaction.atomic():
                assert password_reset_request(email=kept.email, client="192.0.2.8")
                # Nothing reaches the worker before the commit.
                assert not MailMessage.objects.exists()

            def tried_twice() -> bool:
                message = MailMessage.objects.filter(to=kept.email).first()
                return message is not None and message.attempts >= 2

            _wait(tried_twice, 60, worker)  # the task ran in the worker; the send is retried
            sink.mode = "accept"
            message = MailMessage.objects.get(to=kept.email)

            def sent() -> bool:
                message.refresh_from_db()
                return message.status == MailStatus.SENT

            _wait(sent, 60, worker)
        _delivered_once(sink, message)
        assert sink.refused >= 1
        assert sink.received[0].to == [kept.email]
        assert not MailMessage.objects.filter(to=rolled_back.email).exists()
        from carai.accounts.audit import AccountAction
        from carai.core.models import AuditEvent

        asked = AuditEvent.objects.filter(action=AccountAction.PASSWORD_RESET_REQUESTED)
        assert list(asked.values_list("target_id", flat=True)) == [str(kept.pk)]
