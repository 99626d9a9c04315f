"""The store: every sale, its journal, the caches and the settings, behind typed methods.

One object made of its parts: :mod:`~pos_app.store.sales` (sales and their journal, the
money-critical part), :mod:`~pos_app.store.history` (search and the print log),
:mod:`~pos_app.store.reports` (X/Z figures, balance readings, closed periods),
:mod:`~pos_app.store.caches`, :mod:`~pos_app.store.settings` and
:mod:`~pos_app.store.users` (cashiers, managers and the action log).

Threads: peewee gives each thread its own connection; writes are meant to come from one
worker thread (the order engine), reads may come from any thread. Several stores (on several
databases) may be open in one process.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pos_app.store.caches import Caches
from pos_app.store.connection import is_sqlite, sql_rows
from pos_app.store.history import History
from pos_app.store.paths import sqlite_file
from pos_app.store.reports import Reports
from pos_app.store.sales import UPDATABLE_FIELDS, SaleFields, Sales
from pos_app.store.sealing import Sealing
from pos_app.store.settings_table import Settings
from pos_app.store.users import Users

__all__ = ["UPDATABLE_FIELDS", "SaleFields", "Store"]


class Store(Sales, History, Reports, Caches, Settings, Users, Sealing):
    """Sales, their journal and its seal, the history, reports, caches, settings, the shop's
    people and the action log in one database.
    Made by ``open_store``."""

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The database URL this store was opened with."""
        return self._url

    @property
    def db_file(self) -> Path | None:
        """The SQLite file behind the store, or None for another engine or memory."""
        return sqlite_file(self._url) if is_sqlite(self._db) else None

    def now(self) -> datetime:
        """The time the store stamps its records with (its own clock: wall time in a shop)."""
        return self._now()

    def release_connection(self) -> None:
        """Close the calling thread's connection (a worker thread calls this before it ends);
        the thread's next call opens a new one."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def integrity_check(self) -> str:
        """ "ok" when the database is sound; otherwise what SQLite found wrong (one problem a
        line). Runs SQLite's ``integrity_check`` and ``foreign_key_check``; "ok" elsewhere."""
        self._open()
        if not is_sqlite(self._db):
            return "ok"
        rows = sql_rows(self._db, "PRAGMA integrity_check")
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        for table, rowid, parent, _ in sql_rows(self._db, "PRAGMA foreign_key_check"):
            problems.append(f"row {rowid} of {table} points to a missing {parent}")
        return "\n".join(problems) if problems else "ok"
