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

from django.core.cache import cache
from django.db import transaction
from django.db.backends.signals import connection_created

# Sessions change on sign-in and with every message queued; no cached page shows them
# (page_cache serves no request with a message waiting).
IGNORED = frozenset({"django_session"})
_READ = re.compile(r'\b(?:FROM|JOIN)\s+"?(\w+)"?', re.IGNORECASE)
_WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
_reading: contextvars.ContextVar[set | None] = contextvars.ContextVar("data_versions_reading", default=None)


def version_key(table: str) -> str:
    return f"data-version:{table}"


def versions(tables) -> dict[str, int | None]:
    """The current version of each table; None for one that has none yet (see `start`)."""
    found = cache.get_many([version_key(table) for table in tables])
    return {table: found.get(version_key(table)) for table in tables}


def start(tables) -> None:
    """Give the tables that have no version yet a random one."""
    for table in tables:
        cache.add(version_key(table), secrets.randbits(48), timeout=None)


def bump(tables) -> None:
    for table in tables:
        while True:
            try:
                cache.incr(version_key(table))
                break
            except ValueError:  # not there: start it, unless another process did so in between
                if cache.add(version_key(table), secrets.randbits(48), timeout=None):
                    break


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
        tables.update(getattr(item, "_meta", None) and item._meta.db_table or item for item in models_or_tables)


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
    a process meets a table: versions read after the rows could be newer than the rows."""
    seen = _seen.setdefault(name, _TablesSeen())
    tables = seen.tables
    found = cache.get_many([key, *map(version_key, tables)])
    current = {table: found.get(version_key(table)) for table in tables}
    entry = found.get(key)
    if entry is not None and all(current.get(table) == version for table, version in entry[0].items()):
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
