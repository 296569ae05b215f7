"""A manager asks people to do a module by a date."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Membership, Organisation
from carai.learning.models import (
    Assignment,
    Module,
)


@transaction.atomic
def assignment_create(
    *,
    actor: User,
    organisation: Organisation,
    module: Module,
    due_date: date,
    user: User | None = None,
    role: str = "",
    renewal: bool = False,
) -> Assignment:
    """Assign a module to one member, or to every member with ``role``, with a due date.
    A ``renewal`` asks to finish the module again (to renew a certificate that runs out):
    only a finish after it was made fulfils it."""
    if (user is None) == (not role):
        raise ValidationError(_("Choose a person or a role, not both."))
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("The due date cannot be in the past.")})
    if user is not None and not (
        Membership.objects.active_in(organisation=organisation).filter(user=user).exists()
    ):
        raise ValidationError({"user": _("This person is not a member of the organisation.")})
    if (
        not Module.objects.usable_by(organisation_ids=[organisation.pk])
        .filter(pk=module.pk)
        .exists()
    ):
        raise ValidationError({"module": _("This module cannot be assigned here.")})
    return Assignment.objects.create(
        organisation=organisation,
        module=module,
        user=user,
        role=role,
        due_date=due_date,
        assigned_by=actor,
        renewal=renewal,
    )


@transaction.atomic
def assignment_change_due_date(*, assignment: Assignment, due_date: date) -> Assignment:
    """A later (or earlier) date for an assignment that still holds."""
    if assignment.withdrawn_at is not None:
        raise ValidationError(_("This assignment was withdrawn."))
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("The due date cannot be in the past.")})
    assignment.due_date = due_date
    assignment.save(update_fields=["due_date"])
    return assignment


@transaction.atomic
def assignment_withdraw(*, actor: User, assignment: Assignment) -> Assignment:
    """The manager no longer asks this. Kept, marked withdrawn, for the record."""
    if assignment.withdrawn_at is None:
        assignment.withdrawn_at = timezone.now()
        assignment.withdrawn_by = actor
        assignment.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return assignment
