"""The dashboard: members see their position, staff the moderation queue; both registered by the app."""

import pytest
from django.urls import reverse

from .helpers import peers

pytestmark = pytest.mark.django_db


def test_members_see_their_position_among_all_organisations(client_as, owner_a, framework, decided_a):
    peers(6, framework, values=lambda i: {"S1": str(10 * i)})

    text = client_as(owner_a).get(reverse("dashboard")).text

    assert "Your position among peers" in text
    assert "Against all organisations, on 36 indicators" in text


def test_staff_see_the_notes_waiting(client_as, staff_user, framework):
    text = client_as(staff_user).get(reverse("dashboard")).text

    assert "0 practice notes wait for moderation." in text
    assert "Your position among peers" not in text


def test_navigation_offers_benchmarking_to_members_and_the_figures_to_everyone(client_as, owner_a, client, framework):
    link = f'href="{reverse("benchmarking:index")}"'
    assert link in client_as(owner_a).get(reverse("dashboard")).text
    client.logout()
    anonymous = client.get(reverse("home")).text
    assert f'href="{reverse("benchmarking:scheme")}"' in anonymous and link not in anonymous


def test_the_api_root_lists_the_endpoints(api_as, owner_a):
    assert {"practice-notes", "scheme-figures", "scheme-statistics"} <= set(api_as(owner_a).get("/api/").json())
