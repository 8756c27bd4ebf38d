"""A new app plugs in through the registries alone: tests/demo_app registers a navigation entry,
a dashboard section, an API root entry, a home page feature and a notification, and neither
accounts nor labels names it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from clusterexcellence.notifications import notification_send, notify
from clusterexcellence.registry import features, navigation_links, roles_of
from tests.factories import OrganisationFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_user(db):
    return UserFactory(email="someone@demo-app.test", language="de")


def test_accounts_and_labels_do_not_name_the_app():
    for app in ("accounts", "labels"):
        for path in (ROOT / app).rglob("*"):
            if path.suffix in (".py", ".html", ".txt"):
                assert "demo_app" not in path.read_text(encoding="utf-8"), path


def test_before_it_is_installed_nothing_of_it_shows(client_as, demo_user):
    assert "/demo-app/" not in [url for _label, url in navigation_links(demo_user)]
    assert 'id="dashboard-demo-app"' not in client_as(demo_user).get("/dashboard/").content.decode()
    assert "demo-app" not in client_as(demo_user).get("/api/").json()
    with pytest.raises(LookupError):
        notify("demo_app.greeting", target=demo_user, recipients=[demo_user])


def test_its_navigation_entry_shows_to_the_users_its_role_names(demo_app, demo_user, outsider, client_as):
    assert ("Demo app", "/demo-app/") in navigation_links(demo_user)
    assert "/demo-app/" not in [url for _label, url in navigation_links(outsider)]
    assert "demo-user" in [role.key for role in roles_of(demo_user)]
    assert "demo-user" not in [role.key for role in roles_of(outsider)]
    assert client_as(demo_user).get("/demo-app/").content == b"The demo app's page."


def test_its_dashboard_section_is_loaded_by_its_loader(demo_app, demo_user, client_as):
    OrganisationFactory.create_batch(3)
    content = client_as(demo_user).get("/dashboard/").content.decode()
    assert 'id="dashboard-demo-app"' in content
    assert "3 organisations." in content


def test_its_api_root_entry_is_listed_and_answers(demo_app, client_as, demo_user):
    client = client_as(demo_user)
    url = client.get("/api/").json()["demo-app"]
    assert url.endswith("/api/demo-app/")
    assert client.get(url).json() == {"detail": "The demo app's API."}


def test_its_home_page_feature_is_advertised(demo_app, client):
    assert "demo-app" in [feature.key for feature in features()]
    assert "What the demo app offers." in client.get("/").content.decode()


def test_its_notification_is_sent_once_in_the_recipients_language(
    demo_app, demo_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify("demo_app.greeting", target=demo_user, recipients=[demo_user], key="1", context={"message": "Welcome."})
        notification = notify("demo_app.greeting", target=demo_user, recipients=[demo_user], key="1")
    notification_send(notification)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Hello from the demo app (de)"
    assert "Welcome." in mail.outbox[0].body
    assert f"{settings.SITE_URL}/demo-app/" in mail.outbox[0].body


def test_what_it_registered_is_gone_once_it_is_uninstalled(demo_user):
    assert "/demo-app/" not in [url for _label, url in navigation_links(demo_user)]
    assert "demo-user" not in [role.key for role in roles_of(demo_user)]
