"""A user's language: set at sign-up from the language they signed up in, and the language of
every e-mail, allauth's own included."""

from django.core import mail

from accounts.models import User
from tests.factories import UserFactory

SIGN_UP = {"email": "new@example.test", "password1": "a-Long-enough-passw0rd", "password2": "a-Long-enough-passw0rd"}


def test_signing_up_in_german_keeps_german(client, db):
    client.post("/accounts/signup/", SIGN_UP, HTTP_ACCEPT_LANGUAGE="de")
    assert User.objects.get(email="new@example.test").language == "de"


def test_signing_up_in_english_keeps_english(client, db):
    client.post("/accounts/signup/", SIGN_UP, HTTP_ACCEPT_LANGUAGE="en")
    assert User.objects.get(email="new@example.test").language == "en"


def test_the_confirmation_email_is_in_the_language_of_the_sign_up(client, db):
    client.post("/accounts/signup/", SIGN_UP, HTTP_ACCEPT_LANGUAGE="de")
    assert len(mail.outbox) == 1
    assert "E-Mail" in mail.outbox[0].subject


def test_allauths_emails_follow_the_users_preference_not_the_page(client, db):
    UserFactory(email="deutsch@example.test", language="de")
    client.post("/accounts/password/reset/", {"email": "deutsch@example.test"}, HTTP_ACCEPT_LANGUAGE="en")
    assert len(mail.outbox) == 1
    assert "Sie erhalten diese E-Mail" in mail.outbox[0].body


def test_without_a_preference_allauths_emails_follow_the_page(client, db):
    UserFactory(email="unsure@example.test", language="")
    client.post("/accounts/password/reset/", {"email": "unsure@example.test"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "You're receiving this email" in mail.outbox[0].body
