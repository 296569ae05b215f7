"""Validation for free text that people type: no control or direction-override characters."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidirectional overrides and isolates can make text display differently from what it is.
_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def validate_plain_text(value: str) -> None:
    for char in value:
        if char in _BIDI_CONTROLS:
            raise ValidationError(
                _("Remove the invisible text-direction characters from this text."),
                code="bidi_control",
            )
        if unicodedata.category(char) in {"Cc", "Cs", "Co"} and char not in _ALLOWED_CONTROLS:
            raise ValidationError(
                _("This text contains invisible control characters. Type it again."),
                code="control_character",
            )


# A text too long to check (the Privacycheck and "Mag dit?"); the form keeps what was typed.
# Its numbers come formatted in the active language (20.000 in Dutch, 20,000 in English):
# ``core.forms.TextToCheckField`` gives them as text, so the message takes them with %s.
TEXT_TOO_LONG = _(
    "This text is too long: at most %(limit_value)s characters, you have "
    "%(show_value)s. Check it in parts."
)


def validate_name(value: str) -> None:
    """Names of people and organisations: plain text without markup characters."""
    validate_plain_text(value)
    if any(char in value for char in "<>{}"):
        raise ValidationError(
            _("A name cannot contain the characters < > { }."), code="markup_in_name"
        )


def normalise_text(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def validate_outgoing_address(value: str) -> None:
    """An address CARAI's server calls (an LRS, an identity provider): https only; outside
    production also http on this machine, for local test servers."""
    local = ("http://127.0.0.1", "http://localhost")
    allowed = ("https://", *local) if settings.CARAI_ENV != "production" else ("https://",)
    if not value.lower().startswith(allowed):
        raise ValidationError(_("Use an https:// address."))
