"""A version number per database table that every write changes, and the tables a page read.

Cached pages (`page_cache.cached_page`) stay valid as long as the versions of the tables they
were made from stay the same. Both sides are learnt from the SQL itself, so no view has to list
what it shows and no write can forget to say what it changed: `_watch` runs around every query on
every database connection (bulk updates and raw SQL included) and
- while `reading()` is open in this thread, notes the tables a SELECT names;
- after an INSERT, UPDATE or DELETE that changed rows, increments the written table's version in
  the shared cache (Redis in production): at once, so that the same connection sees its own
  change (tests run inside one transaction), and again when the transaction commits, so that a
  page another connection made from the old rows in between is not kept under the new version.

A version that is not in the cache (never written since the cache started, or evicted) starts at a
random number, so that a lost version never comes back with a number an old page was stored with.
Data that a process keeps in its own memory (the benchmarking population, say) names the tables
it was made from with `read()`.

`remember()` keeps a value in the cache with the versions of the tables it was made from.
"""

import contextlib
import contextvars
import functools
import re
import secrets
import threading

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.backends.signals import connection_created

# Sessions change on sign-in and with every message queued; no cached page shows them
# (page_cache serves no request with a message waiting).
IGNORED = frozenset({"django_session"})
_READ = re.compile(r'\b(?:FROM|JOIN)\s+"?(\w+)"?', re.IGNORECASE)
_WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
_reading: contextvars.ContextVar[set | None] = contextvars.ContextVar("data_versions_reading", default=None)


class _RedisVersions:
    """The versions in one Redis hash, read in the same round trip as the value remembered with
    them (with one key per table, Django's get_many cost more than the page it fetched)."""

    def __init__(self, backend):
        self.backend = backend
        self.hash = backend.make_key("data-versions")

    def _client(self):
        return self.backend._cache.get_client(write=True)

    def fetch(self, key: str | None, tables: list[str]):
        pipe = self._client().pipeline(transaction=False)
        if key is not None:
            pipe.get(self.backend.make_and_validate_key(key))
        if tables:
            pipe.hmget(self.hash, tables)
        results = pipe.execute()
        raw = results.pop(0) if key is not None else None
        values = results[0] if tables else []
        entry = self.backend._cache._serializer.loads(raw) if raw is not None else None
        return entry, {
            table: None if value is None else int(value) for table, value in zip(tables, values, strict=True)
        }

    def start(self, tables) -> None:
        pipe = self._client().pipeline(transaction=False)
        for table in tables:
            pipe.hsetnx(self.hash, table, secrets.randbits(48))
        pipe.execute()

    def bump(self, tables) -> None:
        pipe = self._client().pipeline(transaction=False)
        for table in tables:  # a version that is gone (evicted) starts again at random
            pipe.hsetnx(self.hash, table, secrets.randbits(48))
            pipe.hincrby(self.hash, table, 1)
        pipe.execute()


class _ProcessVersions:
    """The versions in this process's memory, for a cache that is this process's memory too."""

    def __init__(self):
        self.versions: dict[str, int] = {}
        self.lock = threading.Lock()

    def fetch(self, key: str | None, tables: list[str]):
        entry = cache.get(key) if key is not None else None
        return entry, {table: self.versions.get(table) for table in tables}

    def start(self, tables) -> None:
        with self.lock:
            for table in tables:
                self.versions.setdefault(table, secrets.randbits(48))

    def bump(self, tables) -> None:
        with self.lock:
            for table in tables:
                self.versions[table] = self.versions.get(table, secrets.randbits(48)) + 1


_process_versions = _ProcessVersions()


def _store():
    backend = caches["default"]  # looked up each time: tests swap the cache
    return _RedisVersions(backend) if isinstance(backend, RedisCache) else _process_versions


def versions(tables) -> dict[str, int | None]:
    """The current version of each table; None for one that has none yet (see `start`)."""
    return _store().fetch(None, list(tables))[1]


