"""API shapes of the collaboration platform. Public profiles come from profiles.PublicProfile, so
the API shows exactly what the public page shows."""

from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.choices import PARTICIPANT_TYPES, LegalForm, Sector, ServiceCategory

from ..choices import OPTIONAL_FIELDS, MeetingStatus, PostingKind, PostingStatus, SearchScope
from ..models import Event, Interest, Meeting, Participant, Posting, SavedSearch, TimeSlot
from ..models.matchmaking import TEXT_MAX
from ..models.postings import DESCRIPTION_MAX, MESSAGE_MAX, TITLE_MAX
from ..models.searches import NAME_MAX
from ..postings import TOPIC_LENGTH_MAX, TOPICS_MAX
from ..search import LEVELS, QUERY_MAX

_LEVEL_CHOICES = list(LEVELS)


def _country_codes(codes: list[str]) -> list[str]:
    codes = [code.upper() for code in codes]
    unknown = [code for code in codes if code not in countries]
    if unknown:
        raise serializers.ValidationError(_("Unknown country codes: %(codes)s.") % {"codes": ", ".join(unknown)})
    return codes


class LabelSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=_LEVEL_CHOICES)
    valid_from = serializers.DateField()
    valid_until = serializers.DateField()
    verify_url = serializers.CharField(
        allow_null=True, help_text=_("The label's public verification page, once labels have one.")
    )


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()


class ParticipantCountsSerializer(serializers.Serializer):
    sme = serializers.IntegerField()
    large = serializers.IntegerField()
    research = serializers.IntegerField()
    university = serializers.IntegerField()
    public = serializers.IntegerField()
    financial = serializers.IntegerField()


class PublicProfileSerializer(serializers.Serializer):
    """An organisation's public profile: a part its owners made private is null."""

    slug = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code"))
    sector = serializers.ChoiceField(choices=Sector.choices)
    label = LabelSerializer(allow_null=True)
    legal_form = serializers.ChoiceField(choices=LegalForm.choices, allow_null=True)
    region = serializers.CharField(allow_null=True)
    technologies = serializers.CharField(allow_null=True)
    year_founded = serializers.IntegerField(allow_null=True)
    staff_fte = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    participants = ParticipantCountsSerializer(allow_null=True)
    participants_total = serializers.IntegerField(allow_null=True)
    website = serializers.CharField(allow_null=True)
    description = serializers.CharField(allow_null=True)
    services = serializers.ListField(child=serializers.ChoiceField(choices=ServiceCategory.choices), allow_null=True)
    contact = ContactSerializer(allow_null=True)

    def to_representation(self, instance):
        return super().to_representation(instance.as_dict())


class VisibilitySerializer(serializers.Serializer):
    """Which optional parts of the profile are public; parts left out keep their choice."""

    def get_fields(self):
        return {
            field.key: serializers.BooleanField(required=False, help_text=str(field.label)) for field in OPTIONAL_FIELDS
        }


class RegionCountSerializer(serializers.Serializer):
    region = serializers.CharField()
    organisations = serializers.IntegerField()


class CountryCountSerializer(serializers.Serializer):
    country = serializers.CharField(source="code")
    name = serializers.CharField()
    organisations = serializers.IntegerField()
    regions = serializers.SerializerMethodField(help_text=_("The largest regions, counting only public regions."))

    @extend_schema_field(RegionCountSerializer(many=True))
    def get_regions(self, count):
        return [{"region": region, "organisations": n} for region, n in count.regions]


class OrganisationLinkSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PostingSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    organisation = OrganisationLinkSerializer(read_only=True)
    status = serializers.ChoiceField(choices=PostingStatus.choices, read_only=True)
    sectors = serializers.ListField(child=serializers.ChoiceField(choices=Sector.choices), read_only=True)
    countries = serializers.ListField(child=serializers.CharField(), read_only=True)
    topics = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Posting
        fields = [
            "id", "organisation", "kind", "title", "description", "topics", "sectors", "countries", "deadline",
            "status", "created_at", "updated_at", "closed_at",
        ]  # fmt: skip
        read_only_fields = fields


class PostingWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PostingKind.choices)
    title = serializers.CharField(max_length=TITLE_MAX)
    description = serializers.CharField(max_length=DESCRIPTION_MAX)
    topics = serializers.ListField(
        child=serializers.CharField(max_length=TOPIC_LENGTH_MAX), max_length=TOPICS_MAX, required=False, default=list
    )
    sectors = serializers.ListField(child=serializers.ChoiceField(choices=Sector.choices), min_length=1)
    countries = serializers.ListField(
        child=serializers.CharField(max_length=2), required=False, default=list, help_text=_("ISO 3166-1 alpha-2 codes")
    )

    def validate_countries(self, value):
        return _country_codes(value)

    deadline = serializers.DateField()


