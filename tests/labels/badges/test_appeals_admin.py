"""Staff see appeals in Django admin, read-only, with their documents and history."""

from django.urls import reverse

from labels.appeals import appeal_file


def test_staff_see_an_appeal_read_only(client, rejected, owner_a, password, django_user_model):
    appeal = appeal_file(assessment=rejected, reason="G3 was misread.", by=owner_a)
    admin = django_user_model.objects.create_superuser(email="root@example.test", password=password)
    client.force_login(admin)

    listing = client.get(reverse("admin:labels_appeal_changelist"))
    page = client.get(reverse("admin:labels_appeal_change", args=[appeal.pk]))

    assert listing.status_code == 200 and "Alpha Cluster" in listing.content.decode()
    assert page.status_code == 200 and "G3 was misread." in page.content.decode()
    assert client.get(reverse("admin:labels_appeal_add")).status_code == 403
