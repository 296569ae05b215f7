"""Bad input on every form: a clear message, what was typed is kept, never a 500.

The forms are found automatically: every page of ours that the walk reaches is opened as a
persona allowed to see it, and every POST form on it (except the header's language and
log-out buttons) is filled with bad values, one kind at a time.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.contrib.auth.tokens import default_token_generator
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
}
TEXT_TYPES = {"text", "email", "url", "password", "search", "tel", "number", ""}
SKIP_ACTIONS = {"/taal/", "/account/uitloggen/"}


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)  # name -> input type
    selects: dict[str, str] = field(default_factory=dict)  # name -> first non-empty option
    checkboxes: list[str] = field(default_factory=list)


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


def test_names_with_markup_or_control_characters_are_refused(world: World) -> None:
    client = client_for(world.care_worker)
    for bad in ["<b>Sanne</b>", "San\u202ene", "San\x07ne"]:
        response = client.post("/account/", {"full_name": bad, "preferred_language": "nl"})
        assert response.status_code == 200
        assert response.context["form"].errors["full_name"]
    world.care_worker.refresh_from_db()
    assert world.care_worker.full_name == "Sanne Zorgmedewerker"
