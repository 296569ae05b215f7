"""The pseudonymous key of a person in a survey (and its pre/post partner).

``HMAC-SHA256(salt, "survey:<chain id>:<user id>")``, shortened to 20 hex characters. The
salt is random per survey chain (``Survey.key_salt``: made with the first measurement and
copied to its after-measurements), so the key does not depend on SECRET_KEY: rotating
SECRET_KEY keeps pre/post pairs, withdrawal, the own-data export and erasure working.

Whoever holds the salt and the user ids (the platform, or someone with the whole database)
can work a key back to a person, which is why this is a *pseudonym*, not anonymity: results
and exports never show a key with a name, and the same person gets a different key in every
other survey chain, so keys cannot be linked across chains.
"""

from __future__ import annotations

import hashlib
import hmac


def respondent_key(*, salt: str, chain_id: int, user_id: int) -> str:
    if not salt:
        raise ValueError("A survey chain needs its salt.")
    message = f"survey:{chain_id}:{user_id}".encode()
    return hmac.new(salt.encode(), message, hashlib.sha256).hexdigest()[:20]
