"""seed_demo's label data: assessments in every state, and what the demo logins need for the walkthrough."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, Organisation, User
from clusterexcellence.models import Job, JobStatus
from labels import permissions, transitions
from labels.assessment_scores import verified_result
from labels.assessor_choice import is_national, national_rule
from labels.conflicts import assessor_conflict
from labels.demo import value_in_band
from labels.eligibility import application_refusal
from labels.level_rules import last_completed_bronze, level_check
from labels.models import Answer, Assessment, AssessmentEvent, AssessmentStatus, Framework, Review
from labels.scoring import add_months, months_between_ok, rate
from labels.verification import verification_progress

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeded once for the module (it takes seconds) and rolled back at its end; each test runs
    in a savepoint inside."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = StringIO()
        call_command("seed_demo", orgs=60, seed=1, no_logins=True, stdout=output)
        connection = transaction.get_connection()
        # Other than the new table versions every commit announces (clusterexcellence/data_versions.py).
        scheduled = [hook for hook in connection.run_on_commit if hook[1] is not connection._data_versions_hook]
        yield {"output": output.getvalue(), "scheduled": scheduled}
        transaction.set_rollback(True)


def user(email):
    return User.objects.get(email=email)


def organisation_of(email):
    return Membership.objects.active().get(user__email=email, role="owner").organisation


def test_every_state_exists(seeded):
    states = set(Assessment.objects.values_list("status", flat=True))

    assert states == set(AssessmentStatus.values)


def test_labels_of_every_level_were_approved(seeded):
    awarded = set(Assessment.objects.filter(status=AssessmentStatus.APPROVED).values_list("awarded_level", flat=True))

    assert awarded == {"bronze", "silver", "gold"}


def test_a_few_dozen_organisations_have_assessments(seeded):
    with_assessments = Organisation.objects.filter(assessments__isnull=False).distinct().count()

    assert 40 <= with_assessments <= 60
    assert 45 <= Assessment.objects.count() <= 70


def test_drafts_are_partly_answered(seeded):
    total = Framework.objects.current().indicators.count()
    for draft in Assessment.objects.filter(status=AssessmentStatus.DRAFT):
        assert 0 < draft.answers.count() < total


def test_the_catalogue_was_imported(seeded):
    assert Framework.objects.current().code == "cme-demo-2026"


def test_submitted_assessments_are_scored_and_no_job_waits(seeded):
    after_submission = Assessment.objects.exclude(status=AssessmentStatus.DRAFT).exclude(submitted_at=None)

    assert after_submission.exists()
    assert not after_submission.filter(provisional_score=None).exists()
    assert not Answer.objects.filter(assessment__in=after_submission, provisional_rating="").exists()
    assert set(Job.objects.values_list("status", flat=True)) == {JobStatus.DONE}


def test_seeding_schedules_no_emails_or_jobs(seeded):
    assert seeded["scheduled"] == []


def test_approved_labels_meet_their_rules(seeded):
    for assessment in Assessment.objects.filter(status=AssessmentStatus.APPROVED).select_related("framework"):
        result = verified_result(assessment)
        assert result.eligibility_met, assessment
        if assessment.awarded_level in ("silver", "gold"):
            assert result.minimum_met, assessment
        if assessment.awarded_level == "gold":
            assert result.gold_score >= 80, assessment
        assert assessment.interview_date < assessment.decided_at.date() < timezone.localdate()


def test_every_recommendation_and_decision_rests_on_fully_verified_values_that_meet_the_level(seeded):
    after_review = Assessment.objects.filter(
        status__in=[AssessmentStatus.RECOMMENDED, *AssessmentStatus.decided()]
    ).select_related("framework", "organisation")

    assert after_review.count() > 10
    for assessment in after_review:
        assert verification_progress(assessment).complete, assessment
        for level in assessment.assignments.exclude(recommended_level="none").values_list(
            "recommended_level", flat=True
        ):
            assert level_check(assessment, level).met, (assessment, level)
        if assessment.awarded_level:
            assert level_check(assessment, assessment.awarded_level).met, assessment


def test_the_demo_assessors_bronze_waits_for_verification(seeded):
    assessment = Assessment.objects.visible_to(user("assessor@example.org")).get()

    assert verification_progress(assessment).verified == 0


def test_silver_labels_follow_a_bronze_18_to_24_months_earlier(seeded):
    silvers = Assessment.objects.filter(status=AssessmentStatus.APPROVED, level="silver")

    assert silvers.exists()
    for silver in silvers:
        bronze = Assessment.objects.get(organisation=silver.organisation, level="bronze", status="approved")
        assert months_between_ok(bronze.interview_date, silver.interview_date)
        assert silver.improvement_areas.filter(validated=True).count() == 3


def test_the_history_is_in_order_and_in_the_past(seeded):
    now = timezone.now()
    for assessment in Assessment.objects.prefetch_related("history"):
        moments = [event.at for event in assessment.history.all()]
        assert moments == sorted(moments), assessment
        assert moments[-1] <= now
        assert assessment.created_at == moments[0]
        assert [e.from_status for e in assessment.history.all()][1:] == [e.to_status for e in assessment.history.all()][
            :-1
        ]


# What the walkthrough needs


def test_the_manager_is_free_to_start_gold_or_silver(seeded):
    bavarian = organisation_of("manager@example.org")
    framework = Framework.objects.current()

    assert not bavarian.assessments.filter(status__in=AssessmentStatus.open()).exists()
    assert application_refusal(bavarian, "gold", renewal=False, framework=framework) is None
    assert application_refusal(bavarian, "silver", renewal=False, framework=framework) is None
    bronze = last_completed_bronze(bavarian)
    assert bronze.interview_date == add_months(timezone.localdate(), -20)


def test_the_viewer_sees_the_managers_bronze(seeded):
    viewer = user("viewer@example.org")

    assert list(Assessment.objects.visible_to(viewer).values_list("level", "status")) == [("bronze", "approved")]


def test_the_second_managers_gold_waits_for_the_demo_assessors(seeded):
    catalan = organisation_of("manager2@example.org")
    gold = catalan.assessments.get()
    assessors = [user("assessor@example.org"), user("assessor2@example.org")]

    assert (gold.level, gold.status) == ("gold", AssessmentStatus.SUBMITTED)
    assert gold.provisional_score >= 80
    assert [assessor_conflict(a, catalan) for a in assessors] == [None, None]

    transitions.assessment_assign(assessment=gold, assessors=assessors, by=user("staff@example.org"))

    assert Assessment.objects.get(pk=gold.pk).status == AssessmentStatus.IN_REVIEW


def test_the_demo_assessors_are_national_for_their_countries_and_the_gold_pair_mixes_them(seeded):
    catalan = organisation_of("manager2@example.org")
    gold = catalan.assessments.get()
    candidates = list(User.objects.filter(is_assessor=True).select_related("assessor_profile"))
    assert all(person.assessor_profile.countries for person in candidates)
    conflicts = {p.pk: reason for p in candidates if (reason := assessor_conflict(p, catalan))}

    rule = national_rule(gold, candidates, conflicts)

    assert rule.applies and rule.possible
    assert user("assessor2@example.org") in rule.nationals  # national for Spain
    assert user("assessor@example.org") in rule.foreigners
    assert user("sofia.ferreira@example.org") not in rule.nationals  # national, but in conflict
    assert is_national(user("sofia.ferreira@example.org"), catalan)


def test_an_expert_declared_a_conflict_with_the_second_managers_organisation(seeded):
    catalan = organisation_of("manager2@example.org")
    gold = catalan.assessments.get()
    conflicted = user("sofia.ferreira@example.org")

    assert assessor_conflict(conflicted, catalan) == (
        "Sofia Ferreira has declared a conflict of interest with Catalan Food Cluster."
    )
    with pytest.raises(ValidationError, match="has declared a conflict of interest"):
        transitions.assessment_assign(
            assessment=gold, assessors=[user("assessor@example.org"), conflicted], by=user("staff@example.org")
        )


def test_the_demo_assessor_has_one_assessment_in_review(seeded):
    assessor = user("assessor@example.org")

    visible = Assessment.objects.visible_to(assessor)

    assert list(visible.values_list("status", "level")) == [("in_review", "bronze")]
    assessment = visible.get()
    assert permissions.can_review(assessor, assessment)
    assert assessment.interview_date is None  # recording it is part of the walkthrough
    assert not Assessment.objects.visible_to(user("assessor2@example.org")).exists()


def test_the_board_has_one_recommendation_with_a_disagreement(seeded):
    board = user("board@example.org")

    recommended = Assessment.objects.visible_to(board).get(status=AssessmentStatus.RECOMMENDED)

    assert (recommended.level, recommended.recommendations_disagree) == ("gold", True)
    assert sorted(recommended.assignments.values_list("recommended_level", flat=True)) == ["bronze", "gold"]
    assert permissions.can_decide(board, recommended)
    decided = transitions.assessment_decide(
        assessment=recommended, approve=True, reason="Both views weighed.", by=board, level="gold"
    )
    assert decided.awarded_level == "gold"


def test_the_demo_staff_and_board_see_the_queues(seeded):
    staff, board = user("staff@example.org"), user("board@example.org")

    assert Assessment.objects.visible_to(staff).count() == Assessment.objects.count()
    assert Assessment.objects.visible_to(board).filter(status=AssessmentStatus.SUBMITTED).exists()
    assert not Assessment.objects.visible_to(board).filter(status=AssessmentStatus.DRAFT).exists()


def test_the_extra_assessors_cannot_sign_in(seeded):
    experts = User.objects.filter(is_assessor=True).exclude(email__in=["assessor@example.org", "assessor2@example.org"])

    assert experts.exists()
    assert not any(expert.has_usable_password() for expert in experts)


# Idempotent


def test_a_second_run_creates_nothing_new(seeded):
    def counts():
        return {
            model.__name__: model.objects.count()
            for model in (Assessment, AssessmentEvent, Answer, Review, Job, User, Membership, Organisation, Framework)
        }

    before = counts()

    output = StringIO()
    call_command("seed_demo", orgs=60, seed=1, no_logins=True, stdout=output)

    assert counts() == before
    assert "0 organisations created (60 existed), 0 users created" in output.getvalue()
    assert "labels.demo" in output.getvalue()


# The value generator


@pytest.mark.parametrize("band", ["green", "yellow", "red"])
def test_values_fall_in_the_band_asked_for(seeded, band):
    import random

    rng = random.Random(3)
    for indicator in Framework.objects.current().indicators.all():
        for _ in range(20):
            value = value_in_band(rng, indicator, band)
            possible = not (
                (indicator.kind == "boolean" and band == "yellow") or (band == "red" and indicator.yellow == 0)
            )
            if possible:
                assert rate(indicator, value) == band, (indicator.code, value)
