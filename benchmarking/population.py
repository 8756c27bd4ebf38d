"""Everything benchmarking compares, precomputed once per state of the data and kept in memory.

The population is every organisation with a decided assessment: its verified values (of its
latest decided assessment, by indicator key) and its profile (sector, country, size band, age
band, label level). Reading 36 values of 10,000 organisations takes about a second, far too long
for a page, so it is built once and reused while nothing changed.

Freshness: every request first reads a fingerprint of the data, and a changed fingerprint rebuilds
the population before the request is answered:
- a new decision (any transition: each writes a history row, found by one index lookup) is
  visible on the very next request;
- a changed organisation profile (sector, country, participants, year founded) within
  PROFILE_CHECK_SECONDS (1 minute): finding the latest change scans every organisation, so each
  process looks at most once a minute;
- a new day (labels expire) at once, and anything no row records (an edit of a stored value or a
  deletion in Django admin, a newly published catalogue) within MAX_AGE_SECONDS (10 minutes),
  because the fingerprint also holds the current 10-minute slot. The
built population is also put in the shared cache under its fingerprint, so that with Redis only
one process rebuilds and the others load it.

Inside a population, each combination of criteria values has its members as a bitset (a Python
int, one bit per organisation), so counting a group's members with a value for an indicator is
an AND and a popcount, and the sorted values of a group are computed once per process and kept.
"""

import contextlib
import hashlib
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone, translation

from accounts.models import Organisation
from clusterexcellence import data_versions
from labels import selectors

from .peer_groups import NO_LABEL, Group, age_band, size_band

logger = logging.getLogger(__name__)

CACHE_SECONDS = 24 * 3600
MAX_AGE_SECONDS = 600
PROFILE_CHECK_SECONDS = 60
SORTED_GROUPS_KEPT = 512  # sorted values of this many groups per process (a few hundred kB each at most)
_lock = threading.Lock()
_current: "Population | None" = None


def profile_of(organisation: Organisation, level: str, today: date) -> dict[str, str]:
    """The criteria values of one organisation: what its peer groups are formed around."""
    return {
        "sector": organisation.sector,
        "country": str(organisation.country),
        "size": size_band(organisation.participants_total),
        "age": age_band(organisation.year_founded, today),
        "level": level or NO_LABEL,
    }


@dataclass
class Population:
    """The organisations with a decided assessment, their profiles and values, and label levels."""

    fingerprint: tuple
    built_at: datetime
    today: date
    org_ids: list[int]
    levels: dict[int, str]  # organisation id → level of its valid label (every organisation holding one)
    members: dict[tuple[str, str], int]  # (criterion, value) → bitset of population indices
    values: dict[str, list[float | None]]  # indicator key → value by population index
    present: dict[str, int]  # indicator key → bitset of the indices that have a value
    ratings: dict[str, dict[str, int]]  # indicator key → rating → number of organisations
    build_seconds: float = 0.0
    tables: frozenset = frozenset()  # what it was read from: pages made from it depend on them (data_versions)
    _sorted: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _verdicts: dict = field(default_factory=dict, repr=False)

    def __getstate__(self):  # the per-process caches stay out of the shared cache
        state = {**self.__dict__, "_sorted": OrderedDict(), "_verdicts": {}}
        state.pop("_indicators", None)
        return state

    def indicators(self) -> list:
        """The current catalogue's indicators in the active language, read once per population and
        language: a catalogue published since is seen with the next decision or within MAX_AGE_SECONDS."""
        cached = self.__dict__.setdefault("_indicators", {})
        language = translation.get_language()
        if language not in cached:
            cached[language] = selectors.current_indicators()
        return cached[language]

    @property
    def everyone(self) -> int:
        return (1 << len(self.org_ids)) - 1

    def index_of(self, organisation_id: int) -> int | None:
        index = self.__dict__.get("_index")
        if index is None:
            index = self.__dict__["_index"] = {org_id: i for i, org_id in enumerate(self.org_ids)}
        return index.get(organisation_id)

    def bits(self, profile: dict[str, str], group: Group) -> int:
        """Members of the group formed around `profile` (the viewer not yet removed)."""
        result = self.everyone
        for criterion in group:
            result &= self.members.get((criterion, profile[criterion]), 0)
        return result

    def sorted_values(self, profile: dict[str, str], group: Group, key: str) -> list[float]:
        """The sorted values of one indicator in one group (viewer included), cached per process."""
        cache_key = (tuple((criterion, profile[criterion]) for criterion in group), key)
        found = self._sorted.get(cache_key)
        if found is not None:
            with contextlib.suppress(KeyError):  # another thread may have evicted it meanwhile
                self._sorted.move_to_end(cache_key)
            return found
        column = self.values.get(key)
        if column is None:
            return []
        bits = self.bits(profile, group) & self.present.get(key, 0)
        found = sorted(column[i] for i in _indices(bits))
        self._sorted[cache_key] = found
        if len(self._sorted) > SORTED_GROUPS_KEPT * 36:
            with contextlib.suppress(KeyError):
                self._sorted.popitem(last=False)
        return found


