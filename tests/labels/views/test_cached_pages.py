"""Signed-in pages and API reads kept in the cache (clusterexcellence/page_cache.py,
clusterexcellence/data_versions.py): served again while nothing they were made from has changed,
made anew at the next request after any change (through the domain, a bulk update, raw SQL or
another connection), never shared between users, and never hiding a refusal."""

import re
import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Membership
from clusterexcellence import data_versions
from labels import answers, transitions
from labels.models import Answer, Indicator

pytestmark = pytest.mark.django_db


def task_list(assessment):
    return reverse("labels:assessment_detail", args=[assessment.public_id])


def answer(assessment, code, value, by):
    indicator = Indicator.objects.get(framework=assessment.framework, code=code)
    answers.answer_save(assessment=assessment, indicator=indicator, value=value, by=by)


def answered(client, assessment) -> str:
    content = client.get(task_list(assessment)).content.decode()
    return re.search(r"(\d+) of 36 indicators answered", content).group(1)


def queries(client, address) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(address).status_code == 200
    return len(context)


def cached(client, address) -> None:
    """Request the page until it comes from the cache: a process keeps a view's page from its
    second request on, once it knows which tables the view reads. Served, it costs no query (the
    session's user comes from the cache too, accounts/auth_backends.py)."""
    counts = [queries(client, address) for _ in range(3)]
    assert counts[2] == 0, counts


def test_a_page_is_made_once_and_then_served_from_the_cache(client_as, owner_a, viewer_a, draft):
    client = client_as(owner_a)
    cached(client, task_list(draft))

    other = Client()
    other.force_login(viewer_a)
    made = queries(other, task_list(draft))
    assert queries(other, task_list(draft)) == 0 < made  # the process knows the view's tables now


def test_a_changed_answer_shows_at_the_next_request(client_as, owner_a, draft):
    client = client_as(owner_a)
    cached(client, task_list(draft))
    assert answered(client, draft) == "0"

    answer(draft, "S1", "20", owner_a)

    assert answered(client, draft) == "1"


def test_a_bulk_update_and_raw_sql_show_at_the_next_request(client_as, owner_a, draft):
    client = client_as(owner_a)
    answer(draft, "S1", "20", owner_a)
    answer(draft, "S2", "20", owner_a)
    cached(client, task_list(draft))
    assert answered(client, draft) == "2"

    Answer.objects.filter(assessment=draft, indicator__code="S2").update(value=None)
    assert answered(client, draft) == "1"
    cached(client, task_list(draft))

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Answer._meta.db_table} WHERE assessment_id = %s", [draft.pk])  # noqa: S608
    assert answered(client, draft) == "0"


def test_a_decision_shows_on_the_applicants_pages_at_the_next_request(client_as, owner_a, recommended, board_member):
    client = client_as(owner_a)
    cached(client, task_list(recommended))
    cached(client, "/dashboard/")
    assert "Approved" not in client.get(task_list(recommended)).content.decode()
    dashboard = client.get("/dashboard/").content.decode()

    transitions.assessment_decide(assessment=recommended, approve=True, reason="Met.", by=board_member)

    assert "Approved" in client.get(task_list(recommended)).content.decode()
    assert client.get("/dashboard/").content.decode() != dashboard


def test_each_user_gets_their_own_page_and_refusals_stay(client_as, owner_a, viewer_a, owner_b, draft):
    owner_page = client_as(owner_a).get(task_list(draft)).content.decode()
    viewer = Client()
    viewer.force_login(viewer_a)
    viewer_page = viewer.get(task_list(draft)).content.decode()
    outsider = Client()
    outsider.force_login(owner_b)

    assert outsider.get(task_list(draft)).status_code == 404
    assert viewer_page != owner_page  # a viewer may not edit: the page says so, and says it to them only
    assert 'href="/labels/assessments/' in owner_page


def test_a_member_who_leaves_is_refused_at_the_next_request(client_as, viewer_a, org_a, draft):
    client = client_as(viewer_a)
    cached(client, task_list(draft))

    Membership.objects.filter(user=viewer_a, organisation=org_a).delete()

    assert client.get(task_list(draft)).status_code == 404


def test_each_session_gets_its_own_csrf_token(owner_a, draft):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(owner_a)
    second.force_login(owner_a)
    area = reverse("labels:area", args=[draft.public_id, "S"])
    cached(first, area)
    with CaptureQueriesContext(connection) as context:
        page = second.get(area).content.decode()  # from the cache that the first session filled
    assert len(context) == 0

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    save = reverse("labels:answer_save", args=[draft.public_id, "S1"])
    response = second.post(save, {"value": "20", "csrfmiddlewaretoken": token}, headers={"hx-request": "true"})

    assert response.status_code == 200
    assert Answer.objects.get(assessment=draft, indicator__code="S1").value == 20


def test_a_waiting_message_is_shown_not_a_cached_page(client_as, owner_a, draft):
    client = client_as(owner_a)
    cached(client, task_list(draft))
    client.post(reverse("labels:withdraw", args=[draft.public_id]), follow=False)

    page = client.get(task_list(draft)).content.decode()

    assert 'role="status"' in page or 'class="messages' in page


def test_the_api_answers_a_change_at_the_next_request(api_as, owner_a, draft):
    client = api_as(owner_a)
    address = f"/api/assessments/{draft.public_id}/"
    client.get(address), client.get(address)
    with CaptureQueriesContext(connection) as context:
        assert client.get(address).json()["progress"]["answered"] == 0
    assert len(context) == 0  # from the cache (the test client's user needs no query)

    answer(draft, "S1", "20", owner_a)

    assert client.get(address).json()["progress"]["answered"] == 1


@pytest.mark.django_db(transaction=True)
def test_a_change_committed_by_another_connection_shows_at_the_next_request(owner_a, draft):
    client = Client()
    client.force_login(owner_a)
    cached(client, task_list(draft))

    def elsewhere():  # another thread: its own database connection, as another process has
        with transaction.atomic():
            answer(draft, "S1", "20", owner_a)
        connection.close()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()

    assert answered(client, draft) == "1"


def test_a_write_that_changes_no_row_keeps_the_versions(draft):
    table = Answer._meta.db_table
    data_versions.bump([table])
    before = data_versions.versions([table])

    Answer.objects.filter(assessment=draft, indicator__code="no-such-code").update(value=1)

    assert data_versions.versions([table]) == before


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_savepoint_does_not_lose_the_commit_announcement(draft, owner_a):
    table = Answer._meta.db_table
    with transaction.atomic():
        try:
            with transaction.atomic():
                answer(draft, "S1", "20", owner_a)
                raise RuntimeError
        except RuntimeError:
            pass
        answer(draft, "S2", "20", owner_a)
        during = data_versions.versions([table])
    assert data_versions.versions([table]) != during  # bumped again at the commit


def test_a_revocation_shows_on_the_public_verification_page_at_the_next_request(client, label, board_member):
    from labels.label_records import label_revoke

    address = reverse("labels:label_verify", args=[label.public_id])
    for _ in range(3):
        assert "This label was revoked." not in client.get(address).content.decode()

    label_revoke(label=label, reason="Misrepresented figures.", by=board_member)

    assert "This label was revoked." in client.get(address).content.decode()


def test_a_page_for_anonymous_visitors_is_served_from_memory(client, label):
    address = reverse("labels:label_verify", args=[label.public_id])
    client.get(address), client.get(address)
    with CaptureQueriesContext(connection) as context:
        assert client.get(address).status_code == 200
    assert len(context) == 0
