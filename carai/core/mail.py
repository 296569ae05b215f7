"""Plain-text e-mail from a pair of templates, in the recipient's language.

``<template>_subject.txt`` and ``<template>_body.txt`` are rendered by the "text" template
engine (see ``TEMPLATES`` in the settings), which does not HTML-escape: a name such as
"Zorg & Welzijn" arrives as written. Call it from background tasks only.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template import engines
from django.utils import translation


def mail_send(*, to: str, language: str, template: str, context: dict[str, object]) -> None:
    engine = engines["text"]
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = engine.get_template(f"{template}_subject.txt").render(context).strip()
        body = engine.get_template(f"{template}_body.txt").render(context)
    send_mail(subject, body, None, [to])
