"""Memory of gunicorn workers that each can run the privacy check.

    python -m benchmarks.privacy.workers [--workers 3]

Starts gunicorn twice on a free port: with preload_app (the engine loaded once in the
master, before the workers fork; what gunicorn.conf.py does) and without (each worker
loads its own copy after start-up). Waits until every process holds the engine, then
prints the total RSS and PSS (proportional set size: shared pages divided among the
processes that share them) of master plus workers. Linux only (/proc/<pid>/smaps_rollup).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _memory_kb(pid: int) -> tuple[int, int]:
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        values[key] = int(value.split()[0])
    return values["Rss"], values["Pss"]


def measure(*, workers: int, preload: bool) -> tuple[int, int, int]:
    env = dict(os.environ, CARAI_ENV="development", DJANGO_SETTINGS_MODULE="carai.settings")
    env["CARAI_PRIVACY_WARMUP"] = "wait" if preload else "1"
    command = [
        sys.executable, "-m", "gunicorn", "carai.wsgi", "--bind", f"127.0.0.1:{_free_port()}",
        "--workers", str(workers), "--timeout", "300",
        "--config", os.devnull,  # not ./gunicorn.conf.py: this script sets what it measures
    ]  # fmt: skip
    if preload:
        command.append("--preload")
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        started = time.monotonic()
        pids: list[int] = []
        while time.monotonic() - started < 600:
            time.sleep(2)
            pids = [server.pid, *_children(server.pid)]
            big = [pid for pid in pids if _memory_kb(pid)[0] > 900_000]
            # Each worker (and with preload the master) holds the engine's ~1 GB.
            if len(pids) == workers + 1 and len(big) >= workers:
                time.sleep(3)
                break
        rss = pss = 0
        for pid in pids:
            one_rss, one_pss = _memory_kb(pid)
            rss, pss = rss + one_rss, pss + one_pss
        return len(pids), rss, pss
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    for preload in (True, False):
        processes, rss, pss = measure(workers=args.workers, preload=preload)
        name = "preload (one engine, shared)" if preload else "no preload (engine per worker)"
        print(
            f"{name:<32} {processes} processes: RSS {rss / 1024:7.0f} MB, "
            f"PSS {pss / 1024:7.0f} MB (what they really use together)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
