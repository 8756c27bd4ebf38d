"""The public verification page: works without signing in, says valid, suspended, expired or revoked
(with the board's public reason), for whom, at which level and until when; Open Graph tags."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from labels.label_records import label_revoke, label_suspend
from labels.models import Label


def _page(client, label):
    response = client.get(reverse("labels:label_verify", args=[label.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_anyone_sees_a_valid_label(client, label):
    page = _page(client, label)

    assert "This label is valid." in page
    assert "Alpha Cluster" in page
    assert "Gold" in page
    assert label.certificate_number in page
    assert '<meta property="og:title" content="Gold label of Alpha Cluster">' in page
    assert 'property="og:url"' in page


def test_a_suspended_label_says_so_with_the_reason(client, label, board_member):
    label_suspend(label=label, reason="Complaint under review.", by=board_member)

    page = _page(client, label)

    assert "This label is suspended." in page
    assert "Complaint under review." in page


def test_a_revoked_label_says_so_with_the_reason(client, label, board_member):
    label_revoke(label=label, reason="False statements.", by=board_member)

    page = _page(client, label)

    assert "This label was revoked." in page
    assert "False statements." in page


def test_an_expired_label_says_so(client, label):
    Label.objects.filter(pk=label.pk).update(valid_until=timezone.localdate() - timedelta(days=1))

    assert "This label has expired." in _page(client, label)


def test_an_unknown_label_is_404(client, db):
    assert client.get("/labels/verify/00000000-0000-0000-0000-000000000000/").status_code == 404


@pytest.mark.parametrize("name", ["<script>alert(1)</script>"])
def test_the_organisations_name_is_escaped(client, label, name):
    label.organisation.name = name
    label.organisation.save()

    page = _page(client, label)

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
