"""Time to first streamed token: what CARAI's streaming answer page adds to the model's own.

    python -m benchmarks.sandbox.ttft [--rounds 200] [--words 40]

Starts the local chat-completions server the tests use (``tests/sandbox/model_server.py``,
in a thread) and, on a fresh test database (SQLite in memory, or ``DATABASE_URL``), a
fictional organisation, care worker, register tool and model endpoint that points at it.
Then, ``--rounds`` times each, measures the time from sending until the first piece of the
answer arrives:

1. **direct**: a streaming POST with the standard library's ``http.client`` straight to the
   server, until the first SSE event with content;
2. **client**: CARAI's client (``carai.sandbox.client.stream_chat``, the official ``openai``
   package) until its first piece;
3. **page**: CARAI's whole answer page, through the Django test client in this process
   (``Client.post`` on the workspace with "send"; the view's ``StreamingHttpResponse`` is
   read piece by piece), until the first piece that holds the answer's first word. This
   includes everything the view does before the answer: the session, the pre-send privacy
   check of the prompt, the register's verdict, the budget and hourly-limit check with its
   row lock, rendering the top of the page.

The test client is not a socket: the added figure is CARAI's own work, without the WSGI
server's. Prints medians and p95 of each, and the page's added ms over direct.
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import io
import json
import logging
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROMPT = (
    "Je bent verzorgende. Maak een MIC-melding van deze rapportage over dhr. Visser:\n"
    "03:40 Dhr. gevonden op de grond naast zijn bed. Om 23:00 temazepam 10 mg gegeven."
)
FIRST_WORD = "Eerste"


def _pct(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _row(name: str, values: list[float]) -> str:
    return (
        f"{name:<8} median {statistics.median(values) * 1000:7.2f} ms   "
        f"p95 {_pct(values, 95) * 1000:7.2f} ms   n={len(values)}"
    )


def _measure(rounds: int, once: Callable[[], float], warm: int = 5) -> list[float]:
    for _ in range(warm):
        once()
    return [once() for _ in range(rounds)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--words", type=int, default=40, help="words in the model's answer")
    parser.add_argument(
        "--profile", action="store_true", help="also print where the page's time goes (cProfile)"
    )
    args = parser.parse_args()
    logging.getLogger("httpx2").setLevel(logging.WARNING)  # one line per request otherwise

    os.environ.setdefault("CARAI_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carai.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from carai.accounts.models import User
    from carai.community.models import Membership, Organisation, Role
    from carai.core.engine import privacy_engine_warm_up
    from carai.practice.content import read_case
    from carai.practice.services import case_import
    from carai.register.models import AITool, DataRule, Permission, ToolStatus
    from carai.sandbox import services
    from carai.sandbox.client import Usage, stream_chat
    from tests.sandbox.model_server import ModelServer

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    privacy_engine_warm_up(wait=True)

    server = ModelServer().start()
    server.answer = " ".join([FIRST_WORD] + ["woord"] * (args.words - 1))

    organisation = Organisation.objects.create(name="Zorg Benchmark (fictief)", slug="zorg-bm")
    user = User.objects.create_user(email="bench@zorg-bm.example", password="x" * 20)
    user.full_name = "Bench Zorgmedewerker"
    user.save()
    Membership.objects.create(user=user, organisation=organisation, role=Role.PROFESSIONAL)
    tool = AITool.objects.create(
        organisation=organisation,
        name="Oefen-AI (EU)",
        vendor="Fictief BV",
        purpose="Oefenen",
        status=ToolStatus.ALLOWED,
    )
    DataRule.objects.create(tool=tool, category="health", permission=Permission.ALLOWED)
    services.endpoint_save(
        actor=user,
        organisation=organisation,
        tool=tool,
        base_url=server.url,
        model_name="ok",
        api_key="sk-bench",
        monthly_token_budget=2_000_000_000,
        requests_per_hour=1_000_000,
        price_per_million=Decimal("0"),
        is_active=True,
    )
    case_file = ROOT / "content/cases/verpleeghuis-valincident-visser/nl/case.yaml"
    case = case_import(data=read_case(case_file))[0]

    host, port = server.server_address[:2]
    body = json.dumps(
        {"model": "ok", "stream": True, "messages": [{"role": "user", "content": PROMPT}]}
    )

    def direct() -> float:
        start = time.perf_counter()
        connection = http.client.HTTPConnection(str(host), int(port), timeout=30)
        try:
            connection.request(
                "POST", "/v1/chat/completions", body, {"Content-Type": "application/json"}
            )
            response = connection.getresponse()
            took = None
            for line in response:
                if took is None and line.startswith(b"data: ") and b'"content"' in line:
                    took = time.perf_counter() - start
            if took is None:
                raise SystemExit("the server sent no content")
            return took
        finally:
            connection.close()

    def client() -> float:
        start = time.perf_counter()
        pieces = stream_chat(
            base_url=server.url,
            api_key="sk-bench",
            model="ok",
            messages=[{"role": "user", "content": PROMPT}],
            usage=Usage(),
        )
        next(pieces)
        took = time.perf_counter() - start
        for _piece in pieces:
            pass
        return took

    web = Client(HTTP_ACCEPT_LANGUAGE="nl")
    web.force_login(user)
    url = reverse("sandbox:workspace", kwargs={"case_id": case.pk})

    def page() -> float:
        start = time.perf_counter()
        response = web.post(url, {"task_choice": "case", "prompt": PROMPT, "send": "1"})
        took = None
        for piece in response.streaming_content:  # type: ignore[attr-defined]
            if took is None and FIRST_WORD.encode() in piece:
                took = time.perf_counter() - start
        response.close()
        if took is None:
            raise SystemExit(f"the page had no answer (status {response.status_code})")
        return took

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        _measure(args.rounds, page)
        profiler.disable()
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(
            r"carai/|openai/_base|template/loader|engine", 30
        )
        print(text.getvalue()[:9000])

    results = {}
    for name, once in (("direct", direct), ("client", client), ("page", page)):
        results[name] = _measure(args.rounds, once)
    server.stop()
    print(f"time to first streamed token, {args.rounds} rounds, {args.words} words")
    for name, values in results.items():
        print(_row(name, values))
    added = statistics.median(results["page"]) - statistics.median(results["direct"])
    added95 = _pct(results["page"], 95) - _pct(results["direct"], 95)
    print(f"added by CARAI's page: median {added * 1000:.2f} ms, p95 {added95 * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
