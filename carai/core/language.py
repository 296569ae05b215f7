"""Which language content (modules, cases, tool descriptions) is shown in."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language


def content_language(language: str | None = None) -> str:
    """``language`` (default: the reader's) if CARAI has content in it, else Dutch."""
    language = language if language is not None else get_language()
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else str(settings.LANGUAGE_CODE)
