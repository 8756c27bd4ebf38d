"""The dashboard's collaboration section: new interests, open postings, next meetings."""

from collaboration import matchmaking, postings

from .conftest import join


def test_the_poster_sees_a_new_interest_until_looking_at_it(client_as, posting, org_b, owner_b, owner_a):
    postings.interest_express(posting=posting, organisation=org_b, message="Yes", by=owner_b)
    client = client_as(owner_a)
    assert "Beta Cluster is interested in" in client.get("/dashboard/").content.decode()
    client.get(posting.get_absolute_url())
    assert "Beta Cluster is interested in" not in client.get("/dashboard/").content.decode()


def test_the_section_lists_open_postings_and_next_meetings(client_as, posting, event, owner_a, owner_b):
    b = join(event, owner_b)
    join(event, owner_a)
    meeting = matchmaking.meeting_request(event=event, by=owner_a, recipient=b, slot=event.slots.first())
    matchmaking.meeting_accept(meeting=meeting, by=owner_b)
    content = client_as(owner_a).get("/dashboard/").content.decode()
    assert posting.title in content
    assert "Matchmaking Days" in content


def test_people_with_neither_organisation_nor_meetings_do_not_see_it(client_as, outsider):
    assert 'id="dashboard-collaboration"' not in client_as(outsider).get("/dashboard/").content.decode()


def test_the_dashboard_stays_flat(client_as, org_a, owner_a, uncached_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .conftest import make_posting

    client = client_as(owner_a)

    def queries_with(postings: int) -> int:
        for n in range(postings):
            make_posting(org_a, owner_a, title=f"Posting {postings}-{n}")
        client.get("/dashboard/")
        with CaptureQueriesContext(connection) as context:
            client.get("/dashboard/")
        return len(context)

    assert queries_with(1) == queries_with(10)
