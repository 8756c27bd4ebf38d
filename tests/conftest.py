"""Personas shared by every test: who is who in the scheme."""

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from accounts.choices import MembershipRole
from accounts.models import AssessorProfile

from .factories import PASSWORD, ClubMembershipFactory, MembershipFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in German leaves German active in the thread (LocaleMiddleware activates the
    request's language and nothing resets it), so each test starts from the default language."""
    yield
    translation.deactivate()


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
