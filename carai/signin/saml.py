"""The SAML 2.0 service provider, on pysaml2 (with the ``xmlsec1`` binary for signatures).

pysaml2 makes the authentication request (HTTP-Redirect binding) and checks the response
that comes back (HTTP-POST binding): the signature with the certificate from the provider's
metadata (the assertion or the whole response must be signed), the issuer, the audience
(CARAI's entity id), the destination and recipient (CARAI's assertion consumer address),
InResponseTo (the request this browser started) and the validity window (NotBefore,
NotOnOrAfter). That an assertion is accepted only once is kept in the database by the
caller (``services.saml_assertion_consume``).

Only this module speaks SAML. Fetching metadata has a short timeout.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests
from cryptography import x509
from django.utils.translation import gettext as _
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, attribute_converter
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.mdstore import InMemoryMetaData
from saml2.metadata import create_metadata_string
from saml2.saml import NAMEID_FORMAT_PERSISTENT, NAMEID_FORMAT_TRANSIENT

TIMEOUT_SECONDS = 5
MAX_METADATA_BYTES = 2_000_000
CLOCK_SKEW_SECONDS = 60

# Attribute names, in order of preference, as providers send them (friendly names after
# pysaml2's conversion, and the claim URIs of Microsoft Entra ID and AD FS).
EMAIL_ATTRIBUTES = (
    "email",
    "mail",
    "emailAddress",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
    "urn:oid:0.9.2342.19200300.100.1.3",
)
NAME_ATTRIBUTES = (
    "displayName",
    "http://schemas.microsoft.com/identity/claims/displayname",
    "cn",
    "name",
)
GIVEN_NAME_ATTRIBUTES = (
    "givenName",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
)
SURNAME_ATTRIBUTES = (
    "sn",
    "surname",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
)


class SamlError(Exception):
    """The metadata or the provider's answer was not acceptable."""


@dataclass(frozen=True)
class IdpMetadata:
    """What CARAI reads from an identity provider's metadata."""

    xml: str
    entity_id: str
    sso_url: str
    certificate_fingerprint: str
    certificate_not_after: datetime | None


@dataclass(frozen=True)
class ServiceProvider:
    """CARAI as the service provider of one connection."""

    entity_id: str
    acs_url: str
    idp_metadata_xml: str = ""


@dataclass(frozen=True)
class Assertion:
    """A checked assertion: who the provider vouched for, and what it said about them."""

    assertion_id: str
    name_id: str
    name_id_format: str
    not_on_or_after: datetime
    attributes: dict[str, list[str]] = field(default_factory=dict)

    def first(self, names: tuple[str, ...]) -> str:
        for name in names:
            for value in self.attributes.get(name, []):
                if isinstance(value, str) and value.strip():
                    return value.strip()
        return ""

    def claims(self, *, groups_attribute: str) -> dict[str, Any]:
        """The assertion as the claims the sign-in service reads for either protocol."""
        email = self.first(EMAIL_ATTRIBUTES)
        if "@" not in email and "@" in self.name_id:
            email = self.name_id
        name = self.first(NAME_ATTRIBUTES) or " ".join(
            part
            for part in (self.first(GIVEN_NAME_ATTRIBUTES), self.first(SURNAME_ATTRIBUTES))
            if part
        )
        return {
            "sub": self.name_id,
            "email": email,
            "name": name,
            groups_attribute: list(self.attributes.get(groups_attribute, [])),
        }


def xmlsec_binary() -> str:
    found = shutil.which("xmlsec1")
    if not found:
        raise SamlError("The xmlsec1 program is not installed.")
    return found


def fetch_metadata(url: str) -> str:
    try:
        response = requests.get(url, timeout=TIMEOUT_SECONDS)
        response.raise_for_status()
    except requests.RequestException as exc:
        raise SamlError(
            _("the address could not be read (%(error)s).") % {"error": type(exc).__name__}
        ) from exc
    if len(response.content) > MAX_METADATA_BYTES:
        raise SamlError(_("the metadata is too large."))
    return response.content.decode("utf-8", errors="replace")


