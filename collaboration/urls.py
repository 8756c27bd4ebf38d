from django.urls import path

from .views import directory, map, matchmaking, postings, search

app_name = "collaboration"
urlpatterns = [
    # The public directory and map (views/directory.py, views/map.py)
    path("organisations/", directory.directory, name="directory"),
    path("organisations/<slug:slug>/", directory.profile, name="profile"),
    path("organisations/<slug:slug>/visibility/", directory.visibility_edit, name="visibility_edit"),
    path("map/", map.map_page, name="map"),
    # Cooperation postings (views/postings.py)
    path("postings/", postings.posting_list, name="posting_list"),
    path("postings/new/", postings.posting_new, name="posting_create"),
    path("postings/<uuid:public_id>/", postings.posting_detail, name="posting_detail"),
    path("postings/<uuid:public_id>/edit/", postings.posting_edit, name="posting_edit"),
    path("postings/<uuid:public_id>/close/", postings.posting_close, name="posting_close"),
    path("postings/<uuid:public_id>/interest/", postings.interest_create, name="interest_create"),
    path("postings/<uuid:public_id>/follow/", postings.follow, name="follow"),
    path("postings/<uuid:public_id>/unfollow/", postings.unfollow, name="unfollow"),
    # Partner search and saved searches (views/search.py)
    path("search/", search.partner_search, name="partner_search"),
    path("searches/", search.saved_search_list, name="saved_search_list"),
    path("searches/new/", search.saved_search_create, name="saved_search_create"),
    path("searches/<uuid:public_id>/", search.saved_search_detail, name="saved_search_detail"),
    # Matchmaking (views/matchmaking.py)
    path("events/", matchmaking.event_list, name="event_list"),
    path("events/new/", matchmaking.event_new, name="event_create"),
    path("events/<uuid:public_id>/", matchmaking.event_detail, name="event_detail"),
    path("events/<uuid:public_id>/take-part/", matchmaking.participant_join, name="participant_join"),
    path(
        "events/<uuid:public_id>/participants/<int:participant_id>/meet/",
        matchmaking.meeting_request,
        name="meeting_request",
    ),
    path("meetings/<uuid:public_id>/accept/", matchmaking.meeting_accept, name="meeting_accept"),
    path("meetings/<uuid:public_id>/decline/", matchmaking.meeting_decline, name="meeting_decline"),
    path("meetings/<uuid:public_id>/cancel/", matchmaking.meeting_cancel, name="meeting_cancel"),
    path("schedule/", matchmaking.schedule, name="schedule"),
    path("schedule.ics", matchmaking.schedule_download, name="schedule_ics"),
]
