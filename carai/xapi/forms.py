from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from carai.core.validators import validate_service_url
from carai.xapi.models import Identify, LrsConfig


class LrsConfigForm(forms.Form):
    is_active = forms.BooleanField(label=_("Send learning records to this LRS"), required=False)
    endpoint = forms.URLField(
        validators=[validate_service_url],
        label=LrsConfig._meta.get_field("endpoint").verbose_name,
        max_length=300,
        assume_scheme="https",
        help_text=_(
            "The xAPI address your LRS gives you, for example https://lrs.example.nl/xAPI/"
        ),
    )
    username = forms.CharField(label=_("User name (key)"), max_length=200)
    password = forms.CharField(
        label=_("Password (secret)"),
        max_length=500,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the password you saved before."),
    )
    identify_by = forms.ChoiceField(
        label=_("How learners are named in the LRS"),
        choices=Identify.choices,
        widget=forms.RadioSelect,
        initial=Identify.PSEUDONYM,
    )
