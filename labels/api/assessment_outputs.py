"""What the assessment API answers with: the summary, the detail and the results of single actions.

The detail's data is assembled by assessment_detail.assessment_detail_load(); these only shape it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from ..choices import Level, Rating
from ..models import Assessment, AssessmentStatus, Evidence, Recommendation


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


class LevelRefusalSerializer(serializers.Serializer):
    detail = serializers.CharField()
    unmet = serializers.ListField(
        child=serializers.CharField(), required=False, help_text=_("The level's rules that are not met.")
    )


class AreaVerificationSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    verified = serializers.IntegerField(read_only=True)
    total = serializers.IntegerField(read_only=True)


class VerificationSerializer(serializers.Serializer):
    """How many indicators an assessor has verified (confirmed or changed); a recommendation needs all."""

    verified = serializers.IntegerField(read_only=True)
    total = serializers.IntegerField(read_only=True)
    complete = serializers.BooleanField(read_only=True)
    unverified = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text=_("Codes still to verify, in catalogue order.")
    )
    areas = AreaVerificationSerializer(many=True, read_only=True)


class RequirementSerializer(serializers.Serializer):
    """Whether the assessment meets one level, as recommending and deciding check it."""

    level = serializers.ChoiceField(choices=Level.choices, read_only=True)
    met = serializers.BooleanField(read_only=True)
    unmet = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text=_("Every rule of the level that is not met, in words.")
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
        help_text=_(
            "Null until given; for the organisation until the decision; and for the other assessor of a "
            "Gold assessment until both have recommended, so that they judge independently."
        ),
    )
    summary = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text=_("Hidden (null) exactly when the recommended level is: the assessors judge independently."),
    )
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
    verification = VerificationSerializer(
        source="detail.verification",
        read_only=True,
        allow_null=True,
        help_text=_("The assessors' verification; null before the review, or when not visible to you."),
    )
    requirements = RequirementSerializer(
        source="detail.requirements",
        many=True,
        read_only=True,
        help_text=_(
            "Each level up to the one applied for: met or not and why, on the verified values when you may "
            "see them, else on the self-declared ones."
        ),
    )
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
    label = serializers.UUIDField(
        source="detail.label",
        read_only=True,
        allow_null=True,
        help_text=_("The public id of the label the approval issued (GET /api/labels/{id}/); null unless approved."),
    )

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
            "verification",
            "requirements",
            "history",
            "assignments",
            "recommendations_disagree",
            "clarification",
            "improvement_areas",
            "decision",
            "label",
        ]
        read_only_fields = fields


class SubmitResultSerializer(AssessmentDetailSerializer):
    """The submitted assessment, with what its own values leave unmet of the level applied for."""

    unmet = serializers.ListField(
        child=serializers.CharField(),
        source="detail.unmet",
        read_only=True,
        help_text=_(
            "Every requirement of the level applied for that the organisation's own values do not meet "
            "(empty when all are met); the assessors verify the values before anything is decided."
        ),
    )

    class Meta(AssessmentDetailSerializer.Meta):
        fields = [*AssessmentDetailSerializer.Meta.fields, "unmet"]
