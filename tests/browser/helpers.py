"""Helpers for the browser tests: expected UI texts, axe-core, console watching, screenshots.

Every test drives the real UI in Chromium through a :class:`Visit`. After every page or
page state it calls :meth:`Visit.check`, which runs axe-core (WCAG 2.0/2.1 A and AA) and
fails on any serious or critical violation, on any console error (CSP violations included)
and on any uncaught JavaScript error.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib
from django.utils import translation
from playwright.sync_api import ConsoleMessage, Error, Page, Response

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "artifacts" / "browser"
AXE_SOURCE_PATH = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# msgids that the Dutch catalogue does not translate yet (the page then shows the English
# source text); reported once per msgid as a warning in the test summary.
UNTRANSLATED: set[str] = set()


class AccessibilityNote(UserWarning):
    """An accessibility finding outside the required WCAG 2.1 AA set (e.g. WCAG 2.2)."""


class UntranslatedWarning(UserWarning):
    """A text the tests look for is not translated into Dutch yet."""


def shown(msgid: str, lang: str = "nl") -> str:
    """The text the app shows for ``msgid`` in ``lang``, from the app's compiled catalogue.

    The live server runs in this process, so this is exactly what it renders. While a Dutch
    translation is missing, the English source text is returned (as the page shows it) and a
    warning names the msgid, so the tests keep testing the flow and the lead sees the gap.
    """
    with translation.override(lang):
        text = translation.gettext(msgid)
    if lang == "nl" and text == msgid and msgid not in UNTRANSLATED:
        msgstr = _dutch_po().get(msgid, "")
        if msgstr != msgid:  # the same word in Dutch ("Partners") is fine
            UNTRANSLATED.add(msgid)
            problem = (
                "is in django.po but not in the compiled django.mo (run `make messages`)"
                if msgstr
                else "has no Dutch translation yet"
            )
            warnings.warn(
                f"{msgid!r} {problem}; the test accepts the English text.",
                UntranslatedWarning,
                stacklevel=2,
            )
    return text


_PO_CACHE: dict[str, dict[str, str]] = {}


def _dutch_po() -> dict[str, str]:
    """msgid -> msgstr of the project's Dutch .po file (empty if there is none)."""
    if "nl" not in _PO_CACHE:
        path = REPO_ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
        entries = polib.pofile(str(path)) if path.exists() else []
        _PO_CACHE["nl"] = {
            e.msgid: "" if "fuzzy" in e.flags else e.msgstr for e in entries if not e.obsolete
        }
    return _PO_CACHE["nl"]


def exactly(*texts: str) -> re.Pattern[str]:
    """A pattern matching any of ``texts`` as the whole (trimmed) text."""
    return re.compile(r"^\s*(?:" + "|".join(re.escape(t) for t in texts) + r")\s*$")


def nl(msgid: str, expected: str | None = None) -> re.Pattern[str]:
    """Match the Dutch UI text for ``msgid``.

    ``expected`` is the Dutch wording the issue asks for. Once the catalogue translates the
    msgid, that translation must be ``expected``; before that the English source is accepted.
    """
    text = shown(msgid, "nl")
    if expected is not None and text != msgid:
        assert text == expected, (
            f"Dutch translation of {msgid!r} is {text!r}, the issue expects {expected!r}"
        )
    return exactly(text)


def en(msgid: str) -> re.Pattern[str]:
    return exactly(shown(msgid, "en"))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


