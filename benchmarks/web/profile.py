"""Where a key page's time goes: cProfile of in-process requests on a database the web
benchmark made (run it after ``benchmarks.web.run``, with the same ``--workdir``).

    python -m benchmarks.web.profile --workdir DIR [--database URL] [--rounds 20]
        [--sort cumulative|tottime] [--quiz-skip N] PAGE...

PAGE is a name from ``run.PAGES`` ("overview", "team page", ...). Prints, per page, the
functions with the most cumulative time, CARAI's own first, and the function calls and
queries per request.

"quiz submit" hands in open attempts of the pool in order, and each only once: the run
itself hands in the first ones (``--rounds`` + 2 in-process, then as many as the served
run gets through), and an attempt handed in answers with its result page instead. Give
``--quiz-skip`` past those (and past an earlier profile's), or make fresh data.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
from pathlib import Path

from benchmarks.web import run


def _profile(state_file: Path, pages: list[str], rounds: int, sort: str, quiz_skip: int) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from carai.core.engine import privacy_engine_warm_up

    if "Privacycheck POST" in pages:
        privacy_engine_warm_up(wait=True)
    state = json.loads(state_file.read_text())
    state["quiz"] = state["quiz"][quiz_skip:]
    requests = run._requests(state)
    for name in pages:
        client = Client(HTTP_ACCEPT_LANGUAGE="nl")
        client.cookies["csrftoken"] = run.CSRF
        profiler = cProfile.Profile()
        statuses, queries = set(), 0
        for n in range(rounds + 2):
            spec = requests[name]()
            if spec is None:
                break
            with CaptureQueriesContext(connection) as captured:
                if n >= 2:
                    profiler.enable()
                response = run.client_send(client, spec)
                profiler.disable()
            if n >= 2:
                statuses.add(response.status_code)
                queries += len(captured.captured_queries)
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text).sort_stats(sort)
        if sort == "cumulative":
            stats.print_stats(r"carai/|django/template/base|django/urls|gettext|psycopg", 25)
        else:  # where the time is spent itself, in any code
            stats.print_stats(30)
        print(f"=== {name} ({rounds} requests) ===")
        print(text.getvalue()[-6000:])
        print(
            f"{name}: {stats.total_calls / rounds:,.0f} function calls and "  # type: ignore[attr-defined]
            f"{queries / rounds:.1f} queries per request; statuses {sorted(statuses)}"
        )


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        _profile(Path(sys.argv[2]), sys.argv[6:], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
        sys.stdout.flush()
        os._exit(0)  # not the minutes of tearing down the privacy engine
    parser = argparse.ArgumentParser()
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/carai_bench")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--sort", choices=["cumulative", "tottime"], default="cumulative")
    parser.add_argument("--quiz-skip", type=int, default=0, help="open attempts already used")
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    env = run._env(args, args.database, workdir)
    # The small community's database is the large one's name with "_small" (run.py's default).
    state = workdir / ("small.json" if args.database.endswith("_small") else "large.json")
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "benchmarks.web.profile",
            "child",
            str(state),
            str(args.rounds),
            args.sort,
            str(args.quiz_skip),
            *args.pages,
        ],
        cwd=run.ROOT,
        env={**env, "PYTHONPATH": os.fspath(run.ROOT)},
        check=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
