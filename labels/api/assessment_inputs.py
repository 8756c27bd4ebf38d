"""What callers send to the assessment API, one serializer per action.

They check the shape of a request (kinds, codes, e-mail addresses); the rules of the scheme stay
in the domain functions."""

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Organisation, User

from ..assessment_scores import indicators_of
from ..choices import Level
from ..models import COMMENT_MAX_LENGTH, SUMMARY_MAX_LENGTH, Assessment, Recommendation


def indicators_by_code(assessment: Assessment) -> dict:
    return {indicator.code: indicator for indicator in indicators_of(assessment)}


def unknown_indicator_message(code: str) -> str:
    return gettext("There is no indicator %(code)s in this assessment's catalogue.") % {"code": code}


def _text(max_length: int = COMMENT_MAX_LENGTH, **kwargs):
    return serializers.CharField(max_length=max_length, **kwargs)


def _optional_text():
    return _text(required=False, allow_blank=True, default="")


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
            raise serializers.ValidationError(unknown_indicator_message(code))
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
    comment = _optional_text()


class ReviewWriteSerializer(serializers.Serializer):
    verified_value = IndicatorValueField()
    comment = _optional_text()


class EvidenceUploadSerializer(_IndicatorLookupMixin, serializers.Serializer):
    indicator = serializers.CharField(max_length=16, help_text=_("The code of the indicator the document supports."))
    file = serializers.FileField(
        help_text=_("PDF, PNG, JPEG or an Office document; the type is checked from the content.")
    )

    def validate_indicator(self, code):
        return self.indicator(code)


class AssignSerializer(serializers.Serializer):
    assessors = serializers.ListField(
        child=serializers.EmailField(max_length=254),
        min_length=1,
        max_length=10,
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
        max_length=100,
        help_text=_("Codes of the indicators the organisation may change."),
    )
    message = _text()

    def validate_indicators(self, codes):
        return [self.indicator(code) for code in dict.fromkeys(codes)]


class ResubmitSerializer(serializers.Serializer):
    note = _optional_text()


class InterviewSerializer(serializers.Serializer):
    date = serializers.DateField(help_text=_("The day of the interview or visit; not in the future."))


class ImprovementAreaWriteSerializer(serializers.Serializer):
    indicator = serializers.CharField(max_length=16)
    description = _text()


class ImprovementAreasSerializer(_IndicatorLookupMixin, serializers.Serializer):
    areas = ImprovementAreaWriteSerializer(
        many=True, max_length=10, help_text=_("Replaces the improvement areas of the draft.")
    )

    def validate_areas(self, areas):
        return [(self.indicator(area["indicator"]), area["description"]) for area in areas]


class ImprovementValidateSerializer(serializers.Serializer):
    validated = serializers.BooleanField()
    comment = _optional_text()


class RecommendSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=Recommendation.choices)
    summary = _text(SUMMARY_MAX_LENGTH)


class DecideSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    reason = _text(SUMMARY_MAX_LENGTH)
    level = serializers.ChoiceField(
        choices=Level.choices,
        required=False,
        allow_null=True,
        help_text=_("The level to award when the assessors disagree; otherwise the recommended one."),
    )
