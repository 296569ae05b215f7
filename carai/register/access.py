"""The one door to an organisation's AI tool register.

Every member reads their organisation's register; privacy officers and organisation admins
edit it. Another organisation's register is invisible (404) unless it is published on the
public page, and then only that read-only page shows it.
"""

from __future__ import annotations

from django.http import Http404

from carai.accounts.models import User
from carai.community.access import (
    MEMBER_ROLES,
    access_organisation,
    access_organisation_and_roles,
    roles_in_organisation,
)
from carai.community.models import Organisation, Role
from carai.register.models import AITool, Register

EDIT_ROLES: frozenset[str] = frozenset({Role.PRIVACY_OFFICER, Role.ORG_ADMIN})
# Who sees who acknowledged the guidelines (never more than that).
ACKNOWLEDGEMENT_ROLES: frozenset[str] = frozenset(
    {Role.MANAGER, Role.PRIVACY_OFFICER, Role.ORG_ADMIN}
)


def access_register(*, user: User, slug: str, edit: bool = False) -> Organisation:
    """The organisation whose register ``user`` may read (or, with ``edit``, change).

    The community lead reads every register but edits none."""
    if edit:
        return access_organisation(user=user, slug=slug, roles=EDIT_ROLES, lead_allowed=False)
    return access_organisation(user=user, slug=slug, roles=MEMBER_ROLES)


def access_register_to_read(*, user: User, slug: str) -> tuple[Organisation, bool]:
    """``access_register(user=, slug=)`` and ``can_edit_register`` for it, with one look-up of
    the user's roles."""
    organisation, roles = access_organisation_and_roles(user=user, slug=slug, roles=MEMBER_ROLES)
    return organisation, bool(roles & EDIT_ROLES)


def access_acknowledgements(*, user: User, slug: str) -> Organisation:
    return access_organisation(
        user=user, slug=slug, roles=ACKNOWLEDGEMENT_ROLES, lead_allowed=False
    )


def access_tool(*, organisation: Organisation, tool_id: int) -> AITool:
    """A tool of ``organisation``; call only after ``access_register`` let the user in."""
    tool = AITool.objects.filter(pk=tool_id, organisation=organisation).first()
    if tool is None:
        raise Http404("No such AI tool.")
    return tool


def access_public_register(*, slug: str) -> Organisation:
    """An organisation whose register is published; anyone may read it."""
    register = (
        Register.objects.select_related("organisation")
        .filter(organisation__slug=slug, organisation__is_active=True, is_public=True)
        .first()
    )
    if register is None:
        raise Http404("No such public register.")
    return register.organisation


def can_edit_register(*, user: User, organisation: Organisation) -> bool:
    """Whether the page shows the register's edit buttons (the edit pages check again)."""
    return bool(roles_in_organisation(user=user, organisation=organisation) & EDIT_ROLES)
