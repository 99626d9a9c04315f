"""Opening the database: the checks before a store may use a file, and ``open_store``."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlparse

import peewee as pw

from pos_app.domain.sale_states import SaleState
from pos_app.store.connection import (
    BUSY_TIMEOUT_MS,
    connect_database,
    is_sqlite,
    quiet_sql_log,
    sql_rows,
)
from pos_app.store.errors import (
    DamagedDatabaseError,
    SchemaTooNewError,
    StoreConfigError,
    StoreUnavailableError,
)
from pos_app.store.migrations import SCHEMA_VERSION_TABLE, latest_version, migrate, newest_backup
from pos_app.store.paths import (
    create_private_file,
    default_url,
    make_private_dir,
    os_reason,
    sqlite_file,
    tighten_mode,
)
from pos_app.store.store import Store
from pos_app.store.timestamps import to_millis, utc_now
from pos_app.store.vault import Vault, load_vault

MIN_FREE_BYTES = 4 * 1024 * 1024
"""A writer does not start with less free space than this beside the database (about one
full write-ahead log): SQLite's own "disk full" would come later, half-way through a day."""
NOTHING_CHANGED: Final = "nothing was sold and nothing recorded was changed"


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
        return StoreUnavailableError(
            f"{where} cannot be used ({os_reason(exc)}); {NOTHING_CHANGED}", path
        )
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
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)) as db:
        rows = db.execute("PRAGMA quick_check").fetchall()
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        if problems:
            more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
            raise DamagedDatabaseError(
                path, f"SQLite's check found: {problems[0]}{more}", _newest_backup(path)
            )
        tables = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
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
            f"the data folder {folder} cannot be written; {NOTHING_CHANGED}", folder
        )
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
                f"the database {file} cannot be written ({os_reason(exc)}); {NOTHING_CHANGED}", path
            ) from exc
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < MIN_FREE_BYTES:
        raise StoreUnavailableError(
            f"the disk holding {folder} is full ({free // 1024} KiB free, at least "
            f"{MIN_FREE_BYTES // (1024 * 1024)} MiB are needed to record sales); "
            f"{NOTHING_CHANGED}",
            folder,
        )


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
    key_in_file: bool = False,
) -> Store:
    """Open (and create or migrate) the database at ``url`` (default: the data directory's
    SQLite file) and return the store over it.

    An existing SQLite file is checked first, read-only (:func:`check_sqlite_file`), then for
    writing and free space (skipped with ``read_only``, for readers such as ``history``: a
    read-only file can still be read). A new folder is made 0700 and a new database file 0600
    (its -wal and -shm files take its mode; an existing one loses its group and other bits).

    The database's data key (:mod:`~pos_app.store.vault`) is loaded, or made for a new
    database: in the system keyring, else (or with ``key_in_file``: a throwaway training
    database) in a 0600 file beside it.

    ``now`` is the clock for every recorded time (default: UTC now). Raises
    :class:`StoreUnavailableError` (one line, nothing recorded changed): among them
    :class:`DamagedDatabaseError` naming the last backup and :class:`SchemaTooNewError`;
    :class:`StoreConfigError` for a URL that names no usable database. Other stores may be
    open at the same time, on other databases.
    """
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
    loaded: list[Vault] = []
    try:
        if path is None:
            _check_other_engine(database)
        file = path if is_sqlite(database) else None

        def vault() -> Vault:
            if not loaded:
                loaded.append(load_vault(database, file, prefer_file=key_in_file))
            return loaded[0]

        migrate(database, file, now=clock, vault=vault)
        store_vault = vault()
        if path is not None:
            for file in _siblings(path):
                tighten_mode(file)
    except BaseException as exc:
        database.close()
        if created and path is not None:
            _remove_new_database(path)
            if loaded and loaded[0].key_file is not None:
                loaded[0].key_file.unlink(missing_ok=True)
        if isinstance(exc, pw.ImproperlyConfigured):
            raise StoreConfigError(
                f"the database URL (POS_DB_URL) cannot be used: {str(exc).rstrip('.')}"
            ) from exc
        if isinstance(exc, (OSError, sqlite3.Error, pw.PeeweeException)):
            raise _unavailable(exc, path) from exc
        raise
    return Store(database, url=url, now=clock, vault=store_vault)


def _check_other_engine(database: pw.Database) -> None:
    """The state check of :func:`check_sqlite_file` for a database that is not a file."""
    if "sale" not in database.get_tables():
        return
    problem = _bad_states(sql_rows(database, _SALE_STATES), "sales have")
    if problem is not None:
        raise DamagedDatabaseError(None, problem, None)
