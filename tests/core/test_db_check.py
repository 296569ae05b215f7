"""CARAI's PostgreSQL backend (carai.core.db.postgresql): the connection check before reuse
skips its round trip only for a connection that just served a request and got nothing from
the server since; a connection the server ended is still replaced before the request's query.

Each test drives its own connection wrapper through requests as Django does
(``close_if_unusable_or_obsolete`` at the start and the end, a cursor in between)."""

from __future__ import annotations

import select
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import DatabaseError, connection
from django.db.utils import load_backend

from carai.core.db.postgresql import base

pytestmark = pytest.mark.django_db


@pytest.fixture
def wrapper() -> Iterator[Any]:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (DATABASE_URL)")
    settings = dict(connection.settings_dict)
    assert settings["ENGINE"] == "carai.core.db.postgresql"
    assert settings["CONN_HEALTH_CHECKS"]
    own = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, alias=connection.alias)
    yield own
    own.close()


def request(wrapper: Any, sql: str = "SELECT pg_backend_pid()") -> Any:
    """One request that runs ``sql``; its first value (None when the query failed)."""
    wrapper.close_if_unusable_or_obsolete()
    value = None
    try:
        with wrapper.cursor() as cursor:
            cursor.execute(sql)
            value = cursor.fetchone()[0]
    except DatabaseError:
        pass
    wrapper.close_if_unusable_or_obsolete()
    return value


def counting_checks(wrapper: Any, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    checks: list[bool] = []
    usable = wrapper.is_usable

    def is_usable() -> bool:
        checks.append(usable())
        return checks[-1]

    monkeypatch.setattr(wrapper, "is_usable", is_usable)
    return checks


def test_a_connection_that_just_served_a_request_is_not_checked(wrapper, monkeypatch) -> None:
    first = request(wrapper)
    checks = counting_checks(wrapper, monkeypatch)
    assert request(wrapper) == first
    assert request(wrapper) == first
    assert checks == []


def test_an_idle_connection_is_checked(wrapper, monkeypatch) -> None:
    first = request(wrapper)
    wrapper.carai_served_at -= base.RECENT_SECONDS + 1
    checks = counting_checks(wrapper, monkeypatch)
    assert request(wrapper) == first
    assert checks == [True]
    # Checked and used: recent again.
    assert request(wrapper) == first
    assert checks == [True]


def test_a_connection_the_server_ended_is_replaced_before_the_query(wrapper) -> None:
    first = request(wrapper)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [first])
    # The server's goodbye reaches the socket.
    deadline = time.monotonic() + 5
    while not select.select([wrapper.connection.fileno()], [], [], 0.05)[0]:
        assert time.monotonic() < deadline, "the ended connection never became readable"
    second = request(wrapper)
    assert second is not None, "the request's query ran on the ended connection"
    assert second != first


def test_after_a_database_error_the_check_is_django_s(wrapper, monkeypatch) -> None:
    request(wrapper)
    checks = counting_checks(wrapper, monkeypatch)
    assert request(wrapper, "SELECT * FROM no_such_table_here") is None
    assert checks == [True]  # Django's own check at the end of a request with an error
    assert request(wrapper) is not None
    assert checks == [True]


def test_a_connection_that_fails_its_check_is_replaced(wrapper, monkeypatch) -> None:
    first = request(wrapper)
    wrapper.carai_served_at -= base.RECENT_SECONDS + 1
    monkeypatch.setattr(wrapper, "is_usable", lambda: False)
    second = request(wrapper)
    assert second is not None
    assert second != first
