from django.contrib.auth.models import AnonymousUser

from clusterexcellence.registry import navigation_for


def urls(user):
    return [url for _label, url in navigation_for(user)]


PUBLIC_COLLABORATION = ["/collaboration/organisations/", "/collaboration/map/", "/collaboration/postings/"]


def test_visitors_see_home_the_public_collaboration_pages_training_the_profession_and_the_figures():
    assert urls(AnonymousUser()) == [
        "/",
        *PUBLIC_COLLABORATION,
        "/benchmarking/scheme/",
        "/training/",
        "/club/profession/",
    ]


def test_signed_in_users_see_dashboard_organisations_collaboration_catalogue_training_and_api_docs(outsider):
    assert urls(outsider) == [
        "/",
        "/dashboard/",
        "/organisations/",
        *PUBLIC_COLLABORATION,
        "/collaboration/events/",
        "/labels/catalogue/",
        "/benchmarking/scheme/",
        "/training/",
        "/club/profession/",
        "/api/docs/",
    ]


def test_staff_also_see_the_administration(staff_user):
    assert "/admin/" in urls(staff_user)


def test_the_navigation_is_in_every_page(client_as, owner_a):
    content = client_as(owner_a).get("/organisations/").content.decode()
    assert 'href="/dashboard/"' in content
    assert 'aria-current="page"' in content
