"""Production smoke test: the README's production steps, run for real.

With ``CARAI_ENV=production`` it migrates a fresh PostgreSQL database, collects the static
files (WhiteNoise manifest), starts gunicorn with the repository's ``gunicorn.conf.py``,
logs in as a fictional person and fetches pages and every stylesheet and script they name.
On that first start it connects as soon as gunicorn listens, while the master still loads
the privacy engine: the connection must be held and answered, not refused.
Then it reloads gunicorn with bin/gunicorn-reload while asking for /gezond/ all the time
(every request must be answered), stops it with SIGTERM and reports how long that took.

    python tests/smoke/production.py postgres://postgres@127.0.0.1:5432/carai_smoke

Run by ``bin/test``. Exits non-zero, with the reason, on the first thing that fails.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from http.client import HTTPResponse
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "smoke.test@carai.example"  # fictional
PASSWORD = secrets.token_urlsafe(16)
PAGES = ["/overzicht/", "/leren/", "/oefenen/", "/oefenen/privacycheck/", "/community/kpis/"]
STARTUP_SECONDS = 240  # the first build of deduce's lookup cache takes a minute or two
SHUTDOWN_SECONDS = 10


class SmokeError(Exception):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fresh_database(url: str) -> None:
    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SmokeError(f"Unexpected database name {name!r}")
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")


def manage(env: dict[str, str], *args: str) -> None:
    print("    manage.py", " ".join(args), flush=True)
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


class Browser:
    """A tiny HTTP client that keeps cookies (also Secure ones) and poses as behind TLS."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, bytes]:
        headers = {
            # gunicorn sits behind a TLS-terminating proxy; the settings trust this header.
            "X-Forwarded-Proto": "https",
            "Host": "127.0.0.1",
            "Accept-Language": "nl",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://127.0.0.1{path}"
        req = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310
        try:
            response: HTTPResponse = self.opener.open(req, timeout=30)
        except urllib.error.HTTPError as exc:
            response = exc  # type: ignore[assignment]
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers.get("Location", ""), response.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def wait_until_ready(browser: Browser, process: subprocess.Popen[bytes]) -> float:
    started = time.monotonic()
    while time.monotonic() - started < STARTUP_SECONDS:
        if process.poll() is not None:
            raise SmokeError(f"gunicorn exited with code {process.returncode} while starting")
        try:
            status, _, _ = browser.request("/gezond/")
        except OSError:
            status = 0
        if status == 200:
            return time.monotonic() - started
        time.sleep(0.5)
    raise SmokeError(f"/gezond/ did not answer 200 within {STARTUP_SECONDS} s")


def check_first_start_holds_connections(
    port: int, process: subprocess.Popen[bytes], log: Path
) -> None:
    """gunicorn binds before the master loads the privacy engine (gunicorn.conf.py,
    when_ready): a connection made while the engine loads waits in the socket's queue and
    gets its answer once the workers run."""
    started = time.monotonic()
    while True:
        if process.poll() is not None:
            raise SmokeError(f"gunicorn exited with code {process.returncode} while starting")
        expect(time.monotonic() - started < STARTUP_SECONDS, "gunicorn never listened")
        try:
            conn = socket.create_connection(("127.0.0.1", port), timeout=STARTUP_SECONDS)
            break
        except ConnectionRefusedError:
            time.sleep(0.02)  # not bound yet: the app (not the engine) is still loading
    with conn:
        loaded_at_connect = "Privacy engine: " in log.read_text(errors="replace")
        connected = time.monotonic()
        conn.sendall(
            b"GET /gezond/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
            b"Connection: close\r\n\r\n"
        )
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    held = time.monotonic() - connected
    text = log.read_text(errors="replace")
    expect(
        "Loading the privacy engine" in text and not loaded_at_connect,
        "the first connection was accepted only after the privacy engine was loaded",
    )
    status = answer.split(b"\r\n", 1)[0]
    expect(b" 200 " in status, f"the held connection was answered {status!r}")
    print(
        f"    first start: connected while the engine loaded, answered 200 after {held:.1f} s",
        flush=True,
    )


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeError(message)


def log_in(browser: Browser) -> None:
    status, _, body = browser.request("/account/inloggen/")
    expect(status == 200, f"log-in page answered {status}")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    expect(match is not None, "no CSRF token on the log-in page")
    assert match is not None
    status, location, _ = browser.request(
        "/account/inloggen/",
        {
            "csrfmiddlewaretoken": match.group(1).decode(),
            "username": EMAIL,
            "password": PASSWORD,
        },
    )
    expect(status == 302, f"logging in answered {status}, not a redirect")
    expect("inloggen" not in location, f"logging in sent us back to {location}")


def check_page_and_assets(browser: Browser, path: str, seen: set[str]) -> None:
    status, location, body = browser.request(path)
    expect(status == 200, f"{path} answered {status} {location}")
    assets = re.findall(rb'<(?:link rel="stylesheet" href|script src)="([^"]+)"', body)
    expect(len(assets) >= 2, f"{path} names no stylesheets or scripts")
    for raw in assets:
        asset = raw.decode()
        if asset in seen:
            continue
        seen.add(asset)
        # The manifest storage names files by their content: name.<hash>.ext
        expect(
            re.search(r"\.[0-9a-f]{12}\.(css|js)$", asset) is not None,
            f"{asset} is not a hashed file name from the static manifest",
        )
        status, _, content = browser.request(asset)
        expect(status == 200 and len(content) > 0, f"{asset} answered {status}")
    print(f"    {path}: 200, assets fine", flush=True)


def check_privacy_engine(browser: Browser) -> None:
    """A forked worker uses the engine the master loaded: a fictional BSN is found."""
    status, _, body = browser.request("/oefenen/privacycheck/")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    expect(status == 200 and match is not None, "no form on the Privacycheck page")
    assert match is not None
    status, _, body = browser.request(
        "/oefenen/privacycheck/",
        {
            "csrfmiddlewaretoken": match.group(1).decode(),
            # A made-up number that passes the 11-test.
            "text": "Mevrouw heeft BSN 111222333 en woont in Utrecht.",
        },
    )
    expect(status == 200, f"posting to the Privacycheck answered {status}")
    expect(b'<mark class="carai-pii">111222333' in body, "the BSN was not marked")
    expect(b"[BSN-1]" in body, "the pseudonymised copy has no [BSN-1]")
    print("    /oefenen/privacycheck/ POST: the engine found the BSN", flush=True)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie waiting for its parent does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def check_reload_refuses_nothing(env: dict[str, str], base: str, pidfile: Path) -> int:
    """bin/gunicorn-reload loads the code and the engine in a new master while the old
    workers serve: requests made all the while are all answered. Returns the new master."""
    stop = threading.Event()
    answers: Counter[str] = Counter()

    def ask() -> None:
        while not stop.is_set():
            try:
                status, _, _ = Browser(base).request("/gezond/")
                answers[str(status)] += 1
            except OSError as exc:
                answers[type(exc).__name__] += 1
            time.sleep(0.02)

    asker = threading.Thread(target=ask)
    asker.start()
    try:
        subprocess.run(  # noqa: S603
            [shutil.which("bash") or "/bin/bash", "bin/gunicorn-reload", str(pidfile)],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=STARTUP_SECONDS + 60,
        )
        time.sleep(1)
    finally:
        stop.set()
        asker.join()
    refused = {k: n for k, n in answers.items() if k != "200"}
    expect(answers["200"] > 50, f"too few answers during the reload: {dict(answers)}")
    expect(not refused, f"not answered (or not 200) during the reload: {refused}")
    print(f"    reload: {answers['200']} requests during it, every one answered 200", flush=True)
    return int(pidfile.read_text())


def main() -> int:
    database_url = sys.argv[1] if len(sys.argv) > 1 else os.environ["SMOKE_DATABASE_URL"]
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="carai-smoke-"))
    env = {
        **os.environ,
        "CARAI_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "CARAI_BASE_URL": "https://127.0.0.1",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "CARAI_BIND": f"127.0.0.1:{port}",
        "CARAI_PIDFILE": str(workdir / "gunicorn.pid"),
        "EMAIL_HOST": "127.0.0.1",
        "DEFAULT_FROM_EMAIL": "CARAI <noreply@carai.example>",
        "DJANGO_SUPERUSER_EMAIL": EMAIL,
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "DJANGO_SUPERUSER_FULL_NAME": "Smoke Test (fictional)",
    }
    env.pop("DEBUG", None)
    process: subprocess.Popen[bytes] | None = None
    try:
        print("==> Production smoke test", flush=True)
        fresh_database(database_url)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "content_import", "-v0")
        manage(env, "cases_import", "-v0")
        manage(env, "ai_tools_import", "-v0")
        manage(env, "createsuperuser", "--noinput")
        # The community lead sees the key figures, the page that loads the chart library.
        manage(
            env,
            "shell",
            "-c",
            "from carai.accounts.models import User; "
            f"User.objects.filter(email='{EMAIL}').update(is_community_lead=True)",
        )
        # The gunicorn command as the README has it (a reload re-executes the command;
        # "python -m gunicorn" would then shadow the standard library's http package).
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        log = workdir / "gunicorn.log"
        with log.open("wb") as output:
            process = subprocess.Popen(  # noqa: S603
                [gunicorn, "-c", "gunicorn.conf.py", "carai.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        check_first_start_holds_connections(port, process, log)
        browser = Browser(f"http://127.0.0.1:{port}")
        seconds = wait_until_ready(browser, process)
        print(f"    ready after {seconds:.1f} s", flush=True)
        log_in(browser)
        seen: set[str] = set()
        for path in PAGES:
            check_page_and_assets(browser, path, seen)
        check_privacy_engine(browser)
        expect(
            any("chart.umd.min" in asset for asset in seen),
            "the key-figures page did not load the vendored chart library",
        )
        master = check_reload_refuses_nothing(
            env, f"http://127.0.0.1:{port}", workdir / "gunicorn.pid"
        )
        process.wait(timeout=SHUTDOWN_SECONDS + 5)  # the old master left
        started = time.monotonic()
        os.kill(master, signal.SIGTERM)
        while _alive(master) and time.monotonic() - started < SHUTDOWN_SECONDS + 5:
            time.sleep(0.1)
        if _alive(master):
            os.kill(master, signal.SIGKILL)
            raise SmokeError(f"gunicorn still runs {SHUTDOWN_SECONDS + 5} s after SIGTERM")
        took = time.monotonic() - started
        print(f"    stopped {took:.1f} s after SIGTERM", flush=True)
        expect(took <= SHUTDOWN_SECONDS, f"shutdown took {took:.1f} s (> {SHUTDOWN_SECONDS})")
        print("    production smoke test passed", flush=True)
        return 0
    except (SmokeError, subprocess.CalledProcessError) as exc:
        print(f"PRODUCTION SMOKE TEST FAILED: {exc}", file=sys.stderr, flush=True)
        log = workdir / "gunicorn.log"
        if log.exists():
            print(log.read_text(errors="replace")[-4000:], file=sys.stderr, flush=True)
        return 1
    finally:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        pidfile = workdir / "gunicorn.pid"
        if pidfile.exists() and _alive(int(pidfile.read_text())):
            os.kill(int(pidfile.read_text()), signal.SIGKILL)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
