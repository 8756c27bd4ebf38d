"""The demo holds awarded labels in every state and a renewal inside the window."""

from datetime import timedelta

from django.utils import timezone

from labels.models import Label, LabelState

from .test_demo import seeded  # noqa: F401 - the seeded demo, once per module


def test_the_demo_holds_labels_in_every_state(seeded):  # noqa: F811
    today = timezone.localdate()
    states = {label.state for label in Label.objects.all()}

    assert states == {LabelState.VALID, LabelState.SUSPENDED, LabelState.REVOKED, LabelState.EXPIRED}
    assert Label.objects.valid_on(today).filter(valid_until__lte=today + timedelta(days=62)).exists()
    assert Label.objects.exclude(public_reason="").count() == 2


def test_the_demo_holds_a_renewal_that_continues_without_a_gap(seeded):  # noqa: F811
    renewal = Label.objects.exclude(renews=None).select_related("renews").get()

    assert renewal.assessment.renewal
    assert renewal.valid_from == renewal.renews.valid_until + timedelta(days=1)
    assert renewal.renews.state == LabelState.EXPIRED
    assert renewal.state == LabelState.VALID


def test_every_label_has_its_issue_in_the_history(seeded):  # noqa: F811
    assert not Label.objects.filter(history=None).exists()
