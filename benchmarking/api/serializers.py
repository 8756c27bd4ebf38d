"""What the benchmarking API reads and writes. Output serializers document the figures' meaning,
so the OpenAPI schema carries the same definitions as the page."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..choices import Basis, NoteStatus
from ..models import BODY_MAX, REASON_MAX, TITLE_MAX

PERCENTILE_HELP = (
    "Percentile rank of the organisation's value among the n peer values: (peers below + half the peers "
    "equal) / n x 100, rounded half up to a whole number; for 'less is better' indicators peers above count, "
    "so higher is always better. Null when the figures are suppressed or the organisation has no value."
)
QUARTILE_HELP = (
    "By linear interpolation between closest ranks (PostgreSQL percentile_cont, NumPy's default method). "
    "Null when suppressed."
)


class IndicatorFiguresSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable indicator key: <framework code>:<indicator code>.")
    code = serializers.CharField()
    title = serializers.CharField()
    area = serializers.CharField(help_text="Code of the indicator's area.")
    value = serializers.FloatField(
        allow_null=True, help_text="The organisation's own value (verified, or declared when basis is 'draft')."
    )
    rating = serializers.CharField(allow_blank=True, help_text="green, yellow, red, or empty without a value.")
    n = serializers.IntegerField(allow_null=True, help_text="Peers with a value (the organisation never counts).")
    q1 = serializers.FloatField(allow_null=True, help_text="First quartile. " + QUARTILE_HELP)
    median = serializers.FloatField(allow_null=True, help_text="Median. " + QUARTILE_HELP)
    q3 = serializers.FloatField(allow_null=True, help_text="Third quartile. " + QUARTILE_HELP)
    percentile = serializers.IntegerField(allow_null=True, help_text=PERCENTILE_HELP)
    suppressed = serializers.CharField(
        allow_null=True, help_text="Why the figures are not shown (too few peers, or isolation by difference)."
    )


class PeerGroupSerializer(serializers.Serializer):
    criteria = serializers.DictField(
        child=serializers.CharField(), help_text="The chosen criteria and the organisation's own value for each."
    )
    description = serializers.CharField()
    n = serializers.IntegerField(allow_null=True, help_text="Peers in the group; null when the group is suppressed.")
    suppressed = serializers.CharField(allow_null=True, help_text="Why the group is not shown, or null.")
    threshold = serializers.IntegerField(help_text="PEER_GROUP_MIN_SIZE: the fewest peers a figure rests on.")


class AssessmentRefSerializer(serializers.Serializer):
    public_id = serializers.CharField()
    level = serializers.CharField()
    status = serializers.CharField()
    decided_on = serializers.DateField(allow_null=True)


class BenchmarkSerializer(serializers.Serializer):
    organisation = serializers.CharField(help_text="The organisation's slug.")
    basis = serializers.ChoiceField(
        choices=Basis.choices,
        help_text="'decided': verified values of the latest decided assessment; 'draft': declared values of the "
        "open application, provisional.",
    )
    provisional = serializers.BooleanField()
    assessment = AssessmentRefSerializer(allow_null=True)
    peer_group = PeerGroupSerializer()
    figures_as_of = serializers.DateTimeField(help_text="When the peers' figures were read from the database.")
    indicators = IndicatorFiguresSerializer(many=True)


class ReportSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    status = serializers.CharField(help_text="pending, running, done or failed.")
    progress = serializers.IntegerField()
    download = serializers.URLField(allow_null=True)


class ReportRequestSerializer(serializers.Serializer):
    sector = serializers.CharField(required=False, allow_blank=True)
    country = serializers.CharField(required=False, allow_blank=True)
    size = serializers.CharField(required=False, allow_blank=True)
    age = serializers.CharField(required=False, allow_blank=True)
    level = serializers.CharField(required=False, allow_blank=True)
    basis = serializers.ChoiceField(choices=Basis.choices, required=False, default=Basis.DECIDED)


class PracticeNoteSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    indicator = serializers.CharField(source="indicator_key")
    title = serializers.CharField()
    body = serializers.CharField(help_text="Plain text with **bold**, *italic* and - / 1. lists.")
    author = serializers.SerializerMethodField(help_text="The organisation's name if it chose to be named, else null.")
    status = serializers.ChoiceField(choices=NoteStatus.choices)
    created_at = serializers.DateTimeField()

    def get_author(self, note) -> str | None:
        return note.organisation.name if note.attributed else None


class PracticeNoteCreateSerializer(serializers.Serializer):
    organisation = serializers.SlugField(help_text="Slug of the author organisation.")
    indicator = serializers.CharField(max_length=100, help_text="Indicator key, e.g. cme-demo-2026:S1.")
    title = serializers.CharField(max_length=TITLE_MAX)
    body = serializers.CharField(max_length=BODY_MAX)
    attributed = serializers.BooleanField(default=False)


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=REASON_MAX, help_text=str(_("Why it is not published")))


class CountSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField(allow_null=True, help_text="Null: fewer than the threshold.")


class SchemeFiguresSerializer(serializers.Serializer):
    organisations = serializers.IntegerField()
    benchmarked = serializers.IntegerField()
    labels = serializers.IntegerField()
    labels_by_level = CountSerializer(many=True)
    labels_by_country = CountSerializer(many=True)
    threshold = serializers.IntegerField()


class DistributionSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    n = serializers.IntegerField()
    min = serializers.FloatField(allow_null=True)
    q1 = serializers.FloatField(allow_null=True)
    median = serializers.FloatField(allow_null=True)
    q3 = serializers.FloatField(allow_null=True)
    max = serializers.FloatField(allow_null=True)
    green = serializers.IntegerField()
    yellow = serializers.IntegerField()
    red = serializers.IntegerField()


class SchemeStatisticsSerializer(serializers.Serializer):
    indicators = DistributionSerializer(many=True)
    labels_by_level = CountSerializer(many=True)
    labels_by_country = CountSerializer(many=True)
    labels_by_sector = CountSerializer(many=True)
