"""What every app's API shares: the 409 error, the message shape, the domain-error translation
and the API root that lists the endpoints the apps register (`registry.register_api_root`)."""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse

from .errors import StateConflict
from .registry import api_root_entries


class Conflict(APIException):
    """The state of things, not the person, forbids the change (e.g. removing the last owner)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class MessageSerializer(serializers.Serializer):
    detail = serializers.CharField()


def paginate(request, items, serializer_class, **context) -> Response:
    """One page of `items` for a function view, shaped like the viewsets' pages; document it with `page_of`."""
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(items, request)
    data = serializer_class(page, many=True, context={"request": request, **context}).data
    return paginator.get_paginated_response(data)


@cache
def page_of(serializer_class) -> serializers.Serializer:
    """The schema of a `paginate` answer (drf-spectacular does not see pagination in function views)."""
    page = inline_serializer(
        name=serializer_class.__name__.removesuffix("Serializer") + "Page",
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer_class(many=True),
        },
    )
    page.is_page = True  # read by api_schema.AutoSchema to name the operation "…_list"
    return page


@contextmanager
def domain_errors(field: str | None = None) -> Iterator[None]:
    """Turn the domain's refusals into API errors: the state → 409, the person → 403, the input → 400.

    A ValidationError without field names is keyed to `field` when given, else to "detail"."""
    try:
        yield
    except StateConflict as error:
        raise Conflict({"detail": str(error), **error.details} if error.details else str(error)) from error
    except DjangoPermissionDenied as error:
        raise PermissionDenied(str(error) or None) from error
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(error.message_dict) from error
        raise ValidationError({field or "detail": error.messages}) from error


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([AllowAny])
def api_root(request):
    """The endpoints of the Cluster Excellence API; the full description is at /api/docs/."""
    return Response({entry.key: reverse(entry.url_name, request=request) for entry in api_root_entries()})
