"""The embeddable badge: an SVG per label (level, organisation, status and last day, every text
escaped) and the copy-paste HTML linking to the public verification page, shown on the label's page."""

import html
import re
import xml.etree.ElementTree as ET

from django.urls import reverse

from labels import label_records

SVG = "{http://www.w3.org/2000/svg}"


def _svg(client, label):
    response = client.get(reverse("labels:badge_embed", args=[label.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    return _parse(response.content)


def _parse(content: bytes):
    """Well-formed XML, whatever the organisation is called (the portal's own response, no entities)."""
    return ET.fromstring(content)  # noqa: S314


def _texts(root) -> list[str]:
    return [element.text for element in root.iter(f"{SVG}text")]


def test_the_badge_shows_level_organisation_and_last_day_without_signing_in(client, label):
    texts = _texts(_svg(client, label))

    assert "GOLD" in texts
    assert "Alpha Cluster" in texts
    assert f"Valid until {label.valid_until.isoformat()}" in texts
    assert label.certificate_number in texts


def test_the_badge_escapes_the_organisations_name(client, label):
    label.organisation.name = '<script>alert("x")</script> & Co'
    label.organisation.save()

    response = client.get(reverse("labels:badge_embed", args=[label.public_id]))

    assert b"<script>" not in response.content
    assert '<script>alert("x")</script> & Co'[:34] in _texts(_parse(response.content))[2]


def test_a_revoked_labels_badge_says_revoked(client, label, board_member):
    label_records.label_revoke(label=label, reason="Fraud.", by=board_member)

    assert "Revoked" in _texts(_svg(client, label))


def test_the_label_page_shows_the_badge_and_a_snippet_linking_to_the_verification_page(client_as, owner_a, label):
    response = client_as(owner_a).get(label.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("labels:badge_embed", args=[label.public_id]) in page
    snippet = html.unescape(re.search(r'<textarea id="badge-snippet"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    link = re.search(r'<a href="([^"]+)"', snippet).group(1)
    assert link == label.verify_url
    assert link.endswith(reverse("labels:label_verify", args=[label.public_id]))
    assert re.search(r'<img src="[^"]+/labels/badges/embed/' + str(label.public_id) + r'\.svg"', snippet)


def test_the_snippet_escapes_the_organisations_name(client_as, owner_a, label):
    label.organisation.name = 'Quote " Cluster <b>'
    label.organisation.save()

    page = client_as(owner_a).get(label.get_absolute_url()).content.decode()

    snippet = html.unescape(re.search(r'<textarea id="badge-snippet"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    assert "<b>" not in snippet and "&quot;" in snippet and "&lt;b&gt;" in snippet
