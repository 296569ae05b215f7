"""Counting requests per key in a time window, in the cache (Redis when REDIS_URL is set,
so every web server counts together). Keys are hashed: no e-mail or IP address is kept."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def throttle_hit(*, scope: str, key: str, limit: int, seconds: int) -> bool:
    """Count one request for ``key``; False once more than ``limit`` came within ``seconds``
    (counted from the first). The count also goes up when refused."""
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    name = f"throttle:{scope}:{digest}"
    cache.add(name, 0, timeout=seconds)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=seconds)
        count = 1
    return count <= limit
