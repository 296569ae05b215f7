from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from carai.accounts.http import authenticated_user
from carai.accounts.models import User
from carai.accounts.services import community_lead_change_record

# Only a superuser may hand out rights; the community lead manages people, not privileges.
PRIVILEGE_FIELDS = ("is_superuser", "is_staff", "is_community_lead", "groups", "user_permissions")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):  # type: ignore[type-arg]  # typed for AbstractUser only
    ordering = ["email"]
    list_display = ["email", "full_name", "is_community_lead", "is_active", "last_login"]
    list_filter = ["is_community_lead", "is_active", "is_staff", "preferred_language"]
    search_fields = ["email", "full_name"]
    readonly_fields = ["last_login", "date_joined", "erased_at"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "preferred_language")}),
        (
            _("Roles and rights"),
            {
                "fields": (
                    "is_community_lead",
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined", "erased_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += list(PRIVILEGE_FIELDS)
        return fields

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # people erase their own account; counts must stay

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        was_lead = User.objects.filter(pk=obj.pk, is_community_lead=True).exists()
        super().save_model(request, obj, form, change)
        if obj.is_community_lead != was_lead:
            community_lead_change_record(
                actor=authenticated_user(request), user=obj, request=request
            )
