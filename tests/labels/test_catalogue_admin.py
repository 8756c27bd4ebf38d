from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse

from labels.catalogue_import import framework_import
from labels.choices import FrameworkStatus
from labels.models import Framework

from ..factories import UserFactory
from . import DEMO_CATALOGUE, demo_document, write_catalogue

# These tests import catalogues themselves, the shipped one included.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_catalogue")]


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.test", is_staff=True, is_superuser=True)


@pytest.fixture
def published():
    return framework_import(DEMO_CATALOGUE)


@pytest.fixture
def draft(tmp_path):
    document = demo_document()
    document["framework"]["version"] = "2026.2"
    return framework_import(write_catalogue(tmp_path, document), publish=False)


def _change_url(framework):
    return reverse("admin:labels_framework_change", args=[framework.pk])


def _form_data(response) -> dict:
    """The POST data a browser would send for the change form as it was rendered."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    data = {}
    for form in forms:
        for bound in form:
            value = bound.value()
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif value is not None:
                data[bound.html_name] = value
    return data


def test_the_changelist_filters_by_status(client_as, superuser, published, draft):
    response = client_as(superuser).get(reverse("admin:labels_framework_changelist"), {"status__exact": "draft"})

    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [draft]


def test_a_draft_is_editable(client_as, superuser, draft):
    response = client_as(superuser).get(_change_url(draft))

    assert response.status_code == 200
    assert 'name="_save"' in response.content.decode()
    assert 'name="indicators-0-green"' in response.content.decode()


def test_editing_a_draft_saves_the_change(client_as, superuser, draft):
    client = client_as(superuser)
    data = _form_data(client.get(_change_url(draft)))
    data["title"] = "Edited catalogue"
    g2 = next(key for key, value in data.items() if key.endswith("-code") and value == "G2")
    data[g2.replace("-code", "-green")] = "4"

    response = client.post(_change_url(draft), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    draft.refresh_from_db()
    assert draft.title == "Edited catalogue"
    assert draft.indicators.get(code="G2").green == Decimal(4)


def test_editing_a_draft_refuses_inconsistent_thresholds_with_a_field_error(client_as, superuser, draft):
    client = client_as(superuser)
    data = _form_data(client.get(_change_url(draft)))
    g2 = next(key for key, value in data.items() if key.endswith("-code") and value == "G2")
    data[g2.replace("-code", "-green")] = "5"

    response = client.post(_change_url(draft), data)

    assert response.status_code == 200
    assert "must be between 0 and 4 for kind &#x27;scale&#x27;" in response.content.decode()
    assert draft.indicators.get(code="G2").green == Decimal(3)


def test_a_published_framework_is_read_only(client_as, superuser, published):
    client = client_as(superuser)

    response = client.get(_change_url(published))

    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    assert 'name="indicators-0-green"' not in response.content.decode()
    assert client.post(_change_url(published), {"title": "Changed"}).status_code == 403
    published.refresh_from_db()
    assert published.title == "Cluster Management Excellence (demonstration catalogue)"


def test_a_published_framework_cannot_be_deleted(client_as, superuser, published):
    response = client_as(superuser).get(reverse("admin:labels_framework_delete", args=[published.pk]))

    assert response.status_code == 403


def test_inlines_follow_the_framework_status(rf, superuser, published, draft):
    model_admin = admin.site._registry[Framework]
    request = rf.get("/")
    request.user = superuser

    for inline in model_admin.get_inline_instances(request, draft):
        assert inline.has_change_permission(request, draft)
    for inline in model_admin.get_inline_instances(request, published):
        assert not inline.has_add_permission(request, published)
        assert not inline.has_change_permission(request, published)
        assert not inline.has_delete_permission(request, published)


def test_the_publish_action_publishes_a_draft_and_supersedes_the_previous_version(
    client_as, superuser, published, draft
):
    response = client_as(superuser).post(
        reverse("admin:labels_framework_changelist"), {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )

    assert "1 framework published." in response.content.decode()
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == FrameworkStatus.PUBLISHED
    assert published.status == FrameworkStatus.SUPERSEDED


def test_the_publish_action_leaves_frameworks_that_are_not_drafts(client_as, superuser, published):
    response = client_as(superuser).post(
        reverse("admin:labels_framework_changelist"),
        {"action": "publish", "_selected_action": [published.pk]},
        follow=True,
    )

    assert "is not a draft and was left as it is" in response.content.decode()
    published.refresh_from_db()
    assert published.status == FrameworkStatus.PUBLISHED


def test_staff_without_permissions_cannot_reach_the_catalogue_admin(client_as, staff_user, draft):
    assert client_as(staff_user).get(_change_url(draft)).status_code == 403
