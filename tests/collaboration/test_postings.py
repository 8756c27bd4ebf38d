"""Postings as domain functions: publishing, changing, closing, interests, follows and who is told."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from collaboration import postings
from collaboration.choices import PostingStatus
from collaboration.models import Interest

from .conftest import make_posting


def express(posting, organisation, user, message="We would like to join."):
    return postings.interest_express(posting=posting, organisation=organisation, message=message, by=user)


def test_a_posting_is_open_with_its_tags(posting):
    assert posting.status == PostingStatus.OPEN
    assert posting.sectors == ["mobility"]
    assert posting.countries == ["AT", "IT"]
    assert posting.topics == ["hydrogen"]


def test_it_expires_after_its_deadline(posting):
    posting.deadline = timezone.localdate() - timedelta(days=1)
    assert posting.status == PostingStatus.EXPIRED


def test_viewers_may_not_post(org_a, viewer_a):
    with pytest.raises(PermissionDenied):
        make_posting(org_a, viewer_a)


def test_a_past_deadline_or_an_unknown_sector_is_refused(org_a, owner_a):
    with pytest.raises(ValidationError) as error:
        make_posting(org_a, owner_a, deadline=timezone.localdate() - timedelta(days=1), sectors=["rockets"])
    assert set(error.value.message_dict) == {"deadline", "sectors"}


def test_topics_are_trimmed_deduplicated_and_limited():
    assert postings.topics_parse(" hydrogen, Hydrogen ,  fuel   cells,,") == ["hydrogen", "fuel cells"]
    with pytest.raises(ValidationError):
        postings.topics_parse(",".join(f"t{n}" for n in range(11)))


def test_another_organisation_expresses_interest_and_the_poster_is_told_once(
    posting, org_b, owner_b, owner_a, editor_a, viewer_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        interest = express(posting, org_b, owner_b)

    assert {message.to[0] for message in mail.outbox} == {"owner-a@example.test", "editor-a@example.test"}
    assert mail.outbox[0].subject == f"Beta Cluster is interested in “{posting.title}”"
    assert interest.get_absolute_url() in mail.outbox[0].body
    assert interest.seen_at is None  # new in the portal until a member of the poster looks


def test_an_organisation_answers_a_posting_once(posting, org_b, owner_b):
    express(posting, org_b, owner_b)
    with pytest.raises(postings.PostingConflict):
        express(posting, org_b, owner_b)
    assert Interest.objects.count() == 1


def test_the_poster_cannot_answer_its_own_posting(posting, org_a, owner_a):
    with pytest.raises(PermissionDenied):
        express(posting, org_a, owner_a)


def test_a_viewer_of_another_organisation_cannot_answer(posting, org_b):
    from accounts.choices import MembershipRole
    from tests.factories import MembershipFactory

    viewer_b = MembershipFactory(organisation=org_b, role=MembershipRole.VIEWER).user
    with pytest.raises(PermissionDenied):
        express(posting, org_b, viewer_b)


def test_a_closed_posting_takes_no_interest(posting, owner_a, org_b, owner_b):
    postings.posting_close(posting=posting, by=owner_a)
    with pytest.raises(postings.PostingConflict, match="no longer open"):
        express(posting, org_b, owner_b)


def test_an_empty_message_is_refused(posting, org_b, owner_b):
    with pytest.raises(ValidationError):
        express(posting, org_b, owner_b, message="   ")


def test_followers_hear_of_each_change_and_of_the_closing(
    posting, owner_a, outsider, django_capture_on_commit_callbacks
):
    postings.follow_start(posting=posting, by=outsider)
    postings.follow_start(posting=posting, by=outsider)  # following twice changes nothing
    fields = {
        "kind": posting.kind, "description": posting.description, "deadline": posting.deadline,
        "sectors": posting.sectors, "countries": [], "topics": ["hydrogen", "rail"],
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        postings.posting_update(posting=posting, title="Partners for hydrogen rail", by=owner_a, **fields)
        postings.posting_close(posting=posting, by=owner_a)

    assert [message.subject for message in mail.outbox] == [
        "The posting “Partners for hydrogen rail” was changed",
        "The posting “Partners for hydrogen rail” was closed",
    ]
    assert all(message.to == ["outsider@example.test"] for message in mail.outbox)


def test_a_closed_posting_cannot_be_changed_closed_again_or_followed(posting, owner_a, outsider):
    postings.posting_close(posting=posting, by=owner_a)
    with pytest.raises(postings.PostingConflict):
        postings.posting_close(posting=posting, by=owner_a)
    with pytest.raises(postings.PostingConflict):
        postings.follow_start(posting=posting, by=outsider)


def test_only_the_posters_owners_and_editors_change_it(posting, owner_b):
    with pytest.raises(PermissionDenied):
        postings.posting_close(posting=posting, by=owner_b)


def test_interests_become_seen_when_a_member_of_the_poster_looks(posting, org_b, owner_b, viewer_a):
    express(posting, org_b, owner_b)
    assert postings.interests_mark_seen(posting=posting, by=owner_b) == 0  # not the poster
    assert postings.interests_mark_seen(posting=posting, by=viewer_a) == 1
    assert Interest.objects.get().seen_at is not None
