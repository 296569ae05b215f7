"""The CSRF token's mask drawn from one read of the system's random source.

Every page with a form (the layout has two: the language switch and log out) shows the CSRF
secret masked afresh, so that the token differs per response (Django's defence against
BREACH). Django draws the 32 mask characters one by one (``secrets.choice``: 32 reads of
``os.urandom`` and about 150 Python calls, some 0.05-0.1 ms of every page). Here the same
mask, uniform over the same 62 characters, comes from one ``os.urandom`` read: a byte below
248 (4 times 62) gives the character ``byte % 62``, a byte of 248 or more is skipped, so every
character is equally likely. The token has Django's form (mask + cipher, 64 characters) and
Django checks it as before (``_unmask_cipher_token``).

``install()`` (``CoreConfig.ready``) puts ``mask_cipher_secret`` in place of
``django.middleware.csrf._mask_cipher_secret``, which Django's ``get_token`` calls; it
refuses to when Django's token format is not the one this code makes.
"""

from __future__ import annotations

from os import urandom

from django.middleware import csrf

CHARS = csrf.CSRF_ALLOWED_CHARS
LENGTH = csrf.CSRF_SECRET_LENGTH
_INDEX = {char: index for index, char in enumerate(CHARS)}
# The largest multiple of len(CHARS) up to 256: bytes below it map evenly onto CHARS.
_LIMIT = 256 - 256 % len(CHARS)


def _mask_indexes() -> list[int]:
    picks: list[int] = []
    while len(picks) < LENGTH:
        picks += [byte % len(CHARS) for byte in urandom(LENGTH + 8) if byte < _LIMIT]
    return picks[:LENGTH]


def mask_cipher_secret(secret: str) -> str:
    """Django's token for ``secret`` (a string of CHARS): a fresh mask and the secret
    shifted by it."""
    mask = _mask_indexes()
    size = len(CHARS)
    try:
        cipher = [
            CHARS[(_INDEX[char] + shift) % size] for char, shift in zip(secret, mask, strict=False)
        ]
    except KeyError as error:  # Django's own raises ValueError for a foreign character
        raise ValueError(f"not a CSRF secret character: {error}") from None
    return "".join([CHARS[index] for index in mask]) + "".join(cipher)


def install() -> bool:
    """Use ``mask_cipher_secret`` for Django's CSRF tokens; False (nothing changed) when
    Django's token format is not the expected one."""
    expected = (
        len(CHARS) == 62
        and LENGTH == 32
        and csrf.CSRF_TOKEN_LENGTH == 2 * LENGTH
        and callable(getattr(csrf, "_mask_cipher_secret", None))
        and callable(getattr(csrf, "_unmask_cipher_token", None))
    )
    if expected:
        csrf._mask_cipher_secret = mask_cipher_secret  # type: ignore[attr-defined]
    return expected
