from django.contrib import admin

from .models import BenchmarkReport, PracticeNote, PracticeNoteEvent


class PracticeNoteEventInline(admin.TabularInline):
    model = PracticeNoteEvent
    extra = 0
    readonly_fields = ["actor", "at", "from_status", "to_status", "note_text"]
    can_delete = False


@admin.register(PracticeNote)
class PracticeNoteAdmin(admin.ModelAdmin):
    """Read-only: notes change state only through the moderation page (the history stays complete)."""

    list_display = ["title", "organisation", "indicator_key", "status", "attributed", "created_at"]
    list_filter = ["status", "attributed"]
    search_fields = ["title", "organisation__name", "indicator_key"]
    readonly_fields = [f.name for f in PracticeNote._meta.fields]
    inlines = [PracticeNoteEventInline]

    def has_add_permission(self, request):
        return False


@admin.register(BenchmarkReport)
class BenchmarkReportAdmin(admin.ModelAdmin):
    list_display = ["organisation", "requested_by", "requested_at", "rendered_at", "language"]
    readonly_fields = [f.name for f in BenchmarkReport._meta.fields]
    search_fields = ["organisation__name"]

    def has_add_permission(self, request):
        return False
