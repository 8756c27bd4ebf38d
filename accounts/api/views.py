"""API views: a token for programs, organisations and their memberships. The same predicates
and services as the web pages decide; these only translate to HTTP."""

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import api_view, authentication_classes, permission_classes, throttle_classes
from rest_framework.exceptions import PermissionDenied, Throttled, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle

from accounts.api_tokens import api_token_create, api_token_revoke, api_tokens_of
from accounts.memberships import (
    MembershipError,
    SlugTaken,
    invitation_create,
    membership_change_role,
    membership_end,
    organisation_create,
)
from accounts.models import ApiToken, Membership, Organisation
from accounts.permissions import can_create_organisation, can_edit_organisation, can_manage_members
from accounts.two_factor import has_totp, must_set_up_totp, totp_code_is_valid
from clusterexcellence.api import Conflict, MessageSerializer, domain_errors
from clusterexcellence.page_cache import cached_data

from .serializers import (
    ApiTokenSerializer,
    InvitationCreateSerializer,
    InvitationSerializer,
    MembershipRoleSerializer,
    MembershipSerializer,
    OrganisationCreateSerializer,
    OrganisationSerializer,
    TokenObtainSerializer,
    TokenSerializer,
)


class TokenRateThrottle(SimpleRateThrottle):
    """Guesses at passwords and codes are limited per client address (rate: scope `token`).

    The address is the one allauth's rate limits use: X-Forwarded-For counts only as deep as
    TRUSTED_PROXY_COUNT, so a client cannot lift the limit by sending the header."""

    scope = "token"

    def get_cache_key(self, request, view):
        ident = get_account_adapter(request._request).get_client_ip(request._request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


# Token ---------------------------------------------------------------------------------------


@extend_schema(
    tags=["auth"],
    summary="Obtain an API token",
    description=(
        "Exchange e-mail address and password (plus `otp`, the current authenticator code, once two-factor "
        "authentication is on; staff, assessors and board members must have it on when the portal requires "
        "it) for a new token. Send it as `Authorization: Token <token>`. The key is shown only in this "
        "answer. A token expires after the configured number of days (30 by default) and stops working "
        "when the password or the second factor changes; list and revoke yours under `/api/auth/tokens/`. "
        "Failed attempts count towards the same lockout as the sign-in page."
    ),
    request=TokenObtainSerializer,
    responses={
        200: TokenSerializer,
        400: OpenApiResponse(OpenApiTypes.OBJECT, description="Wrong credentials, or a missing or wrong code."),
        403: OpenApiResponse(MessageSerializer, description="E-mail not confirmed, or two-factor set-up required."),
        429: OpenApiResponse(MessageSerializer, description="Too many attempts, or the account is locked for now."),
    },
    auth=[],
)
@never_cache  # the answer holds a secret; nobody signed in yet, so PrivateResponsesMiddleware does not see it
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([TokenRateThrottle])
def token_obtain(request):
    """Exchange e-mail address, password and (once two-factor is on) a TOTP code for an API token."""
    serializer = TokenObtainSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    # allauth's own check: the sign-in page's rate limits and lockout per address apply here too.
    adapter = get_account_adapter(request._request)
    try:
        user = adapter.authenticate(request._request, email=data["email"].strip().lower(), password=data["password"])
    except DjangoValidationError as error:
        raise Throttled(detail=_("Too many failed attempts. Please wait a few minutes and try again.")) from error
    if user is None or not user.is_active:
        raise ValidationError({"non_field_errors": [_("Unable to sign in with this e-mail address and password.")]})
    if not EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists():
        raise PermissionDenied(_("Please confirm your e-mail address first: follow the link in the e-mail we sent."))
    if must_set_up_totp(user):
        raise PermissionDenied(
            _("Your role requires two-factor authentication. Set it up on the portal first, then ask for a token.")
        )
    if has_totp(user):
        otp = data.get("otp", "")
        if not otp:
            raise ValidationError({"otp": [_("Enter the current code of your authenticator app.")]})
        # The same limit as allauth's second-factor step, under the same key.
        if not ratelimit.consume(request._request, action="login_failed", key=f"mfa-auth-user-{user.pk}"):
            raise Throttled(detail=_("Too many failed attempts. Please wait a few minutes and try again."))
        if not totp_code_is_valid(user, otp):
            raise ValidationError({"otp": [_("This code is not valid. Enter the current code of your app.")]})
    token, key = api_token_create(user=user, name=data.get("name", ""))
    payload = {"token": key, "id": token.public_id, "name": token.name, "expires_at": token.expires_at}
    return Response(TokenSerializer(payload).data)


@extend_schema_view(
    list=extend_schema(
        tags=["auth"],
        summary="Your API tokens that still work",
        description="Expired tokens and those issued before a password or two-factor change are left out.",
    ),
    destroy=extend_schema(
        tags=["auth"],
        summary="Revoke one of your API tokens",
        parameters=[OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The token's id.")],
        responses={204: None, 404: OpenApiResponse(MessageSerializer, description="No such token of yours.")},
    ),
)
class ApiTokenViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    serializer_class = ApiTokenSerializer
    queryset = ApiToken.objects.none()  # for the schema; the real scope is the caller's own tokens
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    pagination_class = None

    def get_queryset(self):
        return ApiToken.objects.filter(user=self.request.user)

    def list(self, request, *args, **kwargs):
        serializer = self.get_serializer(api_tokens_of(request.user), many=True)
        return Response(serializer.data)

    def perform_destroy(self, instance):
        api_token_revoke(token=instance, by=self.request.user)


# Organisations -------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Organisations you belong to (staff: all)"),
    create=extend_schema(
        summary="Create an organisation; you become its owner",
        request=OrganisationCreateSerializer,
        responses={201: OrganisationSerializer},
    ),
    retrieve=extend_schema(summary="An organisation's profile (members and staff)"),
    update=extend_schema(summary="Replace the profile (owners and editors)"),
    partial_update=extend_schema(summary="Change parts of the profile (owners and editors)"),
)
@method_decorator(cached_data, name="list")
@method_decorator(cached_data, name="retrieve")
class OrganisationViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    serializer_class = OrganisationSerializer
    queryset = Organisation.objects.none()  # for the schema; the real scope is visible_to(user)

    def get_queryset(self):
        return Organisation.objects.visible_to(self.request.user).order_by("name", "pk")

    def get_serializer_class(self):
        return OrganisationCreateSerializer if self.action == "create" else OrganisationSerializer

    def create(self, request, *args, **kwargs):
        if not can_create_organisation(request.user):
            raise PermissionDenied
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            organisation = organisation_create(by=request.user, **serializer.validated_data)
        except SlugTaken as error:
            raise ValidationError({"slug": [str(error)]}) from error
        output = OrganisationSerializer(organisation, context=self.get_serializer_context())
        return Response(output.data, status=status.HTTP_201_CREATED)

    def perform_update(self, serializer):
        if not can_edit_organisation(self.request.user, serializer.instance):
            raise PermissionDenied(_("Only owners and editors may change the profile."))
        serializer.save()


# Memberships ---------------------------------------------------------------------------------

_ORGANISATION_SLUG = OpenApiParameter("organisation_slug", str, OpenApiParameter.PATH, description="Organisation slug")
_MEMBERSHIP_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Membership id")
_LAST_OWNER = OpenApiResponse(MessageSerializer, description="The last owner cannot be demoted or leave.")


@extend_schema_view(
    list=extend_schema(summary="Current members of an organisation", parameters=[_ORGANISATION_SLUG]),
    retrieve=extend_schema(summary="One membership", parameters=[_ORGANISATION_SLUG, _MEMBERSHIP_ID]),
    create=extend_schema(
        summary="Invite someone by e-mail (owners)",
        parameters=[_ORGANISATION_SLUG],
        request=InvitationCreateSerializer,
        responses={201: InvitationSerializer},
    ),
    partial_update=extend_schema(
        summary="Change a member's role (owners)",
        parameters=[_ORGANISATION_SLUG, _MEMBERSHIP_ID],
        request=MembershipRoleSerializer,
        responses={200: MembershipSerializer, 409: _LAST_OWNER},
    ),
    destroy=extend_schema(
        summary="Remove a member (owners), or leave (yourself)",
        parameters=[_ORGANISATION_SLUG, _MEMBERSHIP_ID],
        responses={204: None, 409: _LAST_OWNER},
    ),
)
class MembershipViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = MembershipSerializer
    queryset = Membership.objects.none()  # for the schema; the real scope is the organisation's members
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    pagination_class = None

    def get_organisation(self) -> Organisation:
        if not hasattr(self, "_organisation"):
            self._organisation = get_object_or_404(
                Organisation.objects.visible_to(self.request.user), slug=self.kwargs["organisation_slug"]
            )
        return self._organisation

    def get_queryset(self):
        return (
            Membership.objects.active()
            .filter(organisation=self.get_organisation())
            .select_related("user")
            .order_by("joined_at", "pk")
        )

    def create(self, request, *args, **kwargs):
        organisation = self.get_organisation()
        if not can_manage_members(request.user, organisation):
            raise PermissionDenied(_("Only owners may invite members."))
        serializer = InvitationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with domain_errors():
            invitation = invitation_create(organisation=organisation, by=request.user, **serializer.validated_data)
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        membership = self.get_object()
        if not can_manage_members(request.user, membership.organisation):
            raise PermissionDenied(_("Only owners may change roles."))
        serializer = MembershipRoleSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            membership = membership_change_role(membership=membership, role=serializer.validated_data["role"])
        except MembershipError as error:
            raise Conflict(str(error)) from error
        return Response(MembershipSerializer(membership).data)

    def destroy(self, request, *args, **kwargs):
        membership = self.get_object()
        if membership.user_id != request.user.pk and not can_manage_members(request.user, membership.organisation):
            raise PermissionDenied(_("Only owners may remove other members."))
        try:
            membership_end(membership=membership)
        except MembershipError as error:
            raise Conflict(str(error)) from error
        return Response(status=status.HTTP_204_NO_CONTENT)
