"""``survey_url``: the address of a survey page, of an organisation's survey or (with no
organisation) of the community's own survey, so that one template serves both."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def survey_url(name: str, organisation: Any, **kwargs: Any) -> str:
    if organisation:
        return reverse(f"insights:{name}", kwargs={"slug": organisation.slug, **kwargs})
    if "survey_id" in kwargs:
        kwargs["community_survey_id"] = kwargs.pop("survey_id")
    return reverse(f"insights:community_{name}", kwargs=kwargs)
