"""Django's Redis cache, with one client object per connection pool instead of a new one
for every cache call.

Django's ``RedisCacheClient.get_client`` builds a ``redis.Redis`` around the pool on each
get, set or incr; building it costs a few hundred Python calls, and a page that reads a
handful of cached panels and scope versions pays that twenty times. A ``redis.Redis`` is
safe to share between threads (each command takes a connection from the pool), and the
pool itself notices a fork, so one client per pool gives the same behaviour for less work.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        # Django's own methods, missing from django-stubs.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))  # type: ignore[attr-defined]
        return client


class ReusingRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with ``ReusingRedisCacheClient``."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
