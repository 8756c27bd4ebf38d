"""The postings pages: the list, publishing, the posting with its interests, refusals."""

import pytest
from django.utils import timezone

from collaboration import postings
from collaboration.models import Follow, Interest, Posting

LIST = "/collaboration/postings/"


def url(posting, action=""):
    return f"/collaboration/postings/{posting.public_id}/{action}"


def test_anyone_sees_open_postings(client, posting):
    assert posting.title in client.get(LIST).content.decode()


def test_closed_ones_are_listed_on_request(client, posting, owner_a):
    postings.posting_close(posting=posting, by=owner_a)
    assert posting.title not in client.get(LIST).content.decode()
    assert posting.title in client.get(LIST, {"status": "closed"}).content.decode()


def test_the_list_pages_in_a_fixed_number_of_queries(client, org_a, owner_a, django_assert_max_num_queries):
    from .conftest import make_posting

    for n in range(30):
        make_posting(org_a, owner_a, title=f"Posting {n}")
    with django_assert_max_num_queries(3):  # count, page with organisations, tags
        response = client.get(LIST)
    assert "30 postings" in response.content.decode()


def test_an_owner_publishes_a_posting(client_as, owner_a, org_a):
    deadline = (timezone.localdate() + timezone.timedelta(days=20)).isoformat()
    response = client_as(owner_a).post(
        "/collaboration/postings/new/",
        {
            "organisation": org_a.pk,
            "kind": "offer",
            "title": "Test lab access",
            "description": "Our lab.",
            "topics": "testing, labs",
            "sectors": ["ict"],
            "countries": ["FR"],
            "deadline": deadline,
        },  # fmt: skip
    )
    posting = Posting.objects.get()
    assert response.status_code == 302 and response["Location"] == posting.get_absolute_url()
    assert posting.topics == ["labs", "testing"]


def test_a_too_long_title_is_a_form_error(client_as, owner_a, org_a):
    response = client_as(owner_a).post(
        "/collaboration/postings/new/", {"organisation": org_a.pk, "kind": "offer", "title": "x" * 201}
    )
    assert response.status_code == 200
    assert "at most 200 characters" in response.content.decode()


@pytest.mark.parametrize("persona", ["viewer_a", "outsider"])
def test_people_who_cannot_act_for_an_organisation_may_not_publish(request, client_as, persona, org_a):
    assert client_as(request.getfixturevalue(persona)).get("/collaboration/postings/new/").status_code == 403


def test_the_poster_sees_the_interests_and_they_are_no_longer_new(client_as, posting, org_b, owner_b, viewer_a):
    postings.interest_express(posting=posting, organisation=org_b, message="Count us in.", by=owner_b)
    content = client_as(viewer_a).get(url(posting)).content.decode()
    assert "Count us in." in content and "New" in content
    assert Interest.objects.get().seen_at is not None


@pytest.mark.parametrize("persona", [None, "outsider", "owner_b"])
def test_others_do_not_see_the_interests(request, client_as, posting, org_b, owner_b, persona):
    postings.interest_express(posting=posting, organisation=org_b, message="Count us in.", by=owner_b)
    user = request.getfixturevalue(persona) if persona else None
    content = client_as(user).get(url(posting)).content.decode()
    assert 'id="interests"' not in content
    if persona == "owner_b":
        assert "Beta Cluster expressed interest" in content  # its own answer, not the others'
    assert Interest.objects.get().seen_at is None


def test_expressing_interest_through_the_page(client_as, posting, org_b, owner_b):
    response = client_as(owner_b).post(url(posting, "interest/"), {"organisation": org_b.pk, "message": "Yes!"})
    assert response.status_code == 302
    assert Interest.objects.filter(organisation=org_b).exists()


def test_a_second_interest_is_a_409_with_the_reason(client_as, posting, org_b, owner_b):
    postings.interest_express(posting=posting, organisation=org_b, message="Yes", by=owner_b)
    response = client_as(owner_b).post(url(posting, "interest/"), {"organisation": org_b.pk, "message": "Again"})
    assert response.status_code == 409
    assert "Beta Cluster has already expressed interest." in response.content.decode()


def test_interest_in_a_closed_posting_is_a_409(client_as, posting, owner_a, org_b, owner_b):
    postings.posting_close(posting=posting, by=owner_a)
    response = client_as(owner_b).post(url(posting, "interest/"), {"organisation": org_b.pk, "message": "Yes"})
    assert response.status_code == 409
    assert "no longer open" in response.content.decode()


def test_the_poster_cannot_express_interest(client_as, posting, owner_a):
    assert client_as(owner_a).post(url(posting, "interest/"), {"message": "x"}).status_code == 403


def test_following_and_unfollowing(client_as, posting, outsider):
    client = client_as(outsider)
    client.post(url(posting, "follow/"))
    assert Follow.objects.filter(user=outsider).exists()
    client.post(url(posting, "unfollow/"))
    assert not Follow.objects.exists()


def test_only_editors_change_or_close(client_as, posting, viewer_a, owner_b):
    assert client_as(viewer_a).get(url(posting, "edit/")).status_code == 403
    assert client_as(owner_b).post(url(posting, "close/")).status_code == 403


def test_an_unknown_posting_is_a_404(client, db):
    assert client.get("/collaboration/postings/00000000-0000-0000-0000-000000000000/").status_code == 404
