"""Club personas beside the shared ones: another member, an applicant, a declined applicant, a former
member, and helpers to run the notification jobs."""

import io

import pytest
from PIL import Image

from club.choices import MembershipStatus, Visibility
from tests.factories import ClubMembershipFactory, EventFactory


@pytest.fixture
def other_member(db):
    """A second approved member, visible to members, who writes and receives messages."""
    return ClubMembershipFactory(
        user__email="paul@example.test", name="Paul Weber", profile__organisation="Beta Cluster",
        profile__expertise=["hydrogen", "EU funding"], profile__country="FR", profile__languages="fr,en",
        profile__sector="energy",
    ).user  # fmt: skip


@pytest.fixture
def applicant(db):
    return ClubMembershipFactory(user__email="applicant@example.test", name="Ada Applicant",
                                 status=MembershipStatus.PENDING).user  # fmt: skip


@pytest.fixture
def declined(db):
    return ClubMembershipFactory(user__email="declined@example.test", status=MembershipStatus.DECLINED,
                                 decision_message="Not a cluster manager.").user  # fmt: skip


@pytest.fixture
def former_member(db):
    return ClubMembershipFactory(user__email="former@example.test", name="Fiona Former",
                                 status=MembershipStatus.LEFT, profile__visibility=Visibility.PUBLIC).user  # fmt: skip


@pytest.fixture
def event(db):
    return EventFactory(title="Club meeting in Munich", capacity=2, online_link="https://meet.example.test/club")


@pytest.fixture
def run_jobs(django_capture_on_commit_callbacks):
    """run_jobs(fn) calls fn and then the work it scheduled after commit (notifications: e-mails)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def image_bytes(fmt="PNG", size=(800, 600), exif=None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()
