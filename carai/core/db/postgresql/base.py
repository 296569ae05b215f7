"""Django's PostgreSQL backend, with the connection check (``CONN_HEALTH_CHECKS``) made
cheap for a connection that was just in use.

Django checks a kept connection before the first query of every request with a ``SELECT 1``:
a round trip to the database, and work for the database server, on every page, although
under load the same connection answered the previous request a few milliseconds earlier.
Here that round trip is only made when it can tell something:

- the connection last served a request without a database error more than
  ``RECENT_SECONDS`` ago (or never), or
- the server has sent something on the idle connection. A healthy idle connection gets
  nothing; a server that is shut down, restarted or that ends the session
  (``pg_terminate_backend``, an idle timeout) sends its error and closes the socket, which
  makes the socket readable. That is seen without a round trip (``select`` with no wait).

Otherwise the check counts as done, as Django does after a successful ``SELECT 1``. A
connection that fails in some other way (a network path that drops silently) fails the
request's query as it would have without health checks, and Django closes it at the end of
that request (``errors_occurred``).
"""

from __future__ import annotations

import select
import time
from typing import Any

from django.db.backends.postgresql import base

# A connection that served a request this recently, and has nothing to read, is not checked.
RECENT_SECONDS = 5.0


def _has_data(connection: object) -> bool:
    """Whether the server sent something on the idle connection (or its socket is gone)."""
    try:
        fileno = connection.fileno()  # type: ignore[attr-defined]
        readable, _w, _x = select.select([fileno], [], [], 0)
    except Exception:  # closed or broken: let Django's check find out
        return True
    return bool(readable)


class DatabaseWrapper(base.DatabaseWrapper):
    # Django's own attributes, missing from django-stubs.
    health_check_enabled: bool
    health_check_done: bool

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # When this connection last served a request without a database error.
        self.carai_served_at: float | None = None

    def close_if_unusable_or_obsolete(self) -> None:
        # Django calls this when a request starts and when it ends. A check done (or a
        # connection opened) during the request means the request used the connection; after
        # a database error Django checks the connection here itself (``SELECT 1``) and keeps
        # it only if that succeeds.
        used = self.connection is not None and self.health_check_done and not self.errors_occurred
        super().close_if_unusable_or_obsolete()
        if self.connection is None:
            self.carai_served_at = None
        elif used or self.health_check_done:
            self.carai_served_at = time.monotonic()

    def close_if_health_check_failed(self) -> None:
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and self.carai_served_at is not None
            and time.monotonic() - self.carai_served_at < RECENT_SECONDS
            and not _has_data(self.connection)
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()