def read_metadata(xml: str) -> IdpMetadata:
    """Parse an identity provider's metadata: exactly one provider, with a sign-in address
    for the HTTP-Redirect binding and a signing certificate."""
    if len(xml.encode()) > MAX_METADATA_BYTES:
        raise SamlError(_("the metadata is too large."))
    store = InMemoryMetaData(attribute_converter.ac_factory(), metadata=xml)
    try:
        store.load()
    except Exception as exc:  # pysaml2 raises many kinds for bad XML
        raise SamlError(_("this is not SAML metadata that CARAI can read.")) from exc
    providers = [entity_id for entity_id, entity in store.items() if "idpsso_descriptor" in entity]
    if len(providers) != 1:
        raise SamlError(_("the metadata must describe exactly one identity provider."))
    entity_id = providers[0]
    services = store.service(
        entity_id, "idpsso_descriptor", "single_sign_on_service", BINDING_HTTP_REDIRECT
    )
    if not services:
        raise SamlError(_("the provider has no sign-in address for the HTTP-Redirect binding."))
    certificates = store.certs(entity_id, "idpsso", use="signing")
    if not certificates:
        raise SamlError(_("the metadata holds no signing certificate."))
    body = [line for line in str(certificates[0][1]).splitlines() if "CERTIFICATE-----" not in line]
    der = base64.b64decode("".join("".join(body).split()))
    try:
        certificate = x509.load_der_x509_certificate(der)
    except ValueError as exc:
        raise SamlError(_("the certificate in the metadata cannot be read.")) from exc
    fingerprint = hashlib.sha256(der).hexdigest().upper()
    return IdpMetadata(
        xml=xml,
        entity_id=entity_id,
        sso_url=str(services[0]["location"]),
        certificate_fingerprint=":".join(
            fingerprint[i : i + 2] for i in range(0, len(fingerprint), 2)
        ),
        certificate_not_after=certificate.not_valid_after_utc,
    )


def _config(sp: ServiceProvider) -> SPConfig:
    settings: dict[str, Any] = {
        "entityid": sp.entity_id,
        "xmlsec_binary": xmlsec_binary(),
        "allow_unknown_attributes": True,
        "accepted_time_diff": CLOCK_SKEW_SECONDS,
        "service": {
            "sp": {
                "endpoints": {"assertion_consumer_service": [(sp.acs_url, BINDING_HTTP_POST)]},
                "allow_unsolicited": False,
                "authn_requests_signed": False,
                "want_response_signed": False,
                "want_assertions_signed": True,
                "want_assertions_or_response_signed": True,
                "name_id_format": NAMEID_FORMAT_PERSISTENT,
                "name_id_format_allow_create": True,
            }
        },
    }
    if sp.idp_metadata_xml:
        settings["metadata"] = {"inline": [sp.idp_metadata_xml]}
    config = SPConfig()
    config.load(settings)
    return config


def sp_metadata(sp: ServiceProvider) -> str:
    """CARAI's metadata for this connection, for the organisation to give its provider."""
    data = create_metadata_string(None, config=_config(sp), valid=24 * 7)
    return data.decode() if isinstance(data, bytes) else str(data)


def authentication_request(sp: ServiceProvider, *, idp_entity_id: str) -> tuple[str, str]:
    """The address (HTTP-Redirect binding) to send the browser to, and the request's id to
    keep in the session until the answer comes back."""
    try:
        client = Saml2Client(config=_config(sp))
        request_id, info = client.prepare_for_authenticate(
            entityid=idp_entity_id, binding=BINDING_HTTP_REDIRECT, relay_state=""
        )
    except Exception as exc:
        raise SamlError(f"The request cannot be made: {exc}") from exc
    location = dict(info["headers"]).get("Location", "")
    if not location:
        raise SamlError("The request has no address.")
    return str(location), str(request_id)


def read_response(
    sp: ServiceProvider, *, saml_response: str, request_id: str, idp_entity_id: str
) -> Assertion:
    """Check the provider's answer (HTTP-POST binding) to the request ``request_id``."""
    client = Saml2Client(config=_config(sp))
    try:
        response = client.parse_authn_request_response(
            saml_response, BINDING_HTTP_POST, outstanding={request_id: "/"}
        )
    except Exception as exc:  # pysaml2 raises many kinds; none of them is acceptable
        raise SamlError(f"The answer is not valid: {type(exc).__name__}: {exc}") from exc
    if response is None or response.assertion is None:
        raise SamlError("The answer holds no valid assertion.")
    if response.issuer() != idp_entity_id:
        raise SamlError("The answer comes from another provider.")
    name_id = response.name_id
    if name_id is None or not (name_id.text or "").strip():
        raise SamlError("The assertion names nobody.")
    if name_id.format == NAMEID_FORMAT_TRANSIENT:
        raise SamlError("A transient NameID cannot identify a person twice.")
    not_on_or_after = int(response.not_on_or_after or 0)
    if not_on_or_after <= 0:
        raise SamlError("The assertion has no end of validity.")
    identity = response.get_identity() or {}
    return Assertion(
        assertion_id=str(response.assertion.id),
        name_id=name_id.text.strip(),
        name_id_format=str(name_id.format or ""),
        not_on_or_after=datetime.fromtimestamp(not_on_or_after, tz=UTC),
        attributes={
            str(key): [str(value) for value in values]
            for key, values in identity.items()
            if isinstance(values, list)
        },
    )
