from labels.selectors import latest_weaknesses


def test_the_decided_assessment_has_one_red_and_one_yellow_rating(decided, org_a):
    weak = latest_weaknesses([org_a.pk])[org_a.pk]

    assert [(w.code, w.rating) for w in weak.indicators] == [("F6", "red"), ("T2", "yellow")]
