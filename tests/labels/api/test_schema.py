"""The assessment endpoints are described in the OpenAPI schema, without warnings."""

from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema


def test_the_assessment_endpoints_have_a_valid_schema_without_warnings():
    GENERATOR_STATS.reset()
    generator = SchemaGenerator(patterns=[path("api/", include("clusterexcellence.api_urls"))])

    schema = generator.get_schema(request=None, public=True)

    validate_schema(schema)
    assert not GENERATOR_STATS
    prefix = "/api/assessments/{public_id}/"
    assert {
        "/api/assessments/",
        prefix,
        prefix + "answers/{code}/",
        prefix + "evidence/",
        prefix + "submit/",
        prefix + "withdraw/",
        prefix + "assign/",
        prefix + "reviews/{code}/",
        prefix + "clarifications/",
        prefix + "resubmit/",
        prefix + "interview/",
        prefix + "improvements/",
        prefix + "improvements/{position}/validate/",
        prefix + "recommend/",
        prefix + "decide/",
    } <= set(schema["paths"])
    assert set(schema["paths"][prefix + "answers/{code}/"]["put"]["responses"]) == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "409",
        "415",
    }
    assert set(schema["paths"][prefix + "evidence/"]["post"]["requestBody"]["content"]) == {"multipart/form-data"}


def test_request_bodies_are_json_except_the_file_uploads():
    schema = SchemaGenerator().get_schema(request=None, public=True)

    media_types = {
        (path, method): set(operation["requestBody"]["content"])
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if "requestBody" in operation
    }

    uploads = [("/api/assessments/{public_id}/evidence/", "post"), ("/api/club/profile/photo/", "put")]
    uploads += [("/api/assessments/{public_id}/appeals/", "post"), ("/api/labels/{public_id}/appeals/", "post")]
    for upload in uploads:
        assert media_types.pop(upload) == {"multipart/form-data"}
    assert set(map(frozenset, media_types.values())) == {frozenset({"application/json"})}


def test_changing_a_members_role_requires_the_role():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"]["/api/organisations/{organisation_slug}/memberships/{id}/"]["patch"]

    body = operation["requestBody"]
    reference = body["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    assert body["required"] is True
    assert schema["components"]["schemas"][reference]["required"] == ["role"]
