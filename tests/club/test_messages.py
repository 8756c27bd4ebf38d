"""Contact through the portal: delivery in the portal and by e-mail, replies, rate limit, blocks,
abuse reports; no address ever shown."""

import pytest
from django.core import mail

from club import messaging
from club.models import AbuseReport, Message
from tests.factories import ClubMembershipFactory


def contact_url(user):
    return f"/club/members/{user.club_profile.public_id}/contact/"


def test_a_member_writes_through_the_profile_and_the_recipient_reads_it_in_the_portal(
    client, club_member, other_member, run_jobs
):
    other_member.language = "de"
    other_member.save()
    client.force_login(club_member)
    response = run_jobs(lambda: client.post(contact_url(other_member), {"subject": "Hydrogen", "body": "Call?"}))
    assert response.status_code == 302

    message = Message.objects.get()
    assert (message.sender, message.recipient) == (club_member, other_member)
    (email,) = mail.outbox
    assert email.to == [other_member.email]
    assert email.subject == "Mia Berger: Hydrogen"
    assert "Call?" in email.body and "Lesen und beantworten Sie die Nachricht im Portal" in email.body
    assert club_member.email not in email.body + email.subject + str(email.extra_headers)

    client.force_login(other_member)
    inbox = client.get("/club/messages/").content.decode()
    assert "Mia Berger" in inbox and "Hydrogen" in inbox and club_member.email not in inbox
    page = client.get(message.get_absolute_url()).content.decode()
    assert "Call?" in page and club_member.email not in page
    message.refresh_from_db()
    assert message.read_at is not None


def test_a_reply_goes_to_the_sender(client_as, club_member, other_member):
    message = messaging.message_send(sender=club_member, recipient=other_member, subject="Hi", body="Hello")

    response = client_as(other_member).post(message.get_absolute_url(), {"subject": "Re: Hi", "body": "Yes"})

    assert response.status_code == 302
    reply = Message.objects.get(reply_to=message)
    assert (reply.sender, reply.recipient) == (other_member, club_member)


def test_the_sender_cannot_reply_to_their_own_message(client_as, club_member, other_member):
    message = messaging.message_send(sender=club_member, recipient=other_member, subject="Hi", body="Hello")
    assert client_as(club_member).post(message.get_absolute_url(), {"subject": "x", "body": "y"}).status_code == 403


def test_others_do_not_reach_a_message(client_as, club_member, other_member):
    message = messaging.message_send(sender=club_member, recipient=other_member, subject="Hi", body="Hello")
    third = ClubMembershipFactory().user
    assert client_as(third).get(message.get_absolute_url()).status_code == 404


def test_the_rate_limit_refuses_with_429(client_as, api_as, club_member, other_member, settings):
    settings.CLUB_MESSAGES_PER_HOUR = 2
    client = client_as(club_member)
    for _ in range(2):
        assert client.post(contact_url(other_member), {"subject": "s", "body": "b"}).status_code == 302

    response = client.post(contact_url(other_member), {"subject": "s", "body": "b"})
    assert response.status_code == 429
    assert "You can send 2 messages an hour." in response.content.decode()
    body = {"recipient": str(other_member.club_profile.public_id), "subject": "s", "body": "b"}
    assert api_as(club_member).post("/api/club/messages/", body, format="json").status_code == 429
    assert Message.objects.count() == 2


def test_a_blocked_sender_is_refused(client_as, club_member, other_member):
    message = messaging.message_send(sender=club_member, recipient=other_member, subject="Spam", body="Buy")
    client_as(other_member).post(f"/club/messages/{message.public_id}/block/")

    response = client_as(club_member).post(contact_url(other_member), {"subject": "again", "body": "b"})
    assert response.status_code == 403
    assert Message.objects.count() == 1


def test_a_member_unblocks_a_sender(client_as, club_member, other_member):
    block = messaging.sender_block(blocker=other_member, blocked=club_member)
    client = client_as(other_member)
    assert "Mia Berger" in client.get("/club/messages/blocked/").content.decode()
    client.post(f"/club/messages/blocked/{block.public_id}/unblock/")
    messaging.message_send(sender=club_member, recipient=other_member, subject="Back", body="Hi")


