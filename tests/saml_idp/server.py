"""A small SAML 2.0 identity provider: pysaml2's ``Server`` in a WSGI app, for the tests only.

Run as ``python -m tests.saml_idp.server <folder> <port>``. The folder holds the test key and
certificate (made by the test fixture, never real ones), ``people.json`` (who may log in, with
attributes and whether they are switched off) and ``sp/*.xml`` (the service providers' metadata,
read again at every request). All people in it are made up.

The log-in form has one knob a real provider does not have: "unsigned" answers without a
signature, so that the tests can show CARAI refuses such an answer.
"""

from __future__ import annotations

import html
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server

PASSWORD = "fictional-password-1"
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


def config(folder: Path, base: str) -> IdPConfig:
    sp_files = sorted(str(path) for path in (folder / "sp").glob("*.xml"))
    settings: dict[str, Any] = {
        "entityid": f"{base}/metadata",
        "xmlsec_binary": "/usr/bin/xmlsec1",
        "key_file": str(folder / "idp.key"),
        "cert_file": str(folder / "idp.crt"),
        "service": {
            "idp": {
                "endpoints": {
                    "single_sign_on_service": [
                        (f"{base}/sso/redirect", BINDING_HTTP_REDIRECT),
                        (f"{base}/sso/post", BINDING_HTTP_POST),
                    ]
                },
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                "policy": {
                    "default": {
                        "lifetime": {"minutes": 5},
                        "attribute_restrictions": None,
                        "name_form": NAME_FORMAT_URI,
                    }
                },
            }
        },
    }
    if sp_files:
        settings["metadata"] = {"local": sp_files}
    idp_config = IdPConfig()
    idp_config.load(settings)
    return idp_config


def _page(start_response: StartResponse, body: str, status: str = "200 OK") -> list[bytes]:
    start_response(status, [("Content-Type", "text/html; charset=utf-8")])
    return [f"<!doctype html><html><body>{body}</body></html>".encode()]


def _login_form(saml_request: str, relay_state: str, binding: str) -> str:
    return (
        '<form method="post" action="/sso/login">'
        f'<input type="hidden" name="binding" value="{html.escape(binding)}">'
        f'<input type="hidden" name="SAMLRequest" value="{html.escape(saml_request)}">'
        f'<input type="hidden" name="RelayState" value="{html.escape(relay_state)}">'
        '<label>Gebruiker <input name="username"></label>'
        '<label>Wachtwoord <input name="password" type="password"></label>'
        '<label><input type="checkbox" name="unsigned" value="1"> unsigned</label>'
        "<button>Inloggen</button></form>"
    )


class App:
    def __init__(self, folder: Path, base: str) -> None:
        self.folder = folder
        self.base = base

    def people(self) -> dict[str, Any]:
        path = self.folder / "people.json"
        return dict(json.loads(path.read_text())) if path.exists() else {}

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        form: dict[str, str] = {}
        if environ.get("REQUEST_METHOD") == "POST":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(size).decode()
            form = {k: v[0] for k, v in parse_qs(body).items()}
        server = Server(config=config(self.folder, self.base))
        if path == "/metadata":
            xml = create_metadata_string(None, config=server.config, valid=24)
            start_response("200 OK", [("Content-Type", "application/samlmetadata+xml")])
            return [xml if isinstance(xml, bytes) else str(xml).encode()]
        if path in ("/sso/redirect", "/sso/post"):
            data = query if path == "/sso/redirect" else form
            binding = BINDING_HTTP_REDIRECT if path == "/sso/redirect" else BINDING_HTTP_POST
            try:
                server.parse_authn_request(data.get("SAMLRequest", ""), binding)
            except Exception as exc:  # a request the provider cannot read
                return _page(start_response, html.escape(str(exc)), "400 Bad Request")
            return _page(
                start_response,
                _login_form(data["SAMLRequest"], data.get("RelayState", ""), binding),
            )
        if path == "/sso/login":
            return self.login(server, form, start_response)
        return _page(start_response, "not found", "404 Not Found")

    def login(self, server: Server, form: dict[str, str], start_response: StartResponse):
        binding = form.get("binding") or BINDING_HTTP_REDIRECT
        request = server.parse_authn_request(form.get("SAMLRequest", ""), binding)
        person = self.people().get(form.get("username", ""))
        if not person or form.get("password") != PASSWORD or person.get("disabled"):
            return _page(start_response, "Onbekende gebruiker of uitgeschakeld.", "403 Forbidden")
        message = request.message
        sp_entity_id = message.issuer.text
        destination = message.assertion_consumer_service_url
        signed = form.get("unsigned") != "1"
        response = server.create_authn_response(
            identity=person["attributes"],
            in_response_to=message.id,
            destination=destination,
            sp_entity_id=sp_entity_id,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=person["subject"]),
            authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
            sign_assertion=signed,
            sign_response=False,
        )
        http_args = server.apply_binding(
            BINDING_HTTP_POST,
            str(response),
            destination,
            form.get("RelayState", ""),
            response=True,
        )
        return _page(start_response, str(http_args["data"]))


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        sys.stderr.write(format % args + "\n")


def main() -> None:
    folder, port = Path(sys.argv[1]), int(sys.argv[2])
    app = App(folder, f"http://127.0.0.1:{port}")
    with make_server("127.0.0.1", port, app, handler_class=QuietHandler) as httpd:
        httpd.serve_forever()


if __name__ == "__main__":
    main()
