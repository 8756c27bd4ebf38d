"""An organisation's benchmark: its position on every indicator within a chosen peer group.

`benchmark_build` answers the page, the API, the dashboard and the report alike, so all of them
show the same figures and refuse the same groups (see peer_groups.py for the two privacy rules).
Its queries do not grow with the number of organisations: the peers' values come from the
precomputed population (population.py).
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_countries import countries

from accounts.choices import Sector
from accounts.models import Organisation
from labels import selectors

from . import peer_groups
from .choices import Basis
from .peer_groups import DIMENSIONS, GROUPS, NO_LABEL, Group, Verdict
from .population import Population, population, profile_of
from .statistics import Without, percentile_rank, quartiles

BASIS_DECIDED = Basis.DECIDED
BASIS_DRAFT = Basis.DRAFT


@dataclass(frozen=True)
class Figures:
    """The peer group's figures for one indicator; all None (and `suppressed` set) when not shown."""

    n: int | None = None
    q1: float | None = None
    median: float | None = None
    q3: float | None = None
    percentile: int | None = None
    suppressed: str = ""


@dataclass
class Row:
    indicator: selectors.IndicatorInfo
    value: Decimal | None
    rating: str  # "" when the organisation has no value to compare
    figures: Figures
    own_scale: float | None = None  # the value on the common 0–1 scale of the radar chart
    median_scale: float | None = None
    notes: list = field(default_factory=list)  # published practice notes, for red and yellow rows

    @property
    def weak(self) -> bool:
        return self.rating in ("red", "yellow")


@dataclass
class Area:
    code: str
    title: str
    own: float | None  # average of the area's indicators on the 0–1 scale
    peers: float | None  # the same for the peer medians (shown indicators only)
    green: int = 0
    yellow: int = 0
    red: int = 0


@dataclass(frozen=True)
class Criterion:
    """One criterion the organisation can add to its peer group, with its own value."""

    name: str
    label: str
    value: str
    value_label: str
    chosen: bool


@dataclass
class Benchmark:
    organisation: Organisation
    group: Group
    criteria: list[Criterion]
    verdict: Verdict
    n: int | None  # peers in the group, None when the group is suppressed
    suppressed: str  # why the group is not shown, as a sentence ("" when shown)
    basis: str
    decided: selectors.DecidedAssessment | None
    draft: selectors.OpenValues | None
    rows: list[Row]
    areas: list[Area]
    as_of: datetime
    threshold: int
    history: list = field(default_factory=list)  # every decided assessment, oldest first (for the trend)
    history_values: dict = field(default_factory=dict)  # their verified values, by assessment id

    @property
    def description(self) -> str:
        return group_description(self.criteria)

    @property
    def has_values(self) -> bool:
        return any(row.value is not None for row in self.rows)


def group_description(criteria: list[Criterion]) -> str:
    chosen = [f"{c.label}: {c.value_label}" for c in criteria if c.chosen]
    return "; ".join(chosen) if chosen else str(_("All organisations"))


def criteria_from(organisation: Organisation, values: dict[str, str], pop: Population) -> Group:
    """The group asked for by criteria values (the page's checkboxes and the API's parameters).

    Groups are formed around the organisation's own profile, so each value must be its own;
    anything else is a ValidationError that says which value would be accepted."""
    profile = profile_of(organisation, pop.levels.get(organisation.pk, ""), pop.today)
    chosen = []
    errors = {}
    for name, value in values.items():
        if name not in DIMENSIONS or value in (None, ""):
            continue
        if value != profile[name]:
            errors[name] = _(
                "Peer groups are formed around your organisation's own profile: use “%(own)s” or leave it out."
            ) % {"own": profile[name]}
        else:
            chosen.append(name)
    if errors:
        raise ValidationError(errors)
    return peer_groups.normalise(chosen)


