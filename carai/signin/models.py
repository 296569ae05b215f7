"""An organisation's single sign-on connection (OpenID Connect or SAML 2.0), its e-mail
domains, and the people who signed in through it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation, Role

# The purpose under which client secrets are sealed (core.secrets_box): never change it.
SIGNIN_BOX = "signin-oidc-client-secret"
DEFAULT_SCOPES = "openid email profile"


class Protocol(models.TextChoices):
    OIDC = "oidc", _("OpenID Connect")
    SAML = "saml", _("SAML 2.0")


class SsoConnection(models.Model):
    """One identity provider of one organisation, spoken to with OpenID Connect or SAML 2.0.
    Everything after the provider vouched for a person (domains, accounts, memberships,
    roles, audit, leaving) is the same for both."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="sso_connection",
        verbose_name=_("organisation"),
    )
    is_active = models.BooleanField(_("sign-in switched on"), default=False)
    protocol = models.CharField(
        _("protocol"), max_length=4, choices=Protocol.choices, default=Protocol.OIDC
    )
    discovery_url = models.URLField(_("discovery address"), max_length=300, blank=True)
    client_id = models.CharField(_("client id"), max_length=200, blank=True)
    client_secret_encrypted = models.TextField(_("client secret (encrypted)"), blank=True)
    scopes = models.CharField(_("scopes"), max_length=300, default=DEFAULT_SCOPES)
    default_role = models.CharField(
        _("role for new people"), max_length=20, choices=Role.choices, default=Role.PROFESSIONAL
    )
    groups_claim = models.CharField(_("claim with groups"), max_length=100, default="groups")
    role_mapping = models.JSONField(_("roles by group"), default=dict, blank=True)
    idp_enforces_mfa = models.BooleanField(
        _("the identity provider already asks for a second factor"), default=False
    )
    inactive_days = models.PositiveIntegerField(
        _("end membership after days without sign-in"), null=True, blank=True
    )
    # SAML 2.0: the identity provider's metadata (fetched from the address, or uploaded) and
    # what CARAI read from it when it was saved.
    saml_metadata_url = models.URLField(_("metadata address"), max_length=500, blank=True)
    saml_metadata_xml = models.TextField(_("metadata"), blank=True)
    saml_idp_entity_id = models.CharField(
        _("entity id of the provider"), max_length=500, blank=True
    )
    saml_sso_url = models.URLField(_("sign-in address of the provider"), max_length=500, blank=True)
    saml_certificate_fingerprint = models.CharField(
        _("certificate (SHA-256)"), max_length=200, blank=True
    )
    saml_certificate_not_after = models.DateTimeField(
        _("certificate valid until"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("sign-in connection")
        verbose_name_plural = _("sign-in connections")

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_protocol_display()}"

    @property
    def is_saml(self) -> bool:
        return self.protocol == Protocol.SAML


class SsoDomain(models.Model):
    """An e-mail domain that belongs to a connection. Only a verified domain is used: to find
    the connection from an address, to create accounts and to link existing ones."""

    connection = models.ForeignKey(SsoConnection, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("e-mail domain"), max_length=253, unique=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )

    class Meta:
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class SsoIdentity(models.Model):
    """A person as the identity provider knows them (its ``sub``), linked to a CARAI account."""

    connection = models.ForeignKey(
        SsoConnection, on_delete=models.CASCADE, related_name="identities"
    )
    subject = models.CharField(_("subject at the identity provider"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identities"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("last sign-in"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in identity")
        verbose_name_plural = _("sign-in identities")
        constraints = [
            models.UniqueConstraint(fields=["connection", "subject"], name="one_identity_per_sub"),
            models.UniqueConstraint(fields=["connection", "user"], name="one_identity_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.connection.organisation}"


class SamlAssertionUse(models.Model):
    """A SAML assertion CARAI accepted: each is accepted once (no replay). Kept until it
    expires; ``manage.py signin_daily`` removes the expired ones."""

    connection = models.ForeignKey(SsoConnection, on_delete=models.CASCADE, related_name="+")
    assertion_id = models.CharField(max_length=255)
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "assertion_id"], name="saml_assertion_used_once"
            )
        ]

    def __str__(self) -> str:
        return self.assertion_id


class MfaPolicy(models.Model):
    """Whether an organisation requires a second factor of its organisation admins and
    privacy officers, and how long they have to set it up. Without a row: required, with
    settings.CARAI_MFA_GRACE_DAYS."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="mfa_policy"
    )
    required = models.BooleanField(
        _("organisation admins and privacy officers must use a second factor"), default=True
    )
    grace_days = models.PositiveIntegerField(_("days to set it up"), default=14)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("two-step verification policy")
        verbose_name_plural = _("two-step verification policies")

    def __str__(self) -> str:
        return str(self.organisation)


class TotpDevice(models.Model):
    """A person's authenticator app (TOTP, RFC 6238). Confirmed once they entered a code."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device"
    )
    secret_encrypted = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(default=0)  # a code is accepted once (no replay)

    class Meta:
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")

    def __str__(self) -> str:
        return str(self.user)


class RecoveryCode(models.Model):
    """A single-use code for when the phone is lost. Only a keyed hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return str(self.user)


class TrustedDevice(models.Model):
    """A browser where the person chose "trust this device": no second step until it expires.
    The cookie holds a random token; only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trusted_devices"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("trusted device")
        verbose_name_plural = _("trusted devices")

    def __str__(self) -> str:
        return str(self.user)


class SecurityKey(models.Model):
    """A passkey or security key (WebAuthn), a second way through the second step."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="security_keys"
    )
    name = models.CharField(_("name"), max_length=100)
    credential_id = models.CharField(max_length=1400, unique=True)  # hex
    credential_data = models.BinaryField()  # fido2's AttestedCredentialData
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("passkey or security key")
        verbose_name_plural = _("passkeys and security keys")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name
