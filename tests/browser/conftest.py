"""Fixtures for the browser tests (Playwright, sync API, Debian's Chromium).

Run them with ``python -m pytest -m browser tests/browser``. Screenshots and axe reports go to
``artifacts/browser/`` at the repository root (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Playwright, ViewportSize, sync_playwright

from carai.community.demo import DEMO_PASSWORD, DemoPerson, load_demo_community
from tests.browser.helpers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Visit

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    # Artifacts describe this run only: clear the previous run's screenshots and axe reports.
    if ARTIFACTS.exists():
        for old in ARTIFACTS.iterdir():
            if old.suffix in {".png", ".json"}:
                old.unlink()
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    # Playwright's own browser download cannot work here: use Debian's Chromium.
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def viewport() -> ViewportSize:
    """Override per test with ``@pytest.mark.parametrize("viewport", [PHONE])``."""
    return DESKTOP


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


_CALL_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def visit(
    request: pytest.FixtureRequest,
    browser: Browser,
    live_server: Any,
    viewport: ViewportSize,
) -> Iterator[Visit]:
    """A fresh browser context (Dutch, given viewport) on the live server."""
    context = browser.new_context(
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        viewport=viewport,
        base_url=live_server.url,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    tab = Visit(page=page, base_url=live_server.url, name=request.node.name)
    try:
        yield tab
        if request.node.stash.get(_CALL_FAILED, False):
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            tab.screenshot("FAILED")
        else:
            assert tab.checked, "the test never called visit.check() (axe and console checks)"
            errors = tab.unexpected_errors()
            assert not errors, "console errors after the last check:\n" + "\n".join(errors)
    finally:
        context.close()


@pytest.fixture
def page(visit: Visit) -> Any:
    return visit.page


@pytest.fixture
def demo_community(transactional_db: None, live_server: Any, settings: Any) -> list[DemoPerson]:
    """The fictional demo community in the live server's database.

    Passwords are hashed with a fast hasher here: Argon2 takes ~0.15 s per person and the demo
    has ~60. The log-in form still goes through Django's real authentication backends.
    """
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]
    return load_demo_community()


@pytest.fixture
def demo_password() -> str:
    return DEMO_PASSWORD
