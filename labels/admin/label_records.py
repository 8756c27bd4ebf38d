"""Labels in Django admin: read-only, with their history. Dates and numbers are never edited by hand;
the board changes a label's state through the portal (labels/label_records.py)."""

from django.contrib import admin

from ..models import Label, LabelEvent


class LabelEventInline(admin.TabularInline):
    model = LabelEvent
    fields = ("at", "action", "actor", "reason")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ("certificate_number", "organisation", "level", "status", "valid_from", "valid_until")
    list_filter = ("level", "status")
    search_fields = ("certificate_number", "organisation__name")
    list_select_related = ("organisation",)
    inlines = [LabelEventInline]
    readonly_fields = (
        "public_id", "certificate_number", "organisation", "assessment", "framework", "level", "valid_from",
        "valid_until", "renews", "status", "public_reason", "issued_at", "status_changed_at", "certificate",
    )  # fmt: skip
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
