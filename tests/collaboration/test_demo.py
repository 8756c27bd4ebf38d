"""The collaboration demo data: what the walkthrough needs, idempotent and in bulk."""

import random

import pytest

from accounts.demo import demo_organisations_create, demo_users_create
from collaboration import demo
from collaboration.models import Event, Follow, Interest, Meeting, MeetingSeat, Posting, PostingTag, SavedSearch

pytestmark = pytest.mark.django_db


def counts():
    models = (Posting, PostingTag, Interest, Follow, Event, Meeting, MeetingSeat, SavedSearch)
    return [model.objects.count() for model in models]


def test_the_demo_holds_what_the_walkthrough_needs_and_a_second_run_creates_nothing():
    organisations, _created = demo_organisations_create(count=80, rng=random.Random(1))
    users, _created = demo_users_create(organisations=organisations)

    demo.seed(random.Random(7), organisations, users)

    bavarian = Posting.objects.get(title="Partners for hydrogen truck pilots in the Alps")
    assert bavarian.interests.get().organisation.name == "Catalan Food Cluster"
    assert bavarian.interests.get().seen_at is None  # new for manager@example.org
    event = Event.objects.get()
    assert event.participants.count() >= 20
    assert Meeting.objects.filter(recipient__user__email="manager@example.org", status="requested").exists()
    assert SavedSearch.objects.filter(user__email="manager@example.org").exists()
    before = counts()

    demo.seed(random.Random(7), organisations, users)

    assert counts() == before
