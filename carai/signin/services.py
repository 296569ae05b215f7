"""Every write of the sign-in app: an organisation's connection and domains, and what happens
when someone signs in through it. Each write leaves an event in the organisation's audit log."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Membership, Organisation, Role
from carai.core.audit import audit_record
from carai.core.secrets_box import seal
from carai.signin import selectors
from carai.signin.audit import SigninAction
from carai.signin.models import (
    DEFAULT_SCOPES,
    SIGNIN_BOX,
    Protocol,
    SamlAssertionUse,
    SsoConnection,
    SsoDomain,
    SsoIdentity,
)
from carai.signin.saml import IdpMetadata


class SignInRefused(Exception):
    """A sign-in through the identity provider that CARAI does not accept."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@transaction.atomic
def connection_save(
    *,
    actor: User,
    request: HttpRequest | None,
    organisation: Organisation,
    is_active: bool,
    default_role: str,
    groups_claim: str,
    role_mapping: dict[str, str],
    inactive_days: int | None,
    idp_enforces_mfa: bool = False,
    protocol: str = Protocol.OIDC,
    discovery_url: str = "",
    client_id: str = "",
    client_secret: str = "",
    scopes: str = DEFAULT_SCOPES,
    saml_metadata_url: str = "",
    saml_metadata: IdpMetadata | None = None,
) -> SsoConnection:
    """Set up or change the organisation's connection, with OpenID Connect or SAML 2.0.
    OpenID Connect: an empty secret keeps the one stored. SAML: ``saml_metadata`` is the
    provider's metadata as read (``saml.read_metadata``); None keeps the metadata stored."""
    connection = SsoConnection.objects.select_for_update().filter(organisation=organisation).first()
    if connection is None:
        connection = SsoConnection(organisation=organisation)
    unknown = sorted(set(role_mapping.values()) - set(Role.values))
    if default_role not in Role.values or unknown:
        raise ValidationError(_("Choose roles that exist."))
    if protocol == Protocol.SAML:
        _saml_settings_apply(connection, metadata_url=saml_metadata_url, metadata=saml_metadata)
        target_label = connection.saml_idp_entity_id
        protocol_details: dict[str, Any] = {
            "idp_entity_id": connection.saml_idp_entity_id,
            "sso_url": connection.saml_sso_url,
            "certificate": connection.saml_certificate_fingerprint,
            "metadata_url": saml_metadata_url,
            "metadata_changed": saml_metadata is not None,
        }
    elif protocol == Protocol.OIDC:
        _oidc_settings_apply(
            connection,
            discovery_url=discovery_url,
            client_id=client_id,
            client_secret=client_secret,
            scopes=scopes,
        )
        target_label = discovery_url
        protocol_details = {
            "client_id": client_id,
            "secret_changed": bool(client_secret),
            "scopes": connection.scopes,
        }
    else:
        raise ValidationError({"protocol": _("Choose OpenID Connect or SAML 2.0.")})
    connection.protocol = protocol
    connection.is_active = is_active
    connection.default_role = default_role
    connection.groups_claim = groups_claim
    connection.role_mapping = role_mapping
    connection.inactive_days = inactive_days
    connection.idp_enforces_mfa = idp_enforces_mfa
    connection.save()
    audit_record(
        action=SigninAction.SSO_CONNECTION_CHANGED,
        actor=actor,
        request=request,
        organisation=organisation,
        target=connection,
        target_label=target_label[:200],
        details={
            "protocol": protocol,
            "active": is_active,
            **protocol_details,
            "default_role": default_role,
            "role_mapping": role_mapping,
            "inactive_days": inactive_days,
            "idp_enforces_mfa": idp_enforces_mfa,
        },
    )
    return connection


def _oidc_settings_apply(
    connection: SsoConnection,
    *,
    discovery_url: str,
    client_id: str,
    client_secret: str,
    scopes: str,
) -> None:
    errors: dict[str, str] = {}
    if not discovery_url:
        errors["discovery_url"] = _("Enter the discovery address.")
    if not client_id:
        errors["client_id"] = _("Enter the client id.")
    if not client_secret and not connection.client_secret_encrypted:
        errors["client_secret"] = _("Enter the client secret.")
    if "openid" not in scopes.split():
        errors["scopes"] = _("The scopes must include openid.")
    if errors:
        raise ValidationError(errors)
    connection.discovery_url = discovery_url
    connection.client_id = client_id
    if client_secret:
        connection.client_secret_encrypted = seal(client_secret, purpose=SIGNIN_BOX)
    connection.scopes = " ".join(scopes.split())


