"""After the board approves, the application page, the organisation page and the dashboard show the
verified result and the label with its validity and downloads."""

from django.urls import reverse


def test_the_application_page_shows_the_verified_result_and_the_label(client_as, label, owner_a):
    page = client_as(owner_a).get(label.assessment.get_absolute_url()).content.decode()

    assert "Verified traffic lights" in page
    assert "Provisional score" not in page
    assert label.certificate_number in page
    assert reverse("labels:certificate_download", args=[label.public_id]) in page
    assert reverse("labels:label_verify", args=[label.public_id]) in page


def test_before_the_decision_the_page_stays_provisional(client_as, recommended, owner_a):
    page = client_as(owner_a).get(recommended.get_absolute_url()).content.decode()

    assert "Provisional traffic lights" in page
    assert "certificate" not in page.lower()


def test_the_board_sees_the_label_without_the_download(client_as, label, board_member):
    page = client_as(board_member).get(label.assessment.get_absolute_url()).content.decode()

    assert label.certificate_number in page
    assert reverse("labels:certificate_download", args=[label.public_id]) not in page


def test_the_organisation_page_lists_its_labels(client_as, label, owner_a, org_a):
    page = client_as(owner_a).get(reverse("organisation_detail", args=[org_a.slug])).content.decode()

    assert label.certificate_number in page
    assert reverse("labels:certificate_download", args=[label.public_id]) in page


def test_the_dashboard_shows_the_label_with_its_validity(client_as, label, owner_a):
    page = client_as(owner_a).get("/dashboard/").content.decode()

    assert "Your labels" in page
    assert reverse("labels:label_detail", args=[label.public_id]) in page
