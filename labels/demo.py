"""Demonstration assessments in every state, made through the real domain functions.

`manage.py seed_demo` calls `seed()` (see accounts/demo.py). The demo logins find what the
walkthrough needs: manager@example.org's organisation has an approved Bronze benchmarking about
20 months old and no open application (so Gold and Silver can be started); manager2@example.org's
Gold self-assessment waits for the secretariat to assign assessor@ and assessor2@;
assessor@example.org has one Bronze in review, nothing verified yet; board@example.org has one
recommendation (a Gold on which the two assessors disagree: Gold or Bronze). Sofia Ferreira, one
of the certified experts, has declared a conflict of interest with Catalan Food Cluster, so the
secretariat's refusal can be seen when assigning its Gold. A few dozen generated organisations hold
the other states, with values drawn around the catalogue's thresholds; most of the rest get a
decided benchmarking written in bulk (labels/demo_decided.py), so that benchmarking has thousands
of peers. Every recommended and decided assessment is fully verified and meets the rules of each level
recommended or awarded, as the transitions demand.

Idempotent: an organisation that already has any assessment is left alone.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.choices import MembershipRole
from accounts.models import AssessorProfile, Membership, Organisation, User
from clusterexcellence.models import Job, JobStatus

from . import answers, label_records, reviews, transitions
from .catalogue_import import framework_import
from .choices import Direction, IndicatorKind, Level, Rating
from .demo_decided import decided_assessments_create
from .models import (
    Answer,
    AnswerRevision,
    Assessment,
    AssessmentEvent,
    AssessorAssignment,
    ClarificationRequest,
    Framework,
    Label,
    LabelEvent,
    Review,
)
from .scoring import add_months, rate, score
from .tasks import render_certificate, score_assessment

DEMO_CATALOGUE = Path(__file__).resolve().parent / "data" / "cme-demo-2026.yaml"

# Certified assessors who carry the bulk of the demo reviews, so that the demo assessors' own
# workspaces hold only what the walkthrough needs. They have no password: nobody signs in as them.
EXPERTS = [
    ("jana.dvorakova@example.org", "Jana", "Dvořáková", ["cs", "en", "de"], ["CZ", "SK"]),
    ("pieter.janssens@example.org", "Pieter", "Janssens", ["nl", "fr", "en"], ["BE", "NL"]),
    ("sofia.ferreira@example.org", "Sofia", "Ferreira", ["pt", "es", "en"], ["PT", "ES"]),
    ("henrik.lund@example.org", "Henrik", "Lund", ["sv", "da", "en"], ["SE", "DK", "NO"]),
    ("agnieszka.wrobel@example.org", "Agnieszka", "Wróbel", ["pl", "en"], ["PL"]),
    ("marco.conti@example.org", "Marco", "Conti", ["it", "en", "fr"], ["IT", "FR"]),
]
# (expert, index of the showcase organisation): declared conflicts of interest, so that assigning
# such an expert shows the refusal. Sofia Ferreira advised Catalan Food Cluster.
DECLARED_CONFLICTS = [("sofia.ferreira@example.org", 1)]

# What happens to the generated organisations, in this order (the first are the most useful when
# only a few organisations exist). (scenario, level); see _Seeder.<scenario>.
SCENARIOS = [
    ("in_review_demo_assessor", Level.BRONZE),
    ("recommended_split", Level.GOLD),
    ("approved", Level.GOLD),
    ("clarification", Level.GOLD),
    ("draft", Level.BRONZE),
    ("approved", Level.SILVER),
    ("rejected", Level.BRONZE),
    ("withdrawn", Level.GOLD),
    ("submitted", Level.BRONZE),
    ("approved", Level.BRONZE),
    ("in_review", Level.GOLD),
    ("draft", Level.GOLD),
    ("approved", Level.BRONZE),
    ("submitted", Level.GOLD),
    ("approved_after_clarification", Level.GOLD),
    ("in_review", Level.BRONZE),
    ("approved", Level.BRONZE),
    ("rejected", Level.GOLD),
    ("draft", Level.BRONZE),
    ("approved", Level.SILVER),
    ("clarification", Level.BRONZE),
    ("approved", Level.BRONZE),
    ("withdrawn_submitted", Level.BRONZE),
    ("approved", Level.GOLD),
    ("draft", Level.GOLD),
    ("in_review", Level.GOLD),
    ("approved", Level.BRONZE),
    ("submitted", Level.BRONZE),
    ("approved", Level.SILVER),
    ("rejected", Level.BRONZE),
    ("approved", Level.BRONZE),
    ("draft", Level.BRONZE),
    ("approved", Level.GOLD),
    ("in_review", Level.BRONZE),
    ("approved", Level.BRONZE),
    ("clarification", Level.GOLD),
    ("withdrawn", Level.BRONZE),
    ("approved", Level.SILVER),
    ("draft", Level.GOLD),
    ("submitted", Level.GOLD),
    ("approved", Level.BRONZE),
    ("rejected", Level.GOLD),
    ("approved", Level.GOLD),
    ("draft", Level.BRONZE),
    ("approved", Level.BRONZE),
    ("in_review", Level.BRONZE),
    # Awarded labels in every state (a valid one is any "approved" above): see _Seeder.label_*.
    ("label_renewed", Level.GOLD),
    ("label_expiring", Level.BRONZE),
    ("label_expired", Level.GOLD),
    ("label_suspended", Level.BRONZE),
    ("label_revoked", Level.GOLD),
]

# How likely each band is for an organisation of a given strength (green, yellow, red).
PROFILES = {
    "strong": (80, 17, 3),
    "good": (55, 35, 10),
    "mixed": (35, 40, 25),
    "weak": (15, 40, 45),
}
IMPROVEMENTS = [
    "Introduce a yearly satisfaction survey of the participants and act on its results.",
    "Agree a multi-year financing plan with the regional ministry and two industrial sponsors.",
    "Set up a structured service portfolio with prices, owners and annual targets.",
    "Run joint innovation projects with research partners from at least two other countries.",
    "Publish an annual report in English with the results of the cluster's projects.",
    "Train the management team in moderation and project management.",
]
CLARIFICATIONS = [
    "Please upload the signed cooperation agreements behind this figure.",
    "The value differs from last year's annual report. Which one is correct?",
    "Please explain how this figure was counted and for which period.",
]


@dataclass
class _People:
    staff: User
    board: User
    assessor: User
    assessor2: User
    experts: list[User]


def seed(rng: random.Random, organisations: list[Organisation], users: dict[str, User]) -> None:
    """Assessments in every state for the showcase organisations and a few dozen generated ones."""
    framework = Framework.objects.current() or framework_import(DEMO_CATALOGUE)
    base = rng.random()  # each organisation gets its own Random: adding organisations changes no other
    with transaction.atomic():
        connection = transaction.get_connection()
        scheduled = len(connection.run_on_commit)
        people = _people(users)
        _declare_conflicts(people.experts, organisations)
        seeder = _Seeder(framework, people)
        seeded = set(
            Assessment.objects.filter(organisation__in=organisations).values_list("organisation_id", flat=True)
        )
        plan = [("bronze_20_months_ago", Level.BRONZE), ("submitted_for_walkthrough", Level.GOLD)]
        plan += SCENARIOS
        for organisation, (scenario, level) in zip(organisations, plan, strict=False):
            if organisation.pk in seeded:
                continue
            seeder.rng = random.Random(f"{base}:{organisation.slug}")
            owner = _owner(organisation, users)
            getattr(seeder, scenario)(organisation, owner, level)
        # Every other organisation: a decided benchmarking for most, written in bulk (demo_decided.py).
        decided_assessments_create(
            organisations=organisations[len(plan) :],
            framework=framework,
            experts=seeder.people.experts,
            board=seeder.people.board,
            staff=seeder.people.staff,
            base=base,
        )
        # The transitions scheduled e-mails and score jobs for after the commit. The scores are
        # already stored (see _Seeder.score_now) and nobody should receive hundreds of demo e-mails:
        # drop what this hook scheduled, keeping anything scheduled before it.
        del connection.run_on_commit[scheduled:]
        # Certificates are rendered when first downloaded: no rendering job waits after seeding.
        Job.objects.filter(kind=render_certificate.name, status=JobStatus.PENDING).delete()


def _people(users: dict[str, User]) -> _People:
    experts = []
    password = make_password(None)  # unusable: these assessors never sign in
    for email, first_name, last_name, languages, countries in EXPERTS:
        expert, _created = User.objects.get_or_create(
            email=email,
            defaults={"first_name": first_name, "last_name": last_name, "is_assessor": True, "password": password},
        )
        AssessorProfile.objects.get_or_create(user=expert, defaults={"languages": languages, "countries": countries})
        experts.append(expert)
    return _People(
        staff=users["staff@example.org"],
        board=users["board@example.org"],
        assessor=users["assessor@example.org"],
        assessor2=users["assessor2@example.org"],
        experts=experts,
    )


def _declare_conflicts(experts: list[User], organisations: list[Organisation]) -> None:
    by_email = {expert.email: expert for expert in experts}
    for email, index in DECLARED_CONFLICTS:
        if index < len(organisations):
            by_email[email].declared_conflicts.add(organisations[index])


def _owner(organisation: Organisation, users: dict[str, User]) -> User:
    """The demo login that owns the organisation, or a manager (without password) made for it."""
    membership = (
        Membership.objects.active()
        .filter(organisation=organisation, role=MembershipRole.OWNER)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is not None:
        return users.get(membership.user.email, membership.user)
    first_name, _space, last_name = (organisation.contact_name or "Cluster Manager").partition(" ")
    owner, _created = User.objects.get_or_create(
        email=f"manager@{organisation.slug}.example.org",
        defaults={"first_name": first_name, "last_name": last_name, "password": make_password(None)},
    )
    Membership.objects.create(user=owner, organisation=organisation, role=MembershipRole.OWNER)
    return owner


def _round(indicator, number: float) -> Decimal:
    if indicator.kind in (IndicatorKind.INTEGER, IndicatorKind.SCALE):
        return Decimal(max(0, round(number)))
    return Decimal(str(max(0.0, round(number, 1))))


def value_in_band(rng: random.Random, indicator, band: str) -> Decimal:
    """A plausible value of the indicator's kind that is rated `band` (or the nearest band possible)."""
    if indicator.kind == IndicatorKind.BOOLEAN:
        return Decimal(0 if band == Rating.RED else 1)
    yellow, green = float(indicator.yellow), float(indicator.green)
    ceiling = {IndicatorKind.SCALE: 4.0, IndicatorKind.PERCENT: 100.0}.get(indicator.kind)
    if indicator.direction == Direction.LOWER:
        ranges = {"green": (green * 0.4, green), "yellow": (green, yellow), "red": (yellow, yellow * 1.8 + 1)}
    else:
        top = min(ceiling, green * 1.8 + 1) if ceiling else green * 1.8 + 1
        ranges = {"green": (green, top), "yellow": (yellow, green), "red": (0.0, yellow)}
    low, high = ranges[band]
    for _attempt in range(5):
        value = _round(indicator, rng.uniform(low, high))
        if rate(indicator, value) == band:
            return value
    # Narrow or empty bands (a scale step, a red below zero): the threshold itself, or its neighbour.
    fallback = {"green": indicator.green, "yellow": indicator.yellow}.get(band)
    if fallback is None:
        step = Decimal(1) if indicator.kind in (IndicatorKind.INTEGER, IndicatorKind.SCALE) else Decimal("0.1")
        fallback = indicator.yellow + step if indicator.direction == Direction.LOWER else indicator.yellow - step
        if fallback < 0:
            fallback = indicator.yellow  # nothing is below a yellow of 0: the best is yellow
    return fallback


