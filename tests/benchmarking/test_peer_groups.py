"""The two privacy rules on counts: too few peers, and groups that differ by too few."""

from datetime import date

from benchmarking.peer_groups import GROUPS, age_band, disclosure, normalise, size_band


def counts(**sizes):
    """Counts for every group: each named group (criteria joined by _) its size, the rest all."""
    everyone = sizes.pop("all")
    result = dict.fromkeys(GROUPS, everyone)
    for name, size in sizes.items():
        group = normalise(name.split("_"))
        for other in GROUPS:
            if set(group) <= set(other):
                result[other] = min(result[other], size)
    return result


def test_a_group_of_exactly_the_threshold_is_shown_and_one_less_is_not():
    verdicts = disclosure(counts(all=40, sector=5, country=4), threshold=5)

    assert verdicts[("sector",)].shown
    assert verdicts[("country",)].reason == "too_few"


def test_a_group_that_differs_from_a_broader_one_by_fewer_than_the_threshold_is_suppressed():
    verdicts = disclosure(counts(all=40, country=20, sector=30, country_sector=17), threshold=5)

    assert verdicts[("country",)].shown
    assert verdicts[("sector", "country")].reason == "difference"
    assert verdicts[("sector", "country")].against == ("country",)


def test_a_difference_of_exactly_the_threshold_is_shown():
    verdicts = disclosure(counts(all=40, country=20, sector=30, country_sector=15), threshold=5)

    assert verdicts[("sector", "country")].shown


def test_identical_groups_may_both_be_shown():
    verdicts = disclosure(counts(all=40, country=40), threshold=5)

    assert verdicts[()].shown and verdicts[("country",)].shown


def test_the_broader_group_wins_when_two_are_too_close():
    verdicts = disclosure(counts(all=40, country=38), threshold=5)

    assert verdicts[()].shown
    assert verdicts[("country",)].reason == "difference"


def test_no_two_shown_groups_ever_differ_by_fewer_than_the_threshold():
    import random

    rng = random.Random(4)
    for _ in range(200):
        # Random memberships of 30 organisations; counts derived from them as the population does.
        profiles = [{d: rng.randint(0, 2) for d in ("sector", "country", "size", "age", "level")} for _ in range(30)]
        own = dict.fromkeys(("sector", "country", "size", "age", "level"), 0)
        members = {g: {i for i, p in enumerate(profiles) if all(p[d] == own[d] for d in g)} for g in GROUPS}
        verdicts = disclosure({g: len(m) for g, m in members.items()}, threshold=5)
        shown = [g for g in GROUPS if verdicts[g].shown]
        for a in shown:
            assert len(members[a]) >= 5
            for b in shown:
                apart = len(members[a] ^ members[b])
                assert apart == 0 or apart >= 5, (a, b, apart)


def test_bands_of_size_and_age():
    assert [size_band(n) for n in (0, 24, 25, 99, 100, 249, 250, 5000)] == [
        "0-24", "0-24", "25-49", "50-99", "100-249", "100-249", "250+", "250+"
    ]  # fmt: skip
    today = date(2026, 6, 1)
    assert [age_band(year, today) for year in (2025, 2021, 2016, 2007, 1990)] == ["0-4", "5-9", "10-19", "10-19", "20+"]
