"""Run the background task worker of the configured backend.

- RQ (REDIS_URL set): RQ's worker with its scheduler (retries wait in it), django-tasks-rq's
  job class, a fresh process (and so a fresh database connection) per job, and a search for
  jobs whose worker died every CARAI_TASK_MAINTENANCE_SECONDS. RQ waits out a lost Redis
  connection itself, with growing pauses.
- The database backend (the embedded default): django-tasks-db's worker, started again with
  growing pauses (1 s up to 30 s) when the database connection is lost, instead of leaving.

Run it under a supervisor that starts it again when it stops (``bin/run`` does; see
docs/operations.md for a systemd unit).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import InterfaceError, OperationalError, connections
from django_tasks import task_backends
from django_tasks.utils import get_random_id

logger = logging.getLogger("carai.worker")


class Command(BaseCommand):
    help = "Run the background task worker; it keeps going when the database is gone a while."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--burst", action="store_true", help="Run what is queued, then stop.")

    def handle(self, *args: Any, burst: bool = False, **options: Any) -> None:
        backend = type(task_backends["default"]).__name__
        if backend == "RQBackend":
            self._rq(burst=burst)
        elif backend == "DatabaseBackend":
            self._database(burst=burst)
        else:
            raise CommandError(f"The {backend} task backend has no worker.")

    def _rq(self, *, burst: bool) -> None:
        from django_rq.utils import reset_db_connections
        from django_rq.workers import get_worker

        maintenance = settings.CARAI_TASK_MAINTENANCE_SECONDS
        worker = get_worker(
            "default",
            job_class="django_tasks_rq.Job",
            worker_class="carai.core.queue.Worker",
            maintenance_interval=maintenance,
            # An idle worker waits for a job at most worker_ttl - 15 s before it looks at
            # its registries again: keep that as short as the maintenance interval.
            worker_ttl=maintenance + 15,
        )
        reset_db_connections()  # every job runs in a forked process with its own connection
        worker.work(burst=burst, with_scheduler=True, logging_level="INFO")

    def _database(self, *, burst: bool) -> None:
        from django_tasks_db.management.commands.db_worker import Worker

        pause = 1.0
        while True:
            started = time.monotonic()
            worker = Worker(
                queue_names=["default"],
                interval=1,
                batch=burst,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id=get_random_id(),
            )
            worker.configure_signals()
            try:
                worker.run()
                return
            except (OperationalError, InterfaceError) as exc:
                if time.monotonic() - started > 60:
                    pause = 1.0
                logger.warning(
                    "Task worker lost the database (%s); trying again in %.0f s",
                    str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__,
                    pause,
                )
                for connection in connections.all(initialized_only=True):
                    try:
                        connection.close()
                    except (OperationalError, InterfaceError):
                        connection.connection = None
                time.sleep(pause)
                pause = min(pause * 2, 30.0)
