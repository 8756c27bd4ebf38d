from django.urls import path

from .views import directory, events, membership, messages, profession, profiles

app_name = "club"
urlpatterns = [
    path("profession/", profession.profession, name="profession"),
    # Membership (views/membership.py)
    path("join/", membership.join, name="join"),
    path("leave/", membership.leave, name="leave"),
    path("rejoin/", membership.rejoin, name="rejoin"),
    path("applications/", membership.applications, name="applications"),
    path("applications/<uuid:public_id>/", membership.decide, name="decide"),
    # Profiles and the directory (views/profiles.py, views/directory.py)
    path("members/", directory.directory, name="directory"),
    path("members/<uuid:public_id>/", profiles.profile_detail, name="profile_detail"),
    path("members/<uuid:public_id>/photo/", profiles.profile_photo, name="profile_photo"),
    path("members/<uuid:public_id>/contact/", messages.contact, name="contact"),
    path("profile/", profiles.profile_edit, name="profile_edit"),
    path("profile/photo/", profiles.photo_upload, name="photo_upload"),
    path("profile/photo/remove/", profiles.photo_remove, name="photo_remove"),
    # Messages (views/messages.py)
    path("messages/", messages.inbox, name="inbox"),
    path("messages/sent/", messages.sent, name="sent"),
    path("messages/blocked/", messages.blocked, name="blocked"),
    path("messages/blocked/<uuid:public_id>/unblock/", messages.unblock, name="unblock"),
    path("messages/<uuid:public_id>/", messages.message_detail, name="message_detail"),
    path("messages/<uuid:public_id>/report/", messages.report, name="report"),
    path("messages/<uuid:public_id>/block/", messages.block, name="block"),
    # Events (views/events.py)
    path("events/", events.event_list, name="event_list"),
    path("events/<uuid:public_id>/", events.event_detail, name="event_detail"),
    path("events/<uuid:public_id>/register/", events.register, name="register"),
    path("events/<uuid:public_id>/cancel/", events.cancel, name="cancel"),
    path("events/<uuid:public_id>/calendar.ics", events.event_ics, name="event_ics"),
    path("calendar/<str:token>.ics", events.calendar_feed, name="calendar_feed"),
]