def _draw_values(rng, indicators, profile: str) -> dict[str, Decimal]:
    weights = PROFILES[profile]
    return {
        i.code: value_in_band(rng, i, rng.choices(("green", "yellow", "red"), weights=weights)[0]) for i in indicators
    }


def _meets(target: str, result, min_score: Decimal) -> bool:
    if target == "gold":
        return result.eligibility_met and result.minimum_met and result.gold_score >= min_score
    if target == "silver":
        return result.eligibility_met and result.minimum_met
    if target == "bronze":
        return result.eligibility_met
    return True


def values_for(rng, indicators, *, target: str, profile: str, min_score=Decimal(80)) -> dict[str, Decimal]:
    """Values drawn for the profile, then raised indicator by indicator until they meet the target."""
    values = _draw_values(rng, indicators, profile)
    by_code = {i.code: i for i in indicators}
    for _step in range(len(indicators) * 2):
        result = score(indicators, values)
        if _meets(target, result, min_score):
            break
        required = [
            r
            for r in result.results
            if r.rating == Rating.RED and (r.is_eligibility or (target != "bronze" and r.is_minimum))
        ]
        if required:
            code = rng.choice(required).code
            values[code] = value_in_band(rng, by_code[code], "yellow")
        else:
            code = rng.choice([r.code for r in result.results if r.is_gold and r.rating != Rating.GREEN])
            values[code] = value_in_band(rng, by_code[code], "green")
    return values


