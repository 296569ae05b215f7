"""deduce's lookup cache: one process at a time builds it, and a broken cache is built again.

A fake ``deduce`` module stands in for the real one (whose build takes a minute and 1 GB); what
is tested is our loader around it.
"""

from __future__ import annotations

import pickle
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from carai.privacy.engine import load_deduce


def _fake_deduce(calls: list[dict[str, Any]], *, fail_first: BaseException | None = None) -> Any:
    state = {"inside": 0, "most_inside": 0}

    class Deduce:
        def __init__(self, **kwargs: Any) -> None:
            state["inside"] += 1
            state["most_inside"] = max(state["most_inside"], state["inside"])
            try:
                calls.append(kwargs)
                time.sleep(0.05)
                if fail_first is not None and len(calls) == 1:
                    raise fail_first
            finally:
                state["inside"] -= 1

    return SimpleNamespace(Deduce=Deduce, state=state)


def test_a_cache_cut_short_is_built_again_instead_of_failing(tmp_path: Path) -> None:
    calls: list[dict[str, Any]] = []
    fake = _fake_deduce(calls, fail_first=pickle.UnpicklingError("pickle data was truncated"))

    made = load_deduce(fake, tmp_path / "deduce")

    assert isinstance(made, fake.Deduce)
    assert calls == [
        {"cache_path": tmp_path / "deduce"},
        {"cache_path": tmp_path / "deduce", "build_lookup_structs": True},
    ]


def test_a_sound_cache_is_loaded_once_without_a_rebuild(tmp_path: Path) -> None:
    calls: list[dict[str, Any]] = []
    load_deduce(_fake_deduce(calls), tmp_path)
    assert calls == [{"cache_path": tmp_path}]


def test_processes_that_start_together_load_one_after_the_other(tmp_path: Path) -> None:
    calls: list[dict[str, Any]] = []
    fake = _fake_deduce(calls)
    threads = [threading.Thread(target=load_deduce, args=(fake, tmp_path)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 4
    assert fake.state["most_inside"] == 1


def test_another_error_is_not_hidden(tmp_path: Path) -> None:
    calls: list[dict[str, Any]] = []
    fake = _fake_deduce(calls, fail_first=PermissionError("read-only"))
    try:
        load_deduce(fake, tmp_path)
    except PermissionError:
        pass
    else:
        raise AssertionError("a PermissionError must reach the caller")
    assert len(calls) == 1
