"""The management site for the community lead. Writes that matter are audited; memberships
and invitations change only through the product's audited pages."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from carai.accounts.admin import UserAdmin
from carai.accounts.http import authenticated_user
from carai.accounts.models import User
from carai.community.models import Invitation, Membership, Organisation
from carai.community.services import organisation_admin_record


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "kind", "care_branch", "region", "is_active"]
    list_filter = ["kind", "care_branch", "is_active", "region"]
    search_fields = ["name", "region"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # make an organisation inactive instead

    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        organisation_admin_record(
            actor=authenticated_user(request),
            organisation=obj,
            created=not change,
            changed=list(form.changed_data),
            request=request,
        )


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ["user", "organisation", "role", "student_level", "started_at", "ended_at"]
    list_filter = ["role", "student_level", "organisation__kind", "organisation"]
    search_fields = ["user__email", "user__full_name", "organisation__name", "programme"]
    list_select_related = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation"]
    exclude = ["public_id"]


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    fk_name = "user"
    extra = 0
    fields = ("organisation", "role", "student_level", "programme", "started_at", "ended_at")
    readonly_fields = fields  # memberships change through the audited member pages
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# The person's memberships, read-only, on the user page of the accounts app.
admin.site.unregister(User)


@admin.register(User)
class UserWithMembershipsAdmin(UserAdmin):
    inlines = [MembershipInline]
