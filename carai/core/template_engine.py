"""The site's Django template engine, whose ``{% load i18n %}`` and ``{% load static %}``
give CARAI's remembering ``{% translate %}`` and ``{% static %}``
(``carai.core.templatetags.carai_i18n`` and ``carai_static``: Django's libraries with those
two tags replaced).

Naming them under ``libraries`` in the settings would do the same, but Django's check
warns about two modules for one library name (templates.W003), and ``bin/test`` fails on
warnings; so the engine takes them after it has loaded Django's."""

from __future__ import annotations

from typing import Any

from django.template.backends.django import DjangoTemplates

from carai.core.templatetags import carai_i18n, carai_static


class RememberingTemplates(DjangoTemplates):
    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.engine.template_libraries["i18n"] = carai_i18n.register
        self.engine.template_libraries["static"] = carai_static.register
