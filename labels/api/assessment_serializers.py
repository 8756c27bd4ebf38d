"""API shapes of assessments: what callers send for each step and what the detail shows.

Input serializers check the shape of a request (kinds, codes, e-mail addresses); the rules of
the scheme stay in the domain functions. `assessment_detail_load` gathers everything the detail
shows in a fixed number of queries, whatever the number of answers."""

from collections import defaultdict

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from accounts.models import Organisation, User

from .. import permissions
from ..answers import editable_codes
from ..assessment_scores import indicators_of
from ..choices import Level, Rating
from ..models import Assessment, AssessmentStatus, Evidence, Recommendation
from ..scoring import IndicatorResult, score
from ..transitions import open_clarification
from ..values import format_value

DECIDED = {AssessmentStatus.APPROVED, AssessmentStatus.REJECTED}


class AreaStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CLARIFICATION = "clarification", _("Needs clarification")


class ScoreBasis(models.TextChoices):
    PROVISIONAL = "provisional", _("Self-declared values")
    VERIFIED = "verified", _("Verified values")


def _number(**kwargs):
    return serializers.DecimalField(max_digits=15, decimal_places=3, coerce_to_string=False, **kwargs)


def _score(**kwargs):
    return serializers.DecimalField(max_digits=4, decimal_places=1, coerce_to_string=False, **kwargs)


def indicators_by_code(assessment: Assessment) -> dict:
    return {indicator.code: indicator for indicator in indicators_of(assessment)}


# Input -----------------------------------------------------------------------------------------


@extend_schema_field(
    {
        "oneOf": [{"type": "number"}, {"type": "string"}, {"type": "boolean"}],
        "nullable": True,
        "description": "A number (integer, decimal, percent 0–100, scale 0–4) or true/false for yes/no "
        "indicators; null or an empty string clears the answer.",
    }
)
class IndicatorValueField(serializers.Field):
    """The raw value as sent; the indicator's kind decides in labels.values.parse_value."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)

    def to_internal_value(self, data):
        return data

    def to_representation(self, value):
        return value


class _IndicatorLookupMixin:
    """Turns codes into the assessment's indicators (the assessment comes in the context)."""

    def indicator(self, code: str):
        found = indicators_by_code(self.context["assessment"]).get(code)
        if found is None:
            raise serializers.ValidationError(
                gettext("There is no indicator %(code)s in this assessment's catalogue.") % {"code": code}
            )
        return found


class AssessmentCreateSerializer(serializers.Serializer):
    organisation = serializers.SlugField(
        help_text=_("The short name (slug) of an organisation you belong to."), max_length=80
    )
    level = serializers.ChoiceField(choices=Level.choices)
    renewal = serializers.BooleanField(default=False, help_text=_("Renew a label of this level."))

    def validate_organisation(self, slug: str) -> Organisation:
        user = self.context["request"].user
        organisation = Organisation.objects.visible_to(user).filter(slug=slug).first()
        if organisation is None:
            raise serializers.ValidationError(gettext("You belong to no organisation with this short name."))
        return organisation


class AnswerWriteSerializer(serializers.Serializer):
    value = IndicatorValueField()
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=10000)


class ReviewWriteSerializer(serializers.Serializer):
    verified_value = IndicatorValueField()
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=10000)


class EvidenceUploadSerializer(_IndicatorLookupMixin, serializers.Serializer):
    indicator = serializers.CharField(max_length=16, help_text=_("The code of the indicator the document supports."))
    file = serializers.FileField(
        help_text=_("PDF, PNG, JPEG or an Office document; the type is checked from the content.")
    )

    def validate_indicator(self, code):
        return self.indicator(code)


class AssignSerializer(serializers.Serializer):
    assessors = serializers.ListField(
        child=serializers.EmailField(),
        min_length=1,
        help_text=_("E-mail addresses of the assessors; Gold needs two, Bronze and Silver one."),
    )

    def validate_assessors(self, emails: list[str]) -> list[User]:
        wanted = {email.strip().lower() for email in emails}
        matches = Q()
        for email in wanted:
            matches |= Q(email__iexact=email)
        users = {u.email.lower(): u for u in User.objects.filter(matches, is_active=True)}
        unknown = sorted(wanted - users.keys())
        if unknown:
            raise serializers.ValidationError(
                [gettext("No user has the e-mail address %(email)s.") % {"email": email} for email in unknown]
            )
        return list(users.values())


