"""The CSRF token's mask from one random read (carai/core/csrf_mask.py): Django's token
format, a fresh mask per response, every character equally likely, and Django's CSRF check
accepting the tokens of the pages and refusing others."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.conf import settings
from django.middleware import csrf
from django.test import Client
from django.urls import reverse

from carai.core import csrf_mask

# Django's own, not in django-stubs.
UNMASK = csrf._unmask_cipher_token  # type: ignore[attr-defined]
MATCH = csrf._does_token_match  # type: ignore[attr-defined]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_django_uses_the_quicker_mask() -> None:
    assert csrf._mask_cipher_secret is csrf_mask.mask_cipher_secret  # type: ignore[attr-defined]


@pytest.mark.parametrize("secret", ["a" * 32, "Z" * 32, "0123456789abcdefghijABCDEFGHIJzZ"])
def test_django_unmasks_the_token_to_the_secret(secret: str) -> None:
    tokens = {csrf_mask.mask_cipher_secret(secret) for _ in range(200)}
    assert len(tokens) == 200  # a fresh mask every time
    for token in tokens:
        assert len(token) == csrf.CSRF_TOKEN_LENGTH
        assert set(token) <= set(csrf.CSRF_ALLOWED_CHARS)
        assert UNMASK(token) == secret
        assert MATCH(token, secret)


def test_every_mask_character_is_equally_likely(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each byte value gives one character, each character comes from exactly four byte
    values, and the bytes 248-255 are skipped (not folded onto the first characters)."""
    feed: list[bytes] = []
    monkeypatch.setattr("carai.core.csrf_mask.urandom", lambda size: feed.pop(0)[:size])
    made: Counter[str] = Counter()
    for byte in range(256):
        feed[:] = [bytes([byte]) * 64, bytes([0]) * 64]
        mask = csrf_mask.mask_cipher_secret("a" * 32)[:32]
        assert len(set(mask)) == 1
        if byte >= 248:
            assert mask == csrf.CSRF_ALLOWED_CHARS[0] * 32
            assert feed == []  # the skipped bytes made another read necessary
        else:
            made[mask[0]] += 1
    assert set(made) == set(csrf.CSRF_ALLOWED_CHARS)
    assert set(made.values()) == {4}


def test_a_foreign_character_is_a_value_error_as_in_django() -> None:
    with pytest.raises(ValueError, match="not a CSRF secret character"):
        csrf_mask.mask_cipher_secret("!" * 32)


def test_install_refuses_another_token_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csrf, "_mask_cipher_secret", "sentinel")
    monkeypatch.setattr(csrf_mask, "LENGTH", 16)
    assert csrf_mask.install() is False
    assert csrf._mask_cipher_secret == "sentinel"  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_the_page_tokens_pass_django_check_and_others_do_not(world) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.care_worker)
    html = client.get(reverse("overview:dashboard")).content.decode()
    tokens = TOKEN.findall(html)
    assert len(tokens) == 2  # the language switch and log out
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    assert all(UNMASK(token) == secret for token in tokens)
    switch = reverse("accounts:language_switch")
    refused = client.post(switch, {"csrfmiddlewaretoken": "b" * 64, "language": "en"})
    assert refused.status_code == 403
    accepted = client.post(switch, {"csrfmiddlewaretoken": tokens[0], "language": "en"})
    assert accepted.status_code == 302
