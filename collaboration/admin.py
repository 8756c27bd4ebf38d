"""Django admin for the secretariat: postings, interests, saved searches and matchmaking events."""

from django.contrib import admin

from .models import Event, Interest, Meeting, Participant, Posting, PostingTag, ProfileVisibility, SavedSearch, TimeSlot


class PostingTagInline(admin.TabularInline):
    model = PostingTag
    extra = 0


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "kind", "deadline", "closed_at", "created_at"]
    list_filter = ["kind"]
    search_fields = ["title", "organisation__name"]
    raw_id_fields = ["organisation", "created_by"]
    readonly_fields = ["closed_at", "revision"]  # written only by collaboration/postings.py
    inlines = [PostingTagInline]


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["posting", "organisation", "created_at", "seen_at"]
    raw_id_fields = ["posting", "organisation", "created_by"]


@admin.register(ProfileVisibility)
class ProfileVisibilityAdmin(admin.ModelAdmin):
    list_display = ["organisation", "updated_at"]
    raw_id_fields = ["organisation", "updated_by"]


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "notify", "created_at", "last_checked_at"]
    raw_id_fields = ["user"]


class TimeSlotInline(admin.TabularInline):
    model = TimeSlot
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "location", "created_at"]
    inlines = [TimeSlotInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["user", "event", "organisation"]
    raw_id_fields = ["user", "organisation", "event"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["event", "slot", "requester", "recipient", "status"]
    list_filter = ["status"]
    raw_id_fields = ["event", "slot", "requester", "recipient"]
    readonly_fields = ["status", "decided_at"]  # written only by collaboration/matchmaking.py
