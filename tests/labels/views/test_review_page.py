"""The review page: every indicator with its declared and verified value, for assessors, the
board and staff; nobody else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from labels import answers, reviews, transitions
from labels.models import Evidence

from ..conftest import fill_answers


def url(assessment):
    return reverse("labels:review", args=[assessment.public_id])


def area_url(assessment, area="S"):
    return reverse("labels:review_area", args=[assessment.public_id, area])


def areas_of(assessment):
    return list(assessment.framework.areas.order_by("position").values_list("code", flat=True))


def test_it_requires_sign_in(client, in_review):
    response = client.get(url(in_review))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "other_assessor", "club_member"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, in_review, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(in_review)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a"])
def test_it_refuses_the_organisations_members(request, client_as, persona, in_review):
    assert client_as(request.getfixturevalue(persona)).get(url(in_review)).status_code == 403


def test_assigned_assessors_get_the_overview_with_a_link_and_progress_per_area(client_as, assessor, in_review):
    response = client_as(assessor).get(url(in_review))
    content = response.content.decode()
    assert response.status_code == 200
    assert "hx-post=" not in content  # the indicators are on the area pages
    for area in in_review.framework.areas.all():
        assert f'href="{area_url(in_review, area.code)}"' in content
        assert f"0 of {area.indicators.count()} verified" in content
    assert reverse("labels:recommend", args=[in_review.public_id]) in content
    assert reverse("labels:clarify", args=[in_review.public_id]) in content
    assert 'id="review-summary"' in content


def test_each_area_page_has_a_form_per_indicator_of_that_area_only(client_as, assessor, in_review):
    client = client_as(assessor)
    forms = 0
    for code in areas_of(in_review):
        response = client.get(area_url(in_review, code))
        content = response.content.decode()
        assert response.status_code == 200
        members = in_review.framework.indicators.filter(area__code=code)
        assert content.count('hx-post="/labels/assessments/') == members.count()
        for indicator in members:
            assert reverse("labels:review_save", args=[in_review.public_id, indicator.code]) in content
        assert f'href="{area_url(in_review, code)}" aria-current="page"' in content
        assert 'id="review-summary"' in content
        forms += members.count()
    assert forms == in_review.framework.indicators.count()


def test_an_area_page_links_to_the_next_area(client_as, assessor, in_review):
    codes = areas_of(in_review)
    content = client_as(assessor).get(area_url(in_review, codes[0])).content.decode()
    assert f'href="{area_url(in_review, codes[1])}" rel="next"' in content
    last = client_as(assessor).get(area_url(in_review, codes[-1])).content.decode()
    assert 'rel="next"' not in last
    assert f'href="{area_url(in_review, codes[-2])}" rel="prev"' in last


def test_an_unknown_area_is_not_found(client_as, assessor, in_review):
    assert client_as(assessor).get(area_url(in_review, "ZZ")).status_code == 404


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "other_assessor"])
def test_an_area_page_is_not_found_outside_the_users_scope(request, client_as, persona, in_review, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(area_url(in_review)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a"])
def test_an_area_page_refuses_the_organisations_members(request, client_as, persona, in_review):
    assert client_as(request.getfixturevalue(persona)).get(area_url(in_review)).status_code == 403


@pytest.mark.parametrize("persona", ["board_member", "staff_user"])
def test_board_and_staff_read_without_forms(request, client_as, persona, in_review):
    client = client_as(request.getfixturevalue(persona))
    for page in (url(in_review), area_url(in_review)):
        response = client.get(page)
        content = response.content.decode()
        assert response.status_code == 200
        assert "hx-post=" not in content
        assert reverse("labels:interview", args=[in_review.public_id]) not in content
        assert reverse("labels:review_confirm_area", args=[in_review.public_id, "S"]) not in content
        assert "Verified score" in content


def test_it_shows_the_declared_value_the_comment_and_the_evidence(
    client_as, assessor, assessor2, draft, owner_a, staff_user
):
    s1 = draft.framework.indicators.get(code="S1")
    fill_answers(draft, owner_a)
    answers.answer_save(assessment=draft, indicator=s1, value="42", comment="Counted in March.", by=owner_a)
    evidence = Evidence.objects.create(
        assessment=draft,
        indicator=s1,
        file=SimpleUploadedFile("members.pdf", b"%PDF-1.4 list"),
        original_name="members.pdf",
        content_type="application/pdf",
        size=13,
    )
    transitions.assessment_submit(assessment=draft, by=owner_a)
    transitions.assessment_assign(assessment=draft, assessors=[assessor, assessor2], by=staff_user)
    content = client_as(assessor).get(area_url(draft, s1.area.code)).content.decode()
    assert "Counted in March." in content
    assert reverse("labels:evidence_download", args=[evidence.public_id]) in content
    assert "members.pdf" in content
    assert 'value="42"' in content  # the verified value starts as the declared one


def test_it_shows_the_history_of_values_changed_in_a_clarification(client_as, assessor, in_review, owner_a):
    s1 = in_review.framework.indicators.get(code="S1")
    transitions.clarification_request(assessment=in_review, indicators=[s1], message="Recount.", by=assessor)
    answers.answer_save(assessment=in_review, indicator=s1, value="7", comment="Recounted.", by=owner_a)
    transitions.clarification_answer(assessment=in_review, by=owner_a)
    content = client_as(assessor).get(area_url(in_review, s1.area.code)).content.decode()
    assert "History of the declared value" in content
    assert f"{s1.green_value} → 7" in content
    assert "owner-a@example.test" in content or str(owner_a) in content


def test_the_queries_do_not_grow_with_the_indicators_reviewed(
    client_as, assessor, in_review, django_assert_max_num_queries
):
    client = client_as(assessor)
    client.get(url(in_review))  # warm caches (content types, the session)
    with django_assert_max_num_queries(14):
        assert client.get(url(in_review)).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(area_url(in_review)).status_code == 200
    for indicator in in_review.framework.indicators.all():
        reviews.review_save(
            assessment=in_review, indicator=indicator, verified_value=indicator.yellow, comment="Seen.", by=assessor
        )
    with django_assert_max_num_queries(14):
        assert client.get(url(in_review)).status_code == 200
    for code in areas_of(in_review):
        with django_assert_max_num_queries(15):
            assert client.get(area_url(in_review, code)).status_code == 200
