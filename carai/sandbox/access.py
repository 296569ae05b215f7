"""The one door to sandbox objects: an organisation's model settings for its admins and
privacy officers; attempts are the learner's own."""

from __future__ import annotations

from django.http import Http404

from carai.accounts.models import User
from carai.community.access import access_organisation
from carai.community.models import Organisation, Role
from carai.sandbox.models import SandboxAttempt

SETTINGS_ROLES: frozenset[str] = frozenset({Role.ORG_ADMIN, Role.PRIVACY_OFFICER})


def access_sandbox_settings(*, user: User, slug: str) -> Organisation:
    return access_organisation(user=user, slug=slug, roles=SETTINGS_ROLES, lead_allowed=False)


def access_own_sandbox_attempt(*, user: User, attempt_id: int) -> SandboxAttempt:
    attempt = SandboxAttempt.objects.select_related("case").filter(pk=attempt_id, user=user).first()
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt
