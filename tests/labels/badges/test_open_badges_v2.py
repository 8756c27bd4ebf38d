"""Open Badges 2.0 hosted verification: the issuer Profile, the BadgeClass of each level and the
Assertion of a label, as JSON-LD at their public URLs, checked against what the 2.0 specification
requires (ids that cross-reference, required fields, types, ISO 8601 dates); a revoked label's
assertion answers 410 Gone."""

import hashlib
import json
from datetime import datetime

import pytest
from django.urls import reverse

from labels import label_records, open_badges
from labels.choices import Level

OB2 = "https://w3id.org/openbadges/v2"


def _get(client, url, accept="application/ld+json"):
    """Fetch a document by its absolute id as a verifier would (the path part on the test client)."""
    path = url.removeprefix("http://testserver").removeprefix(open_badges.settings.SITE_URL)
    return client.get(path, HTTP_ACCEPT=accept)


def _json(response) -> dict:
    return json.loads(response.content)


def _is_iso_datetime(value: str) -> bool:
    moment = datetime.fromisoformat(value)
    return moment.tzinfo is not None  # 2.0 DateTime: ISO 8601 with a time zone


def _is_iri(value) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


@pytest.fixture
def verified_chain(client, label):
    """The assertion, its badge class and their issuer, each fetched from the id the other names."""
    assertion = _json(_get(client, open_badges.assertion_url(label)))
    badge = _json(_get(client, assertion["badge"]))
    issuer = _json(_get(client, badge["issuer"]))
    return assertion, badge, issuer


