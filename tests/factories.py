"""Factories for test data; personas in conftest.py are built from these.

Label assessments are built here in any state with bulk inserts (`assessment_in`), for every test
that is not about the transitions themselves; those tests and the journeys go through
`labels.transitions` (tests/labels/conftest.py)."""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import factory
import yaml
from django.utils import timezone
from django.utils.text import slugify

from accounts.choices import MembershipRole, Sector
from accounts.models import Membership, Organisation, User
from club.choices import EventKind, MembershipStatus, Visibility
from club.models import ClubMembership, Event, Profile
from club.profiles import search_text_of
from clusterexcellence.models import Job
from labels.assessment_scores import indicators_of
from labels.catalogue_import import framework_import
from labels.choices import Level
from labels.label_records import labels_issue_bulk
from labels.models import (
    Answer,
    Assessment,
    AssessmentEvent,
    AssessmentStatus,
    AssessorAssignment,
    Framework,
    Review,
)
from labels.scoring import score
from labels.tasks import score_assessment

Status = AssessmentStatus

PASSWORD = "cluster-test-password"
SHIPPED_CATALOGUE = Path(__file__).resolve().parent.parent / "labels" / "data" / "cme-demo-2026.yaml"
_SHIPPED = yaml.safe_load(SHIPPED_CATALOGUE.read_text(encoding="utf-8"))["framework"]


def shipped_catalogue_import() -> Framework:
    """Import the demonstration catalogue unless it is there (once per test process, see conftest.py)."""
    existing = Framework.objects.filter(code=_SHIPPED["code"], version=_SHIPPED["version"]).first()
    return existing or framework_import(SHIPPED_CATALOGUE)


def shipped_framework() -> Framework:
    """The demonstration catalogue, published, as every test finds it."""
    return Framework.objects.get(code=_SHIPPED["code"], version=_SHIPPED["version"])


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """Give the user a verified primary e-mail address, as allauth requires to sign in."""
        if create:
            from allauth.account.models import EmailAddress

            user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Cluster {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    country = "DE"
    region = "Bavaria"
    sector = Sector.ICT
    year_founded = 2010
    staff_fte = 3
    participants_sme = 40
    participants_large = 5
    participants_research = 5
    website = "https://cluster.example.test"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.OWNER


# Training ---------------------------------------------------------------------------------------


class TrainingFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Field"
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"field-{n}")
    title = factory.Sequence(lambda n: f"Field {n}")


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Module"

    slug = factory.Sequence(lambda n: f"module-{n}")
    field = factory.SubFactory(TrainingFieldFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module teaches."
    is_published = True


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Lesson"

    module = factory.SubFactory(ModuleFactory)
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = "Some **Markdown**."
    minutes = 15
    position = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Question"
        skip_postgeneration_save = True

    module = factory.SubFactory(ModuleFactory)
    text = factory.Sequence(lambda n: f"Question {n}?")
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def choices(question, create, extracted, **kwargs):
        """Three choices, the second one correct, each with its own feedback."""
        if create:
            from training.models import Choice

            Choice.objects.bulk_create(
                Choice(question=question, text=f"Answer {n}", is_correct=n == 1, feedback=f"Feedback {n}", position=n)
                for n in range(3)
            )


class CaseStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.CaseStudy"

    slug = factory.Sequence(lambda n: f"case-{n}")
    title = factory.Sequence(lambda n: f"Case {n}")
    cluster_name = "Example Cluster (fictional)"
    country = "AT"
    sector = Sector.FOOD
    summary = "A summary."
    context = "The context."
    challenge = "The challenge."
    actions = "What was done."
    results = "The results."
    lessons = "The lessons."
    discussion_questions = "First question?\nSecond question?"
    teaching_note = "Secret teaching note."
    is_published = True


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Programme"

    slug = factory.Sequence(lambda n: f"programme-{n}")
    title = factory.Sequence(lambda n: f"Programme {n}")
    provider = "Academy"
    country = "DE"
    language = "en"
    format = "online"
    duration = "3 days"
    level = "introductory"
    url = "https://training.example.test/"


class ClubMembershipFactory(factory.django.DjangoModelFactory):
    """An approved club member with a profile (visible to members unless `profile__visibility` says
    otherwise); `status=...` for applicants, declined and former members (they get no profile)."""

    class Meta:
        model = ClubMembership
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda m: m.user.get_full_name() or "Club Member")
    status = MembershipStatus.APPROVED
    motivation = "To meet other cluster managers."
    organisation = "Alpha Cluster"
    role = "Cluster manager"
    applied_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def profile(membership, create, extracted, **kwargs):
        if create and membership.status in (MembershipStatus.APPROVED, MembershipStatus.LEFT):
            ProfileFactory(user=membership.user, name=membership.name, **kwargs)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda p: p.user.get_full_name() or "Club Member")
    headline = "Cluster manager"
    organisation = "Alpha Cluster"
    country = "DE"
    sector = Sector.ICT
    languages = "de,en"
    expertise = factory.LazyFunction(lambda: ["matchmaking"])
    visibility = Visibility.MEMBERS
    search_text = factory.LazyAttribute(lambda p: search_text_of(p))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Club meeting {n}")
    kind = EventKind.MEETING
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=3))
    registration_deadline = factory.LazyAttribute(lambda e: e.starts_at - timedelta(days=1))
    time_zone = "Europe/Berlin"
    place = "Munich"
    capacity = 10


def organisations_bulk(count: int, **fields) -> list[Organisation]:
    """`count` organisations in one insert (for lists that must show their query count stays flat)."""
    return Organisation.objects.bulk_create(OrganisationFactory.build_batch(count, **fields))


