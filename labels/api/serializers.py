"""Read-only representations of the indicator catalogue; texts in the request's language."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from labels.models import Area, Framework, Indicator


def _threshold():
    return serializers.DecimalField(max_digits=12, decimal_places=3, coerce_to_string=False, read_only=True)


class IndicatorSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="title_i18n", read_only=True)
    question = serializers.CharField(source="question_i18n", read_only=True)
    unit = serializers.CharField(source="unit_i18n", read_only=True)
    evidence = serializers.CharField(source="evidence_i18n", read_only=True)
    levels = serializers.ListField(
        child=serializers.CharField(),
        source="levels_i18n",
        read_only=True,
        help_text="Descriptors of scale steps 0 to 4; empty for other kinds.",
    )
    yellow = _threshold()
    green = _threshold()
    minimum = serializers.BooleanField(source="is_minimum", read_only=True)
    eligibility = serializers.BooleanField(source="is_eligibility", read_only=True)
    gold = serializers.BooleanField(source="is_gold", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "title",
            "question",
            "kind",
            "unit",
            "direction",
            "yellow",
            "green",
            "levels",
            "minimum",
            "eligibility",
            "gold",
            "points",
            "evidence",
        ]
        read_only_fields = fields


class AreaSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="title_i18n", read_only=True)
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Area
        fields = ["code", "title", "indicators"]
        read_only_fields = fields


class BronzeRulesSerializer(serializers.Serializer):
    validity_months = serializers.IntegerField(read_only=True)
    assessors = serializers.IntegerField(read_only=True)


class SilverRulesSerializer(BronzeRulesSerializer):
    improvement_areas = serializers.IntegerField(read_only=True)
    previous_bronze_months = serializers.ListField(
        child=serializers.IntegerField(),
        min_length=2,
        max_length=2,
        read_only=True,
        help_text="[min, max] months between the earlier Bronze benchmarking and this one.",
    )


class GoldRulesSerializer(BronzeRulesSerializer):
    min_score_percent = serializers.FloatField(read_only=True, help_text="Share of all Gold points rated green.")


class LabelRulesSerializer(serializers.Serializer):
    """The `labels:` block of the catalogue: what each level requires."""

    bronze = BronzeRulesSerializer(read_only=True)
    silver = SilverRulesSerializer(read_only=True)
    gold = GoldRulesSerializer(read_only=True)
    renewal_window_months = serializers.IntegerField(read_only=True)


class FrameworkSummarySerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="title_i18n", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Framework
        fields = ["code", "version", "title", "status", "published_at", "url"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, framework) -> str:
        return reverse(
            "api-framework-detail",
            kwargs={"code": framework.code, "version": framework.version},
            request=self.context.get("request"),
        )


class FrameworkSerializer(FrameworkSummarySerializer):
    rules = LabelRulesSerializer(read_only=True)
    areas = AreaSerializer(many=True, read_only=True)

    class Meta(FrameworkSummarySerializer.Meta):
        fields = [*FrameworkSummarySerializer.Meta.fields, "rules", "areas"]
        read_only_fields = fields