class _Seeder:
    """One method per scenario; each ends with the assessment's history moved into the past."""

    def __init__(self, framework: Framework, people: _People):
        self.framework = framework
        self.people = people
        self.indicators = list(framework.indicators.select_related("area").order_by("area__position", "position"))
        self.rng = random.Random(0)
        self.today = timezone.localdate()

    # Steps, each through the domain functions

    def start(self, organisation, owner, level, renewal=False) -> Assessment:
        return transitions.assessment_start(organisation=organisation, level=level, renewal=renewal, by=owner)

    def answer(self, assessment, owner, values, codes=None) -> None:
        for indicator in self.indicators:
            if codes is None or indicator.code in codes:
                answers.answer_save(assessment=assessment, indicator=indicator, value=values[indicator.code], by=owner)

    def submit(self, assessment, owner) -> None:
        transitions.assessment_submit(assessment=assessment, by=owner)
        self.score_now(assessment)

    def score_now(self, assessment) -> None:
        """Run the waiting score job in-process, so the demo shows scores without a worker."""
        for job in Job.objects.filter(
            kind=score_assessment.name, object_id=str(assessment.pk), status=JobStatus.PENDING
        ).only("pk"):
            score_assessment(job.pk)

    def assessors_for(self, level) -> list[User]:
        count = int(self.framework.level_rules(level).get("assessors", 1))
        return self.rng.sample(self.people.experts, count)

    def assign(self, assessment, assessors) -> None:
        transitions.assessment_assign(assessment=assessment, assessors=assessors, by=self.people.staff)

    def correct(self, assessment, assessor, count: int) -> None:
        """The assessor corrects a few values within their rating, as on a real visit."""
        for indicator in self.rng.sample([i for i in self.indicators if i.kind != IndicatorKind.BOOLEAN], count):
            declared = assessment.answers.get(indicator=indicator).value
            verified = value_in_band(self.rng, indicator, rate(indicator, declared))
            reviews.review_save(
                assessment=assessment,
                indicator=indicator,
                verified_value=verified,
                comment="Corrected after the interview." if verified != declared else "Confirmed on site.",
                by=assessor,
            )

    def verify_rest(self, assessment, assessor) -> None:
        """The assessor confirms the declared values not yet verified (the review page does it area by area)."""
        reviews.review_confirm_declared(assessment=assessment, by=assessor)

    def review(self, assessment, assessors, interview: date, corrections=2) -> None:
        self.assign(assessment, assessors)
        transitions.interview_record(assessment=assessment, on=interview, by=assessors[0])
        self.correct(assessment, assessors[0], corrections)
        self.verify_rest(assessment, assessors[-1])
        for area in assessment.improvement_areas.all():
            reviews.improvement_validate(
                area=area, validated=True, comment="Documented and checked on site.", by=assessors[0]
            )

    def recommend(self, assessment, assessors, levels, summary) -> None:
        for assessor, level in zip(assessors, levels, strict=True):
            transitions.assessment_recommend(assessment=assessment, level=level, summary=summary, by=assessor)

    def decide(self, assessment, approve, reason, level=None) -> None:
        transitions.assessment_decide(
            assessment=assessment, approve=approve, reason=reason, by=self.people.board, level=level
        )

    def values(self, level, profile=None, *, meeting=True) -> dict[str, Decimal]:
        """Values of a plausible applicant; unless `meeting` is False they meet the level's rules."""
        profile = profile or self.rng.choice(["strong", "good", "mixed"])
        return values_for(self.rng, self.indicators, target=str(level) if meeting else "any", profile=profile)

    def days_ago(self, low: int, high: int) -> datetime:
        return timezone.now() - timedelta(days=self.rng.randint(low, high), minutes=self.rng.randint(0, 600))

    # The showcase organisations

    def bronze_20_months_ago(self, organisation, owner, level) -> None:
        """Approved Bronze benchmarking about 20 months ago: Silver is open now, and so is Gold."""
        interview = add_months(self.today, -20)
        self.completed(organisation, owner, Level.BRONZE, interview=interview, profile="good")

    def submitted_for_walkthrough(self, organisation, owner, level) -> None:
        """A strong Gold self-assessment waiting for the secretariat to assign two assessors."""
        assessment = self.start(organisation, owner, level)
        self.answer(assessment, owner, self.values(level, "strong"))
        self.submit(assessment, owner)
        self.backdate(assessment, start=self.days_ago(20, 30), end=self.days_ago(2, 3))

    # The generated organisations

    def draft(self, organisation, owner, level) -> None:
        assessment = self.start(organisation, owner, level)
        values = self.values(level)
        share = self.rng.uniform(0.25, 0.8)  # answered roughly in catalogue order, some areas left open
        codes = {i.code for i in self.indicators[: round(len(self.indicators) * share)]}
        codes |= {i.code for i in self.rng.sample(self.indicators, 3)}
        self.answer(assessment, owner, values, codes)
        self.backdate(assessment, start=self.days_ago(10, 60), end=self.days_ago(0, 9))

    def submitted(self, organisation, owner, level) -> None:
        assessment = self.start(organisation, owner, level)
        self.answer(assessment, owner, self.values(level))
        self.submit(assessment, owner)
        self.backdate(assessment, start=self.days_ago(20, 60), end=self.days_ago(1, 10))

    def withdrawn(self, organisation, owner, level) -> None:
        assessment = self.start(organisation, owner, level)
        values = self.values(level, "weak")
        self.answer(assessment, owner, values, {i.code for i in self.indicators[:12]})
        transitions.assessment_withdraw(assessment=assessment, by=owner)
        self.backdate(assessment, start=self.days_ago(120, 300), end=self.days_ago(30, 100))

    def withdrawn_submitted(self, organisation, owner, level) -> None:
        assessment = self.start(organisation, owner, level)
        self.answer(assessment, owner, self.values(level, "weak"))
        self.submit(assessment, owner)
        transitions.assessment_withdraw(assessment=assessment, by=owner)
        self.backdate(assessment, start=self.days_ago(150, 300), end=self.days_ago(40, 140))

    def in_review(self, organisation, owner, level, assessors=None, interview=True) -> Assessment:
        assessment = self.start(organisation, owner, level)
        self.answer(assessment, owner, self.values(level))
        self.submit(assessment, owner)
        assessors = assessors or self.assessors_for(level)
        self.assign(assessment, assessors)
        if interview:
            on = self.today - timedelta(days=self.rng.randint(2, 10))
            transitions.interview_record(assessment=assessment, on=on, by=assessors[0])
            self.correct(assessment, assessors[-1], 1)
        self.backdate(assessment, start=self.days_ago(40, 80), end=self.days_ago(12, 20))
        return assessment

    def in_review_demo_assessor(self, organisation, owner, level) -> None:
        """assessor@example.org's assignment: interview, review and recommendation are theirs to do."""
        self.in_review(organisation, owner, level, assessors=[self.people.assessor], interview=False)

    def clarification(self, organisation, owner, level) -> None:
        assessment = self.in_review(organisation, owner, level)
        assessor = assessment.assignments.select_related("assessor").first().assessor
        asked = self.rng.sample(self.indicators, self.rng.randint(1, 2))
        transitions.clarification_request(
            assessment=assessment, indicators=asked, message=self.rng.choice(CLARIFICATIONS), by=assessor
        )
        self.backdate(assessment, start=self.days_ago(40, 80), end=self.days_ago(1, 5))

    def recommended_split(self, organisation, owner, level) -> None:
        """A Gold near the threshold: one assessor recommends Gold, the other Bronze; the board decides.

        (Silver is not open to a Gold application: it builds on an earlier Bronze and validated
        improvement areas.)"""
        assessment = self.start(organisation, owner, level)
        values = values_for(self.rng, self.indicators, target="gold", profile="mixed", min_score=Decimal(80))
        self.answer(assessment, owner, values)
        self.submit(assessment, owner)
        assessors = self.assessors_for(level)
        interview = self.today - timedelta(days=self.rng.randint(8, 15))
        self.review(assessment, assessors, interview, corrections=2)
        transitions.assessment_recommend(
            assessment=assessment,
            level=Level.GOLD,
            summary="The score is above 80 % and every minimum requirement is met; the financing plan is "
            "credible. I recommend Gold.",
            by=assessors[0],
        )
        transitions.assessment_recommend(
            assessment=assessment,
            level=Level.BRONZE,
            summary="The score is only just above 80 % and two service indicators rest on one year of data. "
            "I recommend the Bronze benchmarking label until the results are confirmed.",
            by=assessors[1],
        )
        self.backdate(assessment, start=self.days_ago(60, 90), end=self.days_ago(1, 4), interview=interview)

    def approved(self, organisation, owner, level) -> None:
        if level == Level.SILVER:
            self.approved_silver(organisation, owner)
            return
        interview = self.today - timedelta(days=self.rng.randint(30, 600))
        profile = self.rng.choice(["strong", "strong", "good"]) if level == Level.GOLD else None
        self.completed(organisation, owner, level, interview=interview, profile=profile)

    def approved_after_clarification(self, organisation, owner, level) -> None:
        interview = self.today - timedelta(days=self.rng.randint(60, 400))
        self.completed(organisation, owner, level, interview=interview, profile="strong", clarify=True)

    def approved_silver(self, organisation, owner) -> None:
        """A Bronze benchmarking about 22 months ago, then Silver, awarded a few months ago."""
        bronze_interview = add_months(self.today, -self.rng.randint(21, 22)) - timedelta(days=self.rng.randint(0, 25))
        bronze = self.completed(organisation, owner, Level.BRONZE, interview=bronze_interview, profile="mixed")
        weakest = sorted(
            bronze.reviews.select_related("indicator"), key=lambda r: (r.rating != Rating.RED, r.rating != "yellow")
        )
        silver = self.start(organisation, owner, Level.SILVER)
        chosen = [review.indicator for review in weakest[:3]]
        answers.improvement_areas_set(
            assessment=silver, items=list(zip(chosen, self.rng.sample(IMPROVEMENTS, 3), strict=True)), by=owner
        )
        self.answer(silver, owner, self.values(Level.SILVER, "good"))
        self.submit(silver, owner)
        assessors = self.assessors_for(Level.SILVER)
        interview = self.today - timedelta(days=self.rng.randint(40, 90))
        self.review(silver, assessors, interview)
        self.recommend(
            silver,
            assessors,
            [Level.SILVER],
            "The three improvement areas are documented and were validated on site; every minimum requirement is met.",
        )
        self.decide(silver, True, "The improvement areas are convincing; Silver is awarded.")
        self.backdate(silver, start=self.at(interview, -90), end=self.at(interview, 14), interview=interview)

    # Awarded labels in every state

    def label_renewed(self, organisation, owner, level) -> None:
        """A label that expired last month, renewed inside the window: the new one continues it."""
        first = add_months(self.today.replace(day=1), -25)
        self.completed(organisation, owner, level, interview=first + timedelta(days=9), profile="strong")
        interview = self.today - timedelta(days=self.rng.randint(30, 45))
        self.completed(organisation, owner, level, interview=interview, profile="strong", renewal=True)

    def label_expiring(self, organisation, owner, level) -> None:
        """A label whose last day is at the end of next month (a reminder would be due)."""
        interview = add_months(self.today.replace(day=1), -22) + timedelta(days=self.rng.randint(2, 20))
        self.completed(organisation, owner, level, interview=interview, profile="good")

    def label_expired(self, organisation, owner, level) -> None:
        """A label that expired about five months ago and was not renewed."""
        interview = add_months(self.today.replace(day=1), -29) + timedelta(days=self.rng.randint(2, 20))
        self.completed(organisation, owner, level, interview=interview, profile="strong")

    def label_suspended(self, organisation, owner, level) -> None:
        assessment = self.approved_label(organisation, owner, level)
        label_records.label_suspend(
            label=assessment.label,
            reason="A complaint about the reported participant numbers is being examined.",
            by=self.people.board,
        )

    def label_revoked(self, organisation, owner, level) -> None:
        assessment = self.approved_label(organisation, owner, level)
        label_records.label_revoke(
            label=assessment.label,
            reason="The organisation no longer meets the eligibility criteria (fewer than 15 participants).",
            by=self.people.board,
        )

    def approved_label(self, organisation, owner, level) -> Assessment:
        interview = self.today - timedelta(days=self.rng.randint(120, 300))
        return self.completed(organisation, owner, level, interview=interview, profile="strong")

    def rejected(self, organisation, owner, level) -> None:
        assessment = self.start(organisation, owner, level)
        values = self.values(level, "weak", meeting=False)
        eligibility = next((i for i in self.indicators if i.is_eligibility), None)
        if level == Level.BRONZE and eligibility is not None:  # not eligible, e.g. too few participants
            values[eligibility.code] = value_in_band(self.rng, eligibility, "red")
        self.answer(assessment, owner, values)
        self.submit(assessment, owner)
        assessors = self.assessors_for(level)
        interview = self.today - timedelta(days=self.rng.randint(60, 500))
        self.review(assessment, assessors, interview, corrections=1)
        self.recommend(
            assessment,
            assessors,
            ["none"] * len(assessors),
            "The requirements for the level are not met; see the red indicators.",
        )
        self.decide(assessment, False, "The board follows the assessors: the requirements are not met yet.")
        self.backdate(assessment, start=self.at(interview, -60), end=self.at(interview, 20), interview=interview)

    def completed(
        self, organisation, owner, level, *, interview: date, profile=None, clarify=False, renewal=False
    ) -> Assessment:
        """An assessment taken all the way to an approved label, with its interview on `interview`."""
        assessment = self.start(organisation, owner, level, renewal=renewal)
        values = self.values(level, profile)
        self.answer(assessment, owner, values)
        self.submit(assessment, owner)
        assessors = self.assessors_for(level)
        self.assign(assessment, assessors)
        if clarify:
            asked = self.rng.choice([i for i in self.indicators if i.kind != IndicatorKind.BOOLEAN])
            transitions.clarification_request(
                assessment=assessment, indicators=[asked], message=self.rng.choice(CLARIFICATIONS), by=assessors[0]
            )
            current = assessment.answers.get(indicator=asked).value
            answers.answer_save(
                assessment=assessment,
                indicator=asked,
                value=value_in_band(self.rng, asked, rate(asked, current)),
                comment="Corrected figure, see the uploaded annual report.",
                by=owner,
            )
            transitions.clarification_answer(assessment=assessment, by=owner, note="Figure corrected.")
            self.score_now(assessment)
        transitions.interview_record(assessment=assessment, on=interview, by=assessors[0])
        self.correct(assessment, assessors[-1], 1)
        self.verify_rest(assessment, assessors[0])
        self.recommend(
            assessment,
            assessors,
            [level] * len(assessors),
            "Every requirement of the level is met; the values were verified in the interview.",
        )
        self.decide(assessment, True, f"The board follows the recommendation: {level.label} is awarded.")
        self.backdate(assessment, start=self.at(interview, -75), end=self.at(interview, 12), interview=interview)
        return assessment

    # Moving the history into the past (demo data only: a real history is never rewritten)

    def at(self, day: date, days: int) -> datetime:
        moment = datetime.combine(day + timedelta(days=days), datetime.min.time())
        return timezone.make_aware(moment) + timedelta(hours=self.rng.randint(8, 17), minutes=self.rng.randint(0, 59))

    def backdate(self, assessment, *, start: datetime, end: datetime, interview: date | None = None) -> None:
        """Spread the history between start and end; with an interview, the steps up to the review
        fall before it and the recommendation and decision after it."""
        events = list(AssessmentEvent.objects.filter(assessment=assessment).order_by("pk"))
        if interview is None:
            before, after = events, []
            first_end = end
        else:
            after = [e for e in events if e.to_status in ("recommended", "approved", "rejected")]
            before = [e for e in events if e not in after]
            first_end = min(end, self.at(interview, -3))
        times = _spread(start, first_end, len(before))
        if after:
            times += _spread(max(first_end, self.at(interview, 1)), end, len(after))
        for event, moment in zip(events, times, strict=True):
            event.at = moment
        AssessmentEvent.objects.bulk_update(events, ["at"])
        when = {event.to_status: event.at for event in events}  # the last time each state was entered
        fields = {"created_at": times[0], "updated_at": end}
        if "submitted" in when:
            fields["submitted_at"] = when["submitted"]
        if "approved" in when or "rejected" in when:
            fields["decided_at"] = when.get("approved") or when.get("rejected")
        Assessment.objects.filter(pk=assessment.pk).update(**fields)
        if "approved" in when:  # the label was issued by the decision
            Label.objects.filter(assessment=assessment).update(issued_at=when["approved"])
            LabelEvent.objects.filter(label__assessment=assessment).update(at=when["approved"])
        Answer.objects.filter(assessment=assessment).update(updated_at=when.get("submitted", end))
        # Verified on the day of the interview (or the latest step, while none is recorded).
        verified_on = self.at(interview, 0) if interview else times[-1]
        Review.objects.filter(assessment=assessment, verified_at__isnull=False).update(
            verified_at=verified_on, updated_at=verified_on
        )
        Job.objects.filter(kind=score_assessment.name, object_id=str(assessment.pk)).update(
            created_at=when.get("submitted", times[0]),
            started_at=when.get("submitted", times[0]),
            finished_at=when.get("submitted", times[0]),
        )
        if "in_review" in when:
            first_review = next(e.at for e in events if e.to_status == "in_review")
            AssessorAssignment.objects.filter(assessment=assessment).update(assigned_at=first_review)
            if "recommended" in when:
                AssessorAssignment.objects.filter(assessment=assessment).exclude(recommended_level="").update(
                    recommended_at=when["recommended"]
                )
            else:
                AssessorAssignment.objects.filter(assessment=assessment).exclude(recommended_level="").update(
                    recommended_at=times[-1]
                )
        for request in ClarificationRequest.objects.filter(assessment=assessment):
            asked = next((e.at for e in events if e.to_status == "clarification"), times[-1])
            answered = next((e.at for e in events if e.from_status == "clarification"), None)
            ClarificationRequest.objects.filter(pk=request.pk).update(
                requested_at=asked, resolved_at=answered if request.resolved_at else None
            )
            if answered:
                AnswerRevision.objects.filter(answer__assessment=assessment).update(changed_at=answered)


def _spread(start: datetime, end: datetime, count: int) -> list[datetime]:
    """`count` moments from start to end, evenly spaced, in order even if end is not after start."""
    if count <= 1:
        return [start] * count
    step = max(end - start, timedelta(minutes=count)) / (count - 1)
    return [start + step * i for i in range(count)]