class PostingCreateSerializer(PostingWriteSerializer):
    organisation = serializers.SlugField(help_text=_("Slug of the organisation you post for (owner or editor)."))


class InterestSerializer(serializers.ModelSerializer):
    organisation = OrganisationLinkSerializer(read_only=True)
    posting = serializers.UUIDField(source="posting.public_id", read_only=True)
    by = serializers.SerializerMethodField()

    class Meta:
        model = Interest
        fields = ["id", "posting", "organisation", "by", "message", "created_at", "seen_at"]
        read_only_fields = fields

    def get_by(self, interest) -> str:
        return str(interest.created_by) if interest.created_by else ""


class InterestCreateSerializer(serializers.Serializer):
    organisation = serializers.SlugField(help_text=_("Slug of your organisation (owner or editor)."))
    message = serializers.CharField(max_length=MESSAGE_MAX)


class FollowSerializer(serializers.Serializer):
    posting = PostingSerializer()
    created_at = serializers.DateTimeField()


class SearchFiltersSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=QUERY_MAX, required=False, allow_blank=True)
    country = serializers.ListField(
        child=serializers.CharField(max_length=2), required=False, help_text=_("ISO 3166-1 alpha-2 codes")
    )
    sector = serializers.ListField(child=serializers.ChoiceField(choices=Sector.choices), required=False)
    participant_type = serializers.ListField(child=serializers.ChoiceField(choices=PARTICIPANT_TYPES), required=False)
    level = serializers.ListField(child=serializers.ChoiceField(choices=_LEVEL_CHOICES), required=False)
    kind = serializers.ListField(child=serializers.ChoiceField(choices=PostingKind.choices), required=False)
    scope = serializers.ChoiceField(choices=SearchScope.choices, required=False)

    def validate_country(self, value):
        return _country_codes(value)


class SavedSearchSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    filters = SearchFiltersSerializer(source="query")

    class Meta:
        model = SavedSearch
        fields = ["id", "name", "filters", "notify", "created_at", "last_checked_at"]
        read_only_fields = ["id", "created_at", "last_checked_at"]
        extra_kwargs = {"name": {"max_length": NAME_MAX}}


class FacetCountsSerializer(serializers.Serializer):
    country = serializers.DictField(child=serializers.IntegerField())
    sector = serializers.DictField(child=serializers.IntegerField())


class PartnerSearchSerializer(serializers.Serializer):
    organisations = PublicProfileSerializer(many=True)
    organisation_count = serializers.IntegerField(allow_null=True)
    postings = PostingSerializer(many=True)
    posting_count = serializers.IntegerField(allow_null=True)
    organisation_facets = serializers.DictField(child=serializers.DictField(child=serializers.IntegerField()))
    posting_facets = serializers.DictField(child=serializers.DictField(child=serializers.IntegerField()))


class TimeSlotSerializer(serializers.ModelSerializer):
    class Meta:
        model = TimeSlot
        fields = ["id", "starts_at", "ends_at"]


class MatchmakingEventSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    slots = TimeSlotSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = ["id", "title", "description", "location", "slots", "created_at"]
        read_only_fields = fields


class SlotPeriodSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class MatchmakingEventCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    location = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    slots = SlotPeriodSerializer(many=True, help_text=_("The time slots; they must not overlap."))


class ParticipantSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    organisation = OrganisationLinkSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Participant
        fields = ["id", "name", "organisation", "offers", "looking_for"]
        read_only_fields = fields

    def get_name(self, participant) -> str:
        return str(participant.user)


class ParticipationSerializer(serializers.Serializer):
    organisation = serializers.SlugField(required=False, allow_null=True, default=None)
    offers = serializers.CharField(max_length=TEXT_MAX, required=False, allow_blank=True, default="")
    looking_for = serializers.CharField(max_length=TEXT_MAX, required=False, allow_blank=True, default="")


class MeetingSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    event = serializers.UUIDField(source="event.public_id", read_only=True)
    slot = TimeSlotSerializer(read_only=True)
    requester = ParticipantSerializer(read_only=True)
    recipient = ParticipantSerializer(read_only=True)
    status = serializers.ChoiceField(choices=MeetingStatus.choices, read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "event", "slot", "requester", "recipient", "message", "status", "created_at", "decided_at"]
        read_only_fields = fields


class MeetingCreateSerializer(serializers.Serializer):
    event = serializers.UUIDField()
    recipient = serializers.IntegerField(help_text=_("The participant id of the person you want to meet."))
    slot = serializers.IntegerField(help_text=_("The id of one of the event's time slots."))
    message = serializers.CharField(max_length=TEXT_MAX, required=False, allow_blank=True, default="")