@dataclass
class Visit:
    """One browser tab on the live server, with the checks every page must pass."""

    page: Page
    base_url: str
    name: str  # the test's name, used in file names of screenshots
    console_errors: list[str] = field(default_factory=list)
    allowed_errors: list[re.Pattern[str]] = field(default_factory=list)
    checked: int = 0

    def __post_init__(self) -> None:
        self.page.on("console", self._on_console)
        self.page.on("pageerror", self._on_page_error)

    # --- listeners -------------------------------------------------------------------
    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location.get("url", "") if message.location else ""
            self.console_errors.append(f"console error: {message.text} ({location})")

    def _on_page_error(self, error: Error) -> None:
        self.console_errors.append(f"uncaught JavaScript error: {error.message}")

    def allow_console_error(self, pattern: str) -> None:
        """Expect one kind of console error, e.g. the 404 status of a page under test."""
        self.allowed_errors.append(re.compile(pattern))

    def unexpected_errors(self) -> list[str]:
        return [e for e in self.console_errors if not any(p.search(e) for p in self.allowed_errors)]

    # --- navigation ------------------------------------------------------------------
    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def goto(self, path: str) -> Response:
        response = self.page.goto(self.url(path))
        assert response is not None, f"no response for {path}"
        return response

    def log_in(self, email: str, password: str) -> None:
        """Log in through the form at /account/inloggen/ and land on the overview."""
        self.goto("/account/inloggen/")
        self.page.get_by_role("heading", level=1, name=nl("Log in")).wait_for()
        self.check("login")
        self.page.get_by_label(nl("E-mail address")).fill(email)
        self.page.get_by_label(nl("Password")).fill(password)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=nl("Log in")).click()
        assert self.page.url == self.url("/overzicht/"), f"log-in ended on {self.page.url}"

    # --- checks ----------------------------------------------------------------------
    def screenshot(self, step: str, *, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{slug(self.name)}--{slug(step)}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def check(self, step: str, *, screenshot: bool = False) -> None:
        """Check the current page state: no console errors, no serious axe violations."""
        self.checked += 1
        self.page.wait_for_load_state("load")
        if screenshot:
            self.screenshot(step)
        errors = self.unexpected_errors()
        assert not errors, f"[{step}] {self.page.url}\n" + "\n".join(errors)
        # Two elements with one id break labels and ARIA references (axe no longer checks it).
        duplicates = self.page.evaluate(
            """() => {
                const seen = new Map();
                for (const el of document.querySelectorAll('[id]')) {
                    seen.set(el.id, (seen.get(el.id) || 0) + 1);
                }
                return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
            }"""
        )
        assert not duplicates, f"[{step}] {self.page.url}: ids used twice: {duplicates}"
        run_axe(self.page, step=f"{self.name} / {step}")


def run_axe(page: Page, *, step: str) -> dict[str, Any]:
    """Run axe-core on the page; fail on serious or critical violations.

    Injection: ``page.add_script_tag(path=...)`` inserts the file as an *inline* <script>,
    which the app's CSP (``script-src 'self'``, no 'unsafe-inline') rightly blocks (verified:
    Playwright raises "Executing inline script violates the following Content Security
    Policy directive"). ``bypass_csp=True`` would switch the CSP off for the whole page and
    hide the app's own CSP violations, which these tests must catch. So axe's source is run
    with ``page.evaluate``: Playwright runs it through the DevTools protocol, outside the
    page's CSP, and the page itself stays under its real policy.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    results: dict[str, Any] = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return {url: r.url, violations: r.violations, incomplete: r.incomplete.length};
        }""",
        AXE_TAGS,
    )
    violations = results["violations"]
    if violations:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = "--".join(slug(part) for part in step.split(" / "))
        (ARTIFACTS / f"{stem}--axe.json").write_text(
            json.dumps(violations, indent=2, ensure_ascii=False), encoding="utf-8"
        )
    blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, f"axe: serious/critical violations on {step} ({results['url']}):\n" + (
        format_violations(blocking)
    )
    return results


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}]: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            target = " ".join(str(t) for t in node["target"])
            summary = [s.strip() for s in node.get("failureSummary", "").splitlines()[1:]]
            lines.append(f"    at {target}: {'; '.join(s for s in summary if s)}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more elements")
    return "\n".join(lines)


_AXE_CACHE: dict[str, str] = {}


def _axe_source() -> str:
    if "source" not in _AXE_CACHE:
        _AXE_CACHE["source"] = AXE_SOURCE_PATH.read_text(encoding="utf-8")
    return _AXE_CACHE["source"]


def warn_target_size(page: Page, selector: str) -> None:
    """Run axe's target-size rule (WCAG 2.2 AA 2.5.8) on ``selector``; warn on failures."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    violations: list[dict[str, Any]] = page.evaluate(
        """async (selector) => {
            const r = await axe.run({include: [[selector]]}, {runOnly: ['target-size']});
            return r.violations;
        }""",
        selector,
    )
    if violations:
        warnings.warn(
            f"target size on {page.url} ({selector}):\n{format_violations(violations)}",
            AccessibilityNote,
            stacklevel=2,
        )


def nl_start(msgid: str) -> re.Pattern[str]:
    """Match a name that starts with the Dutch text for ``msgid``: buttons in a list add what
    they act on (hidden visually), e.g. "Aanmelden: 3 december 2026, 14:00"."""
    return re.compile(r"^\s*" + re.escape(shown(msgid, "nl")) + r"\s*(?::|$)")
