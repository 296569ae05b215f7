"""The kinds of audit event, declared by the apps that write them.

Each app declares its actions as a ``TextChoices`` class decorated with ``@audit_actions``
(in its ``audit.py``, imported by its ``AppConfig.ready``). The log stores the value and
shows the label in the reader's language, so a new kind of event needs no change in core.
"""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.functional import Promise

ACTION_MAX_LENGTH = 40

Choices = TypeVar("Choices", bound=type[models.TextChoices])

_LABELS: dict[str, str | Promise] = {}


def audit_actions(choices: Choices) -> Choices:
    """Class decorator: make these actions known to the audit log."""
    for member in choices:
        value, label = str(member.value), member.label
        if len(value) > ACTION_MAX_LENGTH:
            raise ImproperlyConfigured(
                f"Audit action {value!r} is longer than {ACTION_MAX_LENGTH}."
            )
        if _LABELS.get(value, label) != label:
            raise ImproperlyConfigured(f"Audit action {value!r} is declared twice.")
        _LABELS[value] = label
    return choices


def audit_action_label(value: str) -> str:
    """The action's label in the active language (the value itself if no app declares it)."""
    return str(_LABELS.get(value, value))


def audit_action_choices() -> list[tuple[str, str]]:
    return sorted(((value, str(label)) for value, label in _LABELS.items()), key=lambda c: c[1])


def audit_action_known(value: str) -> bool:
    return value in _LABELS