# Label assessments, built with bulk inserts ------------------------------------------------------
#
# Each step leaves the rows its transition in labels/transitions.py leaves (status, dates, history,
# answers, the pending scoring job, assignments, reviews with ratings and the verified score), but
# in a few inserts instead of a few hundred queries, and without e-mails. The steps change the
# assessment they get and return it, so fixtures can chain them like the transitions.


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    organisation = factory.SubFactory(OrganisationFactory)
    framework = factory.LazyFunction(shipped_framework)
    level = Level.GOLD
    status = AssessmentStatus.DRAFT


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review


class AssessorAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessorAssignment


def green(indicator) -> Decimal:
    """A value that reaches the indicator's green threshold."""
    return indicator.green


def _move(assessment: Assessment, to: str, *, by, note: str = "") -> AssessmentEvent:
    event = AssessmentEvent(assessment=assessment, actor=by, from_status=assessment.status, to_status=to, note=note)
    assessment.status = to
    return event


def assessment_draft(*, organisation: Organisation, owner: User, level: str = Level.GOLD) -> Assessment:
    """A draft with nothing answered, as `assessment_start` leaves it."""
    assessment = AssessmentFactory(organisation=organisation, level=level, created_by=owner)
    AssessmentEvent.objects.create(assessment=assessment, actor=owner, from_status="", to_status=Status.DRAFT)
    return assessment


def answers_bulk(assessment: Assessment, *, by: User, value_for=green) -> dict[str, Decimal]:
    """Every indicator answered (green unless `value_for(indicator)` says otherwise), in one insert."""
    indicators = indicators_of(assessment)
    values = {indicator.code: value_for(indicator) for indicator in indicators}
    Answer.objects.bulk_create(
        AnswerFactory.build(assessment=assessment, indicator=i, value=values[i.code], updated_by=by) for i in indicators
    )
    return values


def assessment_submitted(assessment: Assessment, *, by: User, value_for=green) -> Assessment:
    """Answered and submitted; the provisional-scoring job waits (its task runs after a commit)."""
    answers_bulk(assessment, by=by, value_for=value_for)
    assessment.submitted_at = timezone.now()
    event = _move(assessment, Status.SUBMITTED, by=by)
    assessment.save()
    event.save()
    Job.objects.create(kind=score_assessment.name, target=assessment, created_by=by)
    return assessment


def assessment_in_review(assessment: Assessment, *, assessors: list[User], by: User) -> Assessment:
    """Assessors assigned; each review starts from the declared value, rated, with the verified score."""
    indicators = indicators_of(assessment)
    values = dict(assessment.answers.values_list("indicator__code", "value"))
    result = score(indicators, values)
    ratings = {r.code: r.rating for r in result.results}
    AssessorAssignment.objects.bulk_create(
        AssessorAssignmentFactory.build(assessment=assessment, assessor=person, assigned_by=by) for person in assessors
    )
    Review.objects.bulk_create(
        ReviewFactory.build(assessment=assessment, indicator=i, verified_value=values[i.code], rating=ratings[i.code])
        for i in indicators
        if i.code in values
    )
    assessment.verified_score = result.gold_score
    event = _move(assessment, Status.IN_REVIEW, by=by, note=", ".join(str(person) for person in assessors))
    assessment.save()
    event.save()
    return assessment


def assessment_recommended(assessment: Assessment, *, level: str | None = None, summary: str = "Strong.") -> Assessment:
    """Every value verified, interviewed yesterday; every assessor recommended `level` (the level
    applied for by default)."""
    assignments = list(assessment.assignments.select_related("assessor"))
    now = timezone.now()
    Review.objects.filter(assessment=assessment).update(verified_at=now, verified_by=assignments[0].assessor)
    for assignment in assignments:
        assignment.recommended_level = level or assessment.level
        assignment.recommendation_summary = summary
        assignment.recommended_at = now
    AssessorAssignment.objects.bulk_update(
        assignments, ["recommended_level", "recommendation_summary", "recommended_at"]
    )
    assessment.interview_date = timezone.localdate() - timedelta(days=1)
    views = "; ".join(f"{a.assessor}: {a.get_recommended_level_display()}" for a in assignments)
    event = _move(assessment, Status.RECOMMENDED, by=assignments[-1].assessor, note=views)
    assessment.save()
    event.save()
    return assessment


def assessment_decided(assessment: Assessment, *, by: User, approve: bool = True, reason: str = "Yes.") -> Assessment:
    """Approved with the recommended level, or rejected."""
    if approve:
        assessment.awarded_level = assessment.assignments.values_list("recommended_level", flat=True).first()
    assessment.decision_reason = reason
    assessment.decided_by = by
    assessment.decided_at = timezone.now()
    event = _move(assessment, Status.APPROVED if approve else Status.REJECTED, by=by, note=reason)
    assessment.save()
    event.save()
    if approve:
        labels_issue_bulk([assessment], by=by)  # the label the decision issues (no certificate yet)
    return assessment


def assessment_in(
    status: str,
    *,
    organisation: Organisation,
    owner: User,
    level: str = Level.GOLD,
    staff: User | None = None,
    assessors: list[User] | None = None,
    board: User | None = None,
    value_for=green,
) -> Assessment:
    """An assessment of `organisation` in `status` (draft, submitted, in_review, recommended,
    approved or rejected), built step by step as above."""
    steps = [Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.RECOMMENDED]
    reached = steps.index(status) if status in steps else len(steps)
    assessment = assessment_draft(organisation=organisation, owner=owner, level=level)
    if reached >= 1:
        assessment_submitted(assessment, by=owner, value_for=value_for)
    if reached >= 2:
        assessment_in_review(assessment, assessors=assessors, by=staff)
    if reached >= 3:
        assessment_recommended(assessment)
    if reached >= 4:
        assessment_decided(assessment, by=board, approve=status == Status.APPROVED)
    return assessment
