"""`Cache-Control: private, no-store` on every page and API answer a signed-in person gets: they show an
organisation's answers, scores and reviews, or the person's own data. The test walks every URL pattern."""

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from clusterexcellence.models import Job
from labels.models import Evidence

from .api.conftest import pdf_upload

# Pages that certainly show an organisation's answers, scores or review data: each must answer 200.
DATA_PAGES = {
    "labels:assessment_detail",
    "labels:area",
    "labels:print",
    "labels:score",
    "job_status",
    "labels:review",
    "labels:evidence_download",
    "api-assessment-detail",
    "api-assessment-list",
}


def _patterns(resolver=None, namespace=""):
    """(name, kwarg names) of every named URL pattern, with namespaces."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", set(entry.pattern.regex.groupindex)


def test_every_signed_in_response_is_private_and_not_stored(client_as, staff_user, recommended, owner_a, framework):
    evidence = Evidence.objects.create(
        assessment=recommended,
        indicator=framework.indicators.get(code="S1"),
        file=pdf_upload(),
        original_name="members.pdf",
        content_type="application/pdf",
        size=10,
    )
    samples = {
        "public_id": recommended.public_id,
        "code": "S1",
        "area_code": "S",
        "slug": recommended.organisation.slug,
        "organisation_slug": recommended.organisation.slug,
        "pk": 1,
        "id": 1,
        "membership_id": 1,
        "position": 1,
        "version": framework.version,
        "token": "unknown",
        "key": "unknown",
    }
    client = client_as(staff_user)
    checked = {}
    for name, kwargs in _patterns():
        if name.startswith("admin:") or "logout" in name or "format" in kwargs or not kwargs <= set(samples):
            continue
        values = {key: samples[key] for key in kwargs}
        if name == "labels:evidence_download":
            values["public_id"] = evidence.public_id
        if name == "job_status":
            values["public_id"] = Job.objects.filter(object_id=str(recommended.pk)).first().public_id
        if name == "api-framework-detail":
            values["code"] = framework.code
        response = client.get(reverse(name, kwargs=values))
        cache_control = response.get("Cache-Control", "")
        assert "private" in cache_control and "no-store" in cache_control, (name, response.status_code, cache_control)
        checked[name] = response.status_code

    assert {name: checked.get(name) for name in DATA_PAGES} == dict.fromkeys(DATA_PAGES, 200)
    assert len(checked) > 60  # the walk reached the labels, accounts and API patterns


def test_an_api_answer_to_a_token_is_private_too(api_client, recommended, owner_a):
    from accounts.api_tokens import api_token_create

    _token, key = api_token_create(user=owner_a)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    response = api_client.get(f"/api/assessments/{recommended.public_id}/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_public_pages_stay_cacheable_for_visitors(client, framework):
    assert "no-store" not in client.get("/labels/catalogue/").get("Cache-Control", "")
