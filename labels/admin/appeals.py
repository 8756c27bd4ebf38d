"""Appeals in Django admin: read-only, with their documents and history; they are filed and decided
through the portal (labels/appeals.py)."""

from django.contrib import admin

from ..models import Appeal, AppealDocument, AppealEvent


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AppealDocumentInline(_ReadOnlyInline):
    model = AppealDocument
    fields = ("original_name", "content_type", "size", "uploaded_at")
    readonly_fields = fields


class AppealEventInline(_ReadOnlyInline):
    model = AppealEvent
    fields = ("at", "action", "actor", "reason")
    readonly_fields = fields


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ("assessment", "kind", "status", "filed_at", "decided_at")
    list_filter = ("kind", "status")
    search_fields = ("assessment__organisation__name",)
    list_select_related = ("assessment__organisation",)
    inlines = [AppealDocumentInline, AppealEventInline]
    readonly_fields = (
        "public_id", "assessment", "label", "kind", "decision_at", "decided_by_board_member", "reason", "filed_by",
        "filed_at", "status", "decided_by", "decided_at", "decision_reason",
    )  # fmt: skip
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
