"""The privacy engine as the web platform uses it: one per process, loaded at start-up.

Loading takes seconds and about 1 GB, so a request never waits for it: until the engine is
ready, pages say so. With gunicorn, ``preload_app`` (see gunicorn.conf.py) loads it once in
the master before the workers fork, so they share its memory pages.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from django.conf import settings

from carai.privacy import PrivacyEngine, get_engine

logger = logging.getLogger(__name__)
_state = {"loading": False, "failed": False}
_lock = threading.Lock()
_ready = threading.Event()


def _load() -> None:
    try:
        get_engine(cache_dir=Path(settings.DEDUCE_CACHE_DIR))
    except Exception:
        logger.exception("The privacy engine could not be loaded.")
        _state["failed"] = True
    else:
        _ready.set()
        logger.info("The privacy engine is ready.")
    finally:
        _state["loading"] = False


def privacy_engine_warm_up(*, wait: bool = False) -> None:
    """Start loading the engine in the background (once); ``wait`` blocks until done."""
    with _lock:
        if not _ready.is_set() and not _state["loading"]:
            _state["loading"] = True
            _state["failed"] = False
            if wait:
                _load()
                return
            threading.Thread(target=_load, name="privacy-engine", daemon=True).start()
    if wait:
        _ready.wait()


def privacy_engine_or_none() -> PrivacyEngine | None:
    """The engine if it is ready; otherwise start loading it and return None."""
    if _ready.is_set():
        return get_engine()
    privacy_engine_warm_up()
    return None


def privacy_engine_state() -> str:
    """ "ready", "loading", "failed" or "not loaded" (nothing asked for it yet)."""
    if _ready.is_set():
        return "ready"
    if _state["loading"]:
        return "loading"
    return "failed" if _state["failed"] else "not loaded"
