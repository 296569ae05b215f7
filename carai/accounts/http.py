"""The logged-in user, typed, for views."""

from __future__ import annotations

from django.http import HttpRequest

from carai.accounts.models import User


def authenticated_user(request: HttpRequest) -> User:
    """The logged-in user, typed. Only call behind @login_required."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionError("Login required.")
    return user
