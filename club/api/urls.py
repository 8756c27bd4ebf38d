from django.urls import path

from . import views

_ID = "<uuid:public_id>/"

urlpatterns = [
    path("membership/", views.membership, name="api-club-membership"),
    path("membership/leave/", views.membership_leave, name="api-club-membership-leave"),
    path("membership/rejoin/", views.membership_rejoin, name="api-club-membership-rejoin"),
    path("applications/", views.application_list, name="api-club-application-list"),
    path("applications/" + _ID + "decide/", views.application_decide, name="api-club-application-decide"),
    path("members/", views.member_list, name="api-club-member-list"),
    path("members/" + _ID, views.member_detail, name="api-club-member-detail"),
    path("profile/", views.own_profile, name="api-club-profile"),
    path("profile/photo/", views.own_photo, name="api-club-profile-photo"),
    path("messages/", views.message_list, name="api-club-message-list"),
    path("messages/sent/", views.message_sent, name="api-club-message-sent"),
    path("messages/" + _ID, views.message_detail, name="api-club-message-detail"),
    path("messages/" + _ID + "reply/", views.message_reply, name="api-club-message-reply"),
    path("messages/" + _ID + "report/", views.message_report, name="api-club-message-report"),
    path("messages/" + _ID + "block/", views.message_block, name="api-club-message-block"),
    path("blocks/", views.block_list, name="api-club-block-list"),
    path("blocks/" + _ID, views.block_delete, name="api-club-block-delete"),
    path("events/", views.event_list, name="api-club-event-list"),
    path("events/" + _ID, views.event_detail, name="api-club-event-detail"),
    path("events/" + _ID + "registration/", views.event_registration, name="api-club-event-registration"),
    path("registrations/", views.registration_list, name="api-club-registration-list"),
    path("calendar/", views.calendar, name="api-club-calendar"),
]
