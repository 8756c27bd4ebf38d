"""The label as an Open Badges 3.0 OpenBadgeCredential (Verifiable Credentials data model 2.0),
unsigned: the same record as the 2.0 assertion, in the 3.0 shape."""

import hashlib
import json
from datetime import datetime

from django.urls import reverse

from labels import label_records, open_badges


def _credential(client, label, accept="application/ld+json"):
    return client.get(reverse("labels:ob_credential", args=[label.public_id]), HTTP_ACCEPT=accept)


def test_the_credential_has_the_vc_and_ob3_contexts_and_types(client, label):
    response = _credential(client, label)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    credential = json.loads(response.content)
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert credential["@context"][1].startswith("https://purl.imsglobal.org/spec/ob/v3p0/context")
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == open_badges.credential_url(label)
    assert "proof" not in credential  # unsigned, as the README says


def test_the_credential_names_issuer_validity_and_achievement(client, label):
    credential = json.loads(_credential(client, label).content)

    assert credential["issuer"]["id"] == open_badges.issuer_url()
    assert "Profile" in credential["issuer"]["type"]
    assert datetime.fromisoformat(credential["validFrom"]).date() == label.valid_from
    assert datetime.fromisoformat(credential["validUntil"]).date() == label.valid_until
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    achievement = subject["achievement"]
    assert achievement["id"] == open_badges.badge_class_url(label.level)
    assert achievement["type"] == ["Achievement"]
    assert achievement["name"] and achievement["description"] and achievement["criteria"]["narrative"]
    identifier = subject["identifier"][0]
    digest = hashlib.sha256((label.organisation.website + identifier["salt"]).encode()).hexdigest()
    assert identifier["identityHash"] == f"sha256${digest}"
    assert identifier["identityType"] == "url"


def test_the_credential_answers_plain_json_to_who_asks_for_it(client, label):
    assert _credential(client, label, accept="application/json")["Content-Type"].startswith("application/json")


def test_a_revoked_labels_credential_is_gone(client, label, board_member):
    label_records.label_revoke(label=label, reason="Fraud.", by=board_member)

    response = _credential(client, label)

    assert response.status_code == 410
    assert json.loads(response.content)["revoked"] is True
