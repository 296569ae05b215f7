from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

# Which main-menu item a page belongs to: the one mapping for the whole site. A key is a URL
# namespace ("learning") or a full URL name ("learning:team"); the full name wins. Pages of no
# menu item (the public partner page, the showcase) map to "".
NAV_SECTIONS: dict[str, str] = {
    # namespaces
    "overview": "overview",
    "accounts": "account",
    "community": "overview",
    "learning": "learning",
    "practice": "practice",
    "sandbox": "practice",
    "register": "rules",
    "usecases": "usecases",
    "kpis": "lead",
    "insights": "overview",
    # pages that sit under another item than their namespace
    "overview:partner_list": "",
    "community:event_list": "events",
    "community:event_detail": "events",
    "community:event_create": "events",
    "community:event_edit": "events",
    "community:event_register": "events",
    "community:event_attendance": "events",
    "community:lead_organisation_list": "lead",
    "community:lead_organisation_create": "lead",
    "community:lead_organisation_edit": "lead",
    "community:lead_mail_undelivered": "lead",
    "community:lead_mail_resend": "lead",
    "learning:team": "overview",
    "learning:team_people": "overview",
    "learning:assignment_edit": "overview",
    "learning:assignment_withdraw": "overview",
    "insights:community": "lead",
    "learning:sharing": "lead",
    "learning:sharing_toggle": "lead",
    "learning:sharing_preview": "lead",
    "learning:sharing_preview_lesson": "lead",
    "overview:search": "search",
    "learning:certificate_verify": "",
    "register:public": "",
    "usecases:showcase": "",
    "usecases:showcase_detail": "",
}

# The page each menu item links to: there the item gets aria-current="page", on the other
# pages of its section aria-current="true".
NAV_HOMES = frozenset(
    {
        "overview:dashboard",
        "learning:catalogue",
        "practice:case_list",
        "register:rules",
        "usecases:list",
        "community:event_list",
        "community:lead_organisation_list",
        "accounts:profile",
        "overview:search",
    }
)


def nav_section(view_name: str) -> str:
    """The main-menu item of a page, from its URL name ("" for none)."""
    if view_name in NAV_SECTIONS:
        return NAV_SECTIONS[view_name]
    namespace = view_name.partition(":")[0] if ":" in view_name else ""
    return NAV_SECTIONS.get(namespace, "")


def carai(request: HttpRequest) -> dict[str, Any]:
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    return {
        "CARAI_DEVELOPMENT": settings.CARAI_ENV == "development",
        "nav_section": nav_section(view_name),
        "nav_current": "page" if view_name in NAV_HOMES else "true",
    }
