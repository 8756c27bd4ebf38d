"""The club registers its role, navigation, dashboard sections and API root entries."""

from django.contrib.auth.models import AnonymousUser

from club.permissions import forget_membership_status, is_club_member
from clusterexcellence.registry import navigation_links, roles_of


def urls(user):
    return [url for _label, url in navigation_links(user)]


def test_an_approved_member_holds_the_club_role(club_member, applicant, former_member):
    assert [role.key for role in roles_of(club_member)] == ["club-member"]
    assert roles_of(applicant) == roles_of(former_member) == []


def test_the_status_is_read_once_per_request(club_member, django_assert_num_queries):
    forget_membership_status(club_member)
    with django_assert_num_queries(1):
        assert is_club_member(club_member)
        assert is_club_member(club_member)
    assert "club-member" in {role.key for role in roles_of(club_member)}


def test_members_see_the_club_pages_in_the_navigation(club_member):
    assert {"/club/members/", "/club/events/", "/club/messages/", "/club/profession/"} <= set(urls(club_member))


def test_everyone_else_sees_only_the_profession_page(outsider, declined):
    for user in (AnonymousUser(), outsider, declined):
        assert "/club/profession/" in urls(user)
        assert "/club/members/" not in urls(user)


def test_the_dashboard_shows_members_their_events_and_unread_messages(client_as, club_member, other_member, event):
    from club.messaging import message_send

    message_send(sender=other_member, recipient=club_member, subject="Hello", body="Hi")
    content = client_as(club_member).get("/dashboard/").content.decode()

    assert 'id="dashboard-club"' in content
    assert "1 unread message" in content
    assert event.title in content


def test_the_dashboard_shows_staff_the_pending_applications(client_as, staff_user, applicant):
    content = client_as(staff_user).get("/dashboard/").content.decode()
    assert "1 application waiting for a decision." in content
    assert 'href="/club/applications/"' in content


def test_the_dashboard_invites_others_to_apply(client_as, outsider):
    content = client_as(outsider).get("/dashboard/").content.decode()
    assert 'id="dashboard-club-join"' in content
    assert 'href="/club/join/"' in content


def test_the_api_root_lists_the_club_endpoints(api_client, db):
    body = api_client.get("/api/").json()
    for key, path in [("club-membership", "/api/club/membership/"), ("club-members", "/api/club/members/"),
                      ("club-messages", "/api/club/messages/"), ("club-events", "/api/club/events/"),
                      ("club-calendar", "/api/club/calendar/"), ("club-profile", "/api/club/profile/"),
                      ("club-applications", "/api/club/applications/")]:  # fmt: skip
        assert body[key].endswith(path)
