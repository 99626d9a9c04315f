"""Connecting to a database URL: the engine-specific settings and raw statements.

This is the only module that knows which database engine is behind a URL. Everything
SQLite-specific (pragmas, the write-lock mode) is decided here, so PostgreSQL can come later
without touching the queries.
"""

from __future__ import annotations

import logging
from typing import Any, Final, cast

import peewee as pw
from playhouse.db_url import connect

from pos_app.store.paths import make_private_dir, sqlite_file

BUSY_TIMEOUT_MS: Final = 5000

SQLITE_PRAGMAS: Final[tuple[tuple[str, object], ...]] = (
    # Wait for another writer instead of failing at once (set first: the next pragma may wait).
    ("busy_timeout", BUSY_TIMEOUT_MS),
    # Readers never block the writer and a commit is one append to the log.
    ("journal_mode", "wal"),
    # FULL: the log is flushed to disk on every commit, so a commit survives a power cut.
    ("synchronous", 2),
    ("foreign_keys", 1),
    # Freed space is zeroed, so what a write replaces does not linger in the file or the log
    # (SQLite builds differ in their default: Windows' is off).
    ("secure_delete", 1),
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
        make_private_dir(path.parent)
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


def quiet_sql_log() -> None:
    """Keep queries, and so their parameters (card codes), out of every log: peewee logs each
    query with its parameters at DEBUG on its ``peewee`` logger. Its level is raised to
    WARNING (unless someone set one) and a filter drops query records whatever the level."""
    logger = logging.getLogger("peewee")
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.WARNING)
    if not any(isinstance(f, _NoQueries) for f in logger.filters):
        logger.addFilter(_NoQueries())


class _NoQueries(logging.Filter):
    """Drops peewee's query records (their message is the tuple ``(sql, params)``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        # The redacting record factory (domain/redaction.py) has made the tuple a string by
        # now: peewee's DEBUG records are its queries.
        query = record.name == "peewee" and record.levelno <= logging.DEBUG
        return not (query or isinstance(record.msg, tuple))
