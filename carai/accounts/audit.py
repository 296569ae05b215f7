"""The kinds of audit event the accounts app writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.core.audit_actions import audit_actions


@audit_actions
class AccountAction(models.TextChoices):
    """Things that happen to a person's account."""

    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Failed log-in")
    LOGOUT = "logout", _("Logged out")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Password reset requested")
    PASSWORD_RESET_DONE = "password_reset_done", _("Password reset completed")
    ACCOUNT_CREATED = "account_created", _("Account created")
    DATA_EXPORTED = "data_exported", _("Personal data downloaded")
    ACCOUNT_ERASED = "account_erased", _("Account erased")
    COMMUNITY_LEAD_CHANGED = "community_lead_changed", _("Community lead role changed")
