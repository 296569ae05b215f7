"""Run a helper server as its own process for the tests (a fictional identity provider, a
private Redis): start it on a free port, wait until it answers, and always stop it afterwards."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(
    command: Sequence[str],
    *,
    ready_url: str,
    log_path: Path,
    env: Mapping[str, str] | None = None,
    wait_seconds: float = 30,
) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``command`` (output to ``log_path``), wait until ``ready_url`` answers 200, and
    terminate it when the block ends. Raises with the log when it stops or never answers."""
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603 (our own test servers, from this repository)
            list(command),
            env=dict(env) if env is not None else None,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + wait_seconds
            while True:
                try:
                    if requests.get(ready_url, timeout=1).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(log_path.read_text())
                time.sleep(0.2)
            yield process
        finally:
            process.terminate()
            process.wait(timeout=10)


@contextmanager
def private_redis(server: str) -> Iterator[str]:
    """A ``redis-server`` of the test's own on a free port, keeping nothing on disk; yields its
    URL once it answers a ping, and stops it (and removes its folder) afterwards."""
    import redis

    port = free_port()
    folder = tempfile.mkdtemp(prefix="carai-redis-")
    process = subprocess.Popen(  # noqa: S603 (the machine's redis-server, our arguments)
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )
    try:
        client = redis.Redis(host="127.0.0.1", port=port)
        for _ in range(50):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
