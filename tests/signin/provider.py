"""Start the fictional OpenID Connect provider (tests/oidc_provider, django-oauth-toolkit) as
its own process on a free port, for the sign-in tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "carai-test-client"
CLIENT_SECRET = "fictional-client-secret-for-tests"
CALLBACK_PATH = "/account/organisatie/terug/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
    log = (folder / "provider.log").open("w")
    process = subprocess.Popen(  # noqa: S603
        [*django_cmd, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(provider.discovery_url, timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError((folder / "provider.log").read_text())
            time.sleep(0.2)
        yield provider
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    folder = tmp_path_factory.mktemp("oidc-provider")
    yield from start_provider(folder, [f"http://testserver{CALLBACK_PATH}"])
