"""Opening the database: the models' proxy, the connection settings and ``open_store``.

This is the only module that knows which database engine is behind a URL. Everything
SQLite-specific (pragmas, the write-lock mode) is decided here, so PostgreSQL can come later
without touching the queries.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast
from urllib.parse import urlparse

import peewee as pw
from playhouse.db_url import connect

from pos_app.domain.sale_states import SaleState
from pos_app.store.errors import (
    DamagedDatabaseError,
    SchemaTooNewError,
    StoreAlreadyOpenError,
    StoreConfigError,
    StoreUnavailableError,
)
from pos_app.store.paths import (
    create_private_file,
    default_url,
    make_private_dir,
    os_reason,
    sqlite_file,
    tighten_mode,
)

if TYPE_CHECKING:
    from pos_app.store.store import Store

database_proxy: Final = pw.DatabaseProxy()
"""What the models talk to; ``open_store`` points it at the real database (one per process)."""

BUSY_TIMEOUT_MS: Final = 5000
MIN_FREE_BYTES = 4 * 1024 * 1024
"""A writer does not start with less free space than this beside the database (about one
full write-ahead log): SQLite's own "disk full" would come later, half-way through a day."""
NOTHING_CHANGED: Final = "nothing was sold and nothing recorded was changed"

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
        return not isinstance(record.msg, tuple)


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The first sqlite3 error behind ``exc`` (peewee wraps them; a failed rollback after a
    full disk raises another one on top), if any."""
    found: sqlite3.Error | None = None
    seen: BaseException | None = exc
    for _ in range(20):  # a chain is short; a cycle must not hang the start
        if seen is None:
            break
        if isinstance(seen, sqlite3.Error):
            found = seen
        elif seen.args and isinstance(seen.args[0], sqlite3.Error):
            found = seen.args[0]
        seen = seen.__cause__ or seen.__context__
    return found


def _unavailable(exc: BaseException, path: Path | None) -> StoreUnavailableError:
    """The one-line error for a database that fails at start with ``exc``."""
    if isinstance(exc, StoreUnavailableError):
        return exc
    where = f"the database {path}" if path is not None else "the database"
    if isinstance(exc, OSError):
        return StoreUnavailableError(f"{where} cannot be used ({os_reason(exc)}); "
                                     f"{NOTHING_CHANGED}", path)
    error = _sqlite_error(exc)
    name = getattr(error, "sqlite_errorname", "") if error is not None else ""
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        backup = _newest_backup(path)
        return DamagedDatabaseError(path, str(error), backup)
    reasons = {
        "SQLITE_FULL": "the disk is full",
        "SQLITE_BUSY": "another program keeps it locked",
        "SQLITE_CANTOPEN": "it cannot be opened: its folder must be readable and writable",
        "SQLITE_PERM": "permission denied",
    }
    if name.startswith("SQLITE_READONLY"):
        reason = "it is read-only"
    elif name.startswith("SQLITE_IOERR"):
        reason = f"a disk error ({error})"
    else:
        reason = reasons.get(name, str(error if error is not None else exc) or type(exc).__name__)
    return StoreUnavailableError(f"{where} cannot be used ({reason}); {NOTHING_CHANGED}", path)


def _newest_backup(path: Path | None) -> Path | None:
    from pos_app.store.migrations import newest_backup

    return newest_backup(path) if path is not None else None


def _siblings(path: Path) -> tuple[Path, Path, Path]:
    """The database file and its write-ahead log and shared-memory files."""
    return path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _bad_states(rows: list[tuple[Any, ...]], what: str) -> str | None:
    """A description of the values in ``rows`` (value, count) that are not sale states."""
    known = {state.value for state in SaleState}
    bad = [(value, count) for value, count in rows if value not in known]
    if not bad:
        return None
    total = sum(int(count) for _, count in bad)
    shown = ", ".join(repr(str(value)[:20]) for value, _ in bad[:3])
    return f"{total} {what} a state no version of the app writes: {shown}"


_SALE_STATES: Final = "SELECT state, COUNT(*) FROM sale GROUP BY state"
"""The count of sales by state (it reads the state index: milliseconds even for years of
sales; the journal, without such an index, is not scanned at start)."""


def check_sqlite_file(path: Path) -> None:
    """Check an existing SQLite database through a read-only connection, before anything can
    write to it: SQLite's ``quick_check``, the schema version, and the state of every sale.
    Raises :class:`DamagedDatabaseError` or :class:`SchemaTooNewError`."""
    from pos_app.store.migrations import SCHEMA_VERSION_TABLE, latest_version

    uri = f"{path.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)) as db:
        rows = db.execute("PRAGMA quick_check").fetchall()
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        if problems:
            more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
            raise DamagedDatabaseError(
                path, f"SQLite's check found: {problems[0]}{more}", _newest_backup(path)
            )
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master "
                                                "WHERE type = 'table'")}
        if SCHEMA_VERSION_TABLE in tables:
            found = db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
            if found is not None and int(found) > latest_version():
                raise SchemaTooNewError(int(found), latest_version(), path)
        if "sale" in tables:
            problem = _bad_states(db.execute(_SALE_STATES).fetchall(), "sales have")
            if problem is not None:
                raise DamagedDatabaseError(path, problem, _newest_backup(path))


def _prepare_sqlite_file(path: Path, *, read_only: bool) -> bool:
    """Everything checked before a SQLite file is opened for the store: its folder (created
    0700; writable unless ``read_only``), the file (checked, made private and tested for
    writing; or created 0600), the free space. True when the file was created here. Raises
    :class:`StoreUnavailableError`; changes nothing recorded."""
    folder = path.parent
    try:
        make_private_dir(folder)
    except OSError as exc:
        raise StoreUnavailableError(
            f"the data folder {folder} cannot be created ({os_reason(exc)}); {NOTHING_CHANGED}",
            folder,
        ) from exc
    if not read_only and not os.access(folder, os.W_OK):  # SQLite keeps its -wal file there
        raise StoreUnavailableError(
            f"the data folder {folder} cannot be written; {NOTHING_CHANGED}", folder)
    exists = os.path.lexists(path)
    if exists:
        if not path.is_file():
            raise StoreUnavailableError(f"{path} is not a database file; {NOTHING_CHANGED}", path)
        for file in _siblings(path):
            tighten_mode(file)  # before SQLite creates a -wal or -shm: they copy its mode
        try:
            check_sqlite_file(path)
        except sqlite3.Error as exc:
            raise _unavailable(exc, path) from exc
    if not read_only:
        _check_writable(path, exists=exists)
    if exists:
        return False
    try:
        create_private_file(path)
    except OSError as exc:
        raise _unavailable(exc, path) from exc
    return True


def _check_writable(path: Path, *, exists: bool) -> None:
    """The database file and its companions can be opened for writing (nothing is written)
    and its disk has room. Raises :class:`StoreUnavailableError`."""
    folder = path.parent
    for file in _siblings(path) if exists else ():
        try:
            os.close(os.open(file, os.O_RDWR))
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StoreUnavailableError(
                f"the database {file} cannot be written ({os_reason(exc)}); {NOTHING_CHANGED}",
                path) from exc
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < MIN_FREE_BYTES:
        raise StoreUnavailableError(
            f"the disk holding {folder} is full ({free // 1024} KiB free, at least "
            f"{MIN_FREE_BYTES // (1024 * 1024)} MiB are needed to record sales); "
            f"{NOTHING_CHANGED}", folder)


def _remove_new_database(path: Path) -> None:
    """Remove a database file created by a start that failed (it holds no sale)."""
    for file in _siblings(path):
        with contextlib.suppress(OSError):
            file.unlink(missing_ok=True)


def _check_url(url: str) -> None:
    """Refuse a database URL that names no database this app can keep sales in."""
    scheme = urlparse(url).scheme
    if "sqlite" in scheme and sqlite_file(url) is None:
        raise StoreConfigError(
            "the database URL (POS_DB_URL) names an in-memory database: every sale would be "
            "lost when the app stops; give a file: sqlite:///PATH/pos.sqlite3"
        )


def open_store(
    url: str | None = None,
    *,
    now: Callable[[], datetime] | None = None,
    read_only: bool = False,
) -> Store:
    """Open (and create or migrate) the database at ``url`` (default: the data directory's
    SQLite file) and return the store over it.

    An existing SQLite file is checked first, read-only (:func:`check_sqlite_file`), then for
    writing and free space (skipped with ``read_only``, for readers such as ``history``: a
    read-only file can still be read). A new folder is made 0700 and a new database file 0600
    (its -wal and -shm files take its mode; an existing one loses its group and other bits).

    ``now`` is the clock for every recorded time (default: UTC now). Raises
    :class:`StoreUnavailableError` (one line, nothing recorded changed): among them
    :class:`DamagedDatabaseError` naming the last backup and :class:`SchemaTooNewError`;
    :class:`StoreConfigError` for a URL that names no usable database, and
    :class:`StoreAlreadyOpenError` if this process already has a store open.
    """
    # Deferred: store and migrations import the models, which import this module's proxy.
    from pos_app.store.migrations import migrate
    from pos_app.store.store import Store
    from pos_app.store.timestamps import to_millis, utc_now

    url = url or default_url()
    clock = now or utc_now
    to_millis(clock())  # a naive clock fails here, before anything is opened
    quiet_sql_log()
    _check_url(url)
    path = sqlite_file(url)
    created = path is not None and _prepare_sqlite_file(path, read_only=read_only)
    try:
        database = connect_database(url)
    except RuntimeError as exc:  # playhouse: a scheme it does not know
        scheme = urlparse(url).scheme or "(none)"
        raise StoreConfigError(
            f"the database URL (POS_DB_URL) has the scheme {scheme!r}, which this app does not "
            "know; use sqlite:///PATH"
        ) from exc
    except OSError as exc:
        raise _unavailable(exc, path) from exc
    bind(database)
    try:
        if path is None:
            _check_other_engine(database)
        migrate(database, path if is_sqlite(database) else None, now=clock)
        if path is not None:
            for file in _siblings(path):
                tighten_mode(file)
    except BaseException as exc:
        unbind(database)
        database.close()
        if created and path is not None:
            _remove_new_database(path)
        if isinstance(exc, pw.ImproperlyConfigured):
            raise StoreConfigError(
                f"the database URL (POS_DB_URL) cannot be used: {str(exc).rstrip('.')}"
            ) from exc
        if isinstance(exc, (OSError, sqlite3.Error, pw.PeeweeException)):
            raise _unavailable(exc, path) from exc
        raise
    return Store(database, url=url, now=clock)


def _check_other_engine(database: pw.Database) -> None:
    """The state check of :func:`check_sqlite_file` for a database that is not a file."""
    if "sale" not in database.get_tables():
        return
    problem = _bad_states(sql_rows(database, _SALE_STATES), "sales have")
    if problem is not None:
        raise DamagedDatabaseError(None, problem, None)
