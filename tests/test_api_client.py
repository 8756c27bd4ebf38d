"""A Python client generated from the live schema with openapi-python-client imports and runs the
whole Gold journey: if the schema declared a body in the wrong media type, a field optional that the
API requires, or a response shape the API does not send, the generated code would fail here."""

import datetime
import importlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone

from labels.models import Assessment
from tests.factories import PASSWORD, shipped_framework

pytestmark = pytest.mark.django_db(transaction=True)

GENERATOR = Path(sys.executable).parent / "openapi-python-client"
PACKAGE = "cluster_excellence_client"
TINY_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def api(live_server, tmp_path):
    """The generated package, made from /api/schema/ as the live server serves it."""
    cache.clear()  # the token endpoint's throttle counts per address; earlier tests may have used it
    config = tmp_path / "config.yaml"
    config.write_text("post_hooks: []\n")  # formatting the generated code is not what is tested
    generated = subprocess.run(
        [GENERATOR, "generate", "--url", f"{live_server.url}/api/schema/?format=json",
         "--output-path", tmp_path / PACKAGE, "--meta", "none", "--config", config],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert generated.returncode == 0, generated.stdout + generated.stderr
    assert "Warning" not in generated.stdout, generated.stdout
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def sign_in(api, base_url: str, user):
    """A token from the token endpoint, through the generated client, and a client that sends it."""
    token_create = importlib.import_module(f"{PACKAGE}.api.auth.auth_token_create")
    models = importlib.import_module(f"{PACKAGE}.models")
    anonymous = api.Client(base_url=base_url)
    token = token_create.sync(client=anonymous, body=models.TokenObtainRequest(email=user.email, password=PASSWORD))
    assert isinstance(token, models.Token), token
    return api.AuthenticatedClient(base_url=base_url, token=token.token, prefix="Token")


def operation(name: str):
    return importlib.import_module(f"{PACKAGE}.api.assessments.{name}")


def test_the_gold_journey_runs_through_a_client_generated_from_the_schema(
    api, live_server, org_a, owner_a, staff_user, assessor, assessor2, board_member
):
    framework = shipped_framework()
    models = importlib.import_module(f"{PACKAGE}.models")
    types = importlib.import_module(f"{PACKAGE}.types")
    owner, staff, first, second, board = (
        sign_in(api, live_server.url, person) for person in (owner_a, staff_user, assessor, assessor2, board_member)
    )

    # The manager applies, answers every indicator and adds a document.
    created = operation("assessments_create").sync(
        client=owner, body=models.AssessmentCreateRequest(organisation=org_a.slug, level=models.LevelEnum.GOLD)
    )
    assert isinstance(created, models.AssessmentDetail), created
    public_id = created.id
    for indicator in framework.indicators.all():
        value = indicator.green == 1 if indicator.kind == "boolean" else float(indicator.green)
        answer = operation("assessments_answers_update").sync(
            public_id, indicator.code, client=owner, body=models.AnswerWriteRequest(value=value, comment="Counted.")
        )
        assert isinstance(answer, models.Answer), (indicator.code, answer)
    upload = models.EvidenceUploadRequest(
        indicator="G1",
        file=types.File(payload=io.BytesIO(TINY_PDF), file_name="staff.pdf", mime_type="application/pdf"),
    )
    evidence = operation("assessments_evidence_create").sync(public_id, client=owner, body=upload)
    assert isinstance(evidence, models.Evidence), evidence
    submitted = operation("assessments_submit_create").sync(public_id, client=owner)
    assert submitted.status == models.AssessmentStatusEnum.SUBMITTED

    # The secretariat assigns two assessors; they verify, record the interview and recommend Gold.
    body = models.AssignRequest(assessors=[assessor.email, assessor2.email])
    assert operation("assessments_assign_create").sync(public_id, client=staff, body=body).status == "in_review"
    review = operation("assessments_reviews_update").sync(
        public_id, "T6", client=first, body=models.ReviewWriteRequest(verified_value=3, comment="Costs were higher.")
    )
    assert (review.rating, review.verified_score) == (models.RatingEnum.YELLOW, 97.1)
    for area in framework.areas.all():  # the remaining declared values are confirmed as they stand
        operation("assessments_areas_confirm_create").sync(public_id, area.code, client=first)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    operation("assessments_interview_create").sync(
        public_id, client=second, body=models.InterviewRequest(date=yesterday)
    )
    for client in (first, second):
        body = models.RecommendRequest(level=models.RecommendationEnum.GOLD, summary="Convincing.")
        recommended = operation("assessments_recommend_create").sync(public_id, client=client, body=body)
    assert recommended.status == models.AssessmentStatusEnum.RECOMMENDED

    # The board approves; the manager reads the decision.
    body = models.DecideRequest(approve=True, reason="All criteria met.")
    operation("assessments_decide_create").sync(public_id, client=board, body=body)
    detail = operation("assessments_retrieve").sync(public_id, client=owner)

    assert detail.status == models.AssessmentStatusEnum.APPROVED
    assert detail.decision.awarded_level == models.LevelEnum.GOLD
    assert (detail.score.provisional, detail.score.verified) == (100.0, 97.1)
    assert Assessment.objects.get(public_id=public_id).status == "approved"
