"""Concurrent writers against the live server: autosave in several tabs, double-clicked submits and
owners changing each other's roles. On SQLite (the embedded default) as on PostgreSQL, nobody gets
a 5xx, and every save the server accepted is what the database holds."""

import json
import secrets
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from functools import partial

import pytest
from django.conf import settings
from django.test import Client

from accounts.api_tokens import api_token_create
from accounts.choices import MembershipRole
from accounts.models import Membership
from labels import transitions
from labels.models import Answer, AssessmentStatus
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, shipped_catalogue_import

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS, WRITERS = 4, 24


def _request(url: str, *, method: str = "POST", data: bytes = b"", headers: dict) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _in_parallel(calls: list) -> list[tuple[int, bytes]]:
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(lambda call: call(), calls))


def _browser_headers(user) -> dict:
    """The headers of a signed-in browser's htmx request: session cookie and CSRF token."""
    client = Client()
    client.force_login(user)
    csrf = secrets.token_hex(16)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}; csrftoken={csrf}"
    return {
        "Cookie": cookie,
        "X-CSRFToken": csrf,
        "HX-Request": "true",
        "Content-Type": "application/x-www-form-urlencoded",
    }


def _api_headers(user) -> dict:
    _token, key = api_token_create(user=user)
    return {"Authorization": f"Token {key}", "Content-Type": "application/json"}


def _value(indicator, round_number: int, position: int) -> str:
    """A valid value for the indicator that differs from round to round."""
    return {
        "boolean": str(round_number % 2),
        "scale": str(round_number % 5),
        "integer": str(100 * round_number + position),
        "percent": str(10 * round_number + position % 10),
        "decimal": f"{round_number}.{position:03d}",
    }[indicator.kind]


def test_autosaves_from_many_tabs_all_succeed_and_are_stored(live_server):
    framework = shipped_catalogue_import()
    owner = MembershipFactory(role=MembershipRole.OWNER).user
    draft = transitions.assessment_start(organisation=owner.memberships.get().organisation, level="gold", by=owner)
    indicators = list(framework.indicators.order_by("pk"))[:WRITERS]
    headers = _browser_headers(owner)

    for round_number in range(1, ROUNDS + 1):
        sent = {indicator.pk: _value(indicator, round_number, n) for n, indicator in enumerate(indicators)}
        calls = [
            partial(
                _request,
                f"{live_server.url}/labels/assessments/{draft.public_id}/answers/{indicator.code}/",
                data=f"value={sent[indicator.pk]}&comment=round+{round_number}".encode(),
                headers=headers,
            )
            for indicator in indicators
        ]

        statuses = [status for status, _body in _in_parallel(calls)]

        assert statuses == [200] * WRITERS, f"round {round_number}: {statuses}"
        stored = dict(Answer.objects.filter(assessment=draft).values_list("indicator_id", "value"))
        assert stored == {pk: Decimal(value) for pk, value in sent.items()}, f"round {round_number}"


def test_a_double_clicked_submit_is_accepted_once_and_refused_once(live_server):
    framework = shipped_catalogue_import()
    drafts = []
    for _ in range(10):
        owner = MembershipFactory(role=MembershipRole.OWNER).user
        organisation = owner.memberships.get().organisation
        draft = transitions.assessment_start(organisation=organisation, level="bronze", by=owner)
        Answer.objects.bulk_create(
            Answer(assessment=draft, indicator=indicator, value=indicator.green, updated_by=owner)
            for indicator in framework.indicators.all()
        )
        drafts.append((draft, _api_headers(owner)))
    calls = [
        partial(_request, f"{live_server.url}/api/assessments/{draft.public_id}/submit/", headers=headers)
        for draft, headers in drafts
        for _click in range(2)
    ]

    statuses = [status for status, _body in _in_parallel(calls)]

    assert sorted(statuses) == [200] * 10 + [409] * 10, statuses
    for draft, _headers in drafts:
        draft.refresh_from_db()
        assert draft.status == AssessmentStatus.SUBMITTED
        assert draft.history.filter(to_status=AssessmentStatus.SUBMITTED).count() == 1


def test_owners_demoting_each_other_at_once_keep_an_owner(live_server):
    """Five owners each demote the next one at the same moment."""
    organisation = OrganisationFactory()
    memberships = [MembershipFactory(organisation=organisation, role=MembershipRole.OWNER) for _ in range(5)]
    calls = [
        partial(
            _request,
            f"{live_server.url}/api/organisations/{organisation.slug}/memberships/{target.pk}/",
            method="PATCH",
            data=json.dumps({"role": MembershipRole.EDITOR}).encode(),
            headers=_api_headers(actor.user),
        )
        for actor, target in zip(memberships, memberships[1:] + memberships[:1], strict=True)
    ]

    results = _in_parallel(calls)

    statuses = [status for status, _body in results]
    assert set(statuses) <= {200, 403, 409}, statuses
    assert 200 in statuses
    owners = Membership.objects.active().filter(organisation=organisation, role=MembershipRole.OWNER)
    assert owners.exists()
    for (status, _body), target in zip(results, memberships[1:] + memberships[:1], strict=True):
        target.refresh_from_db()
        if status == 200:
            assert target.role == MembershipRole.EDITOR


def test_organisations_created_at_once_with_one_name_all_get_a_slug(live_server):
    creators = [UserFactory() for _ in range(10)]
    body = json.dumps({"name": "Twin Cluster", "country": "DE", "sector": "ict", "year_founded": 2015}).encode()
    calls = [
        partial(_request, f"{live_server.url}/api/organisations/", data=body, headers=_api_headers(creator))
        for creator in creators
    ]

    results = _in_parallel(calls)

    assert [status for status, _body in results] == [201] * 10, results
    slugs = {json.loads(body)["slug"] for _status, body in results}
    assert slugs == {"twin-cluster"} | {f"twin-cluster-{n}" for n in range(2, 11)}
    assert Membership.objects.filter(organisation__slug__in=slugs, role=MembershipRole.OWNER).count() == 10
