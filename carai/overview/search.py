"""Search across the platform: modules, practice cases, AI tools, use cases and events.

Each kind is searched only among what the person may see, by the same rules its own pages
use: modules usable by their organisations (``modules_visible_to``), active practice cases,
the AI tool registers of their organisations (every register for the community lead), use
cases whose team they are in plus those in the public showcase (every use case for the
lead), and the community's events. PostgreSQL ranks with Dutch stemming; SQLite matches
every word (``core.search``). Each kind gives at most ``PER_KIND`` hits, so a search costs
the same however large the platform grows; the hits are then paged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from carai.accounts.models import User
from carai.community.models import Event, Membership
from carai.core.search import M, Weights, text_search, uses_full_text
from carai.learning.access import modules_visible_to
from carai.learning.selectors import one_per_key
from carai.practice.models import Case
from carai.register.models import AITool
from carai.usecases.models import Status, UseCase

PER_KIND = 50
MIN_LENGTH = 2

MODULES = "modules"
CASES = "cases"
TOOLS = "tools"
USE_CASES = "use_cases"
EVENTS = "events"
KINDS = {
    MODULES: _("Modules"),
    CASES: _("Practice cases"),
    TOOLS: _("AI tools"),
    USE_CASES: _("Use cases"),
    EVENTS: _("Events"),
}


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    url: str
    text: str
    rank: float

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind])


def _short(text: str) -> str:
    return Truncator(" ".join(strip_tags(text).split())).chars(180)


def _rank(item: object) -> float:
    return float(getattr(item, "rank", 0.0) or 0.0)


def _found(items: QuerySet[M], q: str, fields: Weights) -> list[M]:
    found = text_search(items, q, fields)
    ordering = ["-rank", "pk"] if uses_full_text() else ["pk"]
    return list(found.order_by(*ordering)[:PER_KIND])


def _modules(user: User, q: str, language: str) -> list[Hit]:
    found = _found(modules_visible_to(user=user).live(), q, {"title": "A", "search_text": "B"})
    return [
        Hit(
            MODULES,
            m.title,
            reverse("learning:module_detail", kwargs={"module_id": m.pk}),
            _short(m.summary),
            _rank(m),
        )
        for m in one_per_key(found, language=language)
    ]


def _cases(user: User, q: str, language: str) -> list[Hit]:
    found = _found(
        Case.objects.filter(is_active=True, language=language),
        q,
        {"title": "A", "setting": "B", "situation_html": "C"},
    )
    return [
        Hit(
            CASES,
            c.title,
            reverse("practice:case_detail", kwargs={"case_id": c.pk}),
            _short(c.situation_html),
            _rank(c),
        )
        for c in found
    ]


def _tools(user: User, q: str, language: str) -> list[Hit]:
    tools = AITool.objects.select_related("organisation")
    if not user.is_community_lead:
        organisations = Membership.objects.active().filter(user=user).values("organisation_id")
        tools = tools.filter(organisation_id__in=organisations)
    found = _found(
        tools,
        q,
        {"name": "A", "vendor": "B", "product": "B", "description": "C", "purpose": "C"},
    )
    return [
        Hit(
            TOOLS,
            f"{t.name} · {t.organisation.name}",
            reverse("register:tool_detail", kwargs={"slug": t.organisation.slug, "tool_id": t.pk}),
            _short(t.description or t.purpose),
            _rank(t),
        )
        for t in found
    ]


def _use_cases(user: User, q: str, language: str) -> list[Hit]:
    showcase = Q(is_published=True, status=Status.ACCEPTED)
    visible = (
        UseCase.objects.all()
        if user.is_community_lead
        else UseCase.objects.filter(Q(team__user=user) | showcase).distinct()
    )
    found = _found(visible, q, {"title": "A", "problem": "B", "expected_value": "C"})
    team_ids = set(UseCase.objects.filter(team__user=user).values_list("pk", flat=True))
    hits = []
    for u in found:
        works_on = user.is_community_lead or u.pk in team_ids
        name = "usecases:detail" if works_on else "usecases:showcase_detail"
        url = reverse(name, kwargs={"use_case_id": u.pk})
        hits.append(Hit(USE_CASES, u.title, url, _short(u.problem), _rank(u)))
    return hits


def _events(user: User, q: str, language: str) -> list[Hit]:
    found = _found(Event.objects.all(), q, {"title": "A", "description": "B", "place": "C"})
    return [
        Hit(
            EVENTS,
            e.title,
            reverse("community:event_detail", kwargs={"event_id": e.pk}),
            _short(e.description),
            _rank(e),
        )
        for e in found
    ]


SEARCHES: dict[str, Callable[[User, str, str], list[Hit]]] = {
    MODULES: _modules,
    CASES: _cases,
    TOOLS: _tools,
    USE_CASES: _use_cases,
    EVENTS: _events,
}


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]  # of the chosen kind, or of all kinds
    counts: dict[str, int]  # per kind (at most PER_KIND each)


def search_everything(*, user: User, q: str, language: str, kind: str = "") -> SearchResult:
    """What ``user`` may see that matches ``q``: best first (PostgreSQL) or by kind and
    title (SQLite); only ``kind`` when given."""
    q = " ".join(q.split())
    if len(q) < MIN_LENGTH:
        return SearchResult([], {})
    per_kind = {name: find(user, q, language) for name, find in SEARCHES.items()}
    counts = {name: len(hits) for name, hits in per_kind.items()}
    hits = per_kind[kind] if kind in per_kind else [h for hs in per_kind.values() for h in hs]
    if uses_full_text():
        hits = sorted(hits, key=lambda h: -h.rank)
    return SearchResult(hits, counts)
