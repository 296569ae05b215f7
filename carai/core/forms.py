from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names when it has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in errors:
                form.add_error(target if field != NON_FIELD_ERRORS else None, item)
    else:
        form.add_error(None, error)


def message_service_error(request: HttpRequest, error: ValidationError) -> None:
    """Show a service's ValidationError as a message, for actions without a form of their own
    (a button that publishes, renews or starts something)."""
    messages.error(request, " ".join(error.messages))
