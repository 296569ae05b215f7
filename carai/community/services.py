"""Every write to organisations, memberships and invitations. Each call is one transaction
and leaves an audit event."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from carai.accounts.audit import AccountAction
from carai.accounts.models import User
from carai.community.audit import CommunityAction
from carai.community.models import (
    Invitation,
    Membership,
    Organisation,
    Role,
)
from carai.core.audit import audit_record
from carai.core.mail import mail_send


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:70] or "organisatie"
    slug, n = base, 2
    existing = Organisation.objects.all()
    if exclude_pk is not None:
        existing = existing.exclude(pk=exclude_pk)
    while existing.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _study_fields(role: str, student_level: str, programme: str) -> tuple[str, str]:
    if role != Role.STUDENT:
        return "", ""
    if not student_level:
        raise ValidationError({"student_level": _("Choose the study level of the student.")})
    return student_level, programme


@transaction.atomic
def organisation_create(
    *,
    actor: User,
    request: HttpRequest | None,
    name: str,
    kind: str,
    care_branch: str = "",
    region: str = "",
    website: str = "",
) -> Organisation:
    organisation = Organisation(
        name=name,
        slug=_unique_slug(name),
        kind=kind,
        care_branch=care_branch,
        region=region,
        website=website,
    )
    organisation.full_clean()
    organisation.save()
    audit_record(
        action=CommunityAction.ORGANISATION_CREATED,
        actor=actor,
        request=request,
        organisation=organisation,
        target=organisation,
    )
    return organisation


@transaction.atomic
def organisation_update(
    *,
    actor: User,
    request: HttpRequest | None,
    organisation: Organisation,
    name: str,
    kind: str,
    care_branch: str,
    region: str,
    website: str,
    is_active: bool,
) -> Organisation:
    before = {
        "name": organisation.name,
        "kind": organisation.kind,
        "care_branch": organisation.care_branch,
        "region": organisation.region,
        "website": organisation.website,
        "is_active": organisation.is_active,
    }
    organisation.name = name
    organisation.kind = kind
    organisation.care_branch = care_branch
    organisation.region = region
    organisation.website = website
    organisation.is_active = is_active
    organisation.full_clean()
    organisation.save()
    after = {key: getattr(organisation, key) for key in before}
    changed = {key: [before[key], after[key]] for key in before if before[key] != after[key]}
    if changed:
        audit_record(
            action=CommunityAction.ORGANISATION_CHANGED,
            actor=actor,
            request=request,
            organisation=organisation,
            target=organisation,
            details={"changed": changed},
        )
    return organisation


def organisation_admin_record(
    *,
    actor: User,
    organisation: Organisation,
    created: bool,
    changed: list[str],
    request: HttpRequest,
) -> None:
    """The community lead created or changed an organisation on the management site."""
    audit_record(
        action=CommunityAction.ORGANISATION_CREATED
        if created
        else CommunityAction.ORGANISATION_CHANGED,
        actor=actor,
        request=request,
        organisation=organisation,
        target=organisation,
        details={"changed": changed, "via": "admin"},
    )


@transaction.atomic
def invitation_create(
    *,
    actor: User,
    request: HttpRequest | None,
    organisation: Organisation,
    email: str,
    role: str,
    student_level: str = "",
    programme: str = "",
    team: str = "",
) -> Invitation:
    email = email.strip().lower()
    student_level, programme = _study_fields(role, student_level, programme)
    if (
        Membership.objects.active()
        .filter(organisation=organisation, user__email__iexact=email, role=role)
        .exists()
    ):
        raise ValidationError(
            {"email": _("This person already has this role in the organisation.")}
        )
    if (
        Invitation.objects.open()
        .filter(organisation=organisation, email__iexact=email, role=role)
        .exists()
    ):
        raise ValidationError({"email": _("An invitation for this person and role is still open.")})
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        student_level=student_level,
        programme=programme,
        team=team,
        invited_by=actor,
    )
    audit_record(
        action=CommunityAction.INVITATION_SENT,
        actor=actor,
        request=request,
        organisation=organisation,
        target=invitation,
        details={"role": role},
    )
    path = reverse(
        "community:invitation_accept",
        kwargs={"public_id": invitation.public_id, "token": invitation.token},
    )
    mail_send(
        to=invitation.email,
        language=actor.preferred_language,
        template="community/email/invitation",
        context={
            "invitation": invitation,
            "link": settings.CARAI_BASE_URL.rstrip("/") + path,
            "days": settings.CARAI_INVITATION_DAYS,
        },
        organisation_id=organisation.pk,
    )
    return invitation


@transaction.atomic
def invitation_revoke(
    *, actor: User, request: HttpRequest | None, invitation: Invitation
) -> Invitation:
    if not invitation.is_open:
        raise ValidationError(_("Only an open invitation can be withdrawn."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_record(
        action=CommunityAction.INVITATION_REVOKED,
        actor=actor,
        request=request,
        organisation=invitation.organisation,
        target=invitation,
    )
    return invitation


def _check_invitation_usable(invitation: Invitation) -> None:
    messages = {
        "accepted": _("This invitation has already been used."),
        "revoked": _("This invitation was withdrawn by the organisation."),
        "expired": _("This invitation has expired. Ask the organisation for a new one."),
    }
    if invitation.status in messages:
        raise ValidationError(messages[invitation.status])


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user: User, request: HttpRequest | None
) -> Membership:
    """An existing account accepts: it must be the invited e-mail address."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _check_invitation_usable(invitation)
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation was sent to another e-mail address. Log in with that address.")
        )
    membership = Membership.objects.active().filter(
        user=user, organisation=invitation.organisation, role=invitation.role
    ).first() or Membership.objects.create(
        user=user,
        organisation=invitation.organisation,
        role=invitation.role,
        student_level=invitation.student_level,
        programme=invitation.programme,
        team=invitation.team,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(
        action=CommunityAction.INVITATION_ACCEPTED,
        actor=user,
        request=request,
        organisation=invitation.organisation,
        target=invitation,
    )
    audit_record(
        action=CommunityAction.MEMBERSHIP_ADDED,
        actor=user,
        request=request,
        organisation=invitation.organisation,
        target=membership,
        details={"role": membership.role},
    )
    return membership


@transaction.atomic
def invitation_accept_with_new_account(
    *,
    invitation: Invitation,
    full_name: str,
    password: str,
    preferred_language: str,
    request: HttpRequest | None,
) -> User:
    _check_invitation_usable(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address exists. Log in first."))
    user = User.objects.create_user(
        invitation.email,
        password,
        full_name=full_name,
        preferred_language=preferred_language,
    )
    audit_record(action=AccountAction.ACCOUNT_CREATED, actor=user, request=request, target=user)
    invitation_accept(invitation=invitation, user=user, request=request)
    return user


def _is_last_org_admin(membership: Membership) -> bool:
    if membership.role != Role.ORG_ADMIN:
        return False
    others = (
        Membership.objects.active()
        .filter(organisation=membership.organisation, role=Role.ORG_ADMIN)
        .exclude(pk=membership.pk)
    )
    return not others.exists()


@transaction.atomic
def membership_change_role(
    *,
    actor: User,
    request: HttpRequest | None,
    membership: Membership,
    role: str,
    student_level: str = "",
    programme: str = "",
    team: str = "",
) -> Membership:
    """A member's role, study details and team (the organisation admin changes them)."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    student_level, programme = _study_fields(role, student_level, programme)
    if role == membership.role and (student_level, programme, team) == (
        membership.student_level,
        membership.programme,
        membership.team,
    ):
        return membership
    if role != membership.role and _is_last_org_admin(membership):
        raise ValidationError(
            {"role": _("Every organisation needs an organisation admin. Appoint another first.")}
        )
    if (
        role != membership.role
        and Membership.objects.active()
        .filter(user=membership.user, organisation=membership.organisation, role=role)
        .exists()
    ):
        raise ValidationError({"role": _("This person already has that role.")})
    old_role, old_team = membership.role, membership.team
    membership.role = role
    membership.student_level = student_level
    membership.programme = programme
    membership.team = team
    membership.save(update_fields=["role", "student_level", "programme", "team"])
    audit_record(
        action=CommunityAction.ROLE_CHANGED,
        actor=actor,
        request=request,
        organisation=membership.organisation,
        target=membership,
        target_label=membership.user.display_name,
        details={"from": old_role, "to": role}
        | ({"team_from": old_team, "team_to": team} if team != old_team else {}),
    )
    return membership


@transaction.atomic
def membership_end(
    *, actor: User, request: HttpRequest | None, membership: Membership
) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.ended_at is not None:
        return membership
    if _is_last_org_admin(membership):
        raise ValidationError(
            _("Every organisation needs an organisation admin. Appoint another first.")
        )
    membership.ended_at = timezone.now()
    membership.save(update_fields=["ended_at"])
    audit_record(
        action=CommunityAction.MEMBERSHIP_ENDED,
        actor=actor,
        request=request,
        organisation=membership.organisation,
        target=membership,
        target_label=membership.user.display_name,
        details={"role": membership.role},
    )
    return membership
