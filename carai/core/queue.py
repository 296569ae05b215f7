"""The RQ queue behind the Django tasks API when REDIS_URL is set (django-tasks-rq).

Every job gets RQ's own retry policy, so a task that raises is tried again after growing
pauses, and a job whose worker died (killed, out of memory) is re-queued by RQ's registry
maintenance instead of staying "started" for ever. Tasks must therefore be safe to run
twice: the e-mail task (``carai.core.mail.mail_deliver``) checks the outbox first.
"""

from __future__ import annotations

from typing import Any

import rq
from django.conf import settings
from django.db import connections
from django_rq.queues import DjangoRQ
from rq.job import Job, Retry
from rq.queue import Queue


class RetryingQueue(DjangoRQ):
    def create_job(self, *args: Any, **kwargs: Any) -> Job:
        if kwargs.get("retry") is None:
            delays = list(settings.CARAI_TASK_RETRY_DELAYS)
            kwargs["retry"] = Retry(max=len(delays), interval=delays)
        return super().create_job(*args, **kwargs)


class Worker(rq.Worker):
    """RQ's worker, careful with database connections: none is open when a work horse is
    forked (a shared socket would mix two processes' queries), and the horse closes its
    own when the job is done."""

    def fork_work_horse(self, job: Job, queue: Queue) -> None:
        connections.close_all()
        super().fork_work_horse(job, queue)

    def perform_job(self, job: Job, queue: Queue) -> bool:
        try:
            return super().perform_job(job, queue)
        finally:
            if self._is_horse:
                connections.close_all()
