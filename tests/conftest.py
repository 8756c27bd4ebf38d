"""Personas shared by every test: who is who in the scheme; the shipped catalogue, imported once.

The demonstration catalogue is imported once per test process, right after the test database is
created, and every test sees it (`framework`, `tests.factories.shipped_framework()`). A
`transaction=True` test (the browser and worker tests) empties the database when it ends; the
catalogue is imported again right after it, so the next test finds it as before.
"""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from pytest_django.plugin import blocking_manager_key
from rest_framework.test import APIClient

from accounts.choices import MembershipRole
from accounts.models import AssessorProfile
from clusterexcellence import page_cache
from labels.models.catalogue import current_version_forget

from .factories import (
    PASSWORD,
    ClubMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    shipped_catalogue_import,
)


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in German leaves German active in the thread (LocaleMiddleware activates the
    request's language and nothing resets it), so each test starts from the default language."""
    yield
    translation.deactivate()


@pytest.fixture
def uncached_pages():
    """Signed-in pages, API reads and token look-ups are made on every request (see
    `_pages_made_when_counting`)."""


@pytest.fixture(autouse=True)
def _pages_made_when_counting(request):
    """A test that counts a page's queries counts what making the page costs, not its cached copy
    (clusterexcellence/page_cache.py; tests/labels/views/test_cached_pages.py)."""
    if {"django_assert_num_queries", "django_assert_max_num_queries", "uncached_pages"}.isdisjoint(
        request.fixturenames
    ):
        yield
        return
    with override_settings(CACHE_PAGES=False):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (cached pages, populations): no test sees another's data."""
    cache.clear()
    current_version_forget()  # what this process keeps in memory: the catalogue version, public pages
    page_cache.public_copies.clear()
    page_cache.anonymous_copies.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        shipped_catalogue_import()


def _empties_the_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or {"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames)
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # Runs after the test's fixtures are gone, i.e. after a transactional test flushed the database.
    result = yield
    # After the last test the session's fixtures are gone too, the test database with them.
    if nextitem is not None and _empties_the_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            shipped_catalogue_import()
    return result


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def org_a(db):
    return OrganisationFactory(name="Alpha Cluster", slug="alpha-cluster")


@pytest.fixture
def org_b(db):
    return OrganisationFactory(name="Beta Cluster", slug="beta-cluster", country="FR")


@pytest.fixture
def owner_a(org_a):
    return MembershipFactory(organisation=org_a, role=MembershipRole.OWNER, user__email="owner-a@example.test").user


@pytest.fixture
def editor_a(org_a):
    return MembershipFactory(organisation=org_a, role=MembershipRole.EDITOR, user__email="editor-a@example.test").user


@pytest.fixture
def viewer_a(org_a):
    return MembershipFactory(organisation=org_a, role=MembershipRole.VIEWER, user__email="viewer-a@example.test").user


@pytest.fixture
def owner_b(org_b):
    return MembershipFactory(organisation=org_b, role=MembershipRole.OWNER, user__email="owner-b@example.test").user


@pytest.fixture
def assessor(db):
    user = UserFactory(email="assessor@example.test", is_assessor=True)
    AssessorProfile.objects.create(user=user, languages=["en", "de"])
    return user


@pytest.fixture
def assessor2(db):
    user = UserFactory(email="assessor2@example.test", is_assessor=True)
    AssessorProfile.objects.create(user=user, languages=["en", "fr"])
    return user


@pytest.fixture
def board_member(db):
    return UserFactory(email="board@example.test", is_board_member=True)


@pytest.fixture
def club_member(db):
    """An approved member of the managers' club, with a profile visible to members."""
    return ClubMembershipFactory(
        user__email="member@example.test", user__first_name="Mia", user__last_name="Berger"
    ).user


@pytest.fixture
def staff_user(db):
    return UserFactory(email="staff@example.test", is_staff=True)


@pytest.fixture
def outsider(db):
    """Signed in, but belongs to no organisation and holds no scheme role."""
    return UserFactory(email="outsider@example.test")


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def api_as(api_client):
    """api_as(user) returns an API client authenticated as that user (None: anonymous)."""

    def login(user):
        if user is not None:
            api_client.force_authenticate(user)
        return api_client

    return login


@pytest.fixture
def client_as(client):
    """client_as(user) returns a browser-like client signed in as that user (None: anonymous)."""

    def login(user):
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture
def demo_app(settings):
    """tests/demo_app installed as a new app would be (INSTALLED_APPS and the URLs); what it
    registers is undone afterwards, so no other test sees it."""
    from clusterexcellence import notifications, registry

    registries = [
        value
        for module in (registry, notifications)
        for name, value in vars(module).items()
        if name.startswith("_") and name[1:].isupper() and isinstance(value, dict)
    ]
    saved = [(entries, dict(entries)) for entries in registries]
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "tests.demo_app"]
    settings.ROOT_URLCONF = "tests.demo_app.project_urls"
    yield
    for entries, before in saved:
        entries.clear()
        entries.update(before)
