"""Signing certificates as verifiable Open Badges 3.0 credentials (VC-JWT, EdDSA).

The issuer's key is an Ed25519 key. Its 32-byte seed comes from ``CARAI_BADGE_SIGNING_KEY``
(base64url, made with ``manage.py badge_key_generate``); without it, development and tests
derive one from ``SECRET_KEY`` (HKDF), so a badge keeps verifying as long as that secret
stays. Public keys are published as a JWKS (``/leren/badges/sleutels.json``): the current
key and the retired ones in ``CARAI_BADGE_RETIRED_KEYS`` (base64url public keys), so badges
signed before a rotation keep verifying. See docs/badges.md.

The JWT is the compact JWS of OB 3.0 section 8.2: the credential's members at the top level
of the payload, with ``iss``, ``jti``, ``nbf`` (and ``exp``) from it; the header names the key
(``kid``, a URL into the JWKS) and carries it (``jwk``).

Revocation is a W3C Bitstring Status List: bit ``n`` (left-most first) of a GZIP-compressed
list of at least 131,072 bits is set when the certificate with id ``n`` is revoked.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings

MIN_STATUS_BITS = 131_072  # the Bitstring Status List's minimum size (16 KB), for privacy


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_seed_generate() -> str:
    """A new signing key as the base64url seed ``CARAI_BADGE_SIGNING_KEY`` expects."""
    return b64url(
        Ed25519PrivateKey.generate().private_bytes_raw()  # 32 random bytes
    )


@functools.cache
def signing_key() -> Ed25519PrivateKey:
    configured = getattr(settings, "CARAI_BADGE_SIGNING_KEY", "")
    if configured:
        return Ed25519PrivateKey.from_private_bytes(b64url_decode(configured))
    seed = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"carai-open-badges-ed25519-v1"
    ).derive(settings.SECRET_KEY.encode())
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_jwk(key: Ed25519PublicKey) -> dict[str, str]:
    """The public key as a JWK with its RFC 7638 thumbprint as ``kid``."""
    x = b64url(key.public_bytes(Encoding.Raw, PublicFormat.Raw))
    thumbprint = hashlib.sha256(
        json.dumps({"crv": "Ed25519", "kty": "OKP", "x": x}, separators=(",", ":")).encode()
    ).digest()
    return {"kty": "OKP", "crv": "Ed25519", "x": x, "kid": b64url(thumbprint), "alg": "EdDSA"}


def published_keys() -> list[dict[str, str]]:
    keys = [public_jwk(signing_key().public_key())]
    for raw in getattr(settings, "CARAI_BADGE_RETIRED_KEYS", []):
        keys.append(public_jwk(Ed25519PublicKey.from_public_bytes(b64url_decode(raw))))
    return keys


def jwt_sign(payload: dict[str, Any], *, key_url: str) -> str:
    """``payload`` as a compact JWS signed with the current key (EdDSA)."""
    jwk = public_jwk(signing_key().public_key())
    header = {"alg": "EdDSA", "typ": "JWT", "kid": f"{key_url}#{jwk['kid']}", "jwk": jwk}
    signing_input = ".".join(
        b64url(json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode())
        for part in (header, payload)
    )
    signature = signing_key().sign(signing_input.encode("ascii"))
    return signing_input + "." + b64url(signature)


@dataclass(frozen=True)
class Checked:
    signature_ok: bool
    payload: dict[str, Any] | None
    problem: str = ""


def jwt_check(token: str) -> Checked:
    """Whether ``token`` is a JWS signed by one of CARAI's published keys, and its payload.

    The key is looked up by the header's ``kid`` among the published keys (a key carried in
    the header is never trusted by itself)."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        return Checked(False, None, "not a JWT")
    try:
        header = json.loads(b64url_decode(parts[0]))
        payload = json.loads(b64url_decode(parts[1]))
        signature = b64url_decode(parts[2])
    except (ValueError, UnicodeDecodeError):
        return Checked(False, None, "not a JWT")
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return Checked(False, None, "not a JWT")
    if header.get("alg") != "EdDSA":
        return Checked(False, payload, "unknown algorithm")
    kid = str(header.get("kid", "")).rpartition("#")[2]
    for jwk in published_keys():
        if jwk["kid"] == kid:
            key = Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
            try:
                key.verify(signature, f"{parts[0]}.{parts[1]}".encode("ascii"))
            except InvalidSignature:
                return Checked(False, payload, "signature does not match")
            return Checked(True, payload)
    return Checked(False, payload, "unknown key")


def status_list_encode(revoked: set[int]) -> str:
    """The Bitstring Status List ``encodedList``: multibase base64url (``u``) of the
    GZIP-compressed bits, bit ``n`` set for each ``n`` in ``revoked``."""
    size = max(MIN_STATUS_BITS, ((max(revoked, default=0) // 8) + 1) * 8)
    bits = bytearray(size // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url(gzip.compress(bytes(bits), mtime=0))


def status_list_bit(encoded: str, index: int) -> bool:
    bits = gzip.decompress(b64url_decode(encoded.removeprefix("u")))
    return index // 8 < len(bits) and bool(bits[index // 8] & (0x80 >> (index % 8)))


def identity_hash(email: str, *, salt: str) -> str:
    """The Open Badges recipient hash: ``sha256$`` + hex of SHA-256 over e-mail + salt."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
