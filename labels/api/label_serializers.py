"""What the label API says of a label: public facts, never scores; the certificate's URL only to the
organisation's members and staff."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import open_badges
from ..models import PUBLIC_REASON_MAX_LENGTH, Label, LabelState
from ..permissions import can_download_certificate


class AwardedLabelOrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    country = serializers.CharField(source="country.code")
    sector = serializers.CharField()
    website = serializers.CharField()


class AwardedLabelSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField(help_text="valid, suspended, revoked or expired (from the dates).")
    organisation = AwardedLabelOrganisationSerializer(read_only=True)
    verify_url = serializers.SerializerMethodField()
    assertion_url = serializers.SerializerMethodField(help_text="The label's Open Badges 2.0 assertion (JSON-LD).")
    public_reason = serializers.CharField(
        read_only=True, help_text="The board's public reason of a suspension or revocation."
    )

    class Meta:
        model = Label
        fields = [
            "public_id", "status", "level", "organisation", "valid_from", "valid_until", "certificate_number",
            "public_reason", "verify_url", "assertion_url",
        ]  # fmt: skip

    @extend_schema_field(serializers.ChoiceField(choices=LabelState.choices))
    def get_status(self, label: Label) -> str:
        return getattr(label, "current_state", None) or label.state.value

    @extend_schema_field(OpenApiTypes.URI)
    def get_verify_url(self, label: Label) -> str:
        return self.context["request"].build_absolute_uri(label.get_verification_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_assertion_url(self, label: Label) -> str:
        return open_badges.assertion_url(label)


class AwardedLabelDetailSerializer(AwardedLabelSerializer):
    certificate_url = serializers.SerializerMethodField(
        help_text="The certificate PDF; only for the organisation's members and staff, else null."
    )

    class Meta(AwardedLabelSerializer.Meta):
        fields = [*AwardedLabelSerializer.Meta.fields, "certificate_url"]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_certificate_url(self, label: Label) -> str | None:
        request = self.context["request"]
        if not can_download_certificate(request.user, label):
            return None
        return request.build_absolute_uri(reverse("labels:certificate_download", args=[label.public_id]))


class LabelReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=PUBLIC_REASON_MAX_LENGTH, help_text="Shown on the verification page.")
