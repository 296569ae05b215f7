"""The catalogue's cards written in Python (learning_catalogue.catalogue_cards) give the same
HTML as the template loop they replace, in both languages, escaped the same way."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
from django.template import Context, Template
from django.utils import translation

from carai.learning.models import Module, ModuleFormat

# The loop as the template wrote it before (templates/learning/includes/catalogue_results.html).
TEMPLATE_CARDS = (Path(__file__).parent / "catalogue_cards_before.html").read_text()
TAG_CARDS = "{% load learning_catalogue %}{% catalogue_cards modules language %}"


def _module(pk: int, language: str, **extra: Any) -> Module:
    module = Module(
        pk=pk,
        key=f"m{pk}",
        language=language,
        title=extra.pop("title", f"Module {pk} (fictief)"),
        summary=extra.pop("summary", "Wat je leert."),
        estimated_minutes=extra.pop("minutes", 30),
        format=extra.pop("format", ModuleFormat.E_LEARNING),
    )
    module.for_you = extra.pop("for_you", False)  # type: ignore[attr-defined]
    module.lesson_count = extra.pop("lesson_count", 4)  # type: ignore[attr-defined]
    module.lessons_done = extra.pop("lessons_done", 0)  # type: ignore[attr-defined]
    return module


def _cards() -> list[tuple[Module, bool, Any]]:
    done = datetime.datetime(2026, 3, 5, 10, 0, tzinfo=datetime.UTC)
    return [
        (
            _module(
                1,
                "nl",
                title='AI & <zorg> "basis"',
                summary="<b>vet</b> & meer",
                for_you=True,
                lesson_count=1,
                minutes=5,
            ),
            False,
            None,
        ),
        (_module(2, "en", for_you=True, lessons_done=2), True, None),
        (_module(3, "en", lesson_count=3), True, done),
        (_module(4, "nl", lessons_done=0, lesson_count=0, minutes=1), True, None),
    ]


def _normal(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_cards_are_the_html_the_template_wrote(language: str) -> None:
    context = {"modules": _cards(), "language": language}
    with translation.override(language):
        before = Template(TEMPLATE_CARDS).render(Context(context))
        after = Template(TAG_CARDS).render(Context(context))
    assert after.count('<li class="carai-card">') == 4
    assert "&lt;zorg&gt;" in after
    assert "<b>" not in after
    assert _normal(after) == _normal(before)
