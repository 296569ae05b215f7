"""Sending queued statements to an organisation's LRS, in the background.

A batch of due statements is claimed (their next try moved a lease ahead, so a second worker
leaves them alone), POSTed in one request, and marked sent; on a failure each gets its next
try after the queue's growing pauses (``CARAI_TASK_RETRY_DELAYS``) and is marked failed after
``MAX_ATTEMPTS``. A batch the LRS refuses as a whole is sent one by one, so one bad statement
does not hold up the rest. Statement ids are fixed, so a statement sent twice is stored once.
"""

from __future__ import annotations

import base64
import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from carai.core.mail import mail_retry_delay
from carai.core.secrets_box import unseal
from carai.xapi.models import LRS_BOX, LrsConfig, Statement, StatementState

logger = logging.getLogger(__name__)
BATCH = 100
MAX_ATTEMPTS = 10
LEASE = timedelta(minutes=2)
TIMEOUT = 10  # seconds per request to the LRS


class LrsRefused(Exception):
    def __init__(self, status: int, text: str) -> None:
        super().__init__(f"HTTP {status}: {text}")
        self.status = status


def _post(config: LrsConfig, bodies: list[dict[str, object]]) -> None:
    if not config.endpoint.startswith(("https://", "http://")):
        raise ValueError("The LRS address must be http(s).")
    password = unseal(config.password_encrypted, purpose=LRS_BOX)
    credentials = f"{config.username}:{password}".encode()
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked just above)
        config.endpoint + "statements",
        data=json.dumps(bodies).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": "1.0.3",
            "Authorization": "Basic " + base64.b64encode(credentials).decode("ascii"),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            response.read()
    except urllib.error.HTTPError as error:
        raise LrsRefused(error.code, error.read(300).decode("utf-8", "replace")) from error


def _claim(lrs_id: int) -> list[Statement]:
    now = timezone.now()
    with transaction.atomic():
        batch = list(
            Statement.objects.select_for_update(skip_locked=True)
            .filter(lrs_id=lrs_id, state=StatementState.PENDING, next_attempt_at__lte=now)
            .order_by("created_at", "pk")[:BATCH]
        )
        Statement.objects.filter(pk__in=[s.pk for s in batch]).update(next_attempt_at=now + LEASE)
    return batch


def _sent(statements: list[Statement]) -> None:
    Statement.objects.filter(pk__in=[s.pk for s in statements]).update(
        state=StatementState.SENT, sent_at=timezone.now(), last_error=""
    )


def _not_sent(statement: Statement, error: str, *, permanent: bool = False) -> None:
    attempts = statement.attempts + 1
    failed = permanent or attempts >= MAX_ATTEMPTS
    Statement.objects.filter(pk=statement.pk).update(
        attempts=attempts,
        last_error=error[:300],
        state=StatementState.FAILED if failed else StatementState.PENDING,
        next_attempt_at=timezone.now() + mail_retry_delay(attempts),
    )


def xapi_deliver_now(*, lrs_id: int) -> dict[str, int]:
    """Send what is due for one LRS; returns how many were sent and not sent."""
    config = LrsConfig.objects.filter(pk=lrs_id, is_active=True).first()
    if config is None:
        return {"sent": 0, "not_sent": 0}
    batch = _claim(lrs_id)
    if not batch:
        return {"sent": 0, "not_sent": 0}
    try:
        _post(config, [s.body for s in batch])
    except LrsRefused as refused:
        if refused.status >= 500 or refused.status in (401, 403, 429):
            for statement in batch:
                _not_sent(statement, str(refused))
            return {"sent": 0, "not_sent": len(batch)}
        return _one_by_one(config, batch)  # 400 or 409: find the statement at fault
    except (OSError, ValueError) as error:  # unreachable, timeout, bad address
        for statement in batch:
            _not_sent(statement, f"{type(error).__name__}: {error}")
        return {"sent": 0, "not_sent": len(batch)}
    _sent(batch)
    return {"sent": len(batch), "not_sent": 0}


def _one_by_one(config: LrsConfig, batch: list[Statement]) -> dict[str, int]:
    sent = not_sent = 0
    for statement in batch:
        try:
            _post(config, [statement.body])
        except LrsRefused as refused:
            if refused.status == 409:  # already stored under this id
                _sent([statement])
                sent += 1
                continue
            _not_sent(statement, str(refused), permanent=400 <= refused.status < 500)
            not_sent += 1
        except (OSError, ValueError) as error:
            _not_sent(statement, f"{type(error).__name__}: {error}")
            not_sent += 1
        else:
            _sent([statement])
            sent += 1
    return {"sent": sent, "not_sent": not_sent}


@task()
def xapi_deliver(*, lrs_id: int) -> dict[str, int]:
    return xapi_deliver_now(lrs_id=lrs_id)


def xapi_enqueue(*, lrs_id: int) -> None:
    """Hand an LRS's queue to the worker; if the queue is unreachable, ``xapi_relay`` will."""
    try:
        xapi_deliver.enqueue(lrs_id=lrs_id)
    except Exception:
        logger.exception("Could not queue xAPI delivery for LRS %s; the relay will", lrs_id)


def xapi_relay() -> int:
    """Queue delivery for every LRS with statements due (run every minute)."""
    due = (
        Statement.objects.filter(
            state=StatementState.PENDING, next_attempt_at__lte=timezone.now(), lrs__is_active=True
        )
        .values_list("lrs_id", flat=True)
        .distinct()
    )
    lrs_ids = sorted(set(due))
    for lrs_id in lrs_ids:
        xapi_enqueue(lrs_id=lrs_id)
    return len(lrs_ids)
