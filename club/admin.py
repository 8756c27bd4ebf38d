"""Django admin for the secretariat: events, and read access to memberships, profiles, messages
and abuse reports. Membership decisions go through the applications page (club/memberships.py),
so the status is read-only here."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .events import event_capacity_changed
from .models import AbuseReport, ClubMembership, Event, MembershipEvent, Message, Profile, Registration


class MembershipEventInline(admin.TabularInline):
    model = MembershipEvent
    extra = 0
    can_delete = False
    fields = ["at", "actor", "from_status", "to_status", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ClubMembership)
class ClubMembershipAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "organisation", "status", "applied_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["name", "user__email", "organisation"]
    readonly_fields = ["public_id", "user", "status", "applied_at", "decided_at", "decided_by", "decision_message"]
    list_select_related = ["user"]
    inlines = [MembershipEventInline]

    def has_add_permission(self, request):
        return False


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "country", "sector", "visibility", "featured", "updated_at"]
    list_filter = ["visibility", "featured", "sector", "country"]
    search_fields = ["name", "organisation", "headline"]
    readonly_fields = ["public_id", "user", "search_text", "updated_at"]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """Read-only: the secretariat reads a reported message, it does not edit members' mail."""

    list_display = ["subject", "sender", "recipient", "sent_at", "read_at"]
    search_fields = ["subject"]
    list_select_related = ["sender", "recipient"]
    readonly_fields = ["public_id", "sender", "recipient", "reply_to", "subject", "body", "sent_at", "read_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AbuseReport)
class AbuseReportAdmin(admin.ModelAdmin):
    list_display = ["message", "reporter", "created_at", "handled_at"]
    list_filter = [("handled_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["message", "reporter", "reason", "created_at", "handled_at"]
    list_select_related = ["message", "reporter"]
    actions = ["mark_handled"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Mark as handled"))
    def mark_handled(self, request, queryset):
        queryset.filter(handled_at__isnull=True).update(handled_at=timezone.now())


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    can_delete = False
    fields = ["user", "status", "queued_at", "promoted_at", "cancelled_at"]
    readonly_fields = fields
    ordering = ["status", "queued_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "time_zone", "capacity", "registration_deadline"]
    list_filter = ["kind"]
    search_fields = ["title", "place"]
    readonly_fields = ["public_id", "created_at", "updated_at"]
    inlines = [RegistrationInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            event_capacity_changed(event=obj)  # more places: the waiting list moves up at once
