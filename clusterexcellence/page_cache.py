"""Whole responses of public pages, kept in Django's cache while what they show stays the same.

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
import re
import uuid

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

TIMEOUT = 3600
_PROCESS = uuid.uuid4().hex[:12]
_PLACEHOLDER = "__page_cache_csrf_token__"
_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{32,64})"')
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
            stored = cache.get(key)
            if stored is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                if hasattr(response, "render"):
                    response.render()
                stored = _store(request, response)
                cache.set(key, stored, TIMEOUT)
                return response
            content, headers = stored
            if _PLACEHOLDER in content:
                content = content.replace(_PLACEHOLDER, get_token(request))
            return HttpResponse(content, headers=headers)

        return wrapper

    return decorate


def _cacheable(request, *, api: bool) -> bool:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if api and ("HTTP_AUTHORIZATION" in request.META or request.META.get("HTTP_ACCEPT", "") not in _JSON_ACCEPTS):
        return False
    return not request.user.is_authenticated and (api or not len(get_messages(request)))


def _store(request, response) -> tuple[str, dict]:
    content = response.content.decode(response.charset)
    match = _CSRF_FIELD.search(content)
    if match:  # the same masked token stands in every form and in hx-headers
        content = content.replace(match.group(1), _PLACEHOLDER)
    return content, dict(response.headers)