def _saml_settings_apply(
    connection: SsoConnection, *, metadata_url: str, metadata: IdpMetadata | None
) -> None:
    if metadata is None and not connection.saml_metadata_xml:
        raise ValidationError(
            {
                "saml_metadata_url": _(
                    "Enter the metadata address of your identity provider, or upload its "
                    "metadata file."
                )
            }
        )
    connection.saml_metadata_url = metadata_url
    if metadata is not None:
        connection.saml_metadata_xml = metadata.xml
        connection.saml_idp_entity_id = metadata.entity_id
        connection.saml_sso_url = metadata.sso_url
        connection.saml_certificate_fingerprint = metadata.certificate_fingerprint
        connection.saml_certificate_not_after = metadata.certificate_not_after


@transaction.atomic
def domain_add(
    *, actor: User, request: HttpRequest | None, connection: SsoConnection, domain: str
) -> SsoDomain:
    """Add an e-mail domain. The community lead's are verified at once; an organisation
    admin's wait until the lead has checked that the organisation owns the domain."""
    domain = domain.strip().lower().rstrip(".")
    if SsoDomain.objects.filter(domain=domain).exists():
        raise ValidationError({"domain": _("This domain already belongs to a sign-in.")})
    verified = actor.is_community_lead
    item = SsoDomain.objects.create(
        connection=connection,
        domain=domain,
        verified_at=timezone.now() if verified else None,
        verified_by=actor if verified else None,
    )
    audit_record(
        action=SigninAction.SSO_DOMAIN_ADDED,
        actor=actor,
        request=request,
        organisation=connection.organisation,
        target=item,
        details={"verified": verified},
    )
    return item


@transaction.atomic
def domain_verify(*, actor: User, request: HttpRequest | None, domain: SsoDomain) -> SsoDomain:
    if not actor.is_community_lead:
        raise ValidationError(_("Only the community lead verifies a domain."))
    if domain.verified_at is None:
        domain.verified_at = timezone.now()
        domain.verified_by = actor
        domain.save(update_fields=["verified_at", "verified_by"])
        audit_record(
            action=SigninAction.SSO_DOMAIN_VERIFIED,
            actor=actor,
            request=request,
            organisation=domain.connection.organisation,
            target=domain,
        )
    return domain


@transaction.atomic
def domain_remove(*, actor: User, request: HttpRequest | None, domain: SsoDomain) -> None:
    audit_record(
        action=SigninAction.SSO_DOMAIN_REMOVED,
        actor=actor,
        request=request,
        organisation=domain.connection.organisation,
        target=domain,
    )
    domain.delete()


def _mapped_roles(connection: SsoConnection, claims: dict[str, Any]) -> set[str]:
    groups = claims.get(connection.groups_claim) or []
    if isinstance(groups, str):
        groups = [groups]
    if not isinstance(groups, list):
        return set()
    mapping = connection.role_mapping or {}
    return {mapping[group] for group in groups if isinstance(group, str) and group in mapping}


def _claimed_email(claims: dict[str, Any]) -> str:
    for key in ("email", "preferred_username", "upn"):
        value = claims.get(key)
        if isinstance(value, str) and "@" in value:
            return value.strip().lower()
    return ""


def sign_in_failed_record(
    *, connection: SsoConnection, request: HttpRequest | None, reason: str, email: str = ""
) -> None:
    audit_record(
        action=SigninAction.SSO_LOGIN_FAILED,
        actor=None,
        request=request,
        organisation=connection.organisation,
        target=connection,
        target_label=email[:254],
        details={"reason": reason},
    )


def _user_for(
    *,
    connection: SsoConnection,
    request: HttpRequest | None,
    subject: str,
    email: str,
    name: str,
) -> User:
    identity = (
        SsoIdentity.objects.select_for_update()
        .select_related("user")
        .filter(connection=connection, subject=subject)
        .first()
    )
    if identity is not None:
        return identity.user
    organisation = connection.organisation
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        # Linked only because the address is in a verified domain of this connection (checked
        # by the caller), and only once per connection.
        if SsoIdentity.objects.filter(connection=connection, user=user).exists():
            raise SignInRefused("other_subject")
        action = SigninAction.SSO_ACCOUNT_LINKED
    else:
        user = User.objects.create_user(email=email, password=None, full_name=name[:150])
        action = SigninAction.SSO_ACCOUNT_CREATED
    SsoIdentity.objects.create(connection=connection, subject=subject, user=user)
    audit_record(
        action=action,
        actor=user,
        request=request,
        organisation=organisation,
        target=user,
        details={"subject": subject},
    )
    return user


