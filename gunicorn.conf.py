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
keepalive = 5
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


def when_ready(server: Any) -> None:
    """Load the privacy engine in the master after binding, before the workers fork.

    gunicorn (27) runs, in order: load the app (``preload_app``), write the pid file, bind
    (or take over the listening socket of the old master on a USR2 reload), ``when_ready``,
    then fork the workers. A stop signal that comes while the engine loads ends the master
    at once (no worker is there yet), as it did when the engine loaded before binding.
    """
    if os.environ.get("CARAI_PRIVACY_WARMUP") != "server" or not server.cfg.preload_app:
        return
    from carai.core.engine import privacy_engine_state, privacy_engine_warm_up

    stops = (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT)
    handlers = {sig: signal.signal(sig, signal.SIG_DFL) for sig in stops}
    try:
        server.log.info("Loading the privacy engine; connections wait in the queue.")
        privacy_engine_warm_up(wait=True)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    server.log.info("Privacy engine: %s; starting the workers.", privacy_engine_state())


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
