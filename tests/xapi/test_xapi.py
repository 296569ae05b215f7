"""Learning records to an organisation's LRS as xAPI statements (issue 20).

Delivery is tested against a real LRS: Ralph (``ralph-malph``), started here from its own
virtual environment (``bin/test`` makes it in ``~/.cache/carai/ralph-5.1.0``;
``CARAI_RALPH_BIN`` points elsewhere). The statements are queried back from it.
People are fictional."""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from carai.community.models import Membership, Role
from carai.learning.demo import finish_lesson
from carai.learning.models import Module
from carai.learning.services.progress import enrolment_start
from carai.xapi import statements
from carai.xapi.models import LrsConfig, Statement, StatementState
from carai.xapi.selectors import has_lrs
from carai.xapi.services import lrs_config_save
from carai.xapi.tasks import xapi_deliver_now, xapi_relay
from tests.conftest import World, client_for

RALPH_USER, RALPH_PASSWORD = "carai", "fictief-geheim"


def _lrs(world: World, endpoint: str = "http://127.0.0.1:9/xAPI/") -> LrsConfig:
    return lrs_config_save(
        actor=world.org_admin,
        organisation=world.org_a,
        is_active=True,
        endpoint=endpoint,
        username=RALPH_USER,
        password=RALPH_PASSWORD,
        identify_by="pseudonym",
    )


def _finish_module(module: Module, world: World, user: Any = None) -> None:
    enrolment = enrolment_start(user=user or world.care_worker, module=module)
    for lesson in module.lessons.filter(is_active=True).order_by("order"):
        finish_lesson(enrolment, lesson)


