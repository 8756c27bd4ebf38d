"""The cached public pages (clusterexcellence.page_cache): each shows a change of what it depends
on at the next request, serves each language its own copy, and never serves a signed-in user or a
visitor with waiting messages from the cache."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from labels.catalogue_import import framework_import
from labels.models import Framework, catalogue
from tests.labels import demo_document, write_catalogue

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("labels:catalogue")
CATALOGUE_API = "/api/frameworks/current/"


def _publish_next_version(tmp_path, title: str) -> Framework:
    document = demo_document()
    document["framework"]["version"] = "2027.1"
    document["framework"]["title"] = title
    document["framework"]["translations"]["de"]["title"] = f"{title} (de)"
    return framework_import(write_catalogue(tmp_path, document))


def _csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("url", [CATALOGUE, CATALOGUE_API])
def test_a_newly_published_catalogue_version_shows_at_the_next_request(client, url, tmp_path):
    assert "Cluster Management Excellence (demonstration catalogue)" in client.get(url).content.decode()
    assert "Cluster Management Excellence (demonstration catalogue)" in client.get(url).content.decode()  # cached

    _publish_next_version(tmp_path, "Catalogue of the next year")

    content = client.get(url).content.decode()
    assert "Catalogue of the next year" in content
    assert "demonstration catalogue" not in content


def test_a_version_published_by_another_process_shows_within_seconds(client, tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue, "CURRENT_VERSION_SECONDS", 0.2)
    client.get(CATALOGUE)
    seen = Framework.objects.current_version()
    _publish_next_version(tmp_path, "Catalogue of the next year")
    # Another process published: this one's own cache (the embedded default) still holds what it read.
    catalogue.cache.set(catalogue.CURRENT_VERSION_KEY, seen, catalogue.CURRENT_VERSION_SECONDS)
    assert "Catalogue of the next year" not in client.get(CATALOGUE).content.decode()

    time.sleep(0.3)

    assert "Catalogue of the next year" in client.get(CATALOGUE).content.decode()


@pytest.mark.parametrize("url", [CATALOGUE, CATALOGUE_API])
def test_each_language_gets_its_own_copy(client, url):
    english = client.get(url, headers={"accept-language": "en"})
    german = client.get(url, headers={"accept-language": "de"})
    english_again = client.get(url, headers={"accept-language": "en"})

    assert "Exzellenz im Clustermanagement (Demonstrationskatalog)" in german.content.decode()
    assert "Exzellenz im Clustermanagement" not in english_again.content.decode()
    assert "Cluster Management Excellence (demonstration catalogue)" in english.content.decode()
    assert "Cluster Management Excellence (demonstration catalogue)" in english_again.content.decode()
    assert "Accept-Language" in german["Vary"]
    assert german["Content-Language"] == "de"


def test_the_home_page_switches_language_from_the_cached_copy(client):
    assert "Three label levels" in client.get("/").content.decode()
    client.post(reverse("set_language"), {"language": "de", "next": "/"})

    german = client.get("/")

    assert german["Content-Language"] == "de"
    assert "Three label levels" not in german.content.decode()


def test_a_signed_in_user_never_gets_the_cached_anonymous_page(client, client_as, outsider):
    client.get("/")
    client.get(CATALOGUE)

    signed_in = client_as(outsider)
    home = signed_in.get("/")
    catalogue = signed_in.get(CATALOGUE)

    assert outsider.email in home.content.decode()
    assert 'href="/dashboard/"' in home.content.decode()
    assert outsider.email in catalogue.content.decode()
    for response in (home, catalogue):
        assert "no-store" in response["Cache-Control"]


def test_each_visitor_gets_a_csrf_token_of_their_own_that_works(client):
    first = client.get("/").content.decode()
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/")
    token = _csrf_token(page.content.decode())

    assert token != _csrf_token(first)
    assert "csrftoken" in page.cookies
    assert "__page_cache" not in page.content.decode()
    switched = visitor.post(reverse("set_language"), {"language": "de", "next": "/", "csrfmiddlewaretoken": token})
    assert switched.status_code == 302
    assert visitor.get("/")["Content-Language"] == "de"


def test_a_visitor_with_a_waiting_message_sees_it(client, client_as, outsider):
    client.get("/")
    leaving = client_as(outsider)

    leaving.post(reverse("account_logout"))
    content = leaving.get("/").content.decode()

    assert "You have signed out." in content
    assert "You have signed out." not in leaving.get("/").content.decode()


def test_an_api_call_with_a_bad_token_is_still_refused(client):
    client.get(CATALOGUE_API)

    response = client.get(CATALOGUE_API, headers={"authorization": "Token not-a-token"})

    assert response.status_code == 401


def test_a_query_string_is_answered_by_the_view(client):
    client.get(CATALOGUE_API)

    response = client.get(CATALOGUE_API, {"format": "api"})

    assert response["Content-Type"].startswith("text/html")
