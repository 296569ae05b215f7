"""carai.core.cache: per-scope versions, remembered work, and nothing across processes
that do not share the cache."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from django.core.cache import cache

from carai.core import cache as cache_module
from carai.core.cache import cache_bump, cache_version, cached, cached_in_process, release


def test_work_is_remembered_until_a_scope_is_bumped(settings) -> None:
    settings.CARAI_CACHE_SHARED = True
    calls: list[int] = []

    def work() -> int:
        calls.append(1)
        return len(calls)

    assert cached("panel", scopes=["user:1", "content"], compute=work) == 1
    assert cached("panel", scopes=["user:1", "content"], compute=work) == 1
    assert cached("panel", scopes=["user:2", "content"], compute=work) == 2  # another user
    cache_bump("user:1")
    assert cached("panel", scopes=["user:1", "content"], compute=work) == 3
    cache_bump("content")  # shared by both
    assert cached("panel", scopes=["user:2", "content"], compute=work) == 4
    assert len(calls) == 4


def test_a_bump_before_anything_was_cached_still_counts(settings) -> None:
    settings.CARAI_CACHE_SHARED = True
    cache_bump("organisation:9")
    assert cache_version("organisation:9") == 2
    cache_bump("organisation:9")
    assert cache_version("organisation:9") == 3


@pytest.mark.parametrize("shared", [False])
def test_without_a_shared_cache_nothing_is_remembered(settings, shared: bool) -> None:
    settings.CARAI_CACHE_SHARED = shared
    calls: list[int] = []
    for _ in range(3):
        cached("panel", scopes=["user:1"], compute=lambda: calls.append(1))
    assert len(calls) == 3


def test_a_new_release_never_reads_what_an_older_one_cached(settings, monkeypatch) -> None:
    settings.CARAI_CACHE_SHARED = True
    calls: list[str] = []

    def work(label: str) -> str:
        calls.append(label)
        return label

    try:
        monkeypatch.setenv("CARAI_RELEASE", "old")
        release.cache_clear()
        assert cached("release-test", scopes=["content"], compute=lambda: work("old")) == "old"
        monkeypatch.setenv("CARAI_RELEASE", "new")
        release.cache_clear()
        assert cached("release-test", scopes=["content"], compute=lambda: work("new")) == "new"
        assert cached("release-test", scopes=["content"], compute=lambda: work("again")) == "new"
        assert calls == ["old", "new"]
    finally:
        release.cache_clear()


def test_the_release_is_a_fingerprint_of_the_code_and_templates(
    settings, monkeypatch, tmp_path
) -> None:
    monkeypatch.delenv("CARAI_RELEASE", raising=False)
    (tmp_path / "carai" / "app" / "templates").mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    code = tmp_path / "carai" / "app" / "views.py"
    page = tmp_path / "templates" / "page.html"
    app_page = tmp_path / "carai" / "app" / "templates" / "part.html"
    code.write_text("x = 1\n")
    page.write_text("<p>1</p>\n")
    app_page.write_text("<p>a</p>\n")
    settings.BASE_DIR = tmp_path
    seen = []
    try:
        for path, text in ((None, ""), (code, "x = 2\n"), (page, "<p>2</p>\n"), (app_page, "b")):
            if path is not None:
                path.write_text(text)
            release.cache_clear()
            seen.append(release())
        release.cache_clear()
        assert release() == seen[-1]  # the same files, the same release
        assert len(set(seen)) == 4  # each change of code or a template, a new one
    finally:
        release.cache_clear()


def _counting() -> tuple[list[int], Callable[[], list[int]]]:
    calls: list[int] = []

    def work() -> list[int]:
        calls.append(1)
        return [len(calls)]

    return calls, work


def test_kept_in_process_until_a_scope_is_bumped(settings) -> None:
    settings.CARAI_CACHE_SHARED = True
    calls, work = _counting()
    first = cached_in_process("kept", scopes=["user:1", "content"], compute=work)
    # The same object: neither read from the cache again nor computed.
    assert cached_in_process("kept", scopes=["user:1", "content"], compute=work) is first
    assert cached_in_process("kept", scopes=["user:2", "content"], compute=work) == [2]
    cache_bump("user:1")  # from this process or any other: the version is in the cache
    assert cached_in_process("kept", scopes=["user:1", "content"], compute=work) == [3]
    cache_bump("content")
    assert cached_in_process("kept", scopes=["user:2", "content"], compute=work) == [4]
    assert cached_in_process("kept", scopes=["user:2"], compute=work) == [5]  # other scopes
    assert len(calls) == 5


def test_another_process_reads_what_one_process_kept_from_the_cache(settings) -> None:
    settings.CARAI_CACHE_SHARED = True
    calls, work = _counting()
    first = cached_in_process("shared", scopes=["content"], compute=work)
    cache_module._LOCAL.clear()  # as a process that has not kept it yet
    again = cached_in_process("shared", scopes=["content"], compute=work)
    assert again == first
    assert again is not first  # unpickled from the cache
    assert len(calls) == 1


def test_nothing_kept_outlives_the_cache_losing_its_contents(settings) -> None:
    # A restart or flush of the cache starts the versions again at 1: what a process kept
    # under version 1 before must not come back.
    settings.CARAI_CACHE_SHARED = True
    calls, work = _counting()
    assert cached_in_process("flushed", scopes=["content"], compute=work) == [1]
    cache.clear()
    assert cached_in_process("flushed", scopes=["content"], compute=work) == [2]
    assert cached_in_process("flushed", scopes=["content"], compute=work) == [2]
    assert len(calls) == 2


def test_kept_in_process_no_longer_than_the_timeout(settings, monkeypatch) -> None:
    settings.CARAI_CACHE_SHARED = True
    _calls, work = _counting()
    first = cached_in_process("timed", scopes=["content"], compute=work, timeout=60)
    now = time.monotonic()
    monkeypatch.setattr(time, "monotonic", lambda: now + 61)
    again = cached_in_process("timed", scopes=["content"], compute=work, timeout=60)
    assert again is not first  # read again (the cache's own copy, or computed afresh)
    assert cached_in_process("timed", scopes=["content"], compute=work, timeout=60) is again


def test_without_a_shared_cache_nothing_is_kept_in_process(settings) -> None:
    settings.CARAI_CACHE_SHARED = False
    calls, work = _counting()
    for _ in range(3):
        cached_in_process("unshared", scopes=["content"], compute=work)
    assert len(calls) == 3
