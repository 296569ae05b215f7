"""Drive the authorization code flow: CARAI's pages through a Django test client, the
provider's pages over real HTTP, as a browser would."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import requests
from django.test import Client
from django.urls import reverse

from tests.signin.provider import CALLBACK_PATH


def provider_log_in(session: requests.Session, authorize_url: str, username: str) -> str | None:
    """Follow the provider from its authorize address; log in when it asks. Returns the
    address it sends the browser back to CARAI with, or None when it does not."""
    response = session.get(authorize_url, allow_redirects=False, timeout=10)
    for _ in range(6):
        location = response.headers.get("Location", "")
        if response.status_code in (301, 302) and CALLBACK_PATH in location:
            return location
        if response.status_code in (301, 302):
            response = session.get(
                urljoin(response.url, location), allow_redirects=False, timeout=10
            )
            continue
        if response.status_code == 200 and "/accounts/login/" in response.url:
            if "csrfmiddlewaretoken" not in response.text or username == "":
                return None
            response = session.post(
                response.url,
                data={
                    "username": username,
                    "password": "fictional-password-1",
                    "csrfmiddlewaretoken": session.cookies["csrftoken"],
                },
                headers={"Referer": response.url},
                allow_redirects=False,
                timeout=10,
            )
            username = ""  # one try: a second login page means the provider refused
            continue
        return None
    return None


def authorize_url(start) -> str:
    """Where CARAI's "Log in with your organisation" sends the browser."""
    assert start.status_code == 200, start.content.decode()[:500]
    return str(start.context["authorize_url"])


def sign_in(client: Client, session: requests.Session, *, email: str, username: str):
    """Start at CARAI with ``email``; return CARAI's answer to the callback, or None when
    the provider never sent the person back."""
    start = client.post(reverse("signin:start"), {"sso-email": email})
    authorize = authorize_url(start)
    back = provider_log_in(session, authorize, username)
    if back is None:
        return None
    parts = urlsplit(back)
    return client.get(f"{parts.path}?{parts.query}")
