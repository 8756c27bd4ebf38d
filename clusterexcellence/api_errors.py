"""Errors under /api/ are JSON, whichever layer produces them: DRF's views (the exception handler
below) and Django itself (unknown paths, server errors, refused requests: the middleware)."""

from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

API_PREFIX = "/api/"


def exception_handler(exc, context):
    """DRF's handler, plus Django's refusal of an oversized body and its ValidationError as 400s.

    Anything else unhandled returns None: Django answers 500 and the middleware makes it JSON."""
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        exc = exceptions.ParseError(_("The request body is larger than %(limit)s bytes.") % {"limit": limit})
    elif isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    return drf_exception_handler(exc, context)


def _message(status: int) -> str:
    if status == HTTPStatus.NOT_FOUND:
        return _("Not found. The API's endpoints are listed at /api/ and described at /api/docs/.")
    if status >= HTTPStatus.INTERNAL_SERVER_ERROR:
        return _("Server error. It has been logged; please try again later.")
    if status == HTTPStatus.FORBIDDEN:
        return _("You are not allowed to do this.")
    return _("Bad request.")


class ApiJsonErrorsMiddleware:
    """Turns Django's HTML error pages for /api/ paths into {"detail": …} JSON with the same status.

    Django renders 404 (no such URL), 500 (an exception no view handled), 400 and 403 itself, in
    debug mode as well; API clients must not receive an HTML page they cannot read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(API_PREFIX)
            and response.status_code >= HTTPStatus.BAD_REQUEST
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return JsonResponse({"detail": _message(response.status_code)}, status=response.status_code)
        return response