def test_abuse_is_reported_to_the_secretariat_once(client_as, club_member, other_member, staff_user, run_jobs):
    message = messaging.message_send(sender=club_member, recipient=other_member, subject="Rude", body="!!")
    client = client_as(other_member)
    mail.outbox.clear()
    run_jobs(lambda: client.post(f"/club/messages/{message.public_id}/report/", {"reason": "Insults"}))

    assert AbuseReport.objects.get().reason == "Insults"
    assert [email.to for email in mail.outbox] == [[staff_user.email]]
    again = client.post(f"/club/messages/{message.public_id}/report/", {"reason": "Again"}, follow=True)
    assert "You reported this message already" in again.content.decode()
    assert AbuseReport.objects.count() == 1


def test_only_the_recipient_reports_or_blocks(client_as, club_member, other_member):
    message = messaging.message_send(sender=club_member, recipient=other_member, subject="Hi", body="Hello")
    client = client_as(club_member)
    assert client.post(f"/club/messages/{message.public_id}/report/", {"reason": "x"}).status_code == 403
    assert client.post(f"/club/messages/{message.public_id}/block/").status_code == 403


def test_non_members_cannot_write(api_as, outsider, other_member):
    body = {"recipient": str(other_member.club_profile.public_id), "subject": "s", "body": "b"}
    assert api_as(outsider).post("/api/club/messages/", body, format="json").status_code == 403


def test_the_api_sends_lists_reads_and_replies(api_as, club_member, other_member):
    api = api_as(club_member)
    body = {"recipient": str(other_member.club_profile.public_id), "subject": "API", "body": "Hello"}
    created = api.post("/api/club/messages/", body, format="json")
    assert created.status_code == 201
    assert created.json()["recipient"] == {"id": str(other_member.club_profile.public_id), "name": "Paul Weber"}
    assert "@" not in created.content.decode()
    assert api.get("/api/club/messages/sent/").json()["count"] == 1

    api.force_authenticate(other_member)
    (row,) = api.get("/api/club/messages/").json()["results"]
    assert row["read_at"] is None
    assert api.get(f"/api/club/messages/{row['id']}/").json()["read_at"] is not None
    reply = api.post(f"/api/club/messages/{row['id']}/reply/", {"subject": "Re", "body": "Hi"}, format="json")
    assert reply.status_code == 201
    assert reply.json()["recipient"]["name"] == "Mia Berger"
    assert api.post(f"/api/club/messages/{row['id']}/block/").status_code == 201
    assert api.get("/api/club/blocks/").json()["count"] == 1
    assert api.post(f"/api/club/messages/{row['id']}/report/", {"reason": "x"}, format="json").status_code == 201
    assert api.post(f"/api/club/messages/{row['id']}/report/", {"reason": "x"}, format="json").status_code == 409


def test_overlong_messages_are_refused(client_as, api_as, club_member, other_member):
    response = client_as(club_member).post(contact_url(other_member), {"subject": "s" * 151, "body": "b"})
    assert response.status_code == 400
    body = {"recipient": str(other_member.club_profile.public_id), "subject": "s", "body": "b" * 5001}
    assert api_as(club_member).post("/api/club/messages/", body, format="json").status_code == 400


@pytest.mark.parametrize("url", ["/club/messages/", "/club/messages/sent/"])
def test_message_lists_take_a_bounded_number_of_queries(client_as, club_member, url, django_assert_max_num_queries):
    senders = [ClubMembershipFactory().user for _ in range(6)]
    for number in range(30):
        messaging.message_send(sender=senders[number % 6], recipient=club_member, subject=f"S{number}", body="b")
        Message.objects.create(sender=club_member, recipient=senders[number % 6], subject=f"T{number}", body="b")
    client = client_as(club_member)
    client.get(url)
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
