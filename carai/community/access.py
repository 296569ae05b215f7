"""The one door to an organisation's objects.

Views never query tenant data with ``.objects.get()``. They call one of these functions,
which return the object only when the user holds an active membership with a fitting role
(or is the community lead, where noted), and raise Http404 otherwise, so that outsiders
cannot even learn that the object exists.

The text of each Http404 is for developers only: the 404 page never shows it. Mutation
testing leaves those lines alone (``# pragma: no mutate``, docs/testing.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from typing import Any

from django.http import Http404

from carai.accounts.models import User
from carai.community.models import Invitation, Membership, Organisation, Role
from carai.core.cache import cached, scopes_changed
from carai.core.models import MailMessage, MailStatus

# Who may do what inside an organisation.
MEMBER_ROLES: frozenset[str] = frozenset(Role.values)
VIEW_MEMBERS_ROLES: frozenset[str] = frozenset({Role.ORG_ADMIN, Role.MANAGER})
MANAGE_MEMBERS_ROLES: frozenset[str] = frozenset({Role.ORG_ADMIN})
VIEW_AUDIT_ROLES: frozenset[str] = frozenset({Role.ORG_ADMIN})
# Who sees the organisation's e-mails that could not be delivered, and sends them again.
MAIL_ROLES: frozenset[str] = frozenset({Role.ORG_ADMIN})
# Who assigns modules and sees completion: the same people who see the member list.
TEAM_LEARNING_ROLES: frozenset[str] = VIEW_MEMBERS_ROLES
# Who writes the organisation's own modules and runs its workshop sessions.
AUTHOR_ROLES: frozenset[str] = frozenset({Role.EDUCATOR})


# The cache scopes of the look-up that every organisation page starts with (``_door``):
# every organisation (its slug and whether it is active) and one person's memberships.
ORGANISATIONS_SCOPE = "community:organisations"


def roles_scope(user_id: int) -> str:
    return f"community:roles:{user_id}"


def _door(*, user: User, slug: str) -> tuple[Organisation | None, frozenset[str]]:
    """The active organisation ``slug`` (None if there is none) and the roles ``user`` holds
    in it now, kept in the cache until an organisation or one of the person's memberships
    is saved or deleted (``organisation_saved``, ``membership_saved``, and the erasure of
    a person's data, which ends their memberships in one update)."""

    def compute() -> tuple[Organisation | None, frozenset[str]]:
        organisation = Organisation.objects.filter(slug=slug, is_active=True).first()
        if organisation is None:
            return None, frozenset()
        return organisation, frozenset(roles_in_organisation(user=user, organisation=organisation))

    # The slug comes from the address: hashed, so that any slug makes a short, safe key.
    return cached(
        f"door:{user.pk}:{hashlib.sha256(slug.encode()).hexdigest()[:32]}",
        scopes=[ORGANISATIONS_SCOPE, roles_scope(user.pk)],
        compute=compute,
    )


def organisation_saved(sender: Any, **kwargs: Any) -> None:
    scopes_changed(ORGANISATIONS_SCOPE)


def membership_saved(sender: Any, instance: Membership, **kwargs: Any) -> None:
    scopes_changed(roles_scope(instance.user_id))


def roles_in_organisation(*, user: User, organisation: Organisation) -> set[str]:
    """The roles ``user`` holds in ``organisation`` now (empty for outsiders)."""
    return set(
        Membership.objects.active_in(organisation=organisation)
        .filter(user=user)
        .values_list("role", flat=True)
    )


def has_organisation_role(
    *,
    user: User,
    organisation: Organisation,
    roles: Collection[str],
    lead_allowed: bool = True,
) -> bool:
    if not user.is_active:
        return False
    if lead_allowed and user.is_community_lead:
        return True
    return bool(roles_in_organisation(user=user, organisation=organisation) & set(roles))


def access_organisation(
    *,
    user: User,
    slug: str,
    roles: Collection[str] = MEMBER_ROLES,
    lead_allowed: bool = True,
) -> Organisation:
    """Return the active organisation ``slug`` if ``user`` holds one of ``roles`` in it."""
    organisation, held = _door(user=user, slug=slug) if user.is_active else (None, frozenset())
    if organisation is None or not ((lead_allowed and user.is_community_lead) or held & set(roles)):
        raise Http404("No such organisation.")  # pragma: no mutate
    return organisation


def access_organisation_and_roles(
    *, user: User, slug: str, roles: Collection[str] = MEMBER_ROLES
) -> tuple[Organisation, set[str]]:
    """``access_organisation`` (the community lead allowed) and the roles ``user`` holds in
    it, with one look-up of those roles for both: for pages that show more to some roles."""
    organisation, held = _door(user=user, slug=slug) if user.is_active else (None, frozenset())
    if organisation is None or not (user.is_community_lead or held & set(roles)):
        raise Http404("No such organisation.")  # pragma: no mutate
    return organisation, set(held)


def access_membership(*, user: User, organisation: Organisation, membership_id: int) -> Membership:
    """An active membership of an organisation that ``user`` may manage."""
    if not has_organisation_role(user=user, organisation=organisation, roles=MANAGE_MEMBERS_ROLES):
        raise Http404("No such membership.")  # pragma: no mutate
    membership = (
        Membership.objects.active()
        .select_related("user", "organisation")
        .filter(pk=membership_id, organisation=organisation)
        .first()
    )
    if membership is None:
        raise Http404("No such membership.")  # pragma: no mutate
    return membership


def access_invitation(*, user: User, organisation: Organisation, invitation_id: int) -> Invitation:
    """An invitation of an organisation that ``user`` may manage."""
    if not has_organisation_role(user=user, organisation=organisation, roles=MANAGE_MEMBERS_ROLES):
        raise Http404("No such invitation.")  # pragma: no mutate
    invitation = Invitation.objects.filter(pk=invitation_id, organisation=organisation).first()
    if invitation is None:
        raise Http404("No such invitation.")  # pragma: no mutate
    return invitation


def access_community_lead(*, user: User) -> None:
    """Pages for the community lead only."""
    if not (user.is_active and user.is_community_lead):
        raise Http404("Not found.")  # pragma: no mutate


def access_invitation_by_token(*, public_id: str, token: str) -> Invitation:
    """An invitation reached through its e-mailed link; 404 for a wrong or tampered link."""
    invitation = (
        Invitation.objects.select_related("organisation").filter(public_id=public_id).first()
    )
    if invitation is None or not invitation.check_token(token):
        raise Http404("No such invitation.")  # pragma: no mutate
    return invitation


def access_organisation_as_lead(*, user: User, slug: str) -> Organisation:
    """Any organisation, also an inactive one, for the community lead only."""
    access_community_lead(user=user)
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404("No such organisation.")  # pragma: no mutate
    return organisation


def access_mail_message(
    *, user: User, organisation: Organisation | None, message_id: int
) -> MailMessage:
    """An e-mail of the outbox that could not be delivered: of ``organisation`` (for whoever
    passed ``access_organisation`` with MAIL_ROLES), or any (``organisation`` None: the
    community lead only)."""
    messages = MailMessage.objects.filter(pk=message_id, status=MailStatus.FAILED)
    if organisation is None:
        access_community_lead(user=user)
    else:
        messages = messages.filter(organisation=organisation)
    message = messages.first()
    if message is None:
        raise Http404("No such e-mail.")  # pragma: no mutate
    return message
