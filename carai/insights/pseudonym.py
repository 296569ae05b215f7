"""The pseudonymous key of a person in a survey (and its pre/post partner).

``HMAC-SHA256(secret, "survey:<chain id>:<user id>")``, shortened to 20 hex characters. The
secret is derived from Django's SECRET_KEY, so the key cannot be worked back to a person
without it; with it (the platform itself) it can, which is why this is a *pseudonym*, not
anonymity: results and exports never show a key with a name, and the same person gets a
different key in every other survey chain, so keys cannot be linked across chains.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def respondent_key(*, chain_id: int, user_id: int) -> str:
    secret = hashlib.sha256(f"carai-survey-pseudonym:{settings.SECRET_KEY}".encode()).digest()
    message = f"survey:{chain_id}:{user_id}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:20]
