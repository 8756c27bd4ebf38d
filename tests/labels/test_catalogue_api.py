import pytest
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from labels.catalogue_import import framework_import

from . import DEMO_CATALOGUE, demo_document, without_translations, write_catalogue

# These tests import catalogues themselves, the shipped one included.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_catalogue")]


@pytest.fixture
def demo():
    return framework_import(DEMO_CATALOGUE)


def _version(tmp_path, version, *, publish=True, translated=True):
    document = demo_document() if translated else without_translations(demo_document())
    document["framework"]["version"] = version
    return framework_import(write_catalogue(tmp_path, document, name=f"{version}.yaml"), publish=publish)


def _indicator(data, code):
    return next(i for area in data["areas"] for i in area["indicators"] if i["code"] == code)


def test_anyone_may_read_the_current_catalogue(api_as, demo):
    response = api_as(None).get("/api/frameworks/current/")

    assert response.status_code == 200
    data = response.json()
    assert (data["code"], data["version"]) == ("cme-demo-2026", "2026.1")
    assert data["title"] == "Cluster Management Excellence (demonstration catalogue)"
    assert [area["code"] for area in data["areas"]] == ["S", "G", "F", "T", "C", "A"]
    indicators = [i for area in data["areas"] for i in area["indicators"]]
    assert len(indicators) == 36
    assert sum(i["points"] for i in indicators if i["gold"]) == 70
    assert sum(i["minimum"] for i in indicators) == 7
    assert sum(i["eligibility"] for i in indicators) == 4


def test_it_gives_every_field_of_an_indicator(api_as, demo):
    data = api_as(None).get("/api/frameworks/current/").json()

    assert _indicator(data, "G1") == {
        "code": "G1",
        "title": "Dedicated management staff",
        "question": "How many full-time equivalents work for the cluster organisation?",
        "kind": "decimal",
        "unit": "FTE",
        "direction": "higher",
        "yellow": 0.5,
        "green": 3.0,
        "levels": [],
        "minimum": True,
        "eligibility": True,
        "gold": True,
        "points": 3,
        "evidence": "Staff list with working time",
    }
    assert _indicator(data, "G2")["levels"][4] == "Elected board plus working groups that steer activities"
    assert _indicator(data, "T6")["direction"] == "lower"


def test_it_gives_the_label_rules(api_as, demo):
    rules = api_as(None).get("/api/frameworks/current/").json()["rules"]

    assert rules == {
        "bronze": {"validity_months": 24, "assessors": 1},
        "silver": {"validity_months": 24, "assessors": 1, "improvement_areas": 3, "previous_bronze_months": [18, 24]},
        "gold": {"validity_months": 24, "assessors": 2, "min_score_percent": 80.0},
        "renewal_window_months": 12,
    }


def test_it_speaks_the_requested_language(api_as, demo):
    response = api_as(None).get("/api/frameworks/current/", HTTP_ACCEPT_LANGUAGE="de")

    data = response.json()
    assert response["Content-Language"] == "de"
    assert data["title"] == "Exzellenz im Clustermanagement (Demonstrationskatalog)"
    assert data["areas"][0]["title"] == "Struktur des Clusters"
    g2 = _indicator(data, "G2")
    assert g2["title"] == "Beteiligung der Partner an Entscheidungen"
    assert g2["levels"][0] == "Keine formale Beteiligung"
    assert _indicator(data, "G1")["unit"] == "VZÄ"


def test_it_falls_back_to_english_without_a_translation(api_as, tmp_path):
    _version(tmp_path, "plain", translated=False)

    data = api_as(None).get("/api/frameworks/current/", HTTP_ACCEPT_LANGUAGE="de").json()

    assert _indicator(data, "G2")["title"] == "Participant involvement in decisions"


def test_it_answers_404_with_a_message_before_anything_is_published(api_as, tmp_path):
    _version(tmp_path, "draft", publish=False)

    response = api_as(None).get("/api/frameworks/current/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No indicator catalogue has been published yet."}


def test_the_current_catalogue_takes_a_bounded_number_of_queries(api_as, demo, django_assert_max_num_queries):
    client = api_as(None)

    with django_assert_max_num_queries(4):  # the current version, then the catalogue in three
        assert client.get("/api/frameworks/current/").status_code == 200
    with django_assert_max_num_queries(0):  # from the cache, the current version too
        assert client.get("/api/frameworks/current/").status_code == 200


def test_the_list_shows_published_and_superseded_versions_to_anyone(api_as, demo, tmp_path):
    _version(tmp_path, "2026.2")
    _version(tmp_path, "2026.3", publish=False)

    response = api_as(None).get("/api/frameworks/")

    assert response.status_code == 200
    listed = {(f["version"], f["status"]) for f in response.json()["results"]}
    assert listed == {("2026.1", "superseded"), ("2026.2", "published")}
    first = response.json()["results"][0]
    assert first["url"].endswith(f"/api/frameworks/cme-demo-2026/{first['version']}/")


def test_the_list_shows_drafts_to_staff(api_as, demo, tmp_path, staff_user):
    _version(tmp_path, "2026.3", publish=False)

    response = api_as(staff_user).get("/api/frameworks/")

    assert {f["version"] for f in response.json()["results"]} == {"2026.1", "2026.3"}


def test_the_list_takes_a_bounded_number_of_queries(api_as, demo, tmp_path, django_assert_max_num_queries):
    for number in range(2, 6):
        _version(tmp_path, f"2026.{number}")
    client = api_as(None)

    with django_assert_max_num_queries(2):
        assert client.get("/api/frameworks/").status_code == 200


def test_one_version_can_be_read_by_code_and_version(api_as, demo, tmp_path, django_assert_max_num_queries):
    _version(tmp_path, "2026.2")
    client = api_as(None)

    with django_assert_max_num_queries(3):
        response = client.get("/api/frameworks/cme-demo-2026/2026.1/")

    assert response.status_code == 200
    assert response.json()["status"] == "superseded"
    assert len(response.json()["areas"]) == 6


def test_a_draft_version_is_hidden_from_anyone_but_staff(api_as, tmp_path, outsider, staff_user):
    _version(tmp_path, "2026.9", publish=False)

    assert api_as(None).get("/api/frameworks/cme-demo-2026/2026.9/").status_code == 404
    assert api_as(outsider).get("/api/frameworks/cme-demo-2026/2026.9/").status_code == 404
    assert api_as(staff_user).get("/api/frameworks/cme-demo-2026/2026.9/").status_code == 200


def test_an_unknown_version_is_404(api_as, demo):
    assert api_as(None).get("/api/frameworks/cme-demo-2026/1999/").status_code == 404
    assert api_as(None).get("/api/frameworks/unknown/2026.1/").status_code == 404


def test_the_api_is_read_only(api_as, demo, staff_user):
    response = api_as(staff_user).post("/api/frameworks/current/", {}, format="json")

    assert response.status_code == 405


def test_the_catalogue_endpoints_have_a_valid_schema_without_warnings():
    GENERATOR_STATS.reset()
    generator = SchemaGenerator(patterns=[path("api/", include("labels.api.urls"))])

    schema = generator.get_schema(request=None, public=True)

    validate_schema(schema)
    assert not GENERATOR_STATS
    assert {"/api/frameworks/", "/api/frameworks/current/", "/api/frameworks/{code}/{version}/"} <= set(schema["paths"])
