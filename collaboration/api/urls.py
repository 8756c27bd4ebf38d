"""Collaboration endpoints under /api/."""

from django.urls import path

from . import directory, matchmaking, postings, search

_POSTING = "postings/<uuid:public_id>/"

urlpatterns = [
    path("directory/", directory.directory_list, name="api-directory-list"),
    path("directory/map/", directory.directory_map, name="api-directory-map"),
    path("directory/<slug:slug>/", directory.directory_detail, name="api-directory-detail"),
    path("directory/<slug:slug>/visibility/", directory.visibility, name="api-directory-visibility"),
    path("postings/", postings.posting_list, name="api-posting-list"),
    path(_POSTING, postings.posting_detail, name="api-posting-detail"),
    path(_POSTING + "close/", postings.posting_close, name="api-posting-close"),
    path(_POSTING + "interests/", postings.interest_list, name="api-posting-interests"),
    path(_POSTING + "follow/", postings.follow, name="api-posting-follow"),
    path("follows/", postings.follow_list, name="api-follow-list"),
    path("partner-search/", search.partner_search, name="api-partner-search"),
    path("saved-searches/", search.saved_search_list, name="api-saved-search-list"),
    path("saved-searches/<uuid:public_id>/", search.saved_search_detail, name="api-saved-search-detail"),
    path("events/", matchmaking.event_list, name="api-event-list"),
    path("events/<uuid:public_id>/", matchmaking.event_detail, name="api-event-detail"),
    path("events/<uuid:public_id>/participants/", matchmaking.participant_list, name="api-event-participants"),
    path("events/<uuid:public_id>/participation/", matchmaking.participation, name="api-event-participation"),
    path("meetings/", matchmaking.meeting_list, name="api-meeting-list"),
    path("meetings/<uuid:public_id>/accept/", matchmaking.meeting_accept, name="api-meeting-accept"),
    path("meetings/<uuid:public_id>/decline/", matchmaking.meeting_decline, name="api-meeting-decline"),
    path("meetings/<uuid:public_id>/cancel/", matchmaking.meeting_cancel, name="api-meeting-cancel"),
    path("schedule/", matchmaking.schedule, name="api-schedule"),
]
