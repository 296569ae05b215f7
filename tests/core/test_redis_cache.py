"""The Redis cache backend that keeps one client per connection pool (carai.core.redis_cache)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from carai.core.redis_cache import ReusingRedisCache
from tests.processes import private_redis


def test_one_client_per_pool_without_connecting() -> None:
    backend: Any = ReusingRedisCache("redis://127.0.0.1:1/0", {})._cache  # type: ignore[attr-defined]
    client = backend.get_client("a")
    assert backend.get_client("b") is client
    assert backend.get_client("c", write=True) is client  # one server: one pool


@pytest.fixture(scope="module")
def redis_location() -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (bin/test installs it).")
    with private_redis(server) as url:
        yield url


def _count_commands(cache: ReusingRedisCache) -> tuple[Any, list[str]]:
    """The cache's Redis client, and a list that records the name of every command it sends."""
    client: Any = cache._cache.get_client(None)  # type: ignore[attr-defined]
    sent: list[str] = []
    execute = client.execute_command

    def counting(*args: Any, **kwargs: Any) -> Any:
        sent.append(str(args[0]))
        return execute(*args, **kwargs)

    client.execute_command = counting
    return client, sent


def _in_four_threads(step: Callable[[], object], times: int = 50) -> None:
    """Run ``step`` ``times`` times in each of four threads at once; fail on any error."""
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(times):
                step()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_it_behaves_as_djangos_redis_cache_across_threads(redis_location: str) -> None:
    cache = ReusingRedisCache(redis_location, {"KEY_PREFIX": "t"})
    cache.set("version", 1)
    cache.incr("version")
    assert cache.get("version") == 2
    assert cache.add("version", 9) is False
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(50):
                cache.set(f"k{n}", i)
                assert cache.get(f"k{n}") == i
                assert cache.get_many([f"k{n}", "version"]) == {f"k{n}": i, "version": 2}
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    cache.delete("version")
    assert cache.get("version", "gone") == "gone"


def test_incr_is_djangos_in_one_round_trip(redis_location: str) -> None:
    cache = ReusingRedisCache(redis_location, {"KEY_PREFIX": "incr"})
    client, sent = _count_commands(cache)
    with pytest.raises(ValueError, match="not found"):
        cache.incr("missing")
    assert cache.get("missing") is None  # not made by the failed incr
    cache.set("n", 5)
    sent.clear()
    assert cache.incr("n") == 6
    assert sent == ["EVALSHA"]
    assert cache.incr("n", 10) == 16
    client.script_flush()  # as after a restart of the server: the script is loaded again
    assert cache.incr("n", -1) == 15
    assert cache.get("n") == 15
    cache.set("text", "x")
    with pytest.raises(Exception, match="not an integer"):
        cache.incr("text")
    _in_four_threads(lambda: cache.incr("n"))
    assert cache.get("n") == 215


def test_a_scope_is_bumped_in_one_round_trip(redis_location: str, monkeypatch) -> None:
    from carai.core import cache as cache_module

    cache = ReusingRedisCache(redis_location, {"KEY_PREFIX": "bump"})
    monkeypatch.setattr(cache_module, "cache", cache)
    client, sent = _count_commands(cache)
    assert cache.incr_or_add("fresh", 1, 7) == 7
    assert cache.incr_or_add("fresh", 3, 7) == 10
    assert cache.get("fresh") == 10
    # Kept without a timeout, as add(timeout=None): Redis answers -1 for "never expires".
    assert client.ttl(cache.make_and_validate_key("fresh")) == -1
    # Bumped before anything was cached under it, then again: as with any other cache.
    sent.clear()
    cache_module.cache_bump("organisation:9")
    assert sent == ["EVALSHA"]
    assert cache_module.cache_version("organisation:9") == 2
    cache_module.cache_bump("organisation:9", "content")
    assert cache_module.cache_version("organisation:9") == 3
    assert cache_module.cache_version("content") == 2
    _in_four_threads(lambda: cache_module.cache_bump("user:1"))
    assert cache_module.cache_version("user:1") == 201