def test_statement_shape_and_pseudonyms() -> None:
    activity = statements.Activity("https://carai.example/xapi/modules/m", "course", "Module")
    happening = statements.Happening(
        key="k", verb="passed", activity=activity, timestamp=timezone.now(), score=80, success=True
    )
    actor = statements.actor_pseudonym(home_page="https://carai.example/", name="abc")
    body = statements.statement(happening=happening, actor=actor, lrs_id=1)
    assert body["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert body["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/course"
    assert body["result"] == {
        "score": {"scaled": 0.8, "raw": 80, "min": 0, "max": 100},
        "success": True,
        "completion": True,
    }
    again = statements.statement(happening=happening, actor=actor, lrs_id=1)
    assert again["id"] == body["id"]  # the same happening is the same statement
    assert statements.statement(happening=happening, actor=actor, lrs_id=2)["id"] != body["id"]
    one = statements.pseudonym(salt="a", user_id=7)
    assert one == statements.pseudonym(salt="a", user_id=7)
    assert one != statements.pseudonym(salt="b", user_id=7)  # organisations cannot link them


def test_what_a_learner_does_is_queued_without_personal_data(module: Module, world: World) -> None:
    _finish_module(module, world, world.manager)
    assert not Statement.objects.exists()  # no LRS set up: nothing is kept

    config = _lrs(world)
    _finish_module(module, world, world.outsider)  # organisation B: not for A's LRS
    assert not Statement.objects.exists()
    _finish_module(module, world)
    bodies = [s.body for s in Statement.objects.filter(lrs=config)]
    verbs = sorted(b["verb"]["id"].rsplit("/", 1)[1] for b in bodies)
    lessons = module.lessons.filter(is_active=True).count()
    assert verbs.count("completed") == lessons + 1  # every lesson, and the module
    assert "passed" in verbs
    assert "earned" in verbs
    text = json.dumps(bodies)
    assert world.care_worker.email not in text
    assert world.care_worker.full_name not in text
    assert {json.dumps(b["actor"]) for b in bodies} == {json.dumps(bodies[0]["actor"])}
    assert "account" in bodies[0]["actor"]


def test_an_unreachable_lrs_keeps_the_statements_and_tries_later(
    module: Module, world: World
) -> None:
    config = _lrs(world)  # port 9: nobody listens
    _finish_module(module, world)
    queued = Statement.objects.filter(lrs=config).count()
    assert queued
    result = xapi_deliver_now(lrs_id=config.pk)
    assert result == {"sent": 0, "not_sent": queued}
    statement = Statement.objects.filter(lrs=config).first()
    assert statement is not None
    assert statement.state == StatementState.PENDING
    assert statement.attempts == 1
    assert statement.next_attempt_at > timezone.now()
    assert "Error" in statement.last_error
    assert xapi_relay() == 0  # not due yet


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ralph_bin() -> Path | None:
    configured = os.environ.get("CARAI_RALPH_BIN")
    candidates = [Path(configured)] if configured else []
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    candidates.append(cache / "carai" / "ralph-5.1.0" / "bin")
    for folder in candidates:
        if (folder / "ralph").exists() and (folder / "uvicorn").exists():
            return folder
    return None


@pytest.fixture(scope="module")
def ralph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = _ralph_bin()
    if folder is None:
        if os.environ.get("CARAI_REQUIRE_LRS"):
            pytest.fail("Ralph is not installed (bin/test installs it)")
        pytest.skip("Ralph (ralph-malph) is not installed: run bin/test once")
    home = tmp_path_factory.mktemp("ralph")
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(home / "app"),
        "RALPH_AUTH_FILE": str(home / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(home / "data"),
    }
    auth = ["auth", "-u", RALPH_USER, "-p", RALPH_PASSWORD, "-s", "all", "-w"]
    subprocess.run(  # noqa: S603 (our own test LRS, from a path we chose)
        [str(folder / "ralph"), *auth, "-M", "mailto:lrs@carai.example"],
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    log = (home / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (our own test LRS, from a path we chose)
        [str(folder / "uvicorn"), "ralph.api:app", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/xAPI/"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/__heartbeat__", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    sys.stderr.write((home / "server.log").read_text())
                    raise
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
        shutil.rmtree(home, ignore_errors=True)


def _stored(url: str, **query: str) -> list[dict[str, Any]]:
    request = urllib.request.Request(  # noqa: S310 (the test LRS on 127.0.0.1)
        url + "statements?" + "&".join(f"{k}={v}" for k, v in query.items()),
        headers={
            "X-Experience-API-Version": "1.0.3",
            "Authorization": "Basic "
            + base64.b64encode(f"{RALPH_USER}:{RALPH_PASSWORD}".encode()).decode(),
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return list(json.loads(response.read())["statements"])


def test_statements_reach_a_real_lrs_once_even_when_sent_again(
    module: Module, world: World, ralph: str
) -> None:
    config = _lrs(world)
    _finish_module(module, world)
    xapi_deliver_now(lrs_id=config.pk)  # the LRS is not there: tried, kept
    assert not Statement.objects.filter(state=StatementState.SENT).exists()

    lrs_config_save(
        actor=world.org_admin,
        organisation=world.org_a,
        is_active=True,
        endpoint=ralph,
        username=RALPH_USER,
        password="",  # keeps the stored one
        identify_by="pseudonym",
    )
    Statement.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert xapi_relay() == 1
    ours = Statement.objects.filter(lrs=config)
    assert ours.exclude(state=StatementState.SENT).count() == 0
    stored = {s["id"]: s for s in _stored(ralph, limit="500")}
    for statement in ours:
        assert str(statement.statement_id) in stored
    quiz = [s for s in stored.values() if s["verb"]["id"].endswith("/passed")]
    assert quiz
    assert quiz[0]["result"]["score"]["raw"] == 100

    # Sent once more (a worker died after sending, before marking): stored once.
    ours.update(state=StatementState.PENDING, next_attempt_at=timezone.now())
    xapi_deliver_now(lrs_id=config.pk)
    assert ours.exclude(state=StatementState.SENT).count() == 0
    assert len(_stored(ralph, limit="500")) == len(stored)


def test_settings_page_for_the_organisation_admin_only(world: World) -> None:
    url = reverse("xapi:settings", kwargs={"slug": world.org_a.slug})
    for stranger in (world.care_worker, world.manager, world.outsider_admin, world.lead):
        assert client_for(stranger).get(url).status_code == 404
    admin = client_for(world.org_admin)
    page = admin.get(url)
    assert "Leerdata" in page.content.decode() or "leerdata" in page.content.decode()
    refused = admin.post(url, {"endpoint": "ftp://lrs", "username": "x", "identify_by": "email"})
    assert refused.status_code == 200
    assert refused.context["form"].errors
    saved = admin.post(
        url,
        {
            "is_active": "on",
            "endpoint": "https://lrs.zorg-a.example/xAPI",
            "username": "sleutel",
            "password": "heel-geheim",
            "identify_by": "pseudonym",
        },
    )
    assert saved.status_code == 302
    config = LrsConfig.objects.get(organisation=world.org_a)
    assert config.endpoint == "https://lrs.zorg-a.example/xAPI/"
    assert "heel-geheim" not in config.password_encrypted


def test_whether_someone_has_an_lrs_follows_every_write(module: Module, world: World) -> None:
    """Without an LRS a learning write builds and queues nothing (and opens no savepoint);
    a new LRS, one switched off or removed, an organisation switched off and a new
    membership count at once."""
    enrolment = enrolment_start(user=world.care_worker, module=module)
    lessons = list(module.lessons.filter(is_active=True).order_by("order"))
    finish_lesson(enrolment, lessons[0])
    assert Statement.objects.count() == 0
    config = _lrs(world)
    finish_lesson(enrolment, lessons[1])
    assert Statement.objects.filter(user=world.care_worker).count() == 1
    config.is_active = False
    config.save()
    enrolment_start(user=world.outsider, module=module)  # B has no LRS
    count = Statement.objects.count()
    finish_lesson(enrolment, lessons[2])
    assert Statement.objects.count() == count
    config.is_active = True
    config.save()
    world.org_a.is_active = False
    world.org_a.save()
    assert not has_lrs(user=world.care_worker)
    world.org_a.is_active = True
    world.org_a.save()
    assert has_lrs(user=world.care_worker)
    # Kevin (organisation B) joins A: his records go to A's LRS from then on.
    assert not has_lrs(user=world.outsider)
    Membership.objects.create(user=world.outsider, organisation=world.org_a, role=Role.PROFESSIONAL)
    assert has_lrs(user=world.outsider)
    # Which organisations have an LRS is kept in the cache: removing one shows at once.
    config.delete()
    assert not has_lrs(user=world.outsider)
    assert not has_lrs(user=world.care_worker)
