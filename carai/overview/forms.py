"""The search form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from carai.overview.search import KINDS


class SearchForm(forms.Form):
    hide_optional = True
    q = forms.CharField(
        label=_("Search for"),
        max_length=100,
        required=False,
        help_text=_("Modules, practice cases, AI tools, use cases and events."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    soort = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("Everything")), *KINDS.items()],
        required=False,
    )
