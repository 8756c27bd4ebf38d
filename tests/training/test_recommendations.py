"""Recommendations: what helps with an organisation's red and yellow indicators, with the reason, on the
dashboard and on the pages of its latest decided assessment."""

import uuid

from labels.models import Assessment
from tests.factories import CaseStudyFactory, LessonFactory, ModuleFactory
from training.models import CaseStudyIndicator
from training.recommendations import organisation_recommendations

from .conftest import link


def _content():
    strategy = ModuleFactory(title="Strategy and action plan")
    link(LessonFactory(module=strategy), "T2")
    finance = ModuleFactory(title="Financing the cluster organisation")
    link(LessonFactory(module=finance), "F6")
    unrelated = ModuleFactory(title="Unrelated module")
    link(LessonFactory(module=unrelated), "S1")
    draft = ModuleFactory(title="Draft module", is_published=False)
    link(LessonFactory(module=draft), "T2")
    case = CaseStudyFactory(title="Atlantic action plan")
    CaseStudyIndicator.objects.create(case_study=case, indicator_key="cme-demo-2026:T2")
    return strategy, finance, case


def test_red_comes_first_and_every_item_says_why(decided, org_a):
    strategy, finance, case = _content()

    weaknesses, recommendations = organisation_recommendations([org_a.pk])[org_a.pk]

    assert [r.item for r in recommendations] == [finance, strategy, case]
    assert recommendations[0].reason_texts == ["Because your rating on F6 Cost coverage of services is red."]
    assert recommendations[1].reason_texts == ["Because your rating on T2 Action plan and monitoring is yellow."]
    assert recommendations[0].reason_summary == "Helps with your ratings on F6 Cost coverage of services (red)."


def test_the_dashboard_shows_them_to_members_of_the_organisation(client_as, decided, viewer_a):
    _content()

    page = client_as(viewer_a).get("/dashboard/").content.decode()

    assert "Training recommended for you" in page
    assert "Financing the cluster organisation" in page
    assert "T2 Action plan and monitoring (yellow)" in page
    assert "Unrelated module" not in page and "Draft module" not in page


def test_the_reason_is_in_german_on_a_german_dashboard(client_as, decided, viewer_a):
    _content()

    page = client_as(viewer_a).get("/dashboard/", HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert "Hilft bei Ihren Bewertungen zu" in page and "(gelb)" in page


def test_other_organisations_members_see_no_recommendations(client_as, decided, owner_b, outsider):
    _content()

    assert "Training recommended for you" not in client_as(owner_b).get("/dashboard/").content.decode()
    assert "Training recommended for you" not in client_as(outsider).get("/dashboard/").content.decode()


def test_the_latest_assessments_pages_show_them(client_as, decided, owner_a):
    _content()
    client = client_as(owner_a)

    for url in (decided.get_absolute_url(), f"/labels/assessments/{decided.public_id}/score/"):
        page = client.get(url).content.decode()
        assert "Training for the red and yellow indicators" in page
        assert "Strategy and action plan" in page


def test_an_older_assessment_shows_none(client_as, decided, owner_a):
    _content()
    later = decided.decided_at
    Assessment.objects.filter(pk=decided.pk).update(decided_at=later.replace(year=later.year - 3))
    newer = Assessment.objects.get(pk=decided.pk)
    newer.pk, newer.public_id, newer.decided_at = None, uuid.uuid4(), later
    newer.save()  # a copy decided later: now the organisation's latest

    page = client_as(owner_a).get(decided.get_absolute_url()).content.decode()

    assert "Training for the red and yellow indicators" not in page


def test_the_dashboard_section_queries_do_not_grow_with_content(
    client_as, decided, viewer_a, django_assert_max_num_queries
):
    client = client_as(viewer_a)
    _content()
    client.get("/dashboard/")
    with django_assert_max_num_queries(30) as few:
        client.get("/dashboard/")
    for _ in range(5):
        _content()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/dashboard/")
