"""The API reads request bodies as JSON only (multipart only where a view uploads a file)."""

import json
from decimal import Decimal

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser with two guards: numbers with a fraction or an exponent become Decimal, so
    1e-999999999 reaches validation as what it is instead of a float rounded to 0; and nesting too
    deep for the parser is a 400, not a RecursionError. (Django refuses a body larger than
    DATA_UPLOAD_MAX_MEMORY_SIZE before this runs; see clusterexcellence.api_errors.)"""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        try:
            text = stream.read().decode(encoding)
            return json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
        except RecursionError:
            raise ParseError(_("The JSON is nested too deeply.")) from None
        except ValueError as error:
            raise ParseError(_("The request body is not valid JSON: %(error)s") % {"error": error}) from None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON value")
