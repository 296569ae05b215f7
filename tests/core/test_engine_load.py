"""Loading the privacy engine survives a deduce cache that another process is writing."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest

from carai.core import engine


@pytest.fixture
def fresh_state(monkeypatch: pytest.MonkeyPatch, settings, tmp_path: Path) -> Path:
    monkeypatch.setattr(engine, "_ready", threading.Event())
    monkeypatch.setattr(engine, "_state", {"loading": False, "failed": False})
    monkeypatch.setattr(engine, "RETRY_PAUSE_SECONDS", 0.0)
    settings.DEDUCE_CACHE_DIR = tmp_path
    cache = engine.deduce_cache_file()
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"\x00\x00half a pickle")
    return cache


def test_a_half_written_cache_is_read_again(
    fresh_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path | None] = []

    def loads_on_second_try(*, cache_dir: Path | None = None) -> object:
        calls.append(cache_dir)
        if len(calls) == 1:
            raise pickle.UnpicklingError("invalid load key, '\\x00'.")
        return object()

    monkeypatch.setattr(engine, "get_engine", loads_on_second_try)
    engine.privacy_engine_warm_up(wait=True)
    assert engine.privacy_engine_state() == "ready"
    assert len(calls) == 2
    assert fresh_state.exists()  # the other process's cache is left alone


def test_a_cache_that_stays_broken_is_built_anew(
    fresh_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def broken_while_the_file_exists(*, cache_dir: Path | None = None) -> object:
        seen.append(fresh_state.exists())
        if fresh_state.exists():
            raise EOFError("Ran out of input")
        return object()

    monkeypatch.setattr(engine, "get_engine", broken_while_the_file_exists)
    engine.privacy_engine_warm_up(wait=True)
    assert engine.privacy_engine_state() == "ready"
    assert seen == [True, True, False]


def test_failed_after_every_try(fresh_state: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def always_fails(*, cache_dir: Path | None = None) -> object:
        raise MemoryError

    monkeypatch.setattr(engine, "get_engine", always_fails)
    engine.privacy_engine_warm_up(wait=True)
    assert engine.privacy_engine_state() == "failed"
