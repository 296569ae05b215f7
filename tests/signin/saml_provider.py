"""Start the fictional SAML identity provider (tests/saml_idp, pysaml2) as its own process on
a free port, with a key and certificate made for this test run only."""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from tests.processes import free_port, serving

PASSWORD = "fictional-password-1"


def make_key_and_certificate(folder: Path, name: str) -> None:
    """A fresh RSA key and a self-signed certificate, valid for a day."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "idp.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    (folder / "idp.crt").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


@dataclass
class SamlProvider:
    url: str
    folder: Path

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/metadata"

    def metadata(self) -> str:
        return requests.get(self.metadata_url, timeout=10).text

    def register_sp(self, name: str, metadata_xml: str) -> None:
        (self.folder / "sp" / f"{name}.xml").write_text(metadata_xml)

    def add_person(
        self, username: str, *, subject: str, email: str, name: str, groups: list[str] | None = None
    ) -> None:
        people = self._people()
        given, _, surname = name.partition(" ")
        attributes: dict[str, list[str]] = {
            "mail": [email],
            "givenName": [given],
            "sn": [surname],
            "displayName": [name],
        }
        if groups:
            attributes["groups"] = groups
        people[username] = {"subject": subject, "attributes": attributes, "disabled": False}
        self._save(people)

    def disable(self, username: str) -> None:
        people = self._people()
        people[username]["disabled"] = True
        self._save(people)

    def _people(self) -> dict[str, Any]:
        path = self.folder / "people.json"
        return dict(json.loads(path.read_text())) if path.exists() else {}

    def _save(self, people: dict[str, Any]) -> None:
        (self.folder / "people.json").write_text(json.dumps(people))

    def log_in(self, redirect_url: str, username: str, *, unsigned: bool = False) -> dict[str, str]:
        """Follow CARAI's request (HTTP-Redirect binding) and log in. Returns the form the
        provider posts back to CARAI (HTTP-POST binding): its action and fields."""
        session = requests.Session()
        page = session.get(redirect_url, timeout=10)
        page.raise_for_status()
        fields = form_fields(page.text)
        fields.update(username=username, password=PASSWORD)
        if unsigned:
            fields["unsigned"] = "1"
        answer = session.post(f"{self.url}/sso/login", data=fields, timeout=10)
        if answer.status_code != 200:
            return {}
        return form_fields(answer.text)


def form_fields(page: str) -> dict[str, str]:
    """The action and the hidden inputs of the form on a page that carries a SAML message
    (or of the first form when none does)."""
    forms = page.split("<form")[1:]
    chosen = next((form for form in forms if 'name="SAML' in form), forms[0] if forms else "")
    chosen = chosen.split("</form>")[0]
    fields = {
        unescape(name): unescape(value)
        for name, value in re.findall(
            r'<input type="hidden" name="([^"]+)" value="([^"]*)"', chosen
        )
    }
    action = re.search(r'action="([^"]+)"', chosen)
    if action:
        fields["_action"] = unescape(action.group(1))
    return fields


def start_saml_provider(folder: Path) -> Iterator[SamlProvider]:
    (folder / "sp").mkdir()
    make_key_and_certificate(folder, "Fictieve SAML-provider")
    port = free_port()
    provider = SamlProvider(url=f"http://127.0.0.1:{port}", folder=folder)
    with serving(
        [sys.executable, "-m", "tests.saml_idp.server", str(folder), str(port)],
        ready_url=provider.metadata_url,
        log_path=folder / "idp.log",
    ):
        yield provider


@pytest.fixture(scope="session")
def saml_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SamlProvider]:
    yield from start_saml_provider(tmp_path_factory.mktemp("saml-idp"))


def idp_metadata_without_server(folder: Path, base: str = "https://idp.zorg-a.example") -> str:
    """Metadata of a fictional identity provider, with a fresh certificate, for tests that
    need a SAML connection but no sign-in (the access walk)."""
    from saml2.metadata import create_metadata_string

    from tests.saml_idp.server import config

    (folder / "sp").mkdir(exist_ok=True)
    make_key_and_certificate(folder, "Fictieve SAML-provider")
    xml = create_metadata_string(None, config=config(folder, base), valid=24)
    return xml.decode() if isinstance(xml, bytes) else str(xml)
