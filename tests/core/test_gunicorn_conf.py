"""gunicorn.conf.py keeps the serving promises: local bind, quick stop, recycled workers,
the garbage collector frozen before each fork."""

from __future__ import annotations

import gc
import os
import runpy
from pathlib import Path

import pytest

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def load(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, object]:
    for name in ["CARAI_BIND", "CARAI_MAX_REQUESTS", "CARAI_GRACEFUL_TIMEOUT"]:
        monkeypatch.delenv(name, raising=False)
    # The file sets CARAI_PRIVACY_WARMUP=wait where it is unset; setenv records the old state
    # so it is put back (a later process started by a test would otherwise load the engine).
    monkeypatch.setenv("CARAI_PRIVACY_WARMUP", os.environ.get("CARAI_PRIVACY_WARMUP", ""))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_the_environment_is_left_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    before = os.environ.get("CARAI_PRIVACY_WARMUP")
    with monkeypatch.context() as inner:
        load(inner)
    assert os.environ.get("CARAI_PRIVACY_WARMUP") == before


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    conf = load(monkeypatch)
    assert conf["bind"] == "127.0.0.1:8000"
    assert conf["preload_app"] is True
    assert conf["control_socket_disable"] is True
    assert isinstance(conf["graceful_timeout"], int)
    assert conf["graceful_timeout"] < 10
    assert conf["max_requests"] == 2000
    assert conf["max_requests_jitter"] == 200


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    conf = load(monkeypatch, CARAI_BIND="0.0.0.0:9000", CARAI_MAX_REQUESTS="40")
    assert conf["bind"] == "0.0.0.0:9000"
    assert (conf["max_requests"], conf["max_requests_jitter"]) == (40, 4)


def test_pre_fork_freezes_the_garbage_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    conf = load(monkeypatch)
    pre_fork = conf["pre_fork"]
    assert callable(pre_fork)
    gc.unfreeze()
    try:
        pre_fork(None, None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
