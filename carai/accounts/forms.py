from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from carai.accounts.models import Language, User
from carai.core.validators import normalise_text, validate_name


class EmailLoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "That e-mail address and password do not match. Check both and try again."
        ),
        "inactive": _("This account is no longer active."),
    }

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()


class CaraiPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def save(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError("Use carai.accounts.services.password_reset_request.")

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()


class NameField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 150)
        kwargs.setdefault("validators", [validate_name])
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        return normalise_text(str(super().to_python(value)))


class ProfileForm(forms.Form):
    full_name = NameField(
        label=_("Full name"), widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    preferred_language = forms.ChoiceField(label=_("Language"), choices=Language.choices)


class NewAccountForm(forms.Form):
    """Create an account while accepting an invitation."""

    full_name = NameField(
        label=_("Full name"), widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    preferred_language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        if p1:
            probe = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be erased and I can no longer log in."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."))
        return password
