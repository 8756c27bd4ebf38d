"""Public Open Badges documents (JSON-LD) and badge images; no sign-in, anyone may verify a label.

Every document answers as application/ld+json, or as application/json to a client that asks only
for that. They may be fetched from any origin (verifiers run in browsers too)."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from .. import badge_images, open_badges
from ..choices import Level
from ..models import Label

JSON_LD = "application/ld+json"
JSON = "application/json"


def _content_type(request) -> str:
    accept = request.headers.get("Accept", "")
    return JSON if JSON in accept and JSON_LD not in accept else JSON_LD


def _public(response: HttpResponse) -> HttpResponse:
    """Readable from any origin; revalidated on every use, so a revocation shows at once."""
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, no_cache=True)
    return response


def _document(request, data: dict, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, indent=2)
    response = HttpResponse(body, status=status, content_type=f"{_content_type(request)}; charset=utf-8")
    patch_vary_headers(response, ["Accept"])  # the content type follows the Accept header
    return _public(response)


def _level(level: str) -> str:
    if level not in Level.values:
        raise Http404
    return level


def _label(public_id) -> Label:
    return get_object_or_404(Label.objects.select_related("organisation"), public_id=public_id)


@require_safe
def issuer(request):
    """The issuer Profile."""
    return _document(request, open_badges.issuer_profile())


@require_safe
def badge_class(request, level):
    """The BadgeClass of a level."""
    return _document(request, open_badges.badge_class(_level(level)))


@require_safe
def badge_image(request, level):
    """The SVG image of a level's badge."""
    return _public(HttpResponse(badge_images.level_svg(_level(level)), content_type="image/svg+xml"))


@require_safe
def assertion(request, public_id):
    """A label's hosted Assertion; 410 Gone with the reason once revoked (or while suspended)."""
    label = _label(public_id)
    refusal = open_badges.assertion_refusal(label)
    if refusal is not None:
        return _document(request, refusal, status=410)
    return _document(request, open_badges.assertion(label))


@require_safe
def credential(request, public_id):
    """A label as an unsigned Open Badges 3.0 OpenBadgeCredential; 410 Gone like the assertion."""
    label = _label(public_id)
    refusal = open_badges.assertion_refusal(label)
    if refusal is not None:
        return _document(request, {**refusal, "id": open_badges.credential_url(label)}, status=410)
    return _document(request, open_badges.credential(label))


@require_safe
def badge_embed(request, public_id):
    """A label's badge for the organisation's website (level, organisation, status, last day)."""
    label = _label(public_id)
    return _public(HttpResponse(badge_images.embed_svg(label), content_type="image/svg+xml"))