def test_the_assertion_is_served_as_json_ld_without_signing_in(client, label):
    response = client.get(reverse("labels:ob_assertion", args=[label.public_id]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert _json(response)["@context"] == OB2


def test_a_client_asking_for_plain_json_gets_application_json(client, label):
    response = client.get(reverse("labels:ob_assertion", args=[label.public_id]), HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "Accept" in response["Vary"]


def test_assertion_badge_class_and_issuer_reference_each_other(verified_chain, label):
    assertion, badge, issuer = verified_chain

    assert assertion["id"] == open_badges.assertion_url(label)
    assert assertion["verify"] == {"type": "hosted", "url": assertion["id"]}
    assert assertion["badge"] == badge["id"] == open_badges.badge_class_url("gold")
    assert badge["issuer"] == issuer["id"] == open_badges.issuer_url()
    # Hosted verification: the assertion's id and the badge class's issuer are on the issuer's host.
    assert assertion["id"].split("/")[2] == issuer["url"].split("/")[2]


def test_the_assertion_has_every_required_field_with_its_type(verified_chain, label):
    assertion, _badge, _issuer = verified_chain

    assert assertion["@context"] == OB2
    assert assertion["type"] == "Assertion"
    for field in ("id", "recipient", "badge", "verify", "issuedOn"):
        assert field in assertion, field
    assert _is_iri(assertion["id"]) and _is_iri(assertion["badge"]) and _is_iri(assertion["image"])
    assert _is_iso_datetime(assertion["issuedOn"])
    assert _is_iso_datetime(assertion["expires"])
    assert datetime.fromisoformat(assertion["expires"]).date() == label.valid_until
    assert datetime.fromisoformat(assertion["issuedOn"]) < datetime.fromisoformat(assertion["expires"])


def test_the_recipient_is_the_organisations_website_hashed_with_a_salt(verified_chain, label):
    recipient = verified_chain[0]["recipient"]

    assert recipient["type"] == "url"
    assert recipient["hashed"] is True
    assert recipient["salt"]
    digest = hashlib.sha256((label.organisation.website + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${digest}"
    assert label.organisation.website not in json.dumps(verified_chain[0])
    assert open_badges.recipient_matches(label, label.organisation.website)
    assert not open_badges.recipient_matches(label, "https://someone-else.example.test")


def test_without_a_website_the_recipient_is_the_hashed_contact_email(client, label):
    label.organisation.website = ""
    label.organisation.contact_email = "Office@Alpha.example.test"
    label.organisation.save()

    recipient = _json(_get(client, open_badges.assertion_url(label)))["recipient"]

    assert recipient["type"] == "email"
    digest = hashlib.sha256(("office@alpha.example.test" + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${digest}"


def test_the_badge_class_has_every_required_field(verified_chain):
    _assertion, badge, _issuer = verified_chain

    assert badge["@context"] == OB2
    assert badge["type"] == "BadgeClass"
    for field in ("id", "name", "description", "image", "criteria", "issuer"):
        assert badge[field], field
    assert _is_iri(badge["image"])
    assert badge["criteria"]["narrative"] and _is_iri(badge["criteria"]["id"])


def test_the_issuer_profile_has_every_required_field(verified_chain):
    issuer = verified_chain[2]

    assert issuer["@context"] == OB2
    assert issuer["type"] in ("Profile", "Issuer")
    assert _is_iri(issuer["id"]) and _is_iri(issuer["url"])
    assert issuer["name"] and "@" in issuer["email"]


@pytest.mark.parametrize("level", Level.values)
def test_each_level_has_its_badge_class_and_svg_image(client, level):
    badge = _json(_get(client, open_badges.badge_class_url(level)))
    image = _get(client, badge["image"])

    assert badge["id"] == open_badges.badge_class_url(level)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/svg+xml"
    assert image.content.startswith(b"<svg")
    assert Level(level).label.upper().encode() in image.content


def test_an_unknown_level_is_not_found(client):
    assert client.get(reverse("labels:ob_badge_class", args=["platinum"])).status_code == 404
    assert client.get(reverse("labels:ob_badge_image", args=["platinum"])).status_code == 404


def test_an_unknown_label_is_not_found(client, db):
    url = reverse("labels:ob_assertion", args=["00000000-0000-0000-0000-000000000000"])

    assert client.get(url).status_code == 404


def test_a_revoked_labels_assertion_is_gone_with_the_reason(client, label, board_member):
    label_records.label_revoke(label=label, reason="Misrepresented its members.", by=board_member)

    response = _get(client, open_badges.assertion_url(label))

    assert response.status_code == 410
    body = _json(response)
    assert body["revoked"] is True
    assert body["revocationReason"] == "Misrepresented its members."
    assert body["id"] == open_badges.assertion_url(label)


def test_a_suspended_labels_assertion_is_gone_and_says_it_is_suspended(client, label, board_member):
    label_records.label_suspend(label=label, reason="Audit pending.", by=board_member)

    response = _get(client, open_badges.assertion_url(label))

    assert response.status_code == 410
    body = _json(response)
    assert body["revoked"] is True and body["suspended"] is True
    assert "Audit pending." in body["revocationReason"]


def test_a_reinstated_labels_assertion_answers_again(client, label, board_member):
    label_records.label_suspend(label=label, reason="Audit pending.", by=board_member)
    label_records.label_reinstate(label=label, reason="Audit passed.", by=board_member)

    assert _get(client, open_badges.assertion_url(label)).status_code == 200


def test_the_documents_refuse_writes(client, label):
    assert client.post(reverse("labels:ob_assertion", args=[label.public_id])).status_code == 405


# The terms the Open Badges 2.0 JSON-LD context (https://w3id.org/openbadges/v2) defines that these
# documents may use; a key outside it would be dropped by a JSON-LD processor.
OB2_TERMS = {
    "@context", "id", "type", "name", "description", "image", "url", "email", "telephone", "criteria",
    "narrative", "issuer", "tags", "alignment", "recipient", "hashed", "salt", "identity", "badge",
    "verify", "verification", "issuedOn", "expires", "evidence", "revoked", "revocationReason",
}  # fmt: skip


def _keys(document) -> set[str]:
    if isinstance(document, dict):
        return set(document) | {key for value in document.values() for key in _keys(value)}
    if isinstance(document, list):
        return {key for value in document for key in _keys(value)}
    return set()


def test_every_key_is_a_term_of_the_2_0_context(verified_chain, client, label, board_member):
    for document in verified_chain:
        assert _keys(document) <= OB2_TERMS, _keys(document) - OB2_TERMS
    label_records.label_revoke(label=label, reason="Fraud.", by=board_member)
    assert _keys(_json(_get(client, open_badges.assertion_url(label)))) <= OB2_TERMS