class ClarificationCreateSerializer(_IndicatorLookupMixin, serializers.Serializer):
    indicators = serializers.ListField(
        child=serializers.CharField(max_length=16),
        min_length=1,
        help_text=_("Codes of the indicators the organisation may change."),
    )
    message = serializers.CharField(max_length=10000)

    def validate_indicators(self, codes):
        return [self.indicator(code) for code in dict.fromkeys(codes)]


class ResubmitSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=10000)


class InterviewSerializer(serializers.Serializer):
    date = serializers.DateField(help_text=_("The day of the interview or visit; not in the future."))


class ImprovementAreaWriteSerializer(serializers.Serializer):
    indicator = serializers.CharField(max_length=16)
    description = serializers.CharField(max_length=10000)


class ImprovementAreasSerializer(_IndicatorLookupMixin, serializers.Serializer):
    areas = ImprovementAreaWriteSerializer(many=True, help_text=_("Replaces the improvement areas of the draft."))

    def validate_areas(self, areas):
        return [(self.indicator(area["indicator"]), area["description"]) for area in areas]


class ImprovementValidateSerializer(serializers.Serializer):
    validated = serializers.BooleanField()
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=10000)


class RecommendSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=Recommendation.choices)
    summary = serializers.CharField(max_length=10000)


class DecideSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    reason = serializers.CharField(max_length=10000)
    level = serializers.ChoiceField(
        choices=Level.choices,
        required=False,
        allow_null=True,
        help_text=_("The level to award when the assessors disagree; otherwise the recommended one."),
    )


# Output ----------------------------------------------------------------------------------------


class OrganisationRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class FrameworkRefSerializer(serializers.Serializer):
    code = serializers.SlugField(read_only=True)
    version = serializers.CharField(read_only=True)


class PersonSerializer(serializers.Serializer):
    name = serializers.CharField(source="__str__", read_only=True)
    email = serializers.EmailField(read_only=True)


class EvidenceSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    name = serializers.CharField(source="original_name", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = ["id", "indicator", "name", "content_type", "size", "uploaded_at", "download_url"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_download_url(self, evidence) -> str:
        return reverse(
            "labels:evidence_download", kwargs={"public_id": evidence.public_id}, request=self.context.get("request")
        )


class AnswerSerializer(serializers.Serializer):
    indicator = serializers.CharField(read_only=True)
    value = _number(read_only=True, allow_null=True)
    display = serializers.CharField(read_only=True, help_text=_("The value as shown to people."))
    comment = serializers.CharField(read_only=True)
    provisional_rating = serializers.ChoiceField(choices=Rating.choices, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)


class RatingSerializer(serializers.Serializer):
    value = _number(read_only=True, allow_null=True)
    display = serializers.CharField(read_only=True)
    rating = serializers.ChoiceField(choices=Rating.choices, read_only=True)
    points_possible = serializers.IntegerField(read_only=True)
    points_earned = serializers.IntegerField(read_only=True)
    explanation = serializers.CharField(read_only=True)


class VerifiedRatingSerializer(RatingSerializer):
    comment = serializers.CharField(read_only=True, help_text=_("The assessor's comment."))


class ReviewResultSerializer(VerifiedRatingSerializer):
    indicator = serializers.CharField(read_only=True)
    verified_score = _score(read_only=True)


class IndicatorRatingSerializer(serializers.Serializer):
    indicator = serializers.CharField(read_only=True)
    provisional = RatingSerializer(read_only=True, help_text=_("From the self-declared value."))
    verified = VerifiedRatingSerializer(
        read_only=True,
        allow_null=True,
        help_text=_("From the assessors' verified value; null until reviewed or when not yet visible to you."),
    )


class AreaProgressSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    answered = serializers.IntegerField(read_only=True)
    total = serializers.IntegerField(read_only=True)
    status = serializers.ChoiceField(choices=AreaStatus.choices, read_only=True)


class ProgressSerializer(serializers.Serializer):
    answered = serializers.IntegerField(read_only=True)
    total = serializers.IntegerField(read_only=True)
    areas = AreaProgressSerializer(many=True, read_only=True)


class ScoreSerializer(serializers.Serializer):
    points_possible = serializers.IntegerField(read_only=True, help_text=_("All Gold points of the catalogue."))
    provisional = _score(read_only=True, help_text=_("Gold score from the self-declared values, in %."))
    provisional_points = serializers.IntegerField(read_only=True)
    verified = _score(read_only=True, allow_null=True, help_text=_("Gold score from the verified values, in %."))
    verified_points = serializers.IntegerField(read_only=True, allow_null=True)


class EligibilitySerializer(serializers.Serializer):
    met = serializers.BooleanField(read_only=True)
    failing = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text=_("Eligibility indicators rated red.")
    )
    basis = serializers.ChoiceField(choices=ScoreBasis.choices, read_only=True)


class EventSerializer(serializers.Serializer):
    """One transition; `from` is null for the first."""

    def get_fields(self):
        # "from" is a Python keyword, so the fields are listed here rather than as attributes.
        return {
            "actor": serializers.EmailField(source="actor.email", read_only=True, allow_null=True),
            "at": serializers.DateTimeField(read_only=True),
            "from": serializers.ChoiceField(
                choices=AssessmentStatus.choices, source="from_status", read_only=True, allow_null=True
            ),
            "to": serializers.ChoiceField(choices=AssessmentStatus.choices, source="to_status", read_only=True),
            "note": serializers.CharField(read_only=True),
        }

    def to_representation(self, event):
        data = super().to_representation(event)
        data["from"] = data["from"] or None
        return data


class AssignmentSerializer(serializers.Serializer):
    assessor = PersonSerializer(read_only=True)
    assigned_at = serializers.DateTimeField(read_only=True)
    recommended_level = serializers.ChoiceField(
        choices=Recommendation.choices,
        read_only=True,
        allow_null=True,
        help_text=_("Null until given, and for the organisation until the decision."),
    )
    summary = serializers.CharField(read_only=True, allow_null=True)
    recommended_at = serializers.DateTimeField(read_only=True, allow_null=True)


class ClarificationSerializer(serializers.Serializer):
    indicators = serializers.ListField(child=serializers.CharField(), read_only=True)
    message = serializers.CharField(read_only=True)
    requested_at = serializers.DateTimeField(read_only=True)


class ImprovementAreaSerializer(serializers.Serializer):
    position = serializers.IntegerField(read_only=True, help_text=_("Use it in …/improvements/{position}/validate/."))
    indicator = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    validated = serializers.BooleanField(read_only=True, allow_null=True)
    assessor_comment = serializers.CharField(read_only=True)


class DecisionSerializer(serializers.Serializer):
    approved = serializers.BooleanField(read_only=True)
    awarded_level = serializers.ChoiceField(choices=Level.choices, read_only=True, allow_null=True)
    reason = serializers.CharField(read_only=True)
    decided_at = serializers.DateTimeField(read_only=True)


class AbilitiesSerializer(serializers.Serializer):
    """What the caller may do now as a person; the state may still refuse (409)."""

    edit_answers = serializers.BooleanField(read_only=True)
    submit = serializers.BooleanField(read_only=True)
    withdraw = serializers.BooleanField(read_only=True)
    assign = serializers.BooleanField(read_only=True)
    review = serializers.BooleanField(read_only=True)
    decide = serializers.BooleanField(read_only=True)


class AssessmentSummarySerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    url = serializers.SerializerMethodField()
    organisation = OrganisationRefSerializer(read_only=True)
    framework = FrameworkRefSerializer(read_only=True)
    status = serializers.ChoiceField(choices=AssessmentStatus.choices, read_only=True)
    level = serializers.ChoiceField(choices=Level.choices, read_only=True)

    class Meta:
        model = Assessment
        fields = ["id", "url", "organisation", "framework", "level", "renewal", "status", "created_at", "submitted_at"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, assessment) -> str:
        return reverse(
            "api-assessment-detail", kwargs={"public_id": assessment.public_id}, request=self.context.get("request")
        )


class AssessmentDetailSerializer(AssessmentSummarySerializer):
    """The whole assessment as the caller may see it; built by assessment_detail_load()."""

    interview_date = serializers.DateField(read_only=True, allow_null=True)
    can = AbilitiesSerializer(source="detail.can", read_only=True)
    editable_indicators = serializers.ListField(
        child=serializers.CharField(),
        source="detail.editable_indicators",
        read_only=True,
        allow_null=True,
        help_text=_("Codes the organisation may change now; null means every indicator."),
    )
    progress = ProgressSerializer(source="detail.progress", read_only=True)
    answers = AnswerSerializer(source="detail.answers", many=True, read_only=True)
    ratings = IndicatorRatingSerializer(source="detail.ratings", many=True, read_only=True)
    score = ScoreSerializer(source="detail.score", read_only=True)
    eligibility = EligibilitySerializer(source="detail.eligibility", read_only=True)
    history = EventSerializer(source="detail.history", many=True, read_only=True)
    assignments = AssignmentSerializer(source="detail.assignments", many=True, read_only=True)
    recommendations_disagree = serializers.BooleanField(
        source="detail.recommendations_disagree",
        read_only=True,
        allow_null=True,
        help_text=_("For Gold: the two assessors recommend different levels (null when not visible to you)."),
    )
    clarification = ClarificationSerializer(
        source="detail.clarification", read_only=True, allow_null=True, help_text=_("The open request, if any.")
    )
    improvement_areas = ImprovementAreaSerializer(source="detail.improvement_areas", many=True, read_only=True)
    decision = DecisionSerializer(source="detail.decision", read_only=True, allow_null=True)

    class Meta(AssessmentSummarySerializer.Meta):
        fields = [
            *AssessmentSummarySerializer.Meta.fields,
            "interview_date",
            "can",
            "editable_indicators",
            "progress",
            "answers",
            "ratings",
            "score",
            "eligibility",
            "history",
            "assignments",
            "recommendations_disagree",
            "clarification",
            "improvement_areas",
            "decision",
        ]
        read_only_fields = fields


# Loading the detail ------------------------------------------------------------------------------


def rating_data(indicator, result: IndicatorResult) -> dict:
    return {
        "value": result.value,
        "display": format_value(indicator, result.value),
        "rating": result.rating,
        "points_possible": result.points_possible,
        "points_earned": result.points_earned,
        "explanation": result.explanation,
    }


def answer_data(indicator, answer, evidence: list, rating: str) -> dict:
    value = answer.value if answer else None
    return {
        "indicator": indicator.code,
        "value": value,
        "display": format_value(indicator, value),
        "comment": answer.comment if answer else "",
        "provisional_rating": rating,
        "evidence": evidence,
    }


def reviews_visible(user, assessment: Assessment) -> bool:
    """Verified values, comments and recommendations: the assessors' side, or everyone once decided."""
    return assessment.status in DECIDED or permissions.can_see_review(user, assessment)


def _area_status(answered: int, total: int, clarified: bool) -> str:
    if clarified:
        return AreaStatus.CLARIFICATION
    if answered == 0:
        return AreaStatus.NOT_STARTED
    return AreaStatus.COMPLETED if answered == total else AreaStatus.IN_PROGRESS


def assessment_detail_load(assessment: Assessment, user) -> Assessment:
    """Attach `detail` (everything AssessmentDetailSerializer shows beyond the model's own fields).

    Expects organisation and framework selected and assignments with their assessors prefetched;
    the rest costs a fixed number of queries."""
    indicators = indicators_of(assessment)
    answers = {answer.indicator_id: answer for answer in assessment.answers.all()}
    evidence = defaultdict(list)
    for item in assessment.evidence.select_related("indicator"):
        evidence[item.indicator_id].append(item)
    show_review = reviews_visible(user, assessment)
    reviews = {review.indicator_id: review for review in assessment.reviews.all()} if show_review else {}

    # The pure scoring rules on the values already loaded, so the detail pays no extra queries.
    provisional = score(indicators, {i.code: answers[i.pk].value if i.pk in answers else None for i in indicators})
    verified = None
    if reviews:
        verified = score(
            indicators, {i.code: reviews[i.pk].verified_value if i.pk in reviews else None for i in indicators}
        )
    provisional_by_code = provisional.by_code()
    verified_by_code = verified.by_code() if verified else {}

    clarification = open_clarification(assessment) if assessment.status == AssessmentStatus.CLARIFICATION else None
    clarified = {i.code for i in clarification.indicators.all()} if clarification else set()
    editable = editable_codes(assessment)

    areas = {}
    for indicator in indicators:
        area = areas.setdefault(indicator.area_id, {"area": indicator.area, "answered": 0, "total": 0, "clarified": 0})
        area["total"] += 1
        area["answered"] += provisional_by_code[indicator.code].value is not None
        area["clarified"] += indicator.code in clarified

    ratings = []
    for indicator in indicators:
        verified_result = verified_by_code.get(indicator.code)
        review = reviews.get(indicator.pk)
        ratings.append(
            {
                "indicator": indicator.code,
                "provisional": rating_data(indicator, provisional_by_code[indicator.code]),
                "verified": (
                    {**rating_data(indicator, verified_result), "comment": review.comment if review else ""}
                    if verified_result
                    else None
                ),
            }
        )

    history = list(assessment.history.select_related("actor"))
    if not show_review:
        # The note of the move to the board lists each assessor's recommended level.
        for event in history:
            if event.to_status == AssessmentStatus.RECOMMENDED:
                event.note = ""

    improvement_areas = []
    if assessment.level == Level.SILVER:
        for position, area in enumerate(assessment.improvement_areas.select_related("indicator"), start=1):
            improvement_areas.append(
                {
                    "position": position,
                    "indicator": area.indicator.code,
                    "description": area.description,
                    "validated": area.validated if show_review else None,
                    "assessor_comment": area.assessor_comment if show_review else "",
                }
            )

    assessment.detail = {
        "can": {
            "edit_answers": permissions.can_edit_answers(user, assessment),
            "submit": permissions.can_submit(user, assessment),
            "withdraw": permissions.can_withdraw(user, assessment),
            "assign": permissions.can_assign(user),
            "review": permissions.can_review(user, assessment),
            "decide": permissions.can_decide(user, assessment),
        },
        "editable_indicators": None if editable is None else [i.code for i in indicators if i.code in editable],
        "progress": {
            "answered": provisional.answered,
            "total": provisional.total,
            "areas": [
                {
                    "code": a["area"].code,
                    "title": a["area"].title_i18n,
                    "answered": a["answered"],
                    "total": a["total"],
                    "status": _area_status(a["answered"], a["total"], a["clarified"] > 0),
                }
                for a in areas.values()
            ],
        },
        "answers": [
            answer_data(
                indicator,
                answers.get(indicator.pk),
                evidence.get(indicator.pk, []),
                provisional_by_code[indicator.code].rating,
            )
            for indicator in indicators
        ],
        "ratings": ratings,
        "score": {
            "points_possible": provisional.gold_points_possible,
            "provisional": provisional.gold_score,
            "provisional_points": provisional.gold_points_earned,
            "verified": verified.gold_score if verified else None,
            "verified_points": verified.gold_points_earned if verified else None,
        },
        "eligibility": {
            "met": (verified or provisional).eligibility_met,
            "failing": list((verified or provisional).failed_eligibility),
            "basis": ScoreBasis.VERIFIED if verified else ScoreBasis.PROVISIONAL,
        },
        "history": history,
        "assignments": [
            {
                "assessor": a.assessor,
                "assigned_at": a.assigned_at,
                "recommended_level": (a.recommended_level or None) if show_review else None,
                "summary": (a.recommendation_summary or None) if show_review else None,
                "recommended_at": a.recommended_at if show_review else None,
            }
            for a in assessment.assignments.all()
        ],
        "recommendations_disagree": assessment.recommendations_disagree if show_review else None,
        "clarification": (
            {
                "indicators": [i.code for i in indicators if i.code in clarified],
                "message": clarification.message,
                "requested_at": clarification.requested_at,
            }
            if clarification
            else None
        ),
        "improvement_areas": improvement_areas,
        "decision": (
            {
                "approved": assessment.status == AssessmentStatus.APPROVED,
                "awarded_level": assessment.awarded_level or None,
                "reason": assessment.decision_reason,
                "decided_at": assessment.decided_at,
            }
            if assessment.status in DECIDED
            else None
        ),
    }
    return assessment
