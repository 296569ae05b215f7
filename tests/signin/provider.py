"""Start the fictional OpenID Connect provider (tests/oidc_provider, django-oauth-toolkit) as
its own process on a free port, for the sign-in tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.processes import ROOT, free_port, serving

CLIENT_ID = "carai-test-client"
CLIENT_SECRET = "fictional-client-secret-for-tests"
CALLBACK_PATH = "/account/organisatie/terug/"


@dataclass
class Provider:
    url: str
    env: dict[str, str]

    @property
    def discovery_url(self) -> str:
        return f"{self.url}/o/.well-known/openid-configuration"

    def tool(self, *args: str) -> None:
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "tests.oidc_provider.tool", *args],
            env=self.env,
            cwd=ROOT,
            check=True,
        )

    def add_person(self, username: str, email: str, name: str, *groups: str) -> None:
        first, _, last = name.partition(" ")
        self.tool("user", username, email, "fictional-password-1", first, last, *groups)


def start_provider(folder: Path, redirect_uris: list[str]) -> Iterator[Provider]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.oidc_provider.settings",
        OIDC_TEST_DB=str(folder / "provider.sqlite3"),
        OIDC_TEST_KEY=pem,
    )
    port = free_port()
    provider = Provider(url=f"http://127.0.0.1:{port}", env=env)
    django_cmd = [sys.executable, "-m", "django"]
    subprocess.run([*django_cmd, "migrate", "-v0"], env=env, cwd=ROOT, check=True)  # noqa: S603
    provider.tool("client", CLIENT_ID, CLIENT_SECRET, *redirect_uris)
    with serving(
        [*django_cmd, "runserver", f"127.0.0.1:{port}", "--noreload"],
        ready_url=provider.discovery_url,
        log_path=folder / "provider.log",
        env=env,
    ):
        yield provider


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    folder = tmp_path_factory.mktemp("oidc-provider")
    yield from start_provider(folder, [f"http://testserver{CALLBACK_PATH}"])
