"""The club API's representations; no serializer has an e-mail field."""

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.choices import Sector

from ..choices import LANGUAGES, BioFormat, EventKind, MembershipStatus, RegistrationStatus, Visibility
from ..models import ClubMembership, Event, Message, Profile
from ..models.membership import DECISION_MESSAGE_MAX
from ..models.messages import BODY_MAX, REPORT_MAX, SUBJECT_MAX
from ..models.profiles import BIO_MAX, EXPERTISE_TAG_MAX, EXPERTISE_TAGS_MAX, HEADLINE_MAX, NAME_MAX
from ..text import bio_html


class ClubMembershipSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=MembershipStatus.choices, read_only=True)

    class Meta:
        model = ClubMembership
        fields = [
            "status",
            "name",
            "organisation",
            "role",
            "motivation",
            "applied_at",
            "decided_at",
            "decision_message",
        ]
        read_only_fields = ["status", "applied_at", "decided_at", "decision_message"]


class ApplicationSerializer(serializers.ModelSerializer):
    """An application as the secretariat sees it."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    status = serializers.ChoiceField(choices=MembershipStatus.choices, read_only=True)

    class Meta:
        model = ClubMembership
        fields = ["id", "status", "name", "organisation", "role", "motivation", "applied_at"]
        read_only_fields = fields


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["approve", "decline"])
    message = serializers.CharField(max_length=DECISION_MESSAGE_MAX, required=False, allow_blank=True, default="")


class _LanguagesField(serializers.MultipleChoiceField):
    """A list of language codes in the API, "de,en" in the database."""

    def to_representation(self, value):
        return [code for code in (value or "").split(",") if code]

    def to_internal_value(self, data):
        codes = super().to_internal_value(data)
        return ",".join(code for code, _label in LANGUAGES if code in codes)


class ClubProfileSerializer(serializers.ModelSerializer):
    """A member's profile as others see it."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    country = CountryField(required=False, allow_blank=True)
    languages = _LanguagesField(choices=LANGUAGES, required=False)
    expertise = serializers.ListField(
        child=serializers.CharField(max_length=EXPERTISE_TAG_MAX), max_length=EXPERTISE_TAGS_MAX, required=False
    )
    bio_html = serializers.SerializerMethodField(help_text="The bio rendered and sanitised.")
    photo_url = serializers.SerializerMethodField(help_text="Empty when there is no photo.")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Profile
        fields = [
            "id",
            "name",
            "headline",
            "organisation",
            "country",
            "sector",
            "years_in_cluster_management",
            "expertise",
            "languages",
            "bio",
            "bio_format",
            "bio_html",
            "photo_url",
            "url",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField())
    def get_bio_html(self, profile) -> str:
        return str(bio_html(profile.bio, profile.bio_format))

    def _absolute(self, path: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request and path else path

    def get_photo_url(self, profile) -> str:
        return self._absolute(profile.photo_url)

    def get_url(self, profile) -> str:
        return self._absolute(profile.get_absolute_url())


class OwnClubProfileSerializer(ClubProfileSerializer):
    """The member's own profile: the same, plus who sees it, and writable."""

    name = serializers.CharField(max_length=NAME_MAX)
    headline = serializers.CharField(max_length=HEADLINE_MAX, required=False, allow_blank=True)
    bio = serializers.CharField(max_length=BIO_MAX, required=False, allow_blank=True)
    bio_format = serializers.ChoiceField(choices=BioFormat.choices, required=False)
    sector = serializers.ChoiceField(choices=Sector.choices, required=False, allow_blank=True)
    visibility = serializers.ChoiceField(choices=Visibility.choices, required=False)

    class Meta(ClubProfileSerializer.Meta):
        fields = [*ClubProfileSerializer.Meta.fields, "visibility", "featured"]
        read_only_fields = ["id", "bio_html", "photo_url", "url"]


class PhotoSerializer(serializers.Serializer):
    photo = serializers.FileField()


def _name(user) -> str:
    try:
        return user.club_profile.name
    except ObjectDoesNotExist:
        return ""


class ClubPersonSerializer(serializers.Serializer):
    """Who sent or received a message: the profile's id and name, never the address."""

    id = serializers.SerializerMethodField()
    name = serializers.SerializerMethodField()

    def get_id(self, user) -> str | None:
        try:
            return str(user.club_profile.public_id)
        except ObjectDoesNotExist:
            return None

    def get_name(self, user) -> str:
        return _name(user)


class ClubMessageSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    sender = ClubPersonSerializer(read_only=True)
    recipient = ClubPersonSerializer(read_only=True)
    reply_to = serializers.UUIDField(source="reply_to.public_id", read_only=True, allow_null=True)

    class Meta:
        model = Message
        fields = ["id", "sender", "recipient", "subject", "body", "sent_at", "read_at", "reply_to"]
        read_only_fields = fields


class MessageCreateSerializer(serializers.Serializer):
    recipient = serializers.UUIDField(help_text="The id of the recipient's profile (from the directory).")
    subject = serializers.CharField(max_length=SUBJECT_MAX)
    body = serializers.CharField(max_length=BODY_MAX)


class ReplySerializer(serializers.Serializer):
    subject = serializers.CharField(max_length=SUBJECT_MAX)
    body = serializers.CharField(max_length=BODY_MAX)


class ReportSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=REPORT_MAX)


class ClubBlockSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    blocked = ClubPersonSerializer(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class ClubEventSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    kind = serializers.ChoiceField(choices=EventKind.choices, read_only=True)
    places_taken = serializers.IntegerField(source="taken", read_only=True)
    waiting = serializers.IntegerField(read_only=True)
    registration_open = serializers.BooleanField(read_only=True)
    my_registration = serializers.SerializerMethodField(help_text="Your status: registered, waiting or null.")
    online_link = serializers.SerializerMethodField(help_text="Only for members with a place.")
    ical_url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "kind",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "time_zone",
            "place",
            "online_link",
            "capacity",
            "places_taken",
            "waiting",
            "registration_deadline",
            "registration_open",
            "my_registration",
            "ical_url",
        ]
        read_only_fields = fields

    def _mine(self, event) -> str | None:
        return self.context.get("mine", {}).get(event.pk)

    @extend_schema_field(serializers.ChoiceField(choices=RegistrationStatus.choices, allow_null=True))
    def get_my_registration(self, event):
        return self._mine(event)

    def get_online_link(self, event) -> str:
        return event.online_link if self._mine(event) == RegistrationStatus.REGISTERED else ""

    def get_ical_url(self, event) -> str:
        return self.context["request"].build_absolute_uri(reverse("club:event_ics", args=[event.public_id]))


class ClubRegistrationSerializer(serializers.Serializer):
    event = serializers.UUIDField(source="event.public_id", read_only=True)
    title = serializers.CharField(source="event.title", read_only=True)
    starts_at = serializers.DateTimeField(source="event.starts_at", read_only=True)
    status = serializers.ChoiceField(choices=RegistrationStatus.choices, read_only=True)
    queued_at = serializers.DateTimeField(read_only=True)


class CalendarSerializer(serializers.Serializer):
    feed_url = serializers.URLField(read_only=True, help_text="Subscribe to it in a calendar app; keep it private.")
