"""/gezond/: readiness for load balancers and deploys."""

from __future__ import annotations

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from carai.core import views


@pytest.mark.parametrize(
    ("warm_up", "engine", "status"),
    [
        ("wait", "ready", 200),
        ("wait", "loading", 503),  # gunicorn's master still loads it: not ready yet
        ("wait", "failed", 503),
        ("server", "ready", 200),
        ("server", "loading", 503),  # the master loads it after binding: queue, not ready
        ("1", "not loaded", 503),
        ("", "not loaded", 200),  # loaded on first use (development, tests)
        ("", "failed", 503),
    ],
)
def test_ready_when_database_and_engine_are(
    db: None, settings, monkeypatch: pytest.MonkeyPatch, warm_up: str, engine: str, status: int
) -> None:
    settings.CARAI_PRIVACY_WARMUP = warm_up
    monkeypatch.setattr(views, "privacy_engine_state", lambda: engine)
    response = Client().get(reverse("core:health"))
    assert response.status_code == status
    assert response.json() == {
        "status": "ok" if status == 200 else "not ready",
        "database": "ok",
        "privacy_engine": engine,
    }
    assert "no-cache" in response["Cache-Control"]


def test_not_ready_without_the_database(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing:
        def __enter__(self) -> None:
            raise DatabaseError("connection refused")

        def __exit__(self, *args: object) -> None:
            return None

    monkeypatch.setattr(views, "connection", type("C", (), {"cursor": lambda self: Refusing()})())
    response = Client().get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
