from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

# Which main-menu item a page belongs to.
_SECTIONS = {
    "overview:dashboard": "overview",
    "community:organisation_detail": "overview",
    "community:member_list": "overview",
    "community:membership_role": "overview",
    "community:membership_end": "overview",
    "community:invitation_create": "overview",
    "community:invitation_revoke": "overview",
    "community:audit_log": "overview",
    "learning:team": "overview",
    "overview:partner_list": "partners",
    "community:event_list": "partners",
    "community:event_detail": "partners",
    "community:event_create": "partners",
    "community:event_edit": "partners",
    "learning:catalogue": "learning",
    "learning:module_detail": "learning",
    "learning:lesson": "learning",
    "learning:attempt": "learning",
    "learning:sharing": "lead",
    "learning:sharing_preview": "lead",
    "learning:sharing_preview_lesson": "lead",
    "community:lead_organisation_list": "lead",
    "kpis:dashboard": "lead",
    "kpis:report": "lead",
    "community:lead_organisation_create": "lead",
    "community:lead_organisation_edit": "lead",
}
_SECTION_HOMES = {
    "overview:dashboard",
    "learning:catalogue",
    "overview:partner_list",
    "community:lead_organisation_list",
    "accounts:profile",
    "usecases:list",
}


def carai(request: HttpRequest) -> dict[str, Any]:
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    fallback = (
        "account"
        if view_name.startswith("accounts:")
        else "learning"
        if view_name.startswith(("learning:", "practice:"))
        else "usecases"
        if view_name.startswith("usecases:")
        else "overview"
        if view_name.startswith("register:")
        else ""
    )
    section = _SECTIONS.get(view_name, fallback)
    return {
        "CARAI_DEVELOPMENT": settings.CARAI_ENV == "development",
        "nav_section": section,
        # aria-current="page" on the exact page, "true" on its section's other pages.
        "nav_current": "page" if view_name in _SECTION_HOMES else "true",
    }