def verdict_sentence(verdict: Verdict, threshold: int, *, indicator: bool = False) -> str:
    """Why figures are not shown, in the words the page and the API use."""
    if verdict.shown:
        return ""
    if verdict.reason == "too_few":
        if indicator:
            return _(
                "Fewer than %(n)s organisations besides yours have a value for this indicator in this group, "
                "so its figures are not shown."
            ) % {"n": threshold}
        return _(
            "This peer group has fewer than %(n)s organisations besides yours. Its figures are not shown, "
            "so that no single organisation's values can be read off."
        ) % {"n": threshold}
    if verdict.reason == "group":
        return _("The peer group is not shown.")
    against = group_name(verdict.against)
    if indicator:
        return _(
            "For this indicator the group differs from the group “%(other)s” by fewer than %(n)s organisations "
            "with a value; comparing the two would reveal their values, so it is not shown."
        ) % {"other": against, "n": threshold}
    return _(
        "This combination differs from the group “%(other)s” by fewer than %(n)s organisations. Comparing the "
        "two would reveal the values of those few, so it is not shown. Choose fewer or other criteria."
    ) % {"other": against, "n": threshold}


def group_name(group: Group) -> str:
    if not group:
        return str(_("All organisations"))
    return ", ".join(str(peer_groups.DIMENSION_LABELS[name]) for name in group)


def _counts(pop: Population, profile: dict, viewer: int | None, mask: int | None = None) -> dict[Group, int]:
    counts = {}
    for group in GROUPS:
        bits = pop.bits(profile, group)
        if mask is not None:
            bits &= mask
        if viewer is not None:
            bits &= ~(1 << viewer)
        counts[group] = bits.bit_count()
    return counts


def verdicts_for(pop: Population, organisation_id: int, profile: dict, threshold: int) -> tuple[dict, dict]:
    """(group verdicts, per-indicator verdicts) for the groups around one organisation, cached per
    population: both depend only on the population, the organisation and the threshold."""
    key = (organisation_id, threshold)
    found = pop._verdicts.get(key)
    if found is None:
        viewer = pop.index_of(organisation_id)
        groups = peer_groups.disclosure(_counts(pop, profile, viewer), threshold=threshold)
        shown = {group for group, verdict in groups.items() if verdict.shown}
        per_indicator = {
            key_: peer_groups.disclosure(_counts(pop, profile, viewer, mask), threshold=threshold, candidates=shown)
            for key_, mask in pop.present.items()
        }
        found = pop._verdicts[key] = (groups, per_indicator)
    return found


def achievement(indicator: selectors.IndicatorInfo, value: float | Decimal | None) -> float | None:
    """A value on the common 0–1 scale of the radar chart: 0 is nothing, 0.5 the yellow threshold,
    1 the green threshold (and anything beyond). For "less is better", 1 at or below green, 0.5 at
    yellow, 0 as far beyond yellow as yellow is from green. Yes/no: 1 or 0."""
    if value is None:
        return None
    value, yellow, green = float(value), float(indicator.yellow), float(indicator.green)
    if indicator.kind == "boolean":
        return 1.0 if value >= 1 else 0.0
    if indicator.direction == "lower":
        if value <= green:
            return 1.0
        if value <= yellow:
            return 1.0 - 0.5 * (value - green) / (yellow - green) if yellow > green else 0.5
        span = yellow - green if yellow > green else max(yellow, 1.0)
        return max(0.0, 0.5 - 0.5 * (value - yellow) / span)
    if value >= green:
        return 1.0
    if value >= yellow:
        return 0.5 + 0.5 * (value - yellow) / (green - yellow) if green > yellow else 1.0
    return 0.5 * value / yellow if yellow > 0 else 0.0


