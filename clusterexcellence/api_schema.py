"""The OpenAPI schema says every status the API can answer with, not only the happy path.

drf-spectacular documents what a view declares; the errors that DRF and the portal add on their
own (credentials, permissions, unknown ids and pages, bad bodies, throttling) are added here from
what each view is configured with, so the schema and the responses cannot drift apart."""

from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import AllowAny


class ErrorSerializer(serializers.Serializer):
    """An error that concerns the request as a whole."""

    detail = serializers.CharField()


_ERROR = ErrorSerializer
_ERRORS = {
    "400": OpenApiResponse(
        OpenApiTypes.OBJECT,
        description='Invalid input: messages by field name, or under "detail" (e.g. a body that is not JSON).',
    ),
    "401": OpenApiResponse(_ERROR, description="Missing or invalid credentials (see the WWW-Authenticate header)."),
    "403": OpenApiResponse(
        _ERROR, description="Not allowed for you, or your role must set up two-factor authentication first."
    ),
    "404": OpenApiResponse(_ERROR, description="No such object that you may see, or no such page of the list."),
    "415": OpenApiResponse(_ERROR, description="The body is not in a media type this operation reads."),
    "429": OpenApiResponse(_ERROR, description="Too many requests; the Retry-After header says when to try again."),
}


class AutoSchema(openapi.AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is not None:
            for code in self._error_codes(operation):
                if code not in operation["responses"]:
                    operation["responses"][code] = self._get_response_for_code(_ERRORS[code], code)
        return operation

    def get_operation_id(self) -> str:
        # A page from `api.paginate` is a list, though drf-spectacular sees one object.
        operation_id = super().get_operation_id()
        responses = self.get_response_serializers()
        main = responses[min(responses, key=str)] if isinstance(responses, dict) and responses else responses
        if self.method == "GET" and getattr(main, "is_page", False):
            return operation_id.removesuffix("_retrieve") + "_list"
        return operation_id

    def _error_codes(self, operation: dict) -> list[str]:
        view = self.view
        has_body = "requestBody" in operation
        has_path_parameters = any(p["in"] == "path" for p in operation.get("parameters", []))
        has_filters = any(p["in"] == "query" and p["name"] != "page" for p in operation.get("parameters", []))
        paginated = self._is_list_view() and self._get_paginator() is not None and self.method == "GET"
        codes = []
        if has_body or has_filters:
            codes.append("400")
        if view.get_authenticators():
            codes.append("401")  # bad credentials are refused even where no sign-in is needed
        if view.get_authenticators() or not all(isinstance(p, AllowAny) for p in view.get_permissions()):
            codes.append("403")
        if has_path_parameters or paginated:
            codes.append("404")
        if has_body:
            codes.append("415")
        if view.get_throttles():
            codes.append("429")
        return codes

    def _get_request_for_media_type(self, serializer, direction="request"):
        # DRF validates some PATCH bodies in full (a membership's role): such a serializer says so
        # with `partial_on_patch = False`, and its fields keep "required" in the schema.
        if self.method == "PATCH" and getattr(serializer, "partial_on_patch", True) is False:
            self.method = "PUT"
            try:
                return super()._get_request_for_media_type(serializer, direction)
            finally:
                self.method = "PATCH"
        return super()._get_request_for_media_type(serializer, direction)
