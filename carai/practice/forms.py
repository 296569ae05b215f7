from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from carai.core.validators import validate_plain_text


class PrivacyCheckForm(forms.Form):
    text = forms.CharField(
        label=_("Your text"),
        max_length=settings.PRIVACY_CHECK_MAX_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        validators=[validate_plain_text],
        help_text=_("Paste the text you want to put into an AI tool. At most 20,000 characters."),
        error_messages={
            "required": _("Paste or type a text first."),
            "max_length": _(
                "This text is too long: at most %(limit_value)d characters, you have "
                "%(show_value)d. Check it in parts."
            ),
        },
    )