def benchmark_build(
    *, organisation: Organisation, group: Group = (), basis: str = BASIS_DECIDED, pop: Population | None = None
) -> Benchmark:
    """The organisation's position within the peer group formed around it by `group`'s criteria
    (`pop`: the population the caller already loaded in this request)."""
    threshold = settings.PEER_GROUP_MIN_SIZE
    pop = pop or population()
    indicators = pop.indicators()
    level = pop.levels.get(organisation.pk, "")
    profile = profile_of(organisation, level, pop.today)
    viewer = pop.index_of(organisation.pk)
    group_verdicts, indicator_verdicts = verdicts_for(pop, organisation.pk, profile, threshold)
    verdict = group_verdicts[group]

    history = selectors.decided_assessments_of(organisation.pk)
    history_values = selectors.verified_values([d.assessment_id for d in history])
    decided = history[-1] if history else None
    draft = selectors.open_declared_values(organisation.pk)
    if basis == BASIS_DRAFT and draft is not None:
        own = {key: (v.value, v.rating) for key, v in draft.values.items()}
    else:
        basis = BASIS_DECIDED
        verified = history_values.get(decided.assessment_id, {}) if decided else {}
        own = {key: (v.value, v.rating) for key, v in verified.items()}
    # The viewer's own decided values are in the population; they are removed from its peers.
    own_in_population = {key: column[viewer] for key, column in pop.values.items()} if viewer is not None else {}

    rows = []
    for indicator in indicators:
        value, rating = own.get(indicator.key, (None, ""))
        figures = Figures(suppressed=verdict_sentence(verdict, threshold))
        if verdict.shown:
            per_indicator = indicator_verdicts.get(indicator.key, {}).get(group)
            if per_indicator is None or not per_indicator.shown:
                figures = Figures(
                    suppressed=verdict_sentence(per_indicator or Verdict(False, "too_few"), threshold, indicator=True)
                )
            else:
                peers = Without(pop.sorted_values(profile, group, indicator.key), own_in_population.get(indicator.key))
                q1, median, q3 = quartiles(peers)
                percentile = (
                    percentile_rank(peers, float(value), lower_is_better=indicator.direction == "lower")
                    if value is not None
                    else None
                )
                figures = Figures(n=len(peers), q1=q1, median=median, q3=q3, percentile=percentile)
        rows.append(
            Row(
                indicator=indicator,
                value=value,
                rating=rating if value is not None or rating else "",
                figures=figures,
                own_scale=achievement(indicator, value),
                median_scale=achievement(indicator, figures.median),
            )
        )
    return Benchmark(
        organisation=organisation,
        group=group,
        criteria=_criteria(profile, group),
        verdict=verdict,
        n=_group_size(pop, profile, group, viewer) if verdict.shown else None,
        suppressed=verdict_sentence(verdict, threshold),
        basis=basis,
        decided=decided,
        draft=draft,
        rows=rows,
        areas=_areas(rows),
        as_of=pop.built_at,
        threshold=threshold,
        history=history,
        history_values=history_values,
    )


def _group_size(pop: Population, profile: dict, group: Group, viewer: int | None) -> int:
    bits = pop.bits(profile, group)
    if viewer is not None:
        bits &= ~(1 << viewer)
    return bits.bit_count()


def _criteria(profile: dict, group: Group) -> list[Criterion]:
    def label(name: str, value: str) -> str:
        if name == "sector":
            return str(Sector(value).label) if value in Sector.values else value
        if name == "country":
            return str(countries.name(value)) or value
        if name in ("size", "age"):
            return str(peer_groups.band_label(name, value))
        if value == NO_LABEL:
            return str(_("No valid label"))
        return dict(selectors.level_choices()).get(value, value)

    return [
        Criterion(
            name=name,
            label=str(peer_groups.DIMENSION_LABELS[name]),
            value=profile[name],
            value_label=label(name, profile[name]),
            chosen=name in group,
        )
        for name in DIMENSIONS
    ]


def _areas(rows: list[Row]) -> list[Area]:
    areas: dict[str, Area] = {}
    own: dict[str, list[float]] = {}
    peers: dict[str, list[float]] = {}
    for row in rows:
        code = row.indicator.area_code
        area = areas.setdefault(code, Area(code, row.indicator.area_title, None, None))
        if row.rating in ("green", "yellow", "red"):
            setattr(area, row.rating, getattr(area, row.rating) + 1)
        if row.own_scale is not None:
            own.setdefault(code, []).append(row.own_scale)
        if row.median_scale is not None:
            peers.setdefault(code, []).append(row.median_scale)
    for code, area in areas.items():
        area.own = _mean(own.get(code))
        area.peers = _mean(peers.get(code))
    return list(areas.values())


def _mean(values: list[float] | None) -> float | None:
    return round(sum(values) / len(values), 3) if values else None