def start(tables) -> None:
    """Give the tables that have no version yet a random one."""
    _store().start(tables)


# Writes this process made: a copy a process keeps without asking Redis is void after its own writes.
local_writes = 0


def bump(tables) -> None:
    global local_writes
    local_writes += 1
    _store().bump(tables)


@contextlib.contextmanager
def reading():
    """Collect the tables that the queries of this thread read while the block runs."""
    tables: set[str] = set()
    token = _reading.set(tables)
    try:
        yield tables
    finally:
        _reading.reset(token)
        read(*tables)  # what is made here is part of what an enclosing block makes


def read(*models_or_tables) -> None:
    """Record that what is being made depends on these tables, read earlier or elsewhere."""
    tables = _reading.get()
    if tables is not None:
        tables.update(item._meta.db_table if hasattr(item, "_meta") else item for item in models_or_tables)


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    written = _WRITE.match(sql)
    if written:
        verb, table = written.groups()
        # An UPDATE or DELETE that matched no row changed nothing (SQLite counts an INSERT's rows
        # only once its RETURNING rows are fetched: an INSERT always counts).
        changed = verb[0] in "Ii" or context["cursor"].rowcount != 0
        if table not in IGNORED and changed:
            bump([table])
            _bump_on_commit(context["connection"], table)
    else:
        tables = _reading.get()
        if tables is not None:
            tables.update(name for name in _READ.findall(sql) if name not in IGNORED)
    return result


def _bump_on_commit(connection, table: str) -> None:
    if not connection.in_atomic_block:
        return  # autocommit: the write is committed already
    pending = connection.__dict__.setdefault("_data_versions_pending", set())
    pending.add(table)
    hook = connection.__dict__.get("_data_versions_hook")
    # A rolled-back transaction or savepoint drops its hooks: register again when ours is gone.
    if hook is None or not any(registered[1] is hook for registered in connection.run_on_commit):
        hook = functools.partial(_flush, connection)
        connection._data_versions_hook = hook
        # robust: the rows are committed; should Redis be down, say so in the log, not to the user.
        transaction.on_commit(hook, using=connection.alias, robust=True)


def _flush(connection) -> None:
    pending = connection.__dict__.get("_data_versions_pending", set())
    tables = list(pending)
    pending.clear()
    bump(tables)


def _install(sender, connection, **kwargs) -> None:
    if _watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch)


connection_created.connect(_install, dispatch_uid="data_versions")


class _TablesSeen:
    """The tables that what one caller remembers was made from, learnt in this process: their
    versions come with the remembered value in one round trip. Replaced, never changed in place
    (threads read it)."""

    def __init__(self):
        self.tables = frozenset()


_seen: dict[str, _TablesSeen] = {}


def remember(key: str, name: str, make, *, keep=lambda made: made, serve=lambda kept: kept, timeout: int):
    """`serve(kept)` of what was kept under `key` while the tables it was made from are unchanged;
    otherwise `make()`, with `keep(made)` kept (unless None) for at most `timeout` seconds. `name`
    groups the keys that read the same tables (a view, a look-up). Nothing is kept the first time
    a process meets a table: versions read after the rows could be newer than the rows. With
    CACHE_PAGES off (several processes without a shared cache), always `make()`."""
    if not settings.CACHE_PAGES:
        return make()
    seen = _seen.setdefault(name, _TablesSeen())
    tables = seen.tables
    entry, current = _store().fetch(key, list(tables))
    if entry is not None and all(current.get(table) == version for table, version in entry[0].items()):
        read(*entry[0])  # for a page that this value is part of
        return serve(entry[1])

    with reading() as read_now:
        made = make()
        kept = keep(made)
    if not read_now <= tables:
        seen.tables = tables | read_now
    unknown = [table for table in read_now if current.get(table) is None]
    if unknown:
        start(unknown)
    elif kept is not None:
        cache.set(key, ({table: current[table] for table in read_now}, kept), timeout)
    return made