def sign_in_complete(
    *, connection: SsoConnection, claims: dict[str, Any], request: HttpRequest | None
) -> User:
    """The person the identity provider vouched for, with an active membership in the
    connection's organisation. Raises SignInRefused (after logging why) when CARAI does not
    accept the sign-in: an address outside the connection's verified domains, an account
    that is switched off or erased, or a provider identity that does not match the account."""
    email = _claimed_email(claims)
    try:
        return _sign_in(connection=connection, claims=claims, request=request, email=email)
    except SignInRefused as refused:
        sign_in_failed_record(
            connection=connection, request=request, reason=refused.reason, email=email
        )
        raise


@transaction.atomic
def _sign_in(
    *,
    connection: SsoConnection,
    claims: dict[str, Any],
    request: HttpRequest | None,
    email: str,
) -> User:
    subject = str(claims.get("sub") or "")
    if not connection.is_active or not connection.organisation.is_active:
        raise SignInRefused("switched_off")
    if not subject or not email:
        raise SignInRefused("no_email")
    if not selectors.domain_is_verified(connection=connection, email=email):
        raise SignInRefused("domain_not_verified")
    name = str(claims.get("name") or "").strip()
    user = _user_for(
        connection=connection, request=request, subject=subject, email=email, name=name
    )
    if not user.is_active or user.erased_at is not None:
        raise SignInRefused("account_off")
    organisation = connection.organisation
    current = set(
        Membership.objects.active_in(organisation=organisation)
        .filter(user=user)
        .values_list("role", flat=True)
    )
    wanted = _mapped_roles(connection, claims)
    if not wanted and not current:
        wanted = {connection.default_role}
    for role in sorted(wanted - current):
        Membership.objects.create(user=user, organisation=organisation, role=role)
    SsoIdentity.objects.filter(connection=connection, user=user).update(
        last_login_at=timezone.now()
    )
    audit_record(
        action=SigninAction.SSO_LOGIN,
        actor=user,
        request=request,
        organisation=organisation,
        target=user,
        details={"roles_added": sorted(wanted - current)},
    )
    return user


def saml_assertion_consume(
    *,
    connection: SsoConnection,
    request: HttpRequest | None,
    assertion_id: str,
    expires_at: datetime,
) -> None:
    """Accept a checked SAML assertion once: the same assertion again (a replay) raises
    SignInRefused, after logging it. Kept until it expires (and a little longer)."""
    try:
        with transaction.atomic():
            SamlAssertionUse.objects.create(
                connection=connection,
                assertion_id=assertion_id[:255],
                expires_at=expires_at + timedelta(minutes=5),
            )
    except IntegrityError:
        sign_in_failed_record(connection=connection, request=request, reason="replay")
        raise SignInRefused("replay") from None


def saml_assertions_forget_expired(*, now: datetime | None = None) -> int:
    """Remove remembered assertions that expired: they cannot be replayed any more."""
    deleted, _by_model = SamlAssertionUse.objects.filter(
        expires_at__lt=now or timezone.now()
    ).delete()
    return deleted


@transaction.atomic
def members_deactivate_inactive(*, now: Any = None) -> int:
    """End the memberships, in the connection's organisation only, of people who have not
    signed in through it for the connection's set number of days. Safe to run twice; never
    ends an organisation's last organisation admin. Returns how many memberships ended."""
    now = now or timezone.now()
    ended = 0
    for connection in SsoConnection.objects.filter(inactive_days__isnull=False).select_related(
        "organisation"
    ):
        if connection.inactive_days is None:
            continue
        cutoff = now - timedelta(days=connection.inactive_days)
        stale = connection.identities.filter(
            Q(last_login_at__lt=cutoff) | Q(last_login_at__isnull=True, created_at__lt=cutoff)
        ).values_list("user_id", flat=True)
        organisation = connection.organisation
        memberships = (
            Membership.objects.active_in(organisation=organisation)
            .filter(user_id__in=list(stale))
            .select_related("user")
            .select_for_update(of=("self",))
        )
        for membership in memberships:
            if membership.role == Role.ORG_ADMIN and (
                not Membership.objects.active_in(organisation=organisation)
                .filter(role=Role.ORG_ADMIN)
                .exclude(pk=membership.pk)
                .exclude(user_id__in=list(stale))
                .exists()
            ):
                continue
            membership.ended_at = now
            membership.save(update_fields=["ended_at"])
            ended += 1
            audit_record(
                action=SigninAction.SSO_MEMBER_DEACTIVATED,
                actor=None,
                organisation=organisation,
                target=membership,
                target_label=membership.user.display_name,
                details={"role": membership.role, "days": connection.inactive_days},
            )
    return ended
