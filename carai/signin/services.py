"""Every write of the sign-in app: an organisation's connection and domains, and what happens
when someone signs in through it. Each write leaves an event in the organisation's audit log."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
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
from carai.signin.models import SIGNIN_BOX, SsoConnection, SsoDomain, SsoIdentity


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
    discovery_url: str,
    client_id: str,
    client_secret: str,
    scopes: str,
    default_role: str,
    groups_claim: str,
    role_mapping: dict[str, str],
    inactive_days: int | None,
    idp_enforces_mfa: bool = False,
) -> SsoConnection:
    """Set up or change the organisation's connection. An empty secret keeps the one stored."""
    connection = SsoConnection.objects.select_for_update().filter(organisation=organisation).first()
    if connection is None:
        if not client_secret:
            raise ValidationError({"client_secret": _("Enter the client secret.")})
        connection = SsoConnection(organisation=organisation)
    if "openid" not in scopes.split():
        raise ValidationError({"scopes": _("The scopes must include openid.")})
    unknown = sorted(set(role_mapping.values()) - set(Role.values))
    if default_role not in Role.values or unknown:
        raise ValidationError(_("Choose roles that exist."))
    connection.is_active = is_active
    connection.discovery_url = discovery_url
    connection.client_id = client_id
    if client_secret:
        connection.client_secret_encrypted = seal(client_secret, purpose=SIGNIN_BOX)
    connection.scopes = " ".join(scopes.split())
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
        target_label=discovery_url,
        details={
            "active": is_active,
            "client_id": client_id,
            "secret_changed": bool(client_secret),
            "scopes": connection.scopes,
            "default_role": default_role,
            "role_mapping": role_mapping,
            "inactive_days": inactive_days,
            "idp_enforces_mfa": idp_enforces_mfa,
        },
    )
    return connection


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
