"""carai.core.cache: per-scope versions, remembered work, and nothing across processes
that do not share the cache."""

from __future__ import annotations

import pytest

from carai.core.cache import cache_bump, cache_version, cached


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
