"""Opening the database: the models' proxy, the connection settings and ``open_store``.

This is the only module that knows which database engine is behind a URL. Everything
SQLite-specific (pragmas, the write-lock mode) is decided here, so PostgreSQL can come later
without touching the queries.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final, cast

import peewee as pw
from playhouse.db_url import connect

from pos_app.store.errors import StoreAlreadyOpenError
from pos_app.store.paths import default_url, sqlite_file

if TYPE_CHECKING:
    from pos_app.store.store import Store

database_proxy: Final = pw.DatabaseProxy()
"""What the models talk to; ``open_store`` points it at the real database (one per process)."""

BUSY_TIMEOUT_MS: Final = 5000

SQLITE_PRAGMAS: Final[tuple[tuple[str, object], ...]] = (
    # Wait for another writer instead of failing at once (set first: the next pragma may wait).
    ("busy_timeout", BUSY_TIMEOUT_MS),
    # Readers never block the writer and a commit is one append to the log.
    ("journal_mode", "wal"),
    # FULL: the log is flushed to disk on every commit, so a commit survives a power cut.
    ("synchronous", 2),
    ("foreign_keys", 1),
    # macOS only (ignored elsewhere): fsync there does not flush the drive's cache.
    ("fullfsync", 1),
)
"""Applied by peewee to every new connection (one per thread)."""


def connect_database(url: str) -> pw.Database:
    """A peewee database for ``url``, not yet connected (it connects per thread on first use).

    SQLite write transactions start with ``BEGIN IMMEDIATE``: the write lock is taken up front,
    so a transaction that reads then writes waits for another writer (busy timeout) instead of
    failing half-way with "database is locked".
    """
    path = sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    if url.split(":", 1)[0].startswith("sqlite"):
        database: pw.Database = connect(
            url,
            pragmas=list(SQLITE_PRAGMAS),
            timeout=BUSY_TIMEOUT_MS / 1000,
            lock_type="IMMEDIATE",
        )
    else:
        database = connect(url)
    return database


def sql_rows(database: pw.Database, sql: str) -> list[tuple[Any, ...]]:
    """All rows of a raw statement (for the few engine-specific ones, such as pragmas)."""
    cursor = cast(Any, database).execute_sql(sql)
    return [tuple(row) for row in cursor.fetchall()]


def is_sqlite(database: pw.Database) -> bool:
    """True when ``database`` is SQLite (pragmas, file backups and the lock file apply)."""
    return isinstance(database, pw.SqliteDatabase)


_bound: list[pw.Database] = []  # the database the proxy points at, while a store is open


def bind(database: pw.Database) -> None:
    """Point the models at ``database``; refuse while another store is open in this process."""
    if _bound:
        raise StoreAlreadyOpenError(
            "a store is already open in this process; close it before opening another"
        )
    database_proxy.initialize(database)
    _bound.append(database)


def unbind(database: pw.Database) -> None:
    """Undo :func:`bind` for ``database`` (no-op if it is not the bound one)."""
    if _bound and _bound[0] is database:
        _bound.clear()
        database_proxy.initialize(None)


def is_bound(database: pw.Database) -> bool:
    """True while the models point at ``database``."""
    return bool(_bound) and _bound[0] is database


def open_store(url: str | None = None, *, now: Callable[[], datetime] | None = None) -> Store:
    """Open (and create or migrate) the database at ``url`` (default: the data directory's
    SQLite file) and return the store over it.

    ``now`` is the clock for every recorded time (default: UTC now). Raises
    :class:`SchemaTooNewError` for a database written by a newer app, and
    :class:`StoreAlreadyOpenError` if this process already has a store open.
    """
    # Deferred: store and migrations import the models, which import this module's proxy.
    from pos_app.store.migrations import migrate
    from pos_app.store.store import Store
    from pos_app.store.timestamps import to_millis, utc_now

    url = url or default_url()
    clock = now or utc_now
    to_millis(clock())  # a naive clock fails here, before anything is opened
    database = connect_database(url)
    bind(database)
    try:
        migrate(database, sqlite_file(url) if is_sqlite(database) else None, now=clock)
    except BaseException:
        unbind(database)
        database.close()
        raise
    return Store(database, url=url, now=clock)
