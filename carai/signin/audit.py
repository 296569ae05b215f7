"""The kinds of audit event the sign-in app writes (in the organisation's audit log)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import audit_actions


@audit_actions
class SigninAction(models.TextChoices):
    SSO_LOGIN = "sso_login", _("Signed in with the organisation's account")
    SSO_LOGIN_FAILED = "sso_login_failed", _("Sign-in with the organisation's account failed")
    SSO_ACCOUNT_CREATED = "sso_account_created", _("Account created at first sign-in")
    SSO_ACCOUNT_LINKED = "sso_account_linked", _("Existing account linked to the organisation")
    SSO_CONNECTION_CHANGED = "sso_connection_changed", _("Sign-in connection changed")
    SSO_DOMAIN_ADDED = "sso_domain_added", _("E-mail domain added to the sign-in")
    SSO_DOMAIN_VERIFIED = "sso_domain_verified", _("E-mail domain verified")
    SSO_DOMAIN_REMOVED = "sso_domain_removed", _("E-mail domain removed from the sign-in")
    SSO_MEMBER_DEACTIVATED = "sso_member_deactivated", _("Membership ended: no recent sign-in")
    MFA_ENABLED = "mfa_enabled", _("Two-step verification switched on")
    MFA_DISABLED = "mfa_disabled", _("Two-step verification switched off")
    MFA_RECOVERY_CODES_NEW = "mfa_recovery_codes_new", _("New recovery codes made")
    MFA_RECOVERY_CODE_USED = "mfa_recovery_code_used", _("Recovery code used")
    MFA_FAILED = "mfa_failed", _("Wrong code in two-step verification")
    MFA_DEVICE_TRUSTED = "mfa_device_trusted", _("Device trusted for two-step verification")
    MFA_POLICY_CHANGED = "mfa_policy_changed", _("Two-step verification policy changed")
    MFA_KEY_ADDED = "mfa_key_added", _("Passkey or security key added")
    MFA_KEY_REMOVED = "mfa_key_removed", _("Passkey or security key removed")
