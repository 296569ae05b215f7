from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.db.backends.base.operations import BaseDatabaseOperations
from django.http import HttpRequest
from django.utils.formats import number_format

from carai.core.validators import TEXT_TOO_LONG


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


class ModelsChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Several objects by id, refusing an id that no id column can hold before the database
    is asked (a tampered ``99999999999999999999`` is an OverflowError in SQLite and an
    error in PostgreSQL: a 500 instead of a message)."""

    def _check_values(self, value: Any) -> Any:
        if not self.to_field_name and self.queryset is not None:
            pk = self.queryset.model._meta.pk
            kind = pk.get_internal_type() if pk is not None else "BigAutoField"
            low, high = BaseDatabaseOperations.integer_field_ranges.get(kind, (None, None))
            for item in value:
                try:
                    number = int(str(item))
                except ValueError:
                    continue  # not a number: Django's own check says so
                if low is not None and high is not None and not low <= number <= high:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": item},
                    )
        return super()._check_values(value)  # type: ignore[misc]


class _LocalisedMaxLength(MaxLengthValidator):
    """Django's maximum length, with the limit and the length as text in the active
    language's number format (its own check gives them as bare integers)."""

    message = TEXT_TOO_LONG

    def __call__(self, value: str) -> None:
        length = self.clean(value)
        if self.compare(length, self.limit_value):
            raise ValidationError(
                self.message,
                code=self.code,
                params={
                    "limit_value": number_format(self.limit_value, force_grouping=True),
                    "show_value": number_format(length, force_grouping=True),
                    "value": value,
                },
            )


class TextToCheckField(forms.CharField):
    """A text a person pastes to have it checked for personal data (the Privacycheck, "Mag
    dit?"). Its maximum length is checked on the server only: the text box has no
    ``maxlength``, with which the browser would cut a longer paste without a word, so the
    person would think the whole text was checked while its end was not. A text that is too
    long gets the form's clear message, and what was typed is kept. The message's numbers
    are written as the person's language writes them (20.000 in Dutch, 20,000 in English), as
    the help texts do."""

    default_error_messages = {"max_length": TEXT_TOO_LONG}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [
            _LocalisedMaxLength(v.limit_value) if isinstance(v, MaxLengthValidator) else v
            for v in self.validators
        ]

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs
