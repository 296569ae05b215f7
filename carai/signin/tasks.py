"""Background work of the sign-in app."""

from __future__ import annotations

from django_tasks import task

from carai.signin.services import members_deactivate_inactive


@task()
def sso_members_deactivate() -> int:
    """End the memberships of people who have not signed in through their organisation's
    identity provider for its set period (``manage.py signin_daily``, once a day)."""
    return members_deactivate_inactive()
