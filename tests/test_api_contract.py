"""The API keeps the contract its schema states: Schemathesis feeds every operation of the live
schema generated input (valid and invalid) as signed-in callers, and checks that no answer is a
5xx and that each status, content type and body is one the schema documents."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.api_tokens import api_token_create
from accounts.choices import MembershipRole
from labels import transitions
from tests.factories import MembershipFactory, UserFactory, shipped_catalogue_import

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 10
OPERATIONS = [
    (path, method.upper())
    for path, item in SchemaGenerator().get_schema(request=None, public=True)["paths"].items()
    for method in item
    if method in {"get", "post", "put", "patch", "delete"}
]


@pytest.fixture
def live_schema(db):
    """The schema as /api/schema/ serves it; requests go through Django's WSGI application in this
    thread, inside the test's transaction (as with Django's test client, the end of a request must
    not close the connection)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def callers(django_db_setup, django_db_blocker):
    """Tokens of an owner and of staff, and real ids, so that generated requests reach past the 404s.

    Made once for the module and rolled back at its end; each test runs in a savepoint inside."""
    with django_db_blocker.unblock(), transaction.atomic():
        framework = shipped_catalogue_import()
        membership = MembershipFactory(role=MembershipRole.OWNER)
        owner, organisation = membership.user, membership.organisation
        draft = transitions.assessment_start(organisation=organisation, level="gold", by=owner)
        staff = UserFactory(is_staff=True)
        yield {
            "tokens": [api_token_create(user=owner)[1], api_token_create(user=staff)[1]],
            "ids": {
                "public_id": str(draft.public_id),
                "slug": organisation.slug,
                "organisation_slug": organisation.slug,
                "id": membership.pk,
                "position": 1,
                "code": "S1",
            },
            "framework": {"code": framework.code, "version": framework.version},
        }
        transaction.set_rollback(True)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda mode: mode.value)
@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{method} {path}" for path, method in OPERATIONS])
def test_generated_input_gets_no_5xx_and_only_documented_answers(live_schema, callers, path, method, mode):
    operation = live_schema[path][method]
    known = callers["framework"] if path.startswith("/api/frameworks/") else callers["ids"]
    names = [parameter["name"] for parameter in operation.definition.raw.get("parameters", [])]
    real = {name: value for name, value in known.items() if name in names or f"{{{name}}}" in path}
    # Real ids most of the time (random ones only ever meet a 404), generated ones as well.
    cases = operation.as_strategy(mode, path_parameters=real) if real else operation.as_strategy(mode)
    if real:
        cases = st.one_of(cases, cases, cases, operation.as_strategy(mode))

    @given(case=cases, caller=st.sampled_from(callers["tokens"]))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    def call(case, caller):
        case.call_and_validate(headers={"Authorization": f"Token {caller}"}, checks=CHECKS)

    try:
        call()
    except Unsatisfiable:
        assert mode == GenerationMode.NEGATIVE  # nothing this operation reads can be made invalid
