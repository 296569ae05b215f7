from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from carai.core.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ["created_at", "action", "actor", "organisation", "target_label", "ip_address"]
    list_filter = ["action", "organisation", "created_at"]
    search_fields = ["target_label", "actor__email", "actor__full_name", "ip_address"]
    date_hierarchy = "created_at"
    list_select_related = ["actor", "organisation"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
