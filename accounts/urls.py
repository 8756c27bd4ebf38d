from django.urls import path

from .views import account, api_tokens, dashboard, invitations, members, organisations, pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("account/tokens/", api_tokens.api_token_list, name="api_token_list"),
    path("account/tokens/<uuid:public_id>/revoke/", api_tokens.api_token_revoke_view, name="api_token_revoke"),
    # Beside allauth's pages under /accounts/ (e-mail addresses, password, two-factor).
    path("accounts/profile/", account.account, name="account_profile"),
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path("organisations/new/", organisations.organisation_new, name="organisation_create"),
    path("organisations/<slug:slug>/", organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/members/", members.organisation_members, name="organisation_members"),
    path(
        "organisations/<slug:slug>/members/<int:membership_id>/role/",
        members.membership_role_change,
        name="membership_role_change",
    ),
    path(
        "organisations/<slug:slug>/members/<int:membership_id>/remove/",
        members.membership_remove,
        name="membership_remove",
    ),
    path("organisations/<slug:slug>/leave/", members.organisation_leave, name="organisation_leave"),
    path("invitations/<str:token>/", invitations.invitation_detail, name="invitation_accept"),
]
