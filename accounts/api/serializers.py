"""API shapes of tokens, organisations, memberships and invitations."""

from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.choices import MembershipRole, ServiceCategory
from accounts.forms import PROFILE_FIELDS
from accounts.models import ApiToken, Invitation, Membership, Organisation
from accounts.permissions import membership_role
from accounts.slugs import slug_is_taken


class TokenObtainSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(trim_whitespace=False, max_length=1024, style={"input_type": "password"})
    otp = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=12,
        help_text=_("The current code of your authenticator app; required once two-factor authentication is on."),
    )
    name = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text=_("A name to recognise the token by in your list, e.g. the program that uses it."),
    )


class ApiTokenSerializer(serializers.ModelSerializer):
    """One of your tokens as listed; the key itself is never stored, only its first characters."""

    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created_at", "last_used_at", "expires_at"]
        read_only_fields = fields


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text=_("Send it as `Authorization: Token <token>`; shown only this once."))
    id = serializers.UUIDField(help_text=_("Use it to revoke the token."))
    name = serializers.CharField()
    expires_at = serializers.DateTimeField()


class OrganisationSerializer(CountryFieldMixin, serializers.ModelSerializer):
    """An organisation's full profile as its members and staff see it."""

    services = serializers.ListField(
        child=serializers.ChoiceField(choices=ServiceCategory.choices), required=False, allow_empty=True
    )
    participants_total = serializers.IntegerField(read_only=True)
    your_role = serializers.SerializerMethodField(help_text=_("Your role in the organisation; null for staff."))

    class Meta:
        model = Organisation
        fields = ["public_id", "slug", *PROFILE_FIELDS, "participants_total", "your_role", "created_at", "updated_at"]
        read_only_fields = ["public_id", "slug", "created_at", "updated_at"]

    # A plain schema, not a ChoiceField: a second enum of the same roles would get a second name.
    @extend_schema_field({"type": "string", "nullable": True, "enum": [*MembershipRole.values, None]})
    def get_your_role(self, organisation) -> str | None:
        request = self.context.get("request")
        return membership_role(request.user, organisation) if request else None

    def validate_services(self, value):
        # Keep the catalogue order and drop repeats, as the form's checkboxes do.
        return [choice for choice, _label in ServiceCategory.choices if choice in value]


class OrganisationCreateSerializer(OrganisationSerializer):
    """Creating an organisation; its short name in addresses is chosen once, or derived from the name."""

    slug = serializers.SlugField(
        max_length=80,
        required=False,
        allow_blank=True,
        help_text=_("Lower-case letters, digits and hyphens; derived from the name when left out."),
    )

    class Meta(OrganisationSerializer.Meta):
        read_only_fields = ["public_id", "created_at", "updated_at"]

    def validate_slug(self, value):
        value = value.lower()
        if value and slug_is_taken(value):
            raise serializers.ValidationError(_("This short name is already taken. Please choose another."))
        return value


class MemberUserSerializer(serializers.Serializer):
    email = serializers.EmailField(read_only=True)
    name = serializers.CharField(source="get_full_name", read_only=True)


class MembershipSerializer(serializers.ModelSerializer):
    user = MemberUserSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user", "role", "joined_at"]
        read_only_fields = ["id", "user", "joined_at"]


class MembershipRoleSerializer(serializers.Serializer):
    # PATCH changes only the role, and the role must be given (see clusterexcellence.api_schema).
    partial_on_patch = False

    role = serializers.ChoiceField(choices=MembershipRole.choices)


class InvitationCreateSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    role = serializers.ChoiceField(choices=MembershipRole.choices, default=MembershipRole.VIEWER)


class InvitationSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Invitation
        fields = ["email", "role", "organisation", "created_at", "expires_at"]
        read_only_fields = fields