def _bitset(indices, size: int) -> int:
    """A bitset with the given positions set (built as bytes: OR-ing 10,000 ints one by one is slow)."""
    flags = bytearray((size + 7) // 8)
    for i in indices:
        flags[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(flags, "little")


def _indices(bits: int) -> list[int]:
    """The positions of the set bits, lowest first."""
    text = bin(bits)[:1:-1]  # least significant bit first
    return [i for i, bit in enumerate(text) if bit == "1"]


_profiles_seen: tuple[float, object] = (float("-inf"), None)


def _profiles_mark():
    """The latest change of any organisation profile, read at most every PROFILE_CHECK_SECONDS: it
    scans every organisation (no index on updated_at), unlike the history mark's index lookup."""
    global _profiles_seen
    read_at, mark = _profiles_seen
    now = time.time()
    if now - read_at >= PROFILE_CHECK_SECONDS:
        mark = Organisation.objects.aggregate(updated=Max("updated_at"))["updated"]
        _profiles_seen = (now, mark)
    return mark


def fingerprint() -> tuple:
    """What the population depends on: the latest assessment or label history row (every decision,
    suspension and revocation writes one; one query on every request), the latest change of an
    organisation profile (checked every minute), today (labels expire), and the current
    MAX_AGE_SECONDS slot, so that what neither records (an edit of a stored value in Django admin)
    is picked up within that time."""
    return (
        selectors.history_mark(),
        _profiles_mark(),
        timezone.localdate(),
        int(time.time() // MAX_AGE_SECONDS),
    )


def population() -> Population:
    """The population as the data is now (see the module docstring for how fresh that is)."""
    found = _population()
    data_versions.read(*found.tables)  # a page made from it is kept while they are unchanged
    return found


def _population() -> Population:
    global _current
    current_fingerprint = fingerprint()
    found = _current
    if found is not None and found.fingerprint == current_fingerprint:
        return found
    with _lock:
        if _current is not None and _current.fingerprint == current_fingerprint:
            return _current
        key = f"benchmarking:population:{_digest(current_fingerprint)}"
        found = cache.get(key)
        if found is None or found.fingerprint != current_fingerprint:
            found = population_build(current_fingerprint)
            cache.set(key, found, CACHE_SECONDS)
        _current = found
        return found


def _digest(value) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:32]


def population_build(current_fingerprint: tuple) -> Population:
    """Read every decided organisation's values and profile (four queries) into a Population."""
    with data_versions.reading() as tables:
        built = _population_read(current_fingerprint)
    built.tables = frozenset(tables)
    return built


def _population_read(current_fingerprint: tuple) -> Population:
    started = time.monotonic()
    today = current_fingerprint[2]
    values_by_key = selectors.latest_decided_values()
    labels = selectors.current_labels(today=today)
    levels = {org_id: label.level for org_id, label in labels.items()}
    org_ids = sorted({org_id for by_org in values_by_key.values() for org_id in by_org})
    index = {org_id: i for i, org_id in enumerate(org_ids)}
    member_lists: dict[tuple[str, str], list[int]] = {}
    organisations = Organisation.objects.filter(pk__in=org_ids) if len(org_ids) < 900 else Organisation.objects.all()
    for organisation in organisations.only(
        "pk",
        "sector",
        "country",
        "year_founded",
        *[f.name for f in Organisation._meta.fields if f.name.startswith("participants_")],
    ):
        i = index.get(organisation.pk)
        if i is None:
            continue
        for criterion, value in profile_of(organisation, levels.get(organisation.pk, ""), today).items():
            member_lists.setdefault((criterion, value), []).append(i)
    size = len(org_ids)
    members = {pair: _bitset(indices, size) for pair, indices in member_lists.items()}
    values: dict[str, list[float | None]] = {}
    present: dict[str, int] = {}
    ratings: dict[str, dict[str, int]] = {}
    for key, by_org in values_by_key.items():
        column: list[float | None] = [None] * size
        counted = {"green": 0, "yellow": 0, "red": 0}
        for org_id, (value, rating) in by_org.items():
            counted[rating] = counted.get(rating, 0) + 1
            if value is not None:
                column[index[org_id]] = float(value)
        values[key], ratings[key] = column, counted
        present[key] = _bitset((i for i, value in enumerate(column) if value is not None), size)
    built = Population(
        fingerprint=current_fingerprint,
        built_at=timezone.now(),
        today=today,
        org_ids=org_ids,
        levels=levels,
        members=members,
        values=values,
        present=present,
        ratings=ratings,
        build_seconds=time.monotonic() - started,
    )
    logger.info("Benchmarking population of %s organisations built in %.2f s", len(org_ids), built.build_seconds)
    return built


def criteria_values(population: Population, criterion: str) -> list[str]:
    """The values of one criterion that occur in the population (for statistics pages)."""
    return sorted(value for (name, value) in population.members if name == criterion)
