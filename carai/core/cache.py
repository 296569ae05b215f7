"""Work that many requests repeat, kept in the cache under versioned keys.

A *scope* ("user:12", "organisation:3", "content") has a version number in the cache.
Writes that change what a scope's cached work shows raise its version (``cache_bump``, from
signal receivers the reading app connects), so the next request computes it afresh:
nothing is ever deleted by hand, and nothing stale is shown.

Across requests this is only correct when every web process shares one cache (Redis, with
``REDIS_URL``); a cache in the memory of each process would miss another process's bumps.
So with a per-process cache and more than one process (``CARAI_CACHE_SHARED`` false) the
work is only remembered within one request.

Writes that send no ``post_save``/``post_delete`` per row (``QuerySet.update``,
``bulk_create``, ``bulk_update``, raw SQL) tell the same receivers through ``rows_written``:
the service that writes calls ``rows_written_send`` with the rows, and the apps that cache
connect their receivers with ``on_write`` (save, delete and ``rows_written`` at once).

``cached_in_process`` also keeps a small value that callers only read in the memory of the
process, under the same versioned key: a request then reads only the versions.

Every key also holds the release: a fingerprint of the code and templates the process runs.
After an upgrade (or during a reload, while old and new workers both answer) each version
reads only what its own code cached, never HTML or objects that older templates or classes
made.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache as remember
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

T = TypeVar("T")
_VERSION = "carai:v:"
_MISSING = object()


@remember
def release() -> str:
    """``CARAI_RELEASE`` when set, else a hash of the contents of CARAI's Python files and
    templates (read once per process, a few milliseconds): servers that run the same code
    share their cached work, and a new version starts afresh."""
    if os.environ.get("CARAI_RELEASE"):
        return os.environ["CARAI_RELEASE"]
    digest = hashlib.blake2b(digest_size=8)
    root = Path(settings.BASE_DIR)
    for folder, pattern in (("carai", "*.py"), ("templates", "*.html"), ("carai", "*.html")):
        for path in sorted((root / folder).rglob(pattern)):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def user_scope(user_id: int) -> str:
    """The scope of what one person's own pages show."""
    return f"user:{user_id}"


def organisation_scope(organisation_id: int) -> str:
    """The scope of what every member of one organisation sees."""
    return f"organisation:{organisation_id}"


def cache_version(scope: str) -> int:
    value = cache.get(_VERSION + scope)
    if value is None:
        cache.add(_VERSION + scope, 1, timeout=None)
        value = cache.get(_VERSION + scope, 1)
    return int(value)


def cache_bump(*scopes: str) -> None:
    """Outdate everything cached under these scopes."""
    # The Redis cache (``core.redis_cache``) does the same in one round trip per scope.
    incr_or_add = getattr(cache, "incr_or_add", None)
    for scope in scopes:
        if incr_or_add is not None:
            incr_or_add(_VERSION + scope, 1, 2)
            continue
        try:
            cache.incr(_VERSION + scope)
        except ValueError:  # no version yet: nothing was cached under it
            cache.add(_VERSION + scope, 2, timeout=None)


# While ``rows_written_send`` runs the receivers, the scopes they outdate are gathered here
# and bumped once at the end (an import of 500 rows bumps each scope once, not 500 times).
_gathering = threading.local()


def scopes_changed(*scopes: str) -> None:
    """Outdate the scopes now and again when the transaction commits: work done in between
    (by another request, still seeing the old rows) cannot outlive the write."""
    if not scopes:
        return
    gathered: set[str] | None = getattr(_gathering, "scopes", None)
    if gathered is not None:
        gathered.update(scopes)
        return
    cache_bump(*scopes)
    transaction.on_commit(lambda: cache_bump(*scopes))


@contextmanager
def _scopes_gathered() -> Iterator[None]:
    outer = getattr(_gathering, "scopes", None)
    if outer is not None:  # already gathering: the outer call bumps
        yield
        return
    gathered: set[str] = set()
    _gathering.scopes = gathered
    try:
        yield
    finally:
        _gathering.scopes = None
    scopes_changed(*sorted(gathered))


# Sent (sender: the model) once per write that changed rows without a signal per row, with
# ``instances`` (the rows, as they are now) and ``update_fields`` (the fields it set, or
# None). Receivers connected with ``on_write`` are called once per row with ``post_save``'s
# keyword arguments and ``created`` False: receivers that must know of new rows (follow-up
# tasks, learning records) stay on ``post_save`` alone.
rows_written = Signal()


