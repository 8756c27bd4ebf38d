"""Practice notes on the pages: beside weak indicators, attributed only by choice; writing and moderating."""

import pytest
from django.urls import reverse

from benchmarking import practice_notes
from benchmarking.choices import NoteStatus
from benchmarking.models import PracticeNote

from .helpers import peers

pytestmark = pytest.mark.django_db


@pytest.fixture
def helpful(framework, staff_user):
    """Six peers; the first two, rated green on G3 (red for A), published notes on it."""
    crowd = peers(6, framework)
    notes = []
    for organisation, attributed in zip(crowd[:2], (True, False), strict=True):
        note = PracticeNote.objects.create(
            organisation=organisation,
            indicator_key=f"{framework.code}:G3",
            title=f"Training plan {attributed}",
            body="Eight days a year.",
            attributed=attributed,
        )
        notes.append(practice_notes.practice_note_publish(note=note, by=staff_user))
    return crowd, notes


def test_published_notes_appear_beside_a_red_indicator_named_only_by_choice(
    client_as, owner_a, org_a, decided_a, helpful
):
    crowd, _notes = helpful

    text = client_as(owner_a).get(reverse("benchmarking:benchmark", args=[org_a.slug])).text

    assert "Learn from the best: 2 practice notes on G3" in text
    assert f"Shared by {crowd[0].name}" in text
    assert crowd[1].name not in text
    assert "Shared by an organisation rated green on this indicator" in text


def test_notes_do_not_appear_beside_green_indicators(client_as, owner_a, org_a, decided_a, helpful, framework):
    crowd, _notes = helpful
    PracticeNote.objects.filter(organisation=crowd[0]).update(indicator_key=f"{framework.code}:S1")  # green for A

    text = client_as(owner_a).get(reverse("benchmarking:benchmark", args=[org_a.slug])).text

    assert "Learn from the best: 1 practice note on G3" in text
    assert crowd[0].name not in text


def test_an_owner_writes_a_note_on_the_notes_page(client_as, owner_a, org_a, decided_a, framework):
    url = reverse("benchmarking:notes", args=[org_a.slug])
    response = client_as(owner_a).post(
        url, {"indicator": f"{framework.code}:S1", "title": "Growth", "body": "Ask members.", "attributed": "on"}
    )

    assert response.status_code == 302
    note = PracticeNote.objects.get()
    assert (note.status, note.attributed) == (NoteStatus.PENDING, True)
    assert "Waiting for moderation" in client_as(owner_a).get(url).text


def test_a_red_indicator_cannot_be_chosen(client_as, owner_a, org_a, decided_a, framework):
    response = client_as(owner_a).post(
        reverse("benchmarking:notes", args=[org_a.slug]),
        {"indicator": f"{framework.code}:G3", "title": "x", "body": "y"},
    )

    assert response.status_code == 400
    assert not PracticeNote.objects.exists()


def test_a_viewer_may_read_but_not_write(client_as, viewer_a, org_a, decided_a, framework):
    url = reverse("benchmarking:notes", args=[org_a.slug])

    assert client_as(viewer_a).get(url).status_code == 200
    assert (
        client_as(viewer_a).post(url, {"indicator": f"{framework.code}:S1", "title": "x", "body": "y"}).status_code
        == 403
    )


def test_an_outsider_gets_404(client_as, outsider, org_a, decided_a):
    assert client_as(outsider).get(reverse("benchmarking:notes", args=[org_a.slug])).status_code == 404


def test_staff_moderate_on_the_moderation_page(client_as, staff_user, owner_a, org_a, decided_a, framework):
    note = practice_notes.practice_note_create(
        organisation=org_a, indicator_key=f"{framework.code}:S1", title="T", body="B", attributed=False, by=owner_a
    )
    client = client_as(staff_user)
    assert "T" in client.get(reverse("benchmarking:moderation")).text

    client.post(reverse("benchmarking:note_moderate", args=[note.public_id]), {"action": "reject", "reason": "Vague."})

    note.refresh_from_db()
    assert (note.status, note.moderation_reason) == (NoteStatus.REJECTED, "Vague.")


def test_only_staff_moderate(client_as, owner_a, org_a, decided_a, framework):
    note = practice_notes.practice_note_create(
        organisation=org_a, indicator_key=f"{framework.code}:S1", title="T", body="B", attributed=False, by=owner_a
    )
    client = client_as(owner_a)

    assert client.get(reverse("benchmarking:moderation")).status_code == 403
    assert (
        client.post(reverse("benchmarking:note_moderate", args=[note.public_id]), {"action": "publish"}).status_code
        == 403
    )


def test_the_author_withdraws_on_the_notes_page(client_as, owner_a, org_a, decided_a, framework):
    note = practice_notes.practice_note_create(
        organisation=org_a, indicator_key=f"{framework.code}:S1", title="T", body="B", attributed=False, by=owner_a
    )

    client_as(owner_a).post(reverse("benchmarking:note_withdraw", args=[note.public_id]))

    note.refresh_from_db()
    assert note.status == NoteStatus.WITHDRAWN
