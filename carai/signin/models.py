"""An organisation's single sign-on connection (OpenID Connect), its e-mail domains, and the
people who signed in through it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.community.models import Organisation, Role

# The purpose under which client secrets are sealed (core.secrets_box): never change it.
SIGNIN_BOX = "signin-oidc-client-secret"
DEFAULT_SCOPES = "openid email profile"


class SsoConnection(models.Model):
    """One OpenID Connect identity provider of one organisation."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="sso_connection",
        verbose_name=_("organisation"),
    )
    is_active = models.BooleanField(_("sign-in switched on"), default=False)
    discovery_url = models.URLField(_("discovery address"), max_length=300)
    client_id = models.CharField(_("client id"), max_length=200)
    client_secret_encrypted = models.TextField(_("client secret (encrypted)"), blank=True)
    scopes = models.CharField(_("scopes"), max_length=300, default=DEFAULT_SCOPES)
    default_role = models.CharField(
        _("role for new people"), max_length=20, choices=Role.choices, default=Role.PROFESSIONAL
    )
    groups_claim = models.CharField(_("claim with groups"), max_length=100, default="groups")
    role_mapping = models.JSONField(_("roles by group"), default=dict, blank=True)
    inactive_days = models.PositiveIntegerField(
        _("end membership after days without sign-in"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("sign-in connection")
        verbose_name_plural = _("sign-in connections")

    def __str__(self) -> str:
        return f"{self.organisation} · OpenID Connect"


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
