"""Staff see every label in Django admin with its history; nobody edits its dates or number there."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.labels import built_fixtures

draft, submitted = built_fixtures.draft, built_fixtures.submitted
in_review, recommended = built_fixtures.in_review, built_fixtures.recommended


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def label(recommended, board_member):
    from labels import transitions

    return transitions.assessment_decide(assessment=recommended, approve=True, reason="Met.", by=board_member).label


def test_staff_see_the_label_with_its_history_read_only(client_as, superuser, label):
    client = client_as(superuser)

    listing = client.get(reverse("admin:labels_label_changelist"))
    page = client.get(reverse("admin:labels_label_change", args=[label.pk]))

    assert label.certificate_number in listing.content.decode()
    assert page.status_code == 200
    assert "Met." in page.content.decode()  # the history row
    assert page.context["adminform"].form.fields == {}  # every field read-only


def test_nobody_changes_adds_or_deletes_a_label_in_admin(client_as, superuser, label):
    client = client_as(superuser)

    client.post(reverse("admin:labels_label_change", args=[label.pk]), {"certificate_number": "X-1"})
    label.refresh_from_db()

    assert label.certificate_number != "X-1"
    assert client.get(reverse("admin:labels_label_add")).status_code == 403
    assert client.get(reverse("admin:labels_label_delete", args=[label.pk])).status_code == 403
