"""Settings: production refuses to start without its required variables; secure defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_settings(env: dict[str, str], code: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "carai.settings"
    return subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; {code}",
        ],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_without_secret_key() -> None:
    result = run_settings({"CARAI_ENV": "production", "ALLOWED_HOSTS": "carai.example"}, "")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_without_allowed_hosts() -> None:
    result = run_settings({"CARAI_ENV": "production", "SECRET_KEY": "x" * 60}, "")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_settings_are_secure() -> None:
    code = (
        "print(settings.DEBUG, settings.PASSWORD_HASHERS[0].rsplit('.', 1)[1], "
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SECURE_SSL_REDIRECT, "
        "settings.EMAIL_BACKEND.rsplit('.', 2)[1], settings.TASKS['default']['BACKEND'])"
    )
    result = run_settings(
        {"CARAI_ENV": "production", "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "carai.example"}, code
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "Argon2PasswordHasher",
        "True",
        "True",
        "True",
        "smtp",
        "django_tasks_db.DatabaseBackend",
    ]


def test_development_uses_argon2_and_sqlite_by_default() -> None:
    code = (
        "print(settings.PASSWORD_HASHERS[0].rsplit('.', 1)[1], "
        "settings.DATABASES['default']['ENGINE'])"
    )
    env = {"CARAI_ENV": "development", "DATABASE_URL": ""}
    result = run_settings(env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Argon2PasswordHasher", "django.db.backends.sqlite3"]


def test_database_url_selects_postgresql() -> None:
    code = "print(settings.DATABASES['default']['ENGINE'])"
    result = run_settings(
        {"CARAI_ENV": "development", "DATABASE_URL": "postgres://u@127.0.0.1:5432/carai"}, code
    )
    # Django's PostgreSQL backend with a cheaper connection check (carai.core.db.postgresql).
    assert result.stdout.strip() == "carai.core.db.postgresql"


def test_bad_boolean_is_a_clear_error() -> None:
    result = run_settings({"CARAI_ENV": "development", "DEBUG": "misschien"}, "")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_security_headers_on_every_page(client) -> None:
    response = client.get("/account/inloggen/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_server_error_page_is_dutch_and_self_contained(rf) -> None:
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="nl">' in body
    assert "Er ging iets mis" in body
    assert "Something went wrong" in body  # English below the Dutch
    assert "<script" not in body


def test_production_answers_readiness_over_plain_http_and_redirects_the_rest() -> None:
    code = (
        "from django.test import Client; c = Client(SERVER_NAME='carai.example'); "
        "print(c.get('/gezond/').status_code, c.get('/leren/').status_code, "
        "c.get('/gezond/x').status_code)"
    )
    env = {
        "CARAI_ENV": "production",
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "carai.example",
        "REDIS_URL": "",
        "CARAI_PRIVACY_WARMUP": "",
    }
    result = run_settings(env, code)
    assert result.returncode == 0, result.stderr
    # 200, or 503 when the test database is not there: an answer either way, no redirect
    health, page, other = result.stdout.split()
    assert health in {"200", "503"}
    assert (page, other) == ("301", "301")
