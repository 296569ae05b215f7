"""Pages that read across domains: "Mijn overzicht", the partners of the community, and
search."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from carai.accounts.http import authenticated_user
from carai.accounts.models import User
from carai.community.models import Role
from carai.core.cache import cached
from carai.core.http import is_htmx
from carai.core.language import content_language
from carai.core.paging import page_of, query_without_page
from carai.overview import selectors, start
from carai.overview.forms import SearchForm
from carai.overview.panels import PANELS_TIMEOUT, panels_for, user_scopes
from carai.overview.search import KINDS, MIN_LENGTH, search_everything


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    language = content_language()
    html, valid_until = cached(
        f"overview-html:{language}",
        scopes=lambda: user_scopes(user=user),
        compute=lambda: _dashboard_content(request, user=user, language=language),
        timeout=PANELS_TIMEOUT,
    )
    if valid_until is not None and timezone.now() >= valid_until:
        # A certificate shown as valid has expired since: "expired" from now on, also
        # before the expiry task saves it (which outdates the kept HTML).
        html, _valid_until = _dashboard_content(request, user=user, language=language)
    return render(request, "overview/dashboard.html", {"content_html": mark_safe(html)})  # noqa: S308


def _dashboard_content(
    request: HttpRequest, *, user: User, language: str
) -> tuple[str, datetime | None]:
    """The page's content (``overview/includes/dashboard_content.html``), kept in the cache
    under the person's scopes (``overview.panels.user_scopes``), the same as its panels and
    "Begin hier": every write that outdates those outdates the HTML. It has no form with a
    token and nothing of the request but the person. What follows the clock: the panels
    (events, assignments) within their timeout, and a certificate's "valid until": the
    second value is when the first certificate shown as valid expires (None if none)."""
    panels = panels_for(user=user, language=language)
    context = {field.name: getattr(panels, field.name) for field in fields(panels)}
    guided = start.guided_start(user=user, language=language)
    context["start_path"] = guided.path
    context["continue_at"] = guided.continue_at
    html = render_to_string(
        "overview/includes/dashboard_content.html", {**context, "Role": Role}, request=request
    )
    expiries = [c.expires_at for c in panels.certificates if c.is_valid]
    return html, min(expiries, default=None)


@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    """Public: the partners of the learning community, by kind."""
    return render(
        request,
        "overview/partner_list.html",
        {"organisations": selectors.partner_organisations()},
    )


@login_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """One search over what the person may see; live results with htmx, a form without."""
    user = authenticated_user(request)
    form = SearchForm(request.GET or None)
    q, kind = "", ""
    if form.is_valid():
        q, kind = form.cleaned_data["q"], form.cleaned_data["soort"]
    result = search_everything(user=user, q=q, language=content_language(), kind=kind)
    context = {
        "form": form,
        "q": q if len(q.strip()) >= MIN_LENGTH else "",
        "kind": kind,
        "kinds": [(name, label, result.counts.get(name, 0)) for name, label in KINDS.items()],
        "total": sum(result.counts.values()),
        "page": page_of(request, result.hits, per_page=20),
        "page_query": query_without_page(request),
        "page_target": "#search-results",
    }
    template = (
        "overview/includes/search_results.html" if is_htmx(request) else "overview/search.html"
    )
    return render(request, template, context)
