"""job_latest: the newest job about an object, of one kind or any."""

from clusterexcellence.jobs import job_latest
from clusterexcellence.models import Job


def test_it_is_none_before_any_job(org_a):
    assert job_latest(org_a) is None


def test_it_is_the_newest_job_of_the_object(org_a, org_b):
    Job.objects.create(kind="tests.report", target=org_a)
    newest = Job.objects.create(kind="tests.export", target=org_a)
    Job.objects.create(kind="tests.export", target=org_b)

    assert job_latest(org_a) == newest


def test_it_is_the_newest_of_the_kind_asked_for(org_a):
    report = Job.objects.create(kind="tests.report", target=org_a)
    Job.objects.create(kind="tests.export", target=org_a)

    assert job_latest(org_a, kind="tests.report") == report
    assert job_latest(org_a, kind="tests.other") is None
