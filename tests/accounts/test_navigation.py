from django.contrib.auth.models import AnonymousUser

from clusterexcellence.registry import navigation_for, navigation_links

TRAINING = [
    "/training/",
    "/training/case-studies/",
    "/training/programmes/",
    "/training/needs/results/",
    "/training/status-quo/",
    "/training/search/",
]
COLLABORATION = [
    "/collaboration/organisations/",
    "/collaboration/map/",
    "/collaboration/postings/",
    "/collaboration/search/",
]


def urls(user):
    return [url for _label, url in navigation_links(user)]


def sections(user):
    return [(str(item.label), item.url) for item in navigation_for(user)]


def test_visitors_see_the_public_pages_of_every_section():
    assert urls(AnonymousUser()) == [
        "/labels/catalogue/",
        "/labels/register/",
        "/benchmarking/scheme/",
        *TRAINING,
        "/club/profession/",
        *COLLABORATION,
    ]


def test_signed_in_users_also_see_their_dashboard_organisations_and_matchmaking(outsider):
    assert urls(outsider) == [
        "/dashboard/",
        "/organisations/",
        "/labels/catalogue/",
        "/labels/register/",
        "/benchmarking/scheme/",
        *TRAINING,
        "/club/profession/",
        *COLLABORATION,
        "/collaboration/events/",
    ]


def test_the_top_row_holds_one_link_per_section_leading_to_its_first_page(outsider):
    assert sections(outsider) == [
        ("Dashboard", "/dashboard/"),
        ("Organisations", "/organisations/"),
        ("Label", "/labels/catalogue/"),
        ("Benchmarking", "/benchmarking/scheme/"),
        ("Training", "/training/"),
        ("Managers' club", "/club/profession/"),
        ("Collaboration", "/collaboration/organisations/"),
    ]


def test_a_section_leads_each_person_to_the_first_page_they_may_see(owner_a, assessor):
    assert dict(sections(owner_a))["Label"] == "/labels/assessments/"
    assert dict(sections(assessor))["Label"] == "/labels/assessor/"


def test_staff_also_see_the_administration(staff_user):
    assert "/admin/" in urls(staff_user)


def test_the_navigation_is_in_every_page(client_as, owner_a):
    content = client_as(owner_a).get("/organisations/").content.decode()
    assert 'href="/dashboard/"' in content
    assert 'aria-current="page"' in content


def test_a_sections_pages_show_its_own_row_with_the_current_page_marked(client, db):
    content = client.get("/training/programmes/").content.decode()
    assert 'class="section-nav"' in content
    assert 'href="/training/programmes/" aria-current="page"' in content
    assert 'href="/training/" aria-current="true"' in content  # the section in the top row
