"""Collaboration fixtures: a posting of Alpha Cluster (org_a), a matchmaking event with slots."""

from datetime import timedelta

import pytest
from django.utils import timezone

from collaboration import matchmaking, postings
from collaboration.choices import PostingKind


def make_posting(organisation, by, **overrides):
    fields = {
        "kind": PostingKind.REQUEST,
        "title": "Partners for hydrogen logistics",
        "description": "We look for clusters with logistics companies.",
        "deadline": timezone.localdate() + timedelta(days=30),
        "sectors": ["mobility"],
        "countries": ["AT", "IT"],
        "topics": ["hydrogen"],
    }
    fields.update(overrides)
    return postings.posting_create(organisation=organisation, by=by, **fields)


@pytest.fixture
def posting(org_a, owner_a):
    return make_posting(org_a, owner_a)


@pytest.fixture
def event(staff_user):
    start = timezone.now().replace(microsecond=0) + timedelta(days=10)
    periods = [(start + timedelta(minutes=30 * i), start + timedelta(minutes=30 * i + 25)) for i in range(4)]
    return matchmaking.event_create(title="Matchmaking Days", location="Brussels", periods=periods, by=staff_user)


def join(event, user, organisation=None):
    return matchmaking.participant_join(
        event=event, user=user, organisation=organisation, offers="Test sites", looking_for="Partners"
    )
