"""The door to an organisation's sign-in settings: its organisation admins and the community
lead; everyone else gets a 404."""

from __future__ import annotations

from django.http import Http404

from carai.accounts.models import User
from carai.community.access import MANAGE_MEMBERS_ROLES, access_organisation
from carai.community.models import Organisation
from carai.signin.models import SecurityKey, SsoConnection, SsoDomain

SETTINGS_ROLES = MANAGE_MEMBERS_ROLES


def access_signin_settings(*, user: User, slug: str) -> Organisation:
    return access_organisation(user=user, slug=slug, roles=SETTINGS_ROLES, lead_allowed=True)


def access_connection(*, user: User, slug: str) -> SsoConnection:
    organisation = access_signin_settings(user=user, slug=slug)
    connection = SsoConnection.objects.filter(organisation=organisation).first()
    if connection is None:
        raise Http404("No sign-in connection.")
    return connection


def access_domain(*, user: User, slug: str, domain_id: int) -> SsoDomain:
    connection = access_connection(user=user, slug=slug)
    domain = (
        SsoDomain.objects.select_related("connection__organisation")
        .filter(pk=domain_id, connection=connection)
        .first()
    )
    if domain is None:
        raise Http404("No such domain.")
    return domain


def access_security_key(*, user: User, key_id: int) -> SecurityKey:
    """One of the person's own passkeys or security keys; 404 for anyone else's."""
    key = SecurityKey.objects.filter(pk=key_id, user=user).first()
    if key is None:
        raise Http404("No such key.")
    return key