def rows_written_send(
    *,
    model: type[Model],
    instances: Iterable[Model],
    update_fields: Iterable[str] | None = None,
) -> None:
    """Tell every cache that reads ``model`` that these rows changed (or were inserted) by a
    write that sent no signal per row: ``QuerySet.update`` (pass the rows it changes, read
    before the update when it changes what the filter selects), ``bulk_create``,
    ``bulk_update`` or raw SQL. ``update_fields``: the fields the write set (None: any).

    The rule (docs/architecture.md, "Writes without signals"): every such write of a model
    that a cache's receiver is connected to calls this, in the service that writes.
    """
    rows = list(instances)
    if not rows:
        return
    fields = frozenset(update_fields) if update_fields is not None else None
    with _scopes_gathered():
        rows_written.send(sender=model, instances=rows, update_fields=fields)


def on_write(model: type[Model], receiver: Callable[..., Any], *, dispatch_uid: str) -> None:
    """Connect a receiver that outdates cached work to every write of ``model``: its saves and
    deletes (also of a ``QuerySet.delete``, which Django sends per row while a receiver is
    connected) and, once per row, the writes without signals that services report
    (``rows_written_send``). The receiver takes ``post_save``'s keyword arguments;
    ``created`` and ``update_fields`` are absent on a delete."""
    post_save.connect(receiver, sender=model, dispatch_uid=dispatch_uid)
    post_delete.connect(receiver, sender=model, dispatch_uid=dispatch_uid)

    def each_row(
        sender: type[Model], instances: list[Model], update_fields: Any, **kwargs: Any
    ) -> None:
        for instance in instances:
            receiver(
                sender=sender,
                instance=instance,
                created=False,
                update_fields=update_fields,
                raw=False,
                **kwargs,
            )

    # A closure: held strongly, or it would be gone at once.
    rows_written.connect(each_row, sender=model, dispatch_uid=dispatch_uid, weak=False)


def _key(name: str, scopes: Sequence[str], versions: dict[str, object]) -> str:
    """The cache key of ``name`` under the scopes' current versions (``versions``: what
    ``get_many`` found of them; a scope without a version gets one)."""
    return ":".join(
        [
            "carai:c",
            release(),
            name,
            *(
                f"{scope}={versions.get(_VERSION + scope) or cache_version(scope)}"
                for scope in scopes
            ),
        ]
    )


def _stored(key: str, compute: Callable[[], T], timeout: int) -> T:
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout=timeout)
    return value  # type: ignore[no-any-return]


def cached(
    name: str,
    *,
    scopes: Sequence[str] | Callable[[], Sequence[str]],
    compute: Callable[[], T],
    timeout: int = 600,
) -> T:
    """``compute()``, remembered under ``name`` until a scope is bumped or ``timeout``
    seconds pass (for what changes with the clock, like "upcoming"). ``scopes`` may be a
    function, called only when the cache is used (finding them may cost a query)."""
    if not settings.CARAI_CACHE_SHARED:
        return compute()
    if callable(scopes):
        scopes = scopes()
    versions = cache.get_many([_VERSION + scope for scope in scopes])
    return _stored(_key(name, scopes, versions), compute, timeout)


# What ``cached_in_process`` keeps in this process: its key (the cache's epoch and the
# versioned key) -> (until, value). Emptied whole when it reaches ``_LOCAL_MOST`` entries
# (old versions are never read again).
_LOCAL: dict[str, tuple[float, object]] = {}
_LOCAL_MOST = 1000
# A token kept in the cache with the versions and read with them. The cache losing its
# contents (a restart, a flush; in the tests, every test) loses it too, and a new one is
# made: the versions begin again then, and the token keeps old values kept in a process
# from being taken for new ones.
_EPOCH = "carai:epoch"


def cached_in_process(
    name: str,
    *,
    scopes: Sequence[str],
    compute: Callable[[], T],
    timeout: int = 600,
) -> T:
    """``cached``, and the value also kept in the memory of this process under the same
    versioned key: a request then reads only the scopes' versions from the cache (one round
    trip), not the value, and does not unpickle it. Every bump, from any process, changes a
    version and so the key; the kept value lives at most ``timeout`` seconds.

    The value is **shared** by every caller in the process (and its threads): only for
    values that callers read and never change (frozensets, or model objects that are only
    read) and that are small (a few per page at most)."""
    if not settings.CARAI_CACHE_SHARED:
        return compute()
    found = cache.get_many([_EPOCH, *(_VERSION + scope for scope in scopes)])
    epoch = found.get(_EPOCH)
    if epoch is None:
        cache.add(_EPOCH, secrets.token_hex(8), timeout=None)
        epoch = cache.get(_EPOCH)
        if epoch is None:  # the cache keeps nothing: do not keep it here either
            return _stored(_key(name, scopes, found), compute, timeout)
    key = _key(name, scopes, found)
    local = f"{epoch}:{key}"
    now = time.monotonic()
    kept = _LOCAL.get(local)
    if kept is not None and kept[0] > now:
        return kept[1]  # type: ignore[return-value]
    value = _stored(key, compute, timeout)
    if len(_LOCAL) >= _LOCAL_MOST:
        _LOCAL.clear()
    _LOCAL[local] = (now + timeout, value)
    return value
