from __future__ import annotations

import re

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from carai.community.models import Role
from carai.core.validators import validate_outgoing_address
from carai.signin.models import DEFAULT_SCOPES, Protocol
from carai.signin.saml import MAX_METADATA_BYTES

DOMAIN_PATTERN = re.compile(r"^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class SignInStartForm(forms.Form):
    email = forms.EmailField(
        label=_("Your work e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _role_mapping_help() -> str:
    """Written when the page is shown, in the person's language: each code with its role."""
    roles = ", ".join(f"{code} ({label})" for code, label in Role.choices)
    return _(
        "One line per group: the group's name or id, then '=', then the code of a role, "
        "for example: Care team North = professional. Someone in a group on the list gets "
        "that role instead of the role for people who sign in for the first time. The codes: "
        "%(roles)s."
    ) % {"roles": roles}


class ConnectionForm(forms.Form):
    is_active = forms.BooleanField(
        label=_("People of this organisation may sign in with it"), required=False
    )
    protocol = forms.ChoiceField(
        label=_("Protocol"),
        choices=Protocol.choices,
        initial=Protocol.OIDC,
        required=False,  # a form without it (as before SAML came) means OpenID Connect
        widget=forms.RadioSelect,
        help_text=_(
            "Fill in the fields of the protocol you choose; the fields of the other one "
            "are not used."
        ),
    )
    discovery_url = forms.URLField(
        label=_("OpenID Connect: discovery address"),
        max_length=300,
        required=False,
        assume_scheme="https",
        help_text=_(
            "The OpenID Connect metadata address, for example "
            "https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration"
        ),
    )
    client_id = forms.CharField(
        label=_("OpenID Connect: client id (application id)"), max_length=200, required=False
    )
    client_secret = forms.CharField(
        label=_("OpenID Connect: client secret"),
        max_length=500,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the secret you saved before."),
    )
    scopes = forms.CharField(
        label=_("OpenID Connect: scopes"),
        max_length=300,
        initial=DEFAULT_SCOPES,
        required=False,
    )
    saml_metadata_url = forms.URLField(
        label=_("SAML: metadata address of your identity provider"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_(
            "For example the 'App Federation Metadata Url' of an enterprise application in "
            "Microsoft Entra ID. CARAI reads it again each time you save."
        ),
    )
    saml_metadata_file = forms.FileField(
        label=_("SAML: or upload the metadata file (XML)"),
        required=False,
        help_text=_("Leave both empty to keep the metadata you saved before."),
    )
    default_role = forms.ChoiceField(
        label=_("Role for people who sign in for the first time"),
        choices=Role.choices,
        initial=Role.PROFESSIONAL,
    )
    groups_claim = forms.CharField(
        label=_("Claim or attribute with groups"),
        max_length=100,
        initial="groups",
        help_text=_(
            "OpenID Connect: usually groups. SAML from Microsoft Entra ID: "
            "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"
        ),
    )
    role_mapping = forms.CharField(
        label=_("Roles by group"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=lazy(_role_mapping_help, str)(),
    )
    idp_enforces_mfa = forms.BooleanField(
        label=_("Your identity provider already asks for a second factor"),
        required=False,
        help_text=_(
            "Then CARAI does not ask for its own second step when someone signs in this way."
        ),
    )
    inactive_days = forms.IntegerField(
        label=_("End membership after this many days without sign-in"),
        required=False,
        min_value=7,
        max_value=3650,
    )

    def clean_discovery_url(self) -> str:
        url: str = self.cleaned_data["discovery_url"]
        if url:
            validate_outgoing_address(url)
        return url

    def clean_saml_metadata_url(self) -> str:
        url: str = self.cleaned_data["saml_metadata_url"]
        if url:
            validate_outgoing_address(url)
        return url

    def clean_saml_metadata_file(self) -> str:
        upload = self.cleaned_data.get("saml_metadata_file")
        if not upload:
            return ""
        data = upload.read(MAX_METADATA_BYTES + 1)
        if len(data) > MAX_METADATA_BYTES:
            raise forms.ValidationError(_("This file is too large for metadata."))
        try:
            return str(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Upload the metadata as an XML file.")) from None

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("protocol") and "protocol" not in self.errors:
            data["protocol"] = Protocol.OIDC
        if data.get("protocol") == Protocol.OIDC:
            for name, message in (
                ("discovery_url", _("Enter the discovery address.")),
                ("client_id", _("Enter the client id.")),
            ):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
            if not data.get("scopes"):
                data["scopes"] = DEFAULT_SCOPES
        return data

    def clean_role_mapping(self) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for number, line in enumerate(self.cleaned_data["role_mapping"].splitlines(), start=1):
            if not line.strip():
                continue
            group, sep, role = line.rpartition("=")
            if not sep or not group.strip() or role.strip() not in Role.values:
                raise forms.ValidationError(
                    _("Line %(number)s: write a group, '=' and one of the role codes.")
                    % {"number": number}
                )
            mapping[group.strip()] = role.strip()
        return mapping


def mapping_as_text(mapping: dict[str, str]) -> str:
    return "\n".join(f"{group} = {role}" for group, role in sorted(mapping.items()))


class DomainForm(forms.Form):
    domain = forms.CharField(
        label=_("E-mail domain"),
        max_length=253,
        help_text=_("The part after the @, for example zorggroep-voorbeeld.nl"),
    )

    def clean_domain(self) -> str:
        domain = str(self.cleaned_data["domain"]).strip().lower().lstrip("@").rstrip(".")
        if not DOMAIN_PATTERN.match(domain):
            raise forms.ValidationError(_("Enter a domain such as zorggroep-voorbeeld.nl."))
        return domain


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
        help_text=_("The 6 digits in your authenticator app, or one of your recovery codes."),
    )


class SecondStepForm(CodeForm):
    trust = forms.BooleanField(label=_("Trust this device"), required=False)

    def __init__(self, *args: object, trust_days: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["trust"].help_text = _(
            "Do not ask for a code on this browser for %(days)s days. Only on your own device."
        ) % {"days": trust_days}


class MfaPolicyForm(forms.Form):
    required = forms.BooleanField(
        label=_("Organisation admins and privacy officers must use two-step verification"),
        required=False,
    )
    grace_days = forms.IntegerField(
        label=_("Days they have to set it up"), min_value=0, max_value=90, initial=14
    )
