"""Peer groups: who an organisation is compared with, and which groups may be shown.

A peer group is formed around the viewing organisation's own profile: all organisations, or
those that share one or more of its sector, country, size band, age band and label level
(combinable). The viewing organisation is never one of its own peers.

Two rules keep every peer's figures private; one function applies both (`disclosure`):

1. Too few: a group (or one indicator within it, where values are missing) with fewer than
   PEER_GROUP_MIN_SIZE organisations besides the viewer is not shown.
2. Isolation by difference: figures of two groups that differ by only a few organisations would
   let someone compare them and read off those few (take "same country", then "same country and
   same sector": if they differ by one organisation, the change in the quartiles is that one
   organisation's doing). The groups an organisation can choose are checked in a fixed order,
   broadest first (all organisations; then each single criterion; then pairs, and so on). A group
   is shown only if, against every group shown before it, it has either exactly the same members
   or differs by at least PEER_GROUP_MIN_SIZE organisations (counting those in either but not
   both). So no two groups that can be shown ever differ by fewer than the threshold. The same
   check runs per indicator on the organisations that have a value for it.
"""

from dataclasses import dataclass
from datetime import date
from itertools import combinations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DIMENSIONS = ("sector", "country", "size", "age", "level")
DIMENSION_LABELS = {
    "sector": _("Same sector"),
    "country": _("Same country"),
    "size": _("Similar size"),
    "age": _("Similar age"),
    "level": _("Same label level"),
}

# Committed participants (the size of a cluster), lower bound inclusive; the last band is open.
SIZE_BANDS = [(0, 25), (25, 50), (50, 100), (100, 250), (250, None)]
# Years of operation since the year founded.
AGE_BANDS = [(0, 5), (5, 10), (10, 20), (20, None)]
NO_LABEL = "none"


def _band(value: int, bands) -> str:
    for low, high in bands:
        if high is None or value < high:
            return f"{low}-{high - 1}" if high is not None else f"{low}+"
    raise AssertionError("the last band is open")


def size_band(participants: int) -> str:
    return _band(max(participants, 0), SIZE_BANDS)


def age_band(year_founded: int, today: date) -> str:
    return _band(max(today.year - year_founded, 0), AGE_BANDS)


def band_label(dimension: str, band: str):
    """How a size or age band reads on the page: "50 to 99 participants", "20 years or more"."""
    low, _dash, high = band.partition("-")
    if dimension == "size":
        if band.endswith("+"):
            return _("%(low)s participants or more") % {"low": band[:-1]}
        return _("%(low)s to %(high)s participants") % {"low": low, "high": high}
    if band.endswith("+"):
        return _("%(low)s years or more") % {"low": band[:-1]}
    return _("%(low)s to %(high)s years") % {"low": low, "high": high}


def min_size() -> int:
    return settings.PEER_GROUP_MIN_SIZE


# A group is the tuple of its criteria, in DIMENSIONS order; () is all organisations.
Group = tuple[str, ...]


def ordered_groups() -> list[Group]:
    """Every combination of criteria, broadest first: the order in which `disclosure` checks them."""
    return [combo for size in range(len(DIMENSIONS) + 1) for combo in combinations(DIMENSIONS, size)]


GROUPS = ordered_groups()


def normalise(criteria) -> Group:
    """The group of the given criteria, in canonical order (unknown names are dropped)."""
    chosen = set(criteria)
    return tuple(d for d in DIMENSIONS if d in chosen)


@dataclass(frozen=True)
class Verdict:
    """Whether a group's figures may be shown, and if not, why."""

    shown: bool
    reason: str = ""  # "too_few", "difference", or "group" (an indicator of a group not shown)
    against: Group = ()  # the group that would be differenced with this one


SHOWN = Verdict(True)


# The group of the criteria of two groups together: its members are exactly those both share.
UNION = {(g, h): normalise(g + h) for g in GROUPS for h in GROUPS}


def disclosure(
    counts: dict[Group, int], *, threshold: int, until: Group | None = None, candidates=None
) -> dict[Group, Verdict]:
    """Decide for every group whether it may be shown (rules 1 and 2 of the module docstring).

    `counts[g]` is the number of peers in group g (the viewer excluded), for every group: the
    union of two groups' criteria has exactly the peers both share, so counts alone tell how many
    organisations separate two groups. Pure and order-fixed: the same counts give the same answer.
    `until` stops after that group (what follows cannot change its verdict); `candidates` limits
    the groups that may be shown at all (per indicator: the groups shown as a whole)."""
    verdicts: dict[Group, Verdict] = {}
    shown: list[Group] = []
    for group in GROUPS:
        size = counts.get(group, 0)
        if candidates is not None and group not in candidates:
            verdicts[group] = Verdict(False, "group")
        elif size < threshold:
            verdicts[group] = Verdict(False, "too_few")
        else:
            verdicts[group] = _against_shown(group, size, shown, counts, threshold)
            if verdicts[group].shown:
                shown.append(group)
        if group == until:
            break
    return verdicts


def _against_shown(group: Group, size: int, shown: list[Group], counts: dict[Group, int], threshold: int) -> Verdict:
    for earlier in shown:
        apart = size + counts[earlier] - 2 * counts.get(UNION[group, earlier], 0)  # in one group, not both
        if 0 < apart < threshold:
            return Verdict(False, "difference", earlier)
    return SHOWN
