"""Reads of the sign-in app."""

from __future__ import annotations

from django.db.models import QuerySet

from carai.community.models import Organisation
from carai.signin.models import Protocol, SsoConnection, SsoDomain


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower().rstrip(".")


def connection_for_email(*, email: str) -> SsoConnection | None:
    """The switched-on connection whose verified domains hold ``email``'s domain."""
    domain = email_domain(email)
    if not domain:
        return None
    found = (
        SsoDomain.objects.select_related("connection__organisation")
        .filter(
            domain=domain,
            verified_at__isnull=False,
            connection__is_active=True,
            connection__organisation__is_active=True,
        )
        .first()
    )
    return found.connection if found else None


def connection_of(*, organisation: Organisation) -> SsoConnection | None:
    return SsoConnection.objects.filter(organisation=organisation).first()


def domains_of(*, connection: SsoConnection) -> QuerySet[SsoDomain]:
    return connection.domains.select_related("verified_by").order_by("domain")


def domain_is_verified(*, connection: SsoConnection, email: str) -> bool:
    return connection.domains.filter(domain=email_domain(email), verified_at__isnull=False).exists()


def saml_connection_by_slug(*, slug: str) -> SsoConnection | None:
    """The SAML connection of the organisation ``slug``, for CARAI's public SP metadata."""
    return (
        SsoConnection.objects.select_related("organisation")
        .filter(organisation__slug=slug, protocol=Protocol.SAML)
        .exclude(saml_metadata_xml="")
        .first()
    )
