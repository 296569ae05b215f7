"""The catalogue's module cards, written in Python.

Every card asked the template language for a dozen look-ups, translations and a URL; with
all modules on one page the cards were most of the catalogue's rendering. This writes the
same HTML (``tests/learning/test_catalogue_cards.py`` compares it with the template it
replaces, in both languages) with each text escaped and the fixed texts translated once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info, gettext, ngettext

from carai.core.templatetags.carai_urls import reverse_remembered

register = template.Library()


@register.simple_tag
def catalogue_cards(cards: Sequence[tuple[Any, bool, Any]], language: str) -> SafeString:
    """``cards``: (module, started, completed) as the catalogue view makes them; ``language``:
    the reader's content language."""
    e = conditional_escape
    # (gettext outside f-strings: xgettext does not look inside them)
    for_you_text = e(gettext("For you"))
    finished_text = e(gettext("Finished"))
    for_you = f'<span class="carai-badge">{for_you_text}</span>'
    only_in = gettext("Only in %(name)s")
    finished = (
        f'<p class="utrecht-paragraph"><strong class="carai-done">✓ {finished_text}</strong></p>'
    )
    lessons_done = gettext("%(done)s of %(total)s lessons done")
    out: list[str] = []
    for module, started, completed in cards:
        other = module.language != language
        lang = f' lang="{e(module.language)}"' if other else ""
        badges = ""
        if module.for_you or other:
            badges = '<p class="carai-badges">' + (for_you if module.for_you else "")
            if other:
                name = get_language_info(module.language)["name_translated"]
                badges += (
                    ' <span class="carai-badge carai-badge--language">'
                    f"{only_in % {'name': e(name)}}</span>"
                )
            badges += "</p>"
        count = module.lesson_count
        lessons = ngettext(
            "%(counter)s lesson · about %(minutes)s minutes",
            "%(counter)s lessons · about %(minutes)s minutes",
            count,
        ) % {"counter": count, "minutes": module.estimated_minutes}
        progress = ""
        if started:
            if completed:
                progress = finished
            else:
                done = lessons_done % {"done": module.lessons_done, "total": count}
                progress = (
                    '<p class="utrecht-paragraph carai-module-progress"><strong>'
                    f"{done}</strong>\n"
                    f'      <progress class="carai-progress" max="{count}"'
                    f' value="{module.lessons_done}" aria-hidden="true">'
                    f"{module.lessons_done}/{count}</progress></p>"
                )
        url = reverse_remembered("learning:module_detail", [], {"module_id": module.pk}, None)
        out.append(
            '<li class="carai-card">\n'
            f"    {badges}\n"
            f'    <h2 class="utrecht-heading-3"{lang}><a class="utrecht-link" href="{e(url)}">'
            f"{e(module.title)}</a></h2>\n"
            f'    <p class="utrecht-paragraph"{lang}>{e(module.summary)}</p>\n'
            f'    <p class="utrecht-paragraph carai-muted">{lessons} · '
            f"{e(module.get_format_display())}</p>\n"
            f"    {progress}\n"
            "  </li>"
        )
    return mark_safe("\n  ".join(out))  # noqa: S308  (every text above is escaped)
