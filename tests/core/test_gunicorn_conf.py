"""gunicorn.conf.py keeps the serving promises: local bind, quick stop, recycled workers,
the garbage collector frozen before each fork."""

from __future__ import annotations

import gc
import os
import runpy
import signal
from pathlib import Path
from types import FunctionType, SimpleNamespace

import pytest

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def load(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, object]:
    for name in [
        "CARAI_BIND",
        "CARAI_MAX_REQUESTS",
        "CARAI_GRACEFUL_TIMEOUT",
        "CARAI_KEEPALIVE",
        "CARAI_THREADS",
    ]:
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
    # One request per connection; a worker accepts only with a thread free.
    assert conf["keepalive"] == 0
    assert conf["worker_connections"] == conf["threads"] == 4


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    conf = load(monkeypatch, CARAI_BIND="0.0.0.0:9000", CARAI_MAX_REQUESTS="40")
    assert conf["bind"] == "0.0.0.0:9000"
    assert (conf["max_requests"], conf["max_requests_jitter"]) == (40, 4)
    conf = load(monkeypatch, CARAI_KEEPALIVE="5", CARAI_THREADS="8")
    assert (conf["keepalive"], conf["threads"]) == (5, 8)
    assert conf["worker_connections"] == 1000  # room for the connections kept alive


def test_pre_fork_freezes_the_garbage_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    conf = load(monkeypatch)
    pre_fork = conf["pre_fork"]
    assert callable(pre_fork)
    frozen_before = gc.get_freeze_count()  # the privacy engine's, once get_engine() ran
    gc.unfreeze()
    try:
        pre_fork(None, None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        if frozen_before:
            gc.freeze()  # leave the engine frozen, as get_engine() left it


def test_the_engine_loads_after_binding_and_before_the_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app does not load the engine (preload_app would do it before binding);
    when_ready does, which gunicorn calls once the socket listens, before the first fork.
    A stop signal during the load ends the master at once."""
    from carai.core import engine

    conf = load(monkeypatch)
    assert conf["raw_env"] == ["CARAI_PRIVACY_WARMUP=server"]
    monkeypatch.setenv("CARAI_PRIVACY_WARMUP", "server")
    seen: list[object] = []

    def warm_up(*, wait: bool = False) -> None:
        seen.append((wait, signal.getsignal(signal.SIGTERM)))

    def handler(signum: int, frame: object) -> None:
        return None

    monkeypatch.setattr(engine, "privacy_engine_warm_up", warm_up)
    monkeypatch.setattr(engine, "privacy_engine_state", lambda: "ready")
    server = SimpleNamespace(
        cfg=SimpleNamespace(preload_app=True), log=SimpleNamespace(info=lambda *a: None)
    )
    when_ready = conf["when_ready"]
    assert isinstance(when_ready, FunctionType)
    monkeypatch.setitem(when_ready.__globals__, "_warm_up_app", lambda: None)  # tested below
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        when_ready(server)
        assert seen == [(True, signal.SIG_DFL)]
        assert signal.getsignal(signal.SIGTERM) is handler  # gunicorn's handler is back
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_the_app_itself_leaves_the_engine_to_the_server(
    monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    from django.apps import apps

    from carai.core import engine

    called: list[bool] = []
    monkeypatch.setattr(engine, "privacy_engine_warm_up", lambda **kw: called.append(True))
    settings.CARAI_PRIVACY_WARMUP = "server"
    apps.get_app_config("core").ready()
    assert called == []
    settings.CARAI_PRIVACY_WARMUP = "wait"
    apps.get_app_config("core").ready()
    assert called == [True]


def test_the_master_imports_the_url_conf_before_forking(
    monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    """Without it every new worker imports every view module on its first request (about
    1.2 s of CPU; under load its first requests took 6-12 s)."""
    import django.urls

    built: list[str] = []

    class Resolver:
        @property
        def reverse_dict(self) -> dict[str, object]:
            from django.utils import translation

            built.append(translation.get_language())
            return {}

    monkeypatch.setattr(django.urls, "get_resolver", lambda: Resolver())
    monkeypatch.setenv("CARAI_PRIVACY_WARMUP", "")
    conf = load(monkeypatch)
    monkeypatch.setenv("CARAI_PRIVACY_WARMUP", "")
    server = SimpleNamespace(
        cfg=SimpleNamespace(preload_app=True), log=SimpleNamespace(info=lambda *a: None)
    )
    when_ready = conf["when_ready"]
    assert callable(when_ready)
    when_ready(server)
    assert built == [code for code, _name in settings.LANGUAGES]
