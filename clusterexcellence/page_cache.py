"""Whole responses, kept in Django's cache while what they show stays the same.

Two kinds: `public_page` for the few pages that show the same to every anonymous visitor and
depend on nothing but the catalogue version (the home page, the catalogue page and API), and
`cached_page` / `cached_data` for every other page and API read, per visitor, kept while the
tables they were made from are unchanged.

## Public pages

A page that shows the same thing to every anonymous visitor (the home page, the indicator
catalogue, the catalogue API) is rendered once per language and per version of its data and then
served from the cache (`default`: Redis with REDIS_URL, else each process's memory). The key holds
- the path (only requests without a query string are cached),
- the active language (LocaleMiddleware chose it from the language cookie, the session or
  Accept-Language; the response keeps its `Vary: Accept-Language, Cookie`),
- `version()`: what the page's data depends on, read from the database on every request (for
  the catalogue: the current framework's id and publication time; a published framework never
  changes, so a new publication is the only change), so a change made by another process is
  visible on the very next request,
- a token of this process, so that after a deployment no process serves another release's markup
  (with Redis each process keeps its own copies; they expire after TIMEOUT).

Only anonymous requests are served from the cache: never a signed-in user (the pages show the
person, and their responses carry `Cache-Control: private, no-store`) nor an API call with
credentials (a bad token must still be refused); neither are requests with messages waiting to be
shown, nor responses other than a 200. The CSRF token of HTML forms is the visitor's own: it is
stored as a placeholder and filled in with the visitor's token on every request (which also sets
the visitor's CSRF cookie).
"""

import functools
import hashlib
import re
import time
import uuid

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from rest_framework.response import Response

from . import data_versions

TIMEOUT = 3600
_PROCESS = uuid.uuid4().hex[:12]
_PLACEHOLDER = "__page_cache_csrf_token__"
# Every form's hidden field and the htmx headers on <body> (base.html); forms rendered apart may hold
# tokens masked apart, all of the same secret.
_CSRF_TOKENS = re.compile(r'(?:name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")([A-Za-z0-9]{32,64})"')
# DRF answers JSON unless the client asks for another format; a browser's Accept gets the browsable API.
_JSON_ACCEPTS = {"", "*/*", "application/json"}


