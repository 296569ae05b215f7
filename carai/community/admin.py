from django.contrib import admin
from django.db import models

from carai.community.models import Invitation, Membership, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "kind", "care_branch", "region", "is_active"]
    list_filter = ["kind", "care_branch", "is_active", "region"]
    search_fields = ["name", "region"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "organisation", "role", "student_level", "started_at", "ended_at"]
    list_filter = ["role", "student_level", "organisation__kind", "organisation"]
    search_fields = ["user__email", "user__full_name", "organisation__name", "programme"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["email", "organisation__name"]
    readonly_fields = ["public_id", "invited_by", "accepted_by", "accepted_at", "created_at"]
    list_select_related = ["organisation"]
