"""The OpenID Connect relying party, on well-kept libraries: authlib makes the authorization
request (state, PKCE with S256, nonce) and exchanges the code; joserfc checks the ID token
(signature with the provider's published keys, issuer, audience, expiry, nonce).

Only this module speaks to an identity provider. Every call has a short timeout; discovery
documents and keys are kept in the cache for a while.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from authlib.common.security import generate_token
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.requests_client import OAuth2Session
from django.core.cache import cache
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

TIMEOUT_SECONDS = 5
DISCOVERY_SECONDS = 60 * 60
KEYS_SECONDS = 10 * 60
ID_TOKEN_ALGORITHMS = ["RS256", "PS256", "ES256"]


class OidcError(Exception):
    """The identity provider could not be reached, or its answer was not acceptable."""


@dataclass(frozen=True)
class Client:
    discovery_url: str
    client_id: str
    client_secret: str
    scopes: str
    redirect_uri: str


def _get_json(url: str) -> dict[str, Any]:
    try:
        response = requests.get(url, timeout=TIMEOUT_SECONDS)
        response.raise_for_status()
        data = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise OidcError(f"Could not read {url}: {exc}") from exc
    if not isinstance(data, dict):
        raise OidcError(f"{url} did not answer with a JSON object.")
    return data


def _cached_json(key: str, seconds: int, url: str, *, refresh: bool = False) -> dict[str, Any]:
    data = None if refresh else cache.get(key)
    if not isinstance(data, dict):
        data = _get_json(url)
        cache.set(key, data, seconds)
    return data


def discovery(url: str) -> dict[str, Any]:
    """The provider's metadata (``.well-known/openid-configuration``)."""
    if "/.well-known/" not in url:
        url = url.rstrip("/") + "/.well-known/openid-configuration"
    config = _cached_json(f"oidc-discovery:{url}", DISCOVERY_SECONDS, url)
    missing = [
        key
        for key in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
        if not isinstance(config.get(key), str)
    ]
    if missing:
        raise OidcError(f"The discovery document lacks {', '.join(missing)}.")
    return config


def _session(client: Client, config: dict[str, Any], state: str | None = None) -> OAuth2Session:
    methods = config.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    method = "client_secret_basic" if "client_secret_basic" in methods else "client_secret_post"
    return OAuth2Session(
        client_id=client.client_id,
        client_secret=client.client_secret,
        scope=client.scopes,
        redirect_uri=client.redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method=method,
        state=state,
    )


def authorization_request(client: Client) -> tuple[str, dict[str, str]]:
    """The address to send the browser to, and what to keep in the session until it returns
    (state, nonce, PKCE verifier)."""
    config = discovery(client.discovery_url)
    verifier = generate_token(64)
    nonce = generate_token(32)
    with _session(client, config) as session:
        url, state = session.create_authorization_url(
            config["authorization_endpoint"], code_verifier=verifier, nonce=nonce
        )
    return url, {"state": state, "nonce": nonce, "verifier": verifier}


def _keys(jwks_uri: str, *, fresh: bool) -> KeySet:
    data = _cached_json(f"oidc-jwks:{jwks_uri}", KEYS_SECONDS, jwks_uri, refresh=fresh)
    try:
        return KeySet.import_key_set(data)  # type: ignore[arg-type]
    except (JoseError, ValueError, TypeError) as exc:
        raise OidcError(f"The provider's keys cannot be read: {exc}") from exc


def _decode_id_token(id_token: str, *, jwks_uri: str) -> dict[str, Any]:
    for fresh in (False, True):  # new keys at the provider: read them once more
        try:
            token = jwt.decode(
                id_token, _keys(jwks_uri, fresh=fresh), algorithms=ID_TOKEN_ALGORITHMS
            )
        except JoseError as exc:
            if fresh:
                raise OidcError(f"The ID token's signature is not valid: {exc}") from exc
            continue
        return dict(token.claims)
    raise OidcError("unreachable")  # pragma: no cover


def claims_from_callback(
    client: Client, *, pending: dict[str, str], authorization_response: str
) -> dict[str, Any]:
    """Exchange the code (with the PKCE verifier, after checking state) and return the
    claims of the checked ID token, completed from the userinfo endpoint when it has one."""
    config = discovery(client.discovery_url)
    try:
        with _session(client, config, state=pending["state"]) as session:
            token = session.fetch_token(
                config["token_endpoint"],
                authorization_response=authorization_response,
                code_verifier=pending["verifier"],
                timeout=TIMEOUT_SECONDS,
            )
            id_token = token.get("id_token")
            if not isinstance(id_token, str):
                raise OidcError("The provider sent no ID token.")
            claims = _decode_id_token(id_token, jwks_uri=config["jwks_uri"])
            registry = jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": config["issuer"]},
                aud={"essential": True, "value": client.client_id},
                sub={"essential": True},
                exp={"essential": True},
                nonce={"essential": True, "value": pending["nonce"]},
            )
            registry.validate(claims)
            userinfo_url = config.get("userinfo_endpoint")
            if isinstance(userinfo_url, str):
                response = session.get(userinfo_url, timeout=TIMEOUT_SECONDS)
                response.raise_for_status()
                userinfo = response.json()
                if isinstance(userinfo, dict) and userinfo.get("sub") == claims["sub"]:
                    claims = {**userinfo, **claims}
    except (OAuthError, JoseError, requests.RequestException, ValueError, KeyError) as exc:
        raise OidcError(f"The sign-in could not be completed: {exc}") from exc
    return claims