def public_page(version=lambda: "", *, api: bool = False):
    """Decorate a view whose response depends only on the path, the language and `version()`."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cacheable(request, api=api):
                return view(request, *args, **kwargs)
            key = f"page:{_PROCESS}:{request.path}:{translation.get_language()}:{version()}"
            stored = public_copies.get(key) or cache.get(key)
            if stored is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                if hasattr(response, "render"):
                    response.render()
                stored = _store(request, response)
                cache.set(key, stored, TIMEOUT)
                _keep_copy(public_copies, key, stored, PUBLIC_COPIES)
                return response
            _keep_copy(public_copies, key, stored, PUBLIC_COPIES)
            return _served(request, stored)

        return wrapper

    return decorate


# This process's own copies of public pages, in front of the shared cache: a key names the page's
# version, so a copy is never stale, and a public page is served without a round trip to Redis.
public_copies: dict[str, tuple[str, dict]] = {}
PUBLIC_COPIES = 200


def _keep_copy(copies: dict, key: str, value, limit: int) -> None:
    if key not in copies and len(copies) >= limit:
        copies.clear()  # old versions and rarely asked paths go; the next requests refill it
    copies[key] = value


def _cacheable(request, *, api: bool) -> bool:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if api and ("HTTP_AUTHORIZATION" in request.META or request.META.get("HTTP_ACCEPT", "") not in _JSON_ACCEPTS):
        return False
    return not request.user.is_authenticated and (api or not len(get_messages(request)))


def _store(request, response) -> tuple[str, dict]:
    content = response.content.decode(response.charset)
    for token in set(_CSRF_TOKENS.findall(content)):
        content = content.replace(token, _PLACEHOLDER)
    return content, dict(response.headers)


def _served(request, stored) -> HttpResponse:
    content, headers = stored
    if _PLACEHOLDER in content:
        content = content.replace(_PLACEHOLDER, get_token(request))
    return HttpResponse(content, headers=headers)


# ## Pages and API reads per visitor
# A page or API answer is kept per user (or for every anonymous visitor), language and full address
# (query string included) together with the versions of the tables it was made from
# (data_versions): it is served again only while none of those tables has been written since, so a
# changed answer, a decision or an ended membership shows at the next request in every process,
# and a refusal is never skipped (what it was decided from is among those tables). Text that
# changes with the clock alone (deadlines, "today", a label's expiry) is at most PRIVATE_TIMEOUT
# seconds old. Needs a cache that every process shares (Redis) or a single process (the
# development server, the tests): the CACHE_PAGES setting. Not cached: other methods than GET,
# htmx fragments, requests with a message waiting, responses other than a 200 or that set cookies.
# The CSRF tokens are the visitor's own, filled in as for public pages.
PRIVATE_TIMEOUT = 60
_settings_epoch = 0  # tests change settings that pages show


def _settings_changed(**kwargs):
    global _settings_epoch
    _settings_epoch += 1


setting_changed.connect(_settings_changed)


def cached_page(view):
    """Decorate a page view whose response depends only on the user, the language, the full path,
    the database and the clock."""
    name = f"{view.__module__}.{view.__qualname__}"

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_per_visitor(request) or len(get_messages(request)):
            return view(request, *args, **kwargs)

        def make():
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response

        def keep(response):
            if response.status_code != 200 or response.streaming or response.cookies:
                return None
            return _store(request, response)

        return _through_cache(request, "page", name, make, keep, lambda stored: _served(request, stored))

    return wrapper


def cached_data(handler):
    """Decorate a DRF handler (a function view under @api_view, or a viewset's list or retrieve
    through method_decorator): its serialised data is kept, the renderer still runs per request."""
    # By name: method_decorator decorates a viewset's method anew for every request.
    name = f"{handler.__module__}.{handler.__qualname__}"

    @functools.wraps(handler)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_per_visitor(request):
            return handler(request, *args, **kwargs)

        def keep(response):
            if response.status_code != 200 or not isinstance(response, Response) or response.exception:
                return None
            return response.data, {header: value for header, value in response.items() if header != "Content-Type"}

        return _through_cache(
            request,
            "data",
            name,
            lambda: handler(request, *args, **kwargs),
            keep,
            lambda kept: Response(kept[0], headers=kept[1]),
        )

    return wrapper


def _cacheable_per_visitor(request) -> bool:
    return settings.CACHE_PAGES and request.method == "GET" and "HTTP_HX_REQUEST" not in request.META


def _through_cache(request, kind, name, make, keep, serve):
    path = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    key = f"{kind}:{_PROCESS}:{_settings_epoch}:{request.user.pk}:{translation.get_language()}:{path}"

    if not request.user.is_authenticated:
        return _anonymous(key, name, make, keep, serve)

    def made():
        data_versions.read(request.user)  # the navigation shows the user, loaded before
        return make()

    return data_versions.remember(key, name, made, keep=keep, serve=serve, timeout=PRIVATE_TIMEOUT)


# Pages for anonymous visitors (the register, a verification, the public directory) are also kept in
# this process's memory and served from there for ANONYMOUS_RECHECK_SECONDS before asking Redis
# again, unless this process wrote meanwhile: a change made here shows at the next request, one
# made by another process within those seconds (as the catalogue's version).
ANONYMOUS_RECHECK_SECONDS = 2
ANONYMOUS_COPIES = 500
anonymous_copies: dict[str, tuple[float, int, object]] = {}


def _anonymous(key, name, make, keep, serve):
    copy = anonymous_copies.get(key)
    if copy and copy[1] == data_versions.local_writes and time.monotonic() - copy[0] < ANONYMOUS_RECHECK_SECONDS:
        return serve(copy[2])
    checked_at, writes, kept = time.monotonic(), data_versions.local_writes, []

    def keep_copy(made):
        kept.append(keep(made))
        return kept[-1]

    def serve_copy(stored):
        kept.append(stored)
        return serve(stored)

    result = data_versions.remember(key, name, make, keep=keep_copy, serve=serve_copy, timeout=PRIVATE_TIMEOUT)
    if kept and kept[-1] is not None:
        _keep_copy(anonymous_copies, key, (checked_at, writes, kept[-1]), ANONYMOUS_COPIES)
    return result
