"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py carai.wsgi``.

The privacy engine (deduce, about 1 GB) is loaded once in the master before the workers
fork, so the workers share its memory pages instead of each loading a copy. The master
loads the app first (``preload_app``), then binds the socket, and only then loads the
engine (``when_ready``), still before the first fork: while it loads (10-60 s) a first
start already listens, and connections wait in the socket's queue instead of being
refused. Two things keep the sharing and keep stops quick:

- the garbage collector's objects are frozen just before each fork, so a collection in a
  worker never writes to (and so never copies) the engine's pages;
- a worker leaves with ``os._exit`` once gunicorn is done with it: tearing down a gigabyte
  of shared objects object by object would copy every page and take many seconds.

Every value can be set from the environment (see docs/operations.md).
"""

import gc
import os
import signal
import sys
from typing import Any

bind = os.environ.get("CARAI_BIND", "127.0.0.1:8000")  # behind a TLS-terminating proxy
workers = int(os.environ.get("CARAI_WORKERS", "3"))
worker_class = "gthread"
threads = int(os.environ.get("CARAI_THREADS", "4"))
timeout = int(os.environ.get("CARAI_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("CARAI_GRACEFUL_TIMEOUT", "8"))
# One request per connection, and a worker takes a connection only when one of its
# threads is free: the workers then share the requests through the listening socket's
# queue, so none waits behind another's queue. With keep-alive a gthread worker keeps every
# connection it accepted (it accepts up to worker_connections, busy or not); a burst of
# new connections went mostly to one worker (seen: 1,266 / 1 / 0 requests over 3 workers)
# and p95 was 3-5 x the median (docs/performance.md, late evening of 5 December). The
# proxy in front (TLS) keeps the browsers' connections alive; to gunicorn, on the same host
# or network, a new connection costs far less than a page (many proxies, nginx by default,
# open one per request anyway). CARAI_KEEPALIVE=<seconds> turns keep-alive back on.
keepalive = int(os.environ.get("CARAI_KEEPALIVE", "0"))
worker_connections = threads if keepalive == 0 else 1000
# Replace a worker now and then, so memory that grows slowly is given back.
max_requests = int(os.environ.get("CARAI_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
preload_app = True
# For reloads without a refused connection (bin/gunicorn-reload, docs/operations.md).
pidfile = os.environ.get("CARAI_PIDFILE") or None
# No control socket (gunicorn 25+): CARAI is reloaded and stopped with signals, and the
# default path (~/.gunicorn/gunicorn.ctl) is one per user, so a reload's second master or
# another gunicorn of the same user takes it over and removes it on stopping.
control_socket_disable = True
# "server": Django does not load the engine itself; when_ready below does, in the master.
raw_env = ["CARAI_PRIVACY_WARMUP=server"]
os.environ.setdefault("CARAI_PRIVACY_WARMUP", "server")


def _warm_up_app() -> None:
    """Do in the master what each worker would otherwise do on its first request: import
    the URL conf (every view module and what they import: about 1.2 s of CPU) and build
    the reverse URL maps and the translation catalogues of every language. A new worker
    (at start, or replacing one after max_requests) then answers its first request at
    once instead of after a second or more, and shares those modules with the others."""
    from django.conf import settings
    from django.db import connections
    from django.urls import get_resolver
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            get_resolver().reverse_dict  # noqa: B018  (imports the URL conf, builds the maps)
            translation.gettext("CARAI")
    connections.close_all()  # no database connection may be shared with the workers


def when_ready(server: Any) -> None:
    """Warm the app up and load the privacy engine in the master, after binding and before
    the workers fork.

    gunicorn (27) runs, in order: load the app (``preload_app``), write the pid file, bind
    (or take over the listening socket of the old master on a USR2 reload), ``when_ready``,
    then fork the workers. A stop signal that comes meanwhile ends the master at once (no
    worker is there yet), as it did when the engine loaded before binding.
    """
    if not server.cfg.preload_app:
        return
    stops = (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT)
    handlers = {sig: signal.signal(sig, signal.SIG_DFL) for sig in stops}
    try:
        _warm_up_app()
        if os.environ.get("CARAI_PRIVACY_WARMUP") == "server":
            from carai.core.engine import privacy_engine_state, privacy_engine_warm_up

            server.log.info("Loading the privacy engine; connections wait in the queue.")
            privacy_engine_warm_up(wait=True)
            server.log.info("Privacy engine: %s; starting the workers.", privacy_engine_state())
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def pre_fork(server: object, worker: object) -> None:
    gc.collect()
    gc.freeze()


def worker_exit(server: object, worker: object) -> None:
    # Called last in the worker process, after gunicorn closed its connections.
    error = sys.exc_info()[1]
    if isinstance(error, SystemExit):
        code = error.code if isinstance(error.code, int) else 1
    else:
        code = 0 if error is None else 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
